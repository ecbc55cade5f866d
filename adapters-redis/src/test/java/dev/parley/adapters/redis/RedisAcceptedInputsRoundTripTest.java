package dev.parley.adapters.redis;

import dev.parley.domain.conversation.AcceptedInputsRoundTripContract;
import dev.parley.domain.conversation.ConversationStore;
import java.time.Duration;
import java.util.UUID;

/** Accepted inputs round-trip through a real Redis: the Lua scripts and the message codec keep every part exactly. */
class RedisAcceptedInputsRoundTripTest extends AcceptedInputsRoundTripContract {

    private final ConversationStore store = new RedisConversationStore(TestConnections.shared(), TestConnections.sharedSweeper(),
            RedisStoreOptions.defaults().withKeyPrefix("test-" + UUID.randomUUID()));

    @Override
    protected ConversationStore store() {
        return store;
    }

    @Override
    protected Duration idle() {
        return Duration.ofSeconds(3);
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
