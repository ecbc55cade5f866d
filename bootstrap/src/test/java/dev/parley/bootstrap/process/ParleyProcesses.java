package dev.parley.bootstrap.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Parley processes of the real jar ({@code -Dparley.jar}, else {@code target/parley.jar}) for the
 * process tests, each with its log in one work directory; {@link #close()} kills them all and
 * deletes the directory. Waits poll until their condition holds or their patience runs out.
 */
final class ParleyProcesses implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Path directory;

    ParleyProcesses(String prefix) throws IOException {
        this.directory = Files.createTempDirectory(prefix);
    }

    /** The work directory: logs, and whatever the test puts there. */
    Path directory() {
        return directory;
    }

    /** What process {@code name} wrote to standard output and error so far. */
    Path log(String name) {
        return directory.resolve(name + ".log");
    }

    /**
     * Starts {@code java -Xmx256m <jvmArguments> -Dmicronaut.server.port=<a free port> -jar parley.jar}
     * as {@code name}, with {@code environment} added to this JVM's; answers its base URL at once.
     */
    URI start(String name, List<String> jvmArguments, Map<String, String> environment) throws IOException {
        int port = freePort();
        launch(name, jvmArguments, List.of("-Dmicronaut.server.port=" + port), environment);
        return URI.create("http://127.0.0.1:" + port);
    }

    /** As {@link #start}, for a process expected to end by itself; the process. */
    Process launch(String name, List<String> jvmArguments, Map<String, String> environment) throws IOException {
        return launch(name, jvmArguments, List.of("-Dmicronaut.server.port=" + freePort()), environment);
    }

    private Process launch(String name, List<String> jvmArguments, List<String> port, Map<String, String> environment)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m"));
        command.addAll(jvmArguments);
        command.addAll(port);
        command.addAll(List.of("-jar", System.getProperty("parley.jar", "target/parley.jar")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(name).toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        processes.put(name, process);
        return process;
    }

    /** Kills process {@code name} with SIGKILL (no shutdown hook runs) and waits until it is gone. */
    void kill(String name) throws InterruptedException {
        Process process = processes.get(name);
        process.destroyForcibly();
        process.waitFor();
    }

    void awaitHealthy(URI base, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("/health")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (ConnectException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError(base + " not healthy within " + patience);
    }

    void awaitLogLine(String name, String text, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log(name)) && Files.readString(log(name)).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " did not log \"" + text + "\" within " + patience + ":\n" + Files.readString(log(name)));
    }

    JsonNode get(URI base, String path) throws IOException, InterruptedException {
        return JSON.readTree(http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    HttpResponse<String> post(URI base, String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws IOException {
        for (Process process : processes.values()) {
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted((x, y) -> y.compareTo(x)).forEach(path -> path.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
