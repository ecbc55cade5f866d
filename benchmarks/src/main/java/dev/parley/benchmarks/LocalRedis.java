package dev.parley.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Redis a benchmark runs against: the one at {@code --redis-uri}, or a {@code redis-server}
 * started here on a free loopback port (no persistence) and stopped at the end.
 */
final class LocalRedis implements AutoCloseable {

    private final String uri;
    private final Process process;
    private final Path directory;

    private LocalRedis(String uri, Process process, Path directory) {
        this.uri = uri;
        this.process = process;
        this.directory = directory;
    }

    static LocalRedis at(String uri) {
        return new LocalRedis(uri, null, null);
    }

    static LocalRedis start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path directory = Files.createTempDirectory("parley-bench-redis");
        Process process = new ProcessBuilder(List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", directory.toString()))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("redis.log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return new LocalRedis("redis://127.0.0.1:" + port, process, directory);
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("redis-server exited: see " + directory.resolve("redis.log"));
                }
                Thread.sleep(20);
            }
        }
        process.destroyForcibly();
        throw new IOException("redis-server did not answer on port " + port + " within 10 s");
    }

    String uri() {
        return uri;
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
        }
    }

    @Override
    public String toString() {
        return process == null ? "Redis at " + uri : "redis-server started on " + uri + " (data in " + directory + ")";
    }
}
