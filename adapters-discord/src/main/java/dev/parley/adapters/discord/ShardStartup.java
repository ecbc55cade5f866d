package dev.parley.adapters.discord;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.StatusChangeEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;

/**
 * Watches the shards come up: which are connected (status {@code CONNECTED}, set just after
 * JDA's ready event), and the first one that shut down before it was (the reason a start must
 * fail with, such as disallowed intents).
 */
final class ShardStartup extends ListenerAdapter {

    private final Set<Integer> ready = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile DiscordStartException failure;
    private volatile boolean aborted;

    @Override
    public void onStatusChange(StatusChangeEvent event) {
        if (event.getNewStatus() == JDA.Status.CONNECTED) {
            ready.add(event.getJDA().getShardInfo().getShardId());
            signal();
        }
    }

    @Override
    public void onShutdown(ShutdownEvent event) {
        int shard = event.getJDA().getShardInfo().getShardId();
        if (!ready.contains(shard) && failure == null) {
            CloseCode code = event.getCloseCode();
            failure = code == CloseCode.DISALLOWED_INTENTS
                    ? new DiscordStartException(DiscordStartException.Reason.INTENTS_REFUSED, "Discord refused the Message Content "
                    + "intent: enable it for the bot in the developer portal (Bot, Privileged Gateway Intents)")
                    : code == CloseCode.AUTHENTICATION_FAILED
                    ? new DiscordStartException(DiscordStartException.Reason.TOKEN_REFUSED,
                    "Discord refused the bot token on the gateway: check the token")
                    : new DiscordStartException(DiscordStartException.Reason.NOT_READY, "Discord shard " + shard
                    + " shut down before it was ready (close code " + event.getCode() + (code == null ? "" : ", " + code.getMeaning()) + ")");
        }
        signal();
    }

    /** Ends a wait in progress, and any later one, at once: the bot is closing. */
    void abort() {
        aborted = true;
        signal();
    }

    /**
     * Waits until {@code count} shards are ready (answers null) or one failed first, or the timeout
     * passed, or {@link #abort()} was called (answers why).
     */
    DiscordStartException await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (ready.size() < count && failure == null) {
                if (aborted) {
                    return new DiscordStartException(DiscordStartException.Reason.CLOSED, "The Discord bot was closed while it started");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return new DiscordStartException(DiscordStartException.Reason.NOT_READY, ready.size() + " of " + count
                            + " Discord shard(s) were ready after " + timeout.toSeconds()
                            + " s: is the gateway reachable, and the identify pacing free?");
                }
                changed.await(left, TimeUnit.NANOSECONDS);
            }
            return failure;
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
