package dev.parley.domain.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.id.ThreadId;
import dev.parley.domain.testing.AcceptedInputs;
import dev.parley.domain.testing.Seeded;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Whatever a store accepted under its {@link ConversationLimits} comes back exactly as it went in:
 * read whole, read as a tail, listed, and claimed for archiving. The inputs are generated right up
 * to the limits ({@link AcceptedInputs}: text from every plane of Unicode, messages at the size
 * limit, tool parameters at the depth limit, conversations filled to a limit). An adapter's test
 * extends this class as it does {@link ConversationStoreContract}.
 *
 * <p>Replay a failure with {@code -Dparley.seed=<the seed it reports>}.
 */
public abstract class AcceptedInputsRoundTripContract {

    /** Small limits, so that cases reach them often: 2 KiB per message, 32 levels, 30 messages or 24 KiB per conversation. */
    protected static final ConversationLimits LIMITS = new ConversationLimits(2048, 32, 30, 24 * 1024);
    private static final Instant START = Instant.parse("2025-11-25T10:30:00.123456Z");

    protected abstract ConversationStore store();

    /** Lets {@code duration} pass on the store's clock. */
    protected abstract void elapse(Duration duration);

    protected Duration idle() {
        return Duration.ofMinutes(5);
    }

    @Test
    void whateverWasAcceptedIsReadListedAndClaimedBackExactly() {
        Map<ThreadId, Conversation> stored = new ConcurrentHashMap<>();
        Seeded.cases(40).forAll(generated -> new AcceptedInputs(generated, LIMITS)
                        .conversation(ThreadId.of(Long.toString(generated.between(1L, Long.MAX_VALUE))), START, 45),
                expected -> {
                    ThreadId thread = expected.threadId();
                    Conversation empty = new Conversation(thread, expected.createdAt(), expected.createdAt(), expected.summary(),
                            expected.guildId(), expected.guildName(), expected.requester(), List.of(expected.requester()), List.of());
                    assertThat(store().create(empty, idle())).isTrue();
                    for (Message message : expected.history()) {
                        assertThat(store().append(thread, message, idle(), LIMITS)).isEqualTo(AppendOutcome.APPENDED);
                    }

                    assertThat(store().find(thread)).contains(expected);
                    ConversationTail tail = store().tail(thread, 5).orElseThrow();
                    assertThat(tail.totalMessages()).isEqualTo(expected.history().size());
                    assertThat(tail.recent()).isEqualTo(expected.history().subList(Math.max(0, expected.history().size() - 5),
                            expected.history().size()));
                    assertThat(store().overviews()).filteredOn(overview -> overview.threadId().equals(thread)).singleElement()
                            .satisfies(overview -> {
                                assertThat(overview.messageCount()).isEqualTo(expected.history().size());
                                assertThat(overview.summary()).isEqualTo(expected.summary());
                                assertThat(overview.guildName()).isEqualTo(expected.guildName());
                                assertThat(overview.participants()).isEqualTo(expected.participants());
                                assertThat(overview.updatedAt()).isEqualTo(expected.updatedAt());
                            });
                    stored.put(thread, expected);
                });

        elapse(idle().plus(idle().dividedBy(2)));
        List<ClaimedConversation> claimed = store().claimIdle(stored.size() + 10, Duration.ofHours(1));

        assertThat(claimed).hasSize(stored.size());
        for (ClaimedConversation claim : claimed) {
            assertThat(claim.conversation()).isEqualTo(stored.get(claim.conversation().threadId()));
            store().acknowledge(claim.claimId());
        }
    }
}
