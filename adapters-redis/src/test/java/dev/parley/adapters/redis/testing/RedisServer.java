package dev.parley.adapters.redis.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A Redis for tests. {@link #shared()} resolves one per JVM: the URI in {@code PARLEY_TEST_REDIS_URI}
 * if set; else a {@code redis-server} from the PATH on a free loopback port, without persistence;
 * else a Testcontainers Redis when Docker runs; else it fails with one line saying how to get one.
 * {@link #startLocal} starts a private server a fault test can {@link #stop()} and
 * {@link #restart()} on the same port. Servers this class started are killed when the JVM exits.
 *
 * <pre>{@code
 * String uri = RedisServer.shared().uri(); // redis://127.0.0.1:41234
 * }</pre>
 */
public final class RedisServer implements AutoCloseable {

    public static final String URI_VARIABLE = "PARLEY_TEST_REDIS_URI";
    static final String HOW_TO_GET_ONE = "No Redis for the tests: install one (apt-get install -y redis-server) or set "
            + URI_VARIABLE + "=redis://host:port";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final Set<RedisServer> RUNNING = ConcurrentHashMap.newKeySet();
    private static volatile RedisServer shared;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(RedisServer::close), "redis-server-reaper"));
    }

    /** How a local server keeps its data. */
    public enum Persistence {
        /** {@code --save "" --appendonly no}: a restart starts empty. */
        NONE,
        /** {@code --appendonly yes --appendfsync always}: a restart, even after {@code kill -9}, keeps every acknowledged write. */
        AOF_ALWAYS
    }

    private final String uri;
    private final int port;
    private final List<String> command;
    private final Path directory;
    private final AutoCloseable container;
    private Process process;

    private RedisServer(String uri, int port, List<String> command, Path directory, AutoCloseable container) {
        this.uri = uri;
        this.port = port;
        this.command = command;
        this.directory = directory;
        this.container = container;
    }

    /** The Redis every test of this JVM may share; isolate tests by key prefix, not by flushing. */
    public static RedisServer shared() {
        RedisServer current = shared;
        if (current == null) {
            synchronized (RedisServer.class) {
                current = shared;
                if (current == null) {
                    current = resolve();
                    shared = current;
                }
            }
        }
        return current;
    }

    private static RedisServer resolve() {
        String explicit = System.getenv(URI_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            return new RedisServer(explicit.strip(), -1, List.of(), null, null);
        }
        if (redisServerOnPath()) {
            return startLocal(Persistence.NONE, null);
        }
        if (ContainerRedis.dockerAvailable()) {
            return ContainerRedis.start();
        }
        throw new IllegalStateException(HOW_TO_GET_ONE);
    }

    static RedisServer ofContainer(String uri, AutoCloseable container) {
        return new RedisServer(uri, -1, List.of(), null, container);
    }

    /**
     * Starts a private {@code redis-server} from the PATH on a free loopback port.
     *
     * @param password {@code requirepass} for the server, or null for none
     */
    public static RedisServer startLocal(Persistence persistence, String password) {
        return startLocal(persistence, password, List.of());
    }

    /**
     * Starts a private {@code redis-server} as {@link #startLocal(Persistence, String)} does, with
     * more configuration, e.g. {@code List.of("--maxmemory", "4mb")}.
     */
    public static RedisServer startLocal(Persistence persistence, String password, List<String> extraArguments) {
        Objects.requireNonNull(persistence, "persistence == null");
        if (!redisServerOnPath()) {
            throw new IllegalStateException("This test needs its own redis-server: apt-get install -y redis-server");
        }
        Path directory;
        try {
            directory = Files.createTempDirectory("parley-redis-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for redis-server", e);
        }
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--save", "", "--dir", directory.toString(), "--daemonize", "no"));
            if (persistence == Persistence.AOF_ALWAYS) {
                command.addAll(List.of("--appendonly", "yes", "--appendfsync", "always"));
            } else {
                command.addAll(List.of("--appendonly", "no"));
            }
            if (password != null) {
                command.addAll(List.of("--requirepass", password));
            }
            command.addAll(extraArguments);
            String uri = "redis://" + (password == null ? "" : ":" + password + "@") + "127.0.0.1:" + port;
            RedisServer server = new RedisServer(uri, port, List.copyOf(command), directory, null);
            try {
                server.launch();
                return server;
            } catch (IllegalStateException e) {
                last = e; // most likely the port was taken between probing and binding: try another
            }
        }
        throw last;
    }

    /** {@code redis://[:password@]host:port} */
    public String uri() {
        return uri;
    }

    /** Whether this is a server this class started, which {@link #stop()} and {@link #restart()} control. */
    public boolean isLocal() {
        return !command.isEmpty();
    }

    /** Kills the server at once ({@code SIGKILL}), as a crash would. */
    public synchronized void stop() {
        requireLocal();
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping redis-server", e);
            }
            process = null;
        }
    }

    /**
     * Freezes the server ({@code SIGSTOP}): its connections stay open and the kernel still accepts
     * new ones, but nothing answers, as with a host stalled by swapping or a long fork. Undone by
     * {@link #resume()}.
     */
    public synchronized void pause() {
        signal("-STOP");
    }

    /** Lets a {@link #pause() paused} server run again ({@code SIGCONT}). */
    public synchronized void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        requireLocal();
        if (process == null) {
            throw new IllegalStateException("redis-server is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot signal redis-server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling redis-server", e);
        }
    }

    /** The loopback port the server listens on (-1 for a server this class did not start). */
    public int port() {
        return port;
    }

    /** Stops the server if it runs and starts it again on the same port and directory. */
    public synchronized void restart() {
        stop();
        launch();
    }

    @Override
    public synchronized void close() {
        RUNNING.remove(this);
        if (process != null) {
            process.destroyForcibly();
            process = null;
        }
        if (container != null) {
            try {
                container.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the Redis container", e);
            }
        }
        if (directory != null) {
            deleteQuietly(directory);
        }
    }

    private synchronized void launch() {
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("redis.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server: " + e.getMessage(), e);
        }
        RUNNING.add(this);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited at start (code " + process.exitValue() + "): " + logTail());
            }
            if (answersPing()) {
                return;
            }
            sleep(20);
        }
        process.destroyForcibly();
        throw new IllegalStateException("redis-server did not answer PING within " + START_TIMEOUT.toSeconds() + " s: " + logTail());
    }

    /** Speaks RESP over a plain socket, so the harness depends on no Redis client. */
    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            // A server with a password answers NOAUTH: it is up all the same. LOADING means not yet.
            return reply != null && (reply.startsWith("+PONG") || reply.startsWith("-NOAUTH"));
        } catch (IOException e) {
            return false;
        }
    }

    private String logTail() {
        try (InputStream in = Files.newInputStream(directory.resolve("redis.log"))) {
            String log = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return log.length() > 600 ? log.substring(log.length() - 600) : log;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void requireLocal() {
        if (!isLocal()) {
            throw new UnsupportedOperationException("only a redis-server started by startLocal can be stopped or restarted");
        }
    }

    private static boolean redisServerOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "redis-server"))) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for redis-server", e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
