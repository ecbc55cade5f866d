package dev.parley.adapters.redis;

import dev.parley.domain.conversation.ConversationStore;
import dev.parley.domain.conversation.ConversationStoreContract;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The store contract against a real Redis. Redis's clock cannot be moved, so idle times are short
 * and {@link #elapse} sleeps; the tests run concurrently (each under its own key prefix) so the
 * sleeps overlap. Some tests need their next call within one idle time of the last (not claimed
 * before the deadline, the deadline pushed back by each append): a loaded two-core machine has
 * stalled this class's calls for over a second, so the idle time is 3 s.
 */
@Execution(ExecutionMode.CONCURRENT)
class RedisConversationStoreTest extends ConversationStoreContract {

    private final ConversationStore store = new RedisConversationStore(connection(), sweeperConnection(), options());

    RedisConnection connection() {
        return TestConnections.shared();
    }

    RedisConnection sweeperConnection() {
        return TestConnections.sharedSweeper();
    }

    /** A prefix of its own per test: isolation without flushing a server other tests share. */
    RedisStoreOptions options() {
        return RedisStoreOptions.defaults().withKeyPrefix("test-" + UUID.randomUUID());
    }

    @Override
    protected ConversationStore store() {
        return store;
    }

    @Override
    protected Duration idle() {
        return Duration.ofSeconds(3);
    }

    @Override
    protected Duration lease() {
        return Duration.ofSeconds(1);
    }

    @Override
    protected void elapse(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while letting time pass", e);
        }
    }
}
