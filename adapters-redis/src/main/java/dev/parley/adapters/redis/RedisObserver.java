package dev.parley.adapters.redis;

/**
 * What the Redis adapters report as it happens, for whoever watches the instance (the bootstrap
 * turns it into metrics): failed commands, and what the sweep's claims set aside or lost. Called
 * on the caller's thread, after the fact; it must return quickly and never throw. Every method
 * does nothing by default; {@link #NONE} ignores everything.
 *
 * <p>The operation names are the adapters' constants ({@code "append"}, {@code "admit"},
 * {@code "claim idle"}, …): a bounded set, never an id or a key.
 */
public interface RedisObserver {

    /** Ignores everything: what a connection reports to when nobody asked. */
    RedisObserver NONE = new RedisObserver() {
    };

    /** Why a command failed. */
    enum Failure {
        /** No reply within the command timeout (a hung or unreachable server). */
        TIMEOUT,
        /** Redis answered with an error ({@code OOM}, {@code READONLY}, a script error). */
        ERROR_REPLY,
        /** Refused at once: the connection is down and the client is reconnecting. */
        NOT_CONNECTED,
        /** Anything else (the connection cut off mid-command, an interrupted wait). */
        OTHER
    }

    /** A command of {@code operation} failed; the caller gets a {@link dev.parley.domain.StorageUnavailableException}. */
    default void commandFailed(String operation, Failure failure) {
    }

    /** A claim was handed out too often without being read back and was set aside as a dead letter. */
    default void deadLettered() {
    }

    /** {@code count} idle conversations expired by TTL before any sweeper archived them: they are lost. */
    default void expiredUnarchived(long count) {
    }
}
