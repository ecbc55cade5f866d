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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Redis Cluster of three masters for tests: three {@code redis-server --cluster-enabled yes} on
 * free loopback ports (each also needs its port + 10000 free, the cluster bus), joined by
 * {@code redis-cli --cluster create … --cluster-replicas 0 --cluster-yes}, without persistence.
 * {@link #shared()} starts one per JVM, killed when the JVM exits.
 *
 * <pre>{@code
 * List<String> uris = RedisCluster.shared().uris(); // [redis://127.0.0.1:41234, ...]
 * }</pre>
 */
public final class RedisCluster implements AutoCloseable {

    private static final int MASTERS = 3;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static volatile RedisCluster shared;

    private final List<Integer> ports;
    private final List<Process> processes;
    private final Path directory;

    private RedisCluster(List<Integer> ports, List<Process> processes, Path directory) {
        this.ports = ports;
        this.processes = processes;
        this.directory = directory;
    }

    /** The cluster every test of this JVM may share; isolate tests by key prefix. */
    public static RedisCluster shared() {
        RedisCluster current = shared;
        if (current == null) {
            synchronized (RedisCluster.class) {
                current = shared;
                if (current == null) {
                    current = start();
                    shared = current;
                    RedisCluster started = current;
                    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "redis-cluster-reaper"));
                }
            }
        }
        return current;
    }

    /** Starts a cluster of its own, which the caller closes. */
    public static RedisCluster start() {
        Path directory;
        try {
            directory = Files.createTempDirectory("parley-redis-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the cluster", e);
        }
        List<Integer> ports = freeClusterPorts(MASTERS);
        List<Process> processes = new ArrayList<>();
        RedisCluster cluster = new RedisCluster(ports, processes, directory);
        try {
            for (int port : ports) {
                Path node = Files.createDirectories(directory.resolve(Integer.toString(port)));
                processes.add(new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                        "--cluster-enabled", "yes", "--cluster-config-file", node.resolve("nodes.conf").toString(),
                        "--cluster-node-timeout", "5000", "--save", "", "--appendonly", "no", "--dir", node.toString(),
                        "--daemonize", "no"))
                        .redirectErrorStream(true)
                        .redirectOutput(node.resolve("redis.log").toFile())
                        .start());
            }
            for (int port : ports) {
                awaitReply(port, "PING", "+PONG");
            }
            List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
            ports.forEach(port -> create.add("127.0.0.1:" + port));
            create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
            Process joining = new ProcessBuilder(create).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("create.log").toFile()).start();
            if (!joining.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || joining.exitValue() != 0) {
                joining.destroyForcibly();
                throw new IllegalStateException("redis-cli --cluster create failed: " + tail(directory.resolve("create.log")));
            }
            for (int port : ports) {
                awaitReply(port, "CLUSTER INFO", "cluster_state:ok");
            }
            return cluster;
        } catch (IOException e) {
            cluster.close();
            throw new IllegalStateException("cannot start a Redis Cluster (redis-server and redis-cli must be on the PATH: "
                    + "apt-get install -y redis-server): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cluster.close();
            throw new IllegalStateException("interrupted while starting a Redis Cluster", e);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** One URI per master, {@code redis://127.0.0.1:<port>}: what {@code redis.uris} takes. */
    public List<String> uris() {
        return ports.stream().map(port -> "redis://127.0.0.1:" + port).toList();
    }

    /** {@link #uris()} joined by commas, as the {@code REDIS_URIS} environment variable takes them. */
    public String urisJoined() {
        return String.join(",", uris());
    }

    @Override
    public synchronized void close() {
        processes.forEach(Process::destroyForcibly);
        processes.clear();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }

    /** Sends {@code command} over plain RESP until the reply contains {@code expected}. */
    private static void awaitReply(int port, String command, String expected) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (reply(port, command).contains(expected)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the cluster", e);
            }
        }
        throw new IllegalStateException("cluster node " + port + " did not answer " + command + " with " + expected
                + " within " + READY_TIMEOUT.toSeconds() + " s");
    }

    private static String reply(int port, String command) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String first = in.readLine();
            if (first == null) {
                return "";
            }
            if (!first.startsWith("$")) {
                return first;
            }
            char[] body = new char[Integer.parseInt(first.substring(1))];
            int read = 0;
            while (read < body.length) {
                int n = in.read(body, read, body.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            return new String(body, 0, read);
        } catch (IOException | NumberFormatException e) {
            return "";
        }
    }

    /** Ports that are free and whose cluster-bus port (+10000) is free too. */
    private static List<Integer> freeClusterPorts(int count) {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < count) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (port + 10_000 <= 65_535 && isFree(port + 10_000) && !ports.contains(port)) {
                    ports.add(port);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free loopback port", e);
            }
        }
        return List.copyOf(ports);
    }

    private static boolean isFree(int port) {
        try {
            new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path log) {
        try (InputStream in = Files.newInputStream(log)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return text.length() > 600 ? text.substring(text.length() - 600) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
