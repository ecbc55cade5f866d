package dev.parley.adapters.redis;

import dev.parley.domain.StorageUnavailableException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs commands and scripts on one {@link RedisConnection}: {@code EVALSHA}, sending the script
 * with {@code EVAL} on {@code NOSCRIPT} (first use on a server, a restart, a failover,
 * {@code SCRIPT FLUSH}); waiting on the caller's thread, never inside a Lettuce callback; turning
 * every Redis failure into a {@link StorageUnavailableException} whose message names the
 * operation and never the URI; and dropping the TCP connection after
 * {@link #DROP_AFTER_SILENT_CALLS} calls in a row got no reply in time, so that a peer that went
 * silent without closing the connection is replaced within seconds rather than when the kernel
 * gives up on it (about 15 minutes of retransmissions on Linux).
 */
final class RedisCalls {

    /** Calls in a row without a reply in time after which the connection is dropped and reconnected. */
    static final int DROP_AFTER_SILENT_CALLS = 3;
    private static final System.Logger LOG = System.getLogger(RedisCalls.class.getName());
    private static final String[] NO_ARGS = new String[0];
    /** Lettuce's own timeout fires first; this only guards against a future that never completes. */
    private static final Duration BACKSTOP_MARGIN = Duration.ofSeconds(1);

    private final RedisConnection connection;
    private final RedisClusterAsyncCommands<String, String> commands;
    private final ScriptClock clock;
    private final Duration backstop;

    RedisCalls(RedisConnection connection, ScriptClock clock) {
        this.connection = Objects.requireNonNull(connection, "connection == null");
        this.commands = connection.async();
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.backstop = connection.timeout().plus(BACKSTOP_MARGIN);
    }

    RedisConnection connection() {
        return connection;
    }

    /** Starts a script; the returned future is completed by Lettuce and must be awaited with {@link #await}. */
    <T> CompletableFuture<T> start(LuaScript script, ScriptOutputType type, List<String> keys, List<String> args) {
        LuaScript sent = clock.variant(script);
        String[] keyArray = keys.toArray(NO_ARGS);
        String[] argArray = withNow(args);
        CompletableFuture<T> first;
        try {
            first = commands.<T>evalsha(sent.sha(), type, keyArray, argArray).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        // The fallback only sends another command: nothing here blocks the Lettuce thread.
        return first.exceptionallyCompose(failure -> {
            if (unwrap(failure) instanceof RedisNoScriptException) {
                LOG.log(System.Logger.Level.DEBUG, "Redis lacks script {0}; sending it", sent.name());
                return commands.<T>eval(sent.source(), type, keyArray, argArray).toCompletableFuture();
            }
            return CompletableFuture.failedFuture(failure);
        });
    }

    private String[] withNow(List<String> args) {
        String now = clock.nowArgument();
        if (now == null) {
            return args.toArray(NO_ARGS);
        }
        String[] out = args.toArray(new String[args.size() + 1]);
        out[args.size()] = now;
        return out;
    }

    /**
     * Runs a script that answers one integer, the lean way for a hot call: {@code EVALSHA}
     * dispatched with its arguments written to the socket as they are (Lettuce's UTF-8 codec would
     * first encode each key and value into a temporary pooled buffer), awaited as Lettuce's own
     * future with no composed stage; only on {@code NOSCRIPT} does this thread send {@code EVAL}
     * with the source and wait again.
     *
     * @param keysThenArgs the {@code keyCount} keys (each a {@link String}), then the arguments; each
     *                     a {@link String} (sent as UTF-8) or a {@code byte[]} (sent as it is, for
     *                     constants encoded once)
     */
    long integerScript(String operation, LuaScript script, int keyCount, Object... keysThenArgs) {
        LuaScript sent = clock.variant(script);
        String routing = (String) keysThenArgs[0];
        try {
            return integer(operation, await(operation, routing, dispatchInteger(CommandType.EVALSHA, sent.sha(), keyCount, keysThenArgs)));
        } catch (StorageUnavailableException e) {
            if (!(e.getCause() instanceof RedisNoScriptException)) {
                throw e;
            }
            LOG.log(System.Logger.Level.DEBUG, "Redis lacks script {0}; sending it", sent.name());
            return integer(operation, await(operation, routing, dispatchInteger(CommandType.EVAL, sent.source(), keyCount, keysThenArgs)));
        }
    }

    private CompletableFuture<Long> dispatchInteger(CommandType type, String shaOrSource, int keyCount, Object[] keysThenArgs) {
        try {
            CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).add(shaOrSource).add(keyCount);
            for (int i = 0; i < keysThenArgs.length; i++) {
                Object arg = keysThenArgs[i];
                if (i < keyCount) {
                    args.addKey((String) arg); // a key, so a cluster connection routes by it
                } else if (arg instanceof byte[] bytes) {
                    args.add(bytes);
                } else {
                    args.add((String) arg);
                }
            }
            String now = clock.nowArgument();
            if (now != null) {
                args.add(now);
            }
            return commands.dispatch(type, new IntegerOutput<>(StringCodec.UTF8), args).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static long integer(String operation, Long reply) {
        if (reply == null) {
            throw new IllegalStateException(operation + " answered no integer");
        }
        return reply;
    }

    <T> T script(String operation, LuaScript script, ScriptOutputType type, List<String> keys, List<String> args) {
        return await(operation, keys.getFirst(), start(script, type, keys, args));
    }

    /** One plain command on {@code key}'s node; {@code send} receives the async API and must not block. */
    <T> T command(String operation, String key, Function<RedisClusterAsyncCommands<String, String>, RedisFuture<T>> send) {
        CompletableFuture<T> future;
        try {
            future = send.apply(commands).toCompletableFuture();
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        return await(operation, key, future);
    }

    /**
     * Waits for a reply to a command on {@code key} (the key routes it on a cluster; it also says
     * which node to reconnect to when the peer has gone silent).
     */
    <T> T await(String operation, String key, CompletableFuture<T> future) {
        try {
            T reply = future.get(backstop.toMillis(), TimeUnit.MILLISECONDS);
            connection.replied();
            return reply;
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RedisCommandTimeoutException) {
                silent(key);
            } else if (cause instanceof RedisCommandExecutionException) {
                connection.replied(); // an error reply is a reply
            }
            if (!(cause instanceof RedisNoScriptException)) { // the caller sends the script and tries again
                failed(operation, failure(cause));
            }
            throw unavailable(operation, cause);
        } catch (CancellationException e) {
            failed(operation, RedisObserver.Failure.OTHER);
            throw unavailable(operation, e);
        } catch (TimeoutException e) {
            future.cancel(true);
            silent(key);
            failed(operation, RedisObserver.Failure.TIMEOUT);
            throw new StorageUnavailableException("Redis unavailable: no reply to " + operation + " within "
                    + backstop.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            failed(operation, RedisObserver.Failure.OTHER);
            throw new StorageUnavailableException("Redis call " + operation + " interrupted while waiting for its reply", e);
        }
    }

    private void failed(String operation, RedisObserver.Failure failure) {
        try {
            connection.observer().commandFailed(operation, failure);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Redis observer failed on a failed " + operation + ": " + e);
        }
    }

    /** The kind of a failure, as {@link #unavailable} words it. */
    static RedisObserver.Failure failure(Throwable cause) {
        if (cause instanceof RedisCommandTimeoutException) {
            return RedisObserver.Failure.TIMEOUT;
        }
        if (cause instanceof RedisCommandExecutionException) {
            return RedisObserver.Failure.ERROR_REPLY;
        }
        if (cause instanceof RedisConnectionException
                || (cause instanceof RedisException && String.valueOf(cause.getMessage()).contains("not connected"))) {
            return RedisObserver.Failure.NOT_CONNECTED;
        }
        return RedisObserver.Failure.OTHER;
    }

    /** What the connection's observer hears of besides failed commands. */
    RedisObserver observer() {
        return connection.observer();
    }

    private void silent(String key) {
        int inARow = connection.noReplyInTime();
        if (inARow == DROP_AFTER_SILENT_CALLS) {
            LOG.log(System.Logger.Level.WARNING, "Redis: {0} calls in a row got no reply in time; dropping the {1} and reconnecting",
                    inARow, connection);
            connection.dropSilentChannel(key);
        }
    }

    /** The adapter's view of a failure: what went wrong in a sentence, with the cause attached for the logs. */
    static StorageUnavailableException unavailable(String operation, Throwable cause) {
        if (cause instanceof StorageUnavailableException already) {
            return already;
        }
        String reason;
        if (cause instanceof RedisCommandTimeoutException) {
            reason = "no reply to " + operation + " in time";
        } else if (cause instanceof RedisCommandExecutionException) {
            reason = "Redis refused " + operation + ": " + firstLine(cause.getMessage());
        } else if (cause instanceof CancellationException) {
            reason = operation + " was cancelled (connection lost)";
        } else if (cause instanceof RedisConnectionException
                || (cause instanceof RedisException && String.valueOf(cause.getMessage()).contains("not connected"))) {
            reason = "not connected, " + operation + " refused at once (the client reconnects by itself)";
        } else {
            reason = "cannot reach Redis for " + operation + " (" + cause.getClass().getSimpleName()
                    + "; the client reconnects by itself)";
        }
        return new StorageUnavailableException("Redis unavailable: " + reason, cause);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
