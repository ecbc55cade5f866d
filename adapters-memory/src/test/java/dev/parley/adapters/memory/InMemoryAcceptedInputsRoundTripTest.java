package dev.parley.adapters.memory;

import dev.parley.domain.conversation.AcceptedInputsRoundTripContract;
import dev.parley.domain.conversation.ConversationStore;
import dev.parley.domain.testing.MutableClock;
import java.time.Duration;

class InMemoryAcceptedInputsRoundTripTest extends AcceptedInputsRoundTripContract {

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final InMemoryConversationStore store = new InMemoryConversationStore(clock);

    @Override
    protected ConversationStore store() {
        return store;
    }

    @Override
    protected void elapse(Duration duration) {
        clock.advance(duration);
    }
}
