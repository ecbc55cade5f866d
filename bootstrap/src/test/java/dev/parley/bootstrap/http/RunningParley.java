package dev.parley.bootstrap.http;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A Parley server started for one test with its own configuration and archive directory; close() stops it. */
public final class RunningParley implements AutoCloseable {

    private final EmbeddedServer server;
    private final Path archive;

    private RunningParley(EmbeddedServer server, Path archive) {
        this.server = server;
        this.archive = archive;
    }

    /** Starts Parley on a free loopback port with a fresh archive directory and {@code properties} on top. */
    public static RunningParley start(Map<String, Object> properties) {
        return start(TempArchive.create(), properties);
    }

    /** Starts Parley on a free loopback port on the archive directory {@code archive} (deleted by close()) and {@code properties} on top. */
    public static RunningParley start(Path archive, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>();
        all.put("parley.archive.directory", archive.toString());
        all.put("micronaut.server.port", -1);
        all.putAll(properties);
        return new RunningParley(ApplicationContext.run(EmbeddedServer.class, all, "test"), archive);
    }

    public ApiClient client() {
        return new ApiClient(server.getURL());
    }

    public ApiClient client(String token) {
        return new ApiClient(server.getURL(), token);
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public Path archive() {
        return archive;
    }

    /** Stops the server and its context (the shutdown save runs), keeping the archive for inspection. */
    public void stop() {
        if (server.isRunning()) {
            server.stop();
        }
        if (server.getApplicationContext().isRunning()) {
            server.getApplicationContext().close();
        }
    }

    @Override
    public void close() {
        stop();
        TempArchive.delete(archive);
    }
}
