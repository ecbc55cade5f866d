package dev.parley.adapters.redis;

import dev.parley.domain.StorageUnavailableException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
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
 * Runs commands and scripts on the one shared connection: {@code EVALSHA}, re-sending the script
 * on {@code NOSCRIPT} (after a restart or {@code SCRIPT FLUSH}); waiting on the caller's thread,
 * never inside a Lettuce callback; and turning every Redis failure into a
 * {@link StorageUnavailableException} whose message names the operation and never the URI.
 */
final class RedisCalls {

    private static final System.Logger LOG = System.getLogger(RedisCalls.class.getName());
    private static final String[] NO_ARGS = new String[0];
    /** Lettuce's own timeout fires first; this only guards against a future that never completes. */
    private static final Duration BACKSTOP_MARGIN = Duration.ofSeconds(1);

    private final RedisAsyncCommands<String, String> commands;
    private final Duration backstop;

    RedisCalls(StatefulRedisConnection<String, String> connection) {
        this.commands = Objects.requireNonNull(connection, "connection == null").async();
        this.backstop = connection.getTimeout().plus(BACKSTOP_MARGIN);
    }

    /** Sends every script once so the first calls need no fallback; a failure here is only logged. */
    void preload() {
        try {
            for (LuaScript script : LuaScript.ALL) {
                await("script load", commands.scriptLoad(script.source()).toCompletableFuture());
            }
        } catch (StorageUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not load the Redis scripts at start ({0}); they are sent on first use", e.getMessage());
        }
    }

    /** Starts a script; the returned future is completed by Lettuce and must be awaited with {@link #await}. */
    <T> CompletableFuture<T> start(LuaScript script, ScriptOutputType type, List<String> keys, List<String> args) {
        String[] keyArray = keys.toArray(NO_ARGS);
        String[] argArray = args.toArray(NO_ARGS);
        CompletableFuture<T> first;
        try {
            first = commands.<T>evalsha(script.sha(), type, keyArray, argArray).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        // The fallback only sends another command: nothing here blocks the Lettuce thread.
        return first.exceptionallyCompose(failure -> {
            if (unwrap(failure) instanceof RedisNoScriptException) {
                LOG.log(System.Logger.Level.DEBUG, "Redis lost script {0}; sending it again", script.name());
                return commands.<T>eval(script.source(), type, keyArray, argArray).toCompletableFuture();
            }
            return CompletableFuture.failedFuture(failure);
        });
    }

    /**
     * Runs a script that answers one integer, the lean way for a hot call: {@code EVALSHA}
     * dispatched with its arguments written to the socket as they are (Lettuce's UTF-8 codec would
     * first encode each key and value into a temporary pooled buffer), awaited as Lettuce's own
     * future with no composed stage; only on {@code NOSCRIPT} does this thread send {@code EVAL}
     * with the source and wait again.
     *
     * @param keysThenArgs the {@code keyCount} keys, then the arguments; each a {@link String} (sent as UTF-8)
     *                     or a {@code byte[]} (sent as it is, for constants encoded once)
     */
    long integerScript(String operation, LuaScript script, int keyCount, Object... keysThenArgs) {
        try {
            return integer(operation, await(operation, dispatchInteger(CommandType.EVALSHA, script.sha(), keyCount, keysThenArgs)));
        } catch (StorageUnavailableException e) {
            if (!(e.getCause() instanceof RedisNoScriptException)) {
                throw e;
            }
            LOG.log(System.Logger.Level.DEBUG, "Redis lost script {0}; sending it again", script.name());
            return integer(operation, await(operation, dispatchInteger(CommandType.EVAL, script.source(), keyCount, keysThenArgs)));
        }
    }

    private CompletableFuture<Long> dispatchInteger(CommandType type, String shaOrSource, int keyCount, Object[] keysThenArgs) {
        try {
            CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).add(shaOrSource).add(keyCount);
            for (Object arg : keysThenArgs) {
                if (arg instanceof byte[] bytes) {
                    args.add(bytes);
                } else {
                    args.add((String) arg);
                }
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
        return await(operation, start(script, type, keys, args));
    }

    /** One plain command; {@code send} receives the async API and must not block. */
    <T> T command(String operation, Function<RedisAsyncCommands<String, String>, RedisFuture<T>> send) {
        CompletableFuture<T> future;
        try {
            future = send.apply(commands).toCompletableFuture();
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        return await(operation, future);
    }

    <T> T await(String operation, CompletableFuture<T> future) {
        try {
            return future.get(backstop.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            throw unavailable(operation, unwrap(e));
        } catch (CancellationException e) {
            throw unavailable(operation, e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new StorageUnavailableException("Redis unavailable: no reply to " + operation + " within "
                    + backstop.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new StorageUnavailableException("Redis call " + operation + " interrupted while waiting for its reply", e);
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

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
