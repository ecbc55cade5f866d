package dev.parley.domain.conversation;

import static dev.parley.domain.testing.EchoExamples.CREATED_AT;
import static dev.parley.domain.testing.EchoExamples.GUILD;
import static dev.parley.domain.testing.EchoExamples.GUILD_NAME;
import static dev.parley.domain.testing.EchoExamples.OTHER_USER;
import static dev.parley.domain.testing.EchoExamples.REQUESTER;
import static dev.parley.domain.testing.EchoExamples.THREAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.testing.Concurrently;
import dev.parley.domain.testing.EchoExamples;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ConversationStore} must have. An adapter's test extends this class,
 * gives a fresh, empty store per test and a way to let the store's clock move on.
 *
 * <p>Idle times here are {@link #idle()} long; an adapter whose clock it cannot move (Redis uses the
 * server's {@code TIME}) picks a short idle time and lets {@link #elapse} sleep.
 */
public abstract class ConversationStoreContract {

    /** A lease no test outlives. */
    protected static final Duration LONG_LEASE = Duration.ofHours(1);

    /** The store under test: fresh and empty for each test. */
    protected abstract ConversationStore store();

    /** Lets {@code duration} pass on the store's clock. */
    protected abstract void elapse(Duration duration);

    /** The idle time the tests use; long enough that a slow machine does not expire a conversation by accident. */
    protected Duration idle() {
        return Duration.ofMinutes(5);
    }

    /**
     * The lease the tests wait out to see a claim handed out again; short on a real clock. Tests
     * that need a claim to stay leased across the next calls use {@link #LONG_LEASE} instead, so
     * no stall between two calls can end it.
     */
    protected Duration lease() {
        return idle();
    }

    private Conversation conversation(String thread) {
        return Conversation.start(ThreadId.of(thread), GUILD, GUILD_NAME, REQUESTER, CREATED_AT);
    }

    private static Message chat(int n) {
        return Message.chat(CREATED_AT.plusSeconds(n), "message " + n).from(REQUESTER);
    }

    @Test
    void createdConversationIsFoundAsCreated() {
        Conversation created = EchoExamples.newConversation();

        assertThat(store().create(created, idle())).isTrue();

        assertThat(store().find(THREAD)).contains(created);
        assertThat(store().exists(THREAD)).isTrue();
        assertThat(store().count()).isEqualTo(1);
    }

    @Test
    void creatingAnExistingThreadChangesNothing() {
        store().create(EchoExamples.newConversation(), idle());
        store().append(THREAD, EchoExamples.hello(), idle(), ConversationLimits.defaults());

        Conversation other = Conversation.start(THREAD, GUILD, "Another", OTHER_USER, CREATED_AT.plusSeconds(60));
        assertThat(store().create(other, idle())).isFalse();

        assertThat(store().find(THREAD).orElseThrow().history()).containsExactly(EchoExamples.hello());
        assertThat(store().find(THREAD).orElseThrow().requester()).isEqualTo(REQUESTER);
    }

    @Test
    void unknownThreadIsNotFound() {
        assertThat(store().find(THREAD)).isEmpty();
        assertThat(store().exists(THREAD)).isFalse();
        assertThat(store().remove(THREAD)).isFalse();
        assertThat(store().updateSummary(THREAD, "x")).isFalse();
        assertThat(store().append(THREAD, EchoExamples.hello(), idle(), ConversationLimits.defaults())).isEqualTo(AppendOutcome.NO_CONVERSATION);
        assertThat(store().exists(THREAD)).isFalse();
    }

    @Test
    void appendedMessagesAreKeptInOrderWithEveryPartIntact() {
        store().create(EchoExamples.newConversation(), idle());
        List<Message> messages = EchoExamples.oneOfEachType();

        for (Message message : messages) {
            assertThat(store().append(THREAD, message, idle(), ConversationLimits.defaults())).isEqualTo(AppendOutcome.APPENDED);
        }

        Conversation expected = EchoExamples.newConversation();
        for (Message message : messages) {
            expected = expected.append(message).conversation();
        }
        assertThat(store().find(THREAD)).contains(expected);
    }

    @Test
    void participantsAreTheRequesterThenNewSendersInOrderOfFirstAppearance() {
        store().create(EchoExamples.newConversation(), idle());

        store().append(THREAD, chat(1), idle(), ConversationLimits.defaults());
        store().append(THREAD, Message.chat(CREATED_AT.plusSeconds(2), "ai reply"), idle(), ConversationLimits.defaults());
        store().append(THREAD, chat(3).from(OTHER_USER), idle(), ConversationLimits.defaults());
        store().append(THREAD, chat(4), idle(), ConversationLimits.defaults());
        store().append(THREAD, chat(5).from(OTHER_USER), idle(), ConversationLimits.defaults());

        assertThat(store().find(THREAD).orElseThrow().participants()).containsExactly(REQUESTER, OTHER_USER);
    }

    @Test
    void updatedAtIsTheLatestMessageTime() {
        store().create(EchoExamples.newConversation(), idle());

        store().append(THREAD, chat(30), idle(), ConversationLimits.defaults());
        store().append(THREAD, chat(10), idle(), ConversationLimits.defaults());

        assertThat(store().find(THREAD).orElseThrow().updatedAt()).isEqualTo(CREATED_AT.plusSeconds(30));
    }

    @Test
    void aReplayedMessageIdIsKeptOnce() {
        store().create(EchoExamples.newConversation(), idle());
        Message withId = EchoExamples.hello().withId(MessageId.of("1311111111111111111"));

        assertThat(store().append(THREAD, withId, idle(), ConversationLimits.defaults())).isEqualTo(AppendOutcome.APPENDED);
        assertThat(store().append(THREAD, withId, idle(), ConversationLimits.defaults())).isEqualTo(AppendOutcome.DUPLICATE);
        assertThat(store().append(THREAD, EchoExamples.hello(), idle(), ConversationLimits.defaults())).isEqualTo(AppendOutcome.APPENDED);
        assertThat(store().append(THREAD, EchoExamples.hello(), idle(), ConversationLimits.defaults()))
                .as("messages without an id are never taken for replays")
                .isEqualTo(AppendOutcome.APPENDED);

        assertThat(store().find(THREAD).orElseThrow().history()).hasSize(3);
    }

    @Test
    void aPlatformMessageWithTheIdOfAPostedReplyIsThatReplyAgain() {
        store().create(EchoExamples.newConversation(), idle());
        MessageId posted = MessageId.of("1311111111111111112");
        Message reply = Message.chat(EchoExamples.CREATED_AT.plusSeconds(1), "posted as two messages")
                .withPostedIds(List.of(MessageId.of("1311111111111111111"), posted));

        assertThat(store().append(THREAD, reply, idle(), ConversationLimits.defaults())).isEqualTo(AppendOutcome.APPENDED);
        assertThat(store().append(THREAD, Message.chat(EchoExamples.CREATED_AT.plusSeconds(2), "posted as two messages").withId(posted),
                idle(), ConversationLimits.defaults())).as("the platform's copy of the reply's second post").isEqualTo(AppendOutcome.DUPLICATE);

        assertThat(store().find(THREAD).orElseThrow().history()).hasSize(1);
    }

    @Test
    void aConversationCreatedWithAPostedReplyKnowsThePostsIdsToo() {
        MessageId posted = MessageId.of("1311111111111111112");
        Conversation withReply = EchoExamples.newConversation().append(Message.chat(EchoExamples.CREATED_AT.plusSeconds(1), "a reply")
                .withPostedIds(List.of(posted))).conversation();
        store().create(withReply, idle());

        assertThat(store().append(THREAD, Message.chat(EchoExamples.CREATED_AT.plusSeconds(2), "a reply").withId(posted), idle(),
                ConversationLimits.defaults())).isEqualTo(AppendOutcome.DUPLICATE);
    }

    @Test
    void summaryIsReplaced() {
        store().create(EchoExamples.newConversation(), idle());

        assertThat(store().updateSummary(THREAD, "User asked about async programming")).isTrue();

        assertThat(store().find(THREAD).orElseThrow().summary()).isEqualTo("User asked about async programming");
    }

    @Test
    void removedConversationIsGoneAndNeverClaimed() {
        store().create(EchoExamples.newConversation(), idle());

        assertThat(store().remove(THREAD)).isTrue();
        elapse(idle().plus(idle()));

        assertThat(store().exists(THREAD)).isFalse();
        assertThat(store().count()).isZero();
        assertThat(store().claimIdle(10, lease())).isEmpty();
    }

    @Test
    void findAllIsASnapshotOfEveryLiveConversation() {
        for (int i = 1; i <= 5; i++) {
            store().create(conversation("10" + i), idle());
        }
        store().remove(ThreadId.of("103"));

        assertThat(store().findAll()).extracting(Conversation::threadId)
                .containsExactlyInAnyOrder(ThreadId.of("101"), ThreadId.of("102"), ThreadId.of("104"), ThreadId.of("105"));
        assertThat(store().count()).isEqualTo(4);
    }

    @Test
    void conversationIsNotClaimedBeforeItsIdleDeadline() {
        store().create(EchoExamples.newConversation(), idle());

        assertThat(store().claimIdle(10, lease())).isEmpty();
        assertThat(store().exists(THREAD)).isTrue();
    }

    @Test
    void idleConversationIsClaimedOnceWithItsFullHistoryAndLeavesLiveState() {
        store().create(EchoExamples.newConversation(), idle());
        store().append(THREAD, EchoExamples.hello(), idle(), ConversationLimits.defaults());
        elapse(idle().plusMillis(idle().toMillis() / 2));

        List<ClaimedConversation> claimed = store().claimIdle(10, LONG_LEASE);

        assertThat(claimed).hasSize(1);
        assertThat(claimed.getFirst().conversation().history()).containsExactly(EchoExamples.hello());
        assertThat(store().exists(THREAD)).isFalse();
        assertThat(store().find(THREAD)).isEmpty();
        assertThat(store().claimIdle(10, LONG_LEASE)).as("still leased").isEmpty();
    }

    @Test
    void everyAppendPushesTheIdleDeadlineBack() {
        store().create(EchoExamples.newConversation(), idle());
        Duration step = Duration.ofMillis(idle().toMillis() * 2 / 3);

        for (int i = 0; i < 3; i++) {
            elapse(step);
            store().append(THREAD, chat(i), idle(), ConversationLimits.defaults());
            assertThat(store().claimIdle(10, lease())).as("claimed after append %d", i).isEmpty();
        }
        elapse(idle().plus(step));

        assertThat(store().claimIdle(10, lease())).hasSize(1);
    }

    @Test
    void claimNowTakesALiveConversationBeforeItsDeadlineAndItsThreadStartsAfreshAtOnce() {
        store().create(EchoExamples.newConversation(), idle());
        store().append(THREAD, EchoExamples.hello(), idle(), ConversationLimits.defaults());

        ClaimedConversation claimed = store().claimNow(THREAD, CREATED_AT, LONG_LEASE).orElseThrow();

        assertThat(claimed.conversation().history()).containsExactly(EchoExamples.hello());
        assertThat(store().exists(THREAD)).isFalse();
        assertThat(store().append(THREAD, chat(1), idle(), ConversationLimits.defaults())).isEqualTo(AppendOutcome.NO_CONVERSATION);
        assertThat(store().claimNow(THREAD, CREATED_AT, LONG_LEASE)).as("nothing live left to take").isEmpty();
        assertThat(store().claimIdle(10, LONG_LEASE)).as("leased like an idle claim").isEmpty();

        Conversation next = Conversation.start(THREAD, GUILD, GUILD_NAME, REQUESTER, CREATED_AT.plusSeconds(60));
        assertThat(store().create(next, idle())).isTrue();
        assertThat(store().append(THREAD, EchoExamples.hello(), idle(), ConversationLimits.defaults()))
                .as("a new conversation, whose ids start empty").isEqualTo(AppendOutcome.APPENDED);
        assertThat(store().renewLease(claimed.claimId(), LONG_LEASE)).isTrue();
        store().acknowledge(claimed.claimId());
        assertThat(store().renewLease(claimed.claimId(), LONG_LEASE)).isFalse();
        assertThat(store().find(THREAD).orElseThrow().history()).containsExactly(EchoExamples.hello());
    }

    @Test
    void claimNowOfAThreadWithoutALiveConversationTakesNothing() {
        assertThat(store().claimNow(THREAD, CREATED_AT, LONG_LEASE)).isEmpty();
        store().create(EchoExamples.newConversation(), idle());
        store().remove(THREAD);
        assertThat(store().claimNow(THREAD, CREATED_AT, LONG_LEASE)).isEmpty();
        assertThatThrownBy(() -> store().claimNow(THREAD, CREATED_AT, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void claimNowTakesOnlyTheConversationCreatedAtTheGivenTimeSoALateCallerLeavesTheNextOneAlone() {
        store().create(EchoExamples.newConversation(), idle());
        assertThat(store().claimNow(THREAD, CREATED_AT, LONG_LEASE)).as("the first caller takes the full one").isPresent();
        Conversation next = Conversation.start(THREAD, GUILD, GUILD_NAME, REQUESTER, CREATED_AT.plusSeconds(60));
        store().create(next, idle());
        store().append(THREAD, chat(1), idle(), ConversationLimits.defaults());

        assertThat(store().claimNow(THREAD, CREATED_AT, LONG_LEASE)).as("a late caller naming the full one").isEmpty();

        assertThat(store().find(THREAD).orElseThrow().history()).containsExactly(chat(1));
        assertThat(store().claimNow(THREAD, next.createdAt(), LONG_LEASE)).as("named rightly").isPresent();
    }

    @Test
    void anUnacknowledgedClaimNowIsHandedOutAgainAfterItsLeaseLikeAnIdleClaim() {
        store().create(EchoExamples.newConversation(), idle());
        ClaimedConversation first = store().claimNow(THREAD, CREATED_AT, lease()).orElseThrow();

        assertHandedOutAgainAfterItsLease(first);
    }

    @Test
    void racingClaimNowCallersTakeAConversationOnce() throws Exception {
        int conversations = 40;
        for (int i = 0; i < conversations; i++) {
            store().create(conversation(String.valueOf(7000 + i)), idle());
        }
        List<ClaimedConversation> taken = java.util.Collections.synchronizedList(new ArrayList<>());
        Concurrently.run(4, caller -> {
            for (int i = 0; i < conversations; i++) {
                store().claimNow(ThreadId.of(String.valueOf(7000 + i)), CREATED_AT, LONG_LEASE).ifPresent(taken::add);
            }
        });

        assertThat(taken).hasSize(conversations);
        assertThat(taken.stream().map(c -> c.conversation().threadId()).distinct()).hasSize(conversations);
        assertThat(store().count()).isZero();
    }

    @Test
    void anUnacknowledgedClaimIsHandedOutAgainAfterItsLease() {
        store().create(EchoExamples.newConversation(), idle());
        elapse(idle().plus(idle()));
        ClaimedConversation first = store().claimIdle(10, lease()).getFirst();

        assertHandedOutAgainAfterItsLease(first);
    }

    /** Once {@code first}'s lease has ended without an acknowledgement, the sweep's claim hands it out again, the same claim. */
    private void assertHandedOutAgainAfterItsLease(ClaimedConversation first) {
        elapse(lease().plus(lease()));
        List<ClaimedConversation> again = store().claimIdle(10, lease());

        assertThat(again).hasSize(1);
        assertThat(again.getFirst().claimId()).isEqualTo(first.claimId());
        assertThat(again.getFirst().conversation()).isEqualTo(first.conversation());
    }

    @Test
    void anAcknowledgedClaimIsNeverHandedOutAgain() {
        store().create(EchoExamples.newConversation(), idle());
        elapse(idle().plus(idle()));
        ClaimedConversation claimed = store().claimIdle(10, lease()).getFirst();

        store().acknowledge(claimed.claimId());
        store().acknowledge(claimed.claimId());
        elapse(lease().plus(lease()));

        assertThat(store().claimIdle(10, lease())).isEmpty();
    }

    @Test
    void claimTakesAtMostMax() {
        for (int i = 1; i <= 5; i++) {
            store().create(conversation("20" + i), idle());
        }
        elapse(idle().plus(idle()));

        List<ClaimedConversation> first = store().claimIdle(3, LONG_LEASE);
        List<ClaimedConversation> rest = store().claimIdle(3, LONG_LEASE);

        assertThat(first).hasSize(3);
        assertThat(rest).hasSize(2);
        Set<ThreadId> all = new HashSet<>();
        first.forEach(c -> all.add(c.conversation().threadId()));
        rest.forEach(c -> all.add(c.conversation().threadId()));
        assertThat(all).hasSize(5);
    }

    @Test
    void aThreadStartsAFreshConversationWhileItsOldOneAwaitsArchiving() {
        store().create(EchoExamples.newConversation(), idle());
        store().append(THREAD, chat(1), idle(), ConversationLimits.defaults());
        elapse(idle().plus(idle()));
        ClaimedConversation old = store().claimIdle(10, lease()).getFirst();

        Conversation fresh = Conversation.start(THREAD, GUILD, GUILD_NAME, REQUESTER, CREATED_AT.plusSeconds(3600));
        assertThat(store().create(fresh, idle())).isTrue();
        store().append(THREAD, chat(2), idle(), ConversationLimits.defaults());
        elapse(idle().plus(idle()));
        List<ClaimedConversation> next = store().claimIdle(10, lease());

        assertThat(next).extracting(ClaimedConversation::conversation).extracting(Conversation::createdAt)
                .contains(fresh.createdAt());
        ClaimedConversation second = next.stream()
                .filter(c -> c.conversation().createdAt().equals(fresh.createdAt())).findFirst().orElseThrow();
        assertThat(second.claimId()).isNotEqualTo(old.claimId());
        assertThat(second.conversation().history()).containsExactly(chat(2));
        assertThat(old.conversation().history()).containsExactly(chat(1));
    }

    @Test
    void manyThreadsAppendingToOneAndToManyConversationsLoseNothing() throws Exception {
        int writers = 8;
        int perWriter = 100;
        store().create(conversation("300"), idle());
        for (int w = 0; w < writers; w++) {
            store().create(conversation("31" + w), idle());
        }
        Concurrently.run(writers, writer -> {
            for (int i = 0; i < perWriter; i++) {
                Message m = Message.chat(CREATED_AT.plusMillis(i), writer + ":" + i).from(REQUESTER);
                assertThat(store().append(ThreadId.of("300"), m, idle(), ConversationLimits.defaults())).isEqualTo(AppendOutcome.APPENDED);
                assertThat(store().append(ThreadId.of("31" + writer), m, idle(), ConversationLimits.defaults())).isEqualTo(AppendOutcome.APPENDED);
            }
        });

        List<Message> shared = store().find(ThreadId.of("300")).orElseThrow().history();
        assertThat(shared).hasSize(writers * perWriter);
        assertThat(shared).extracting(Message::content).doesNotHaveDuplicates();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            List<String> own = store().find(ThreadId.of("31" + w)).orElseThrow().history().stream().map(Message::content).toList();
            assertThat(own).hasSize(perWriter);
            assertThat(own).as("one writer's messages stay in its order")
                    .isEqualTo(java.util.stream.IntStream.range(0, perWriter).mapToObj(i -> writer + ":" + i).toList());
            assertThat(shared.stream().map(Message::content).filter(c -> c.startsWith(writer + ":")).toList())
                    .as("the shared history keeps each writer's order").isEqualTo(own);
        }
    }

    @Test
    void racingClaimersClaimEachIdleConversationExactlyOnce() throws Exception {
        int conversations = 200;
        for (int i = 0; i < conversations; i++) {
            store().create(conversation(String.valueOf(4000 + i)), idle());
        }
        elapse(idle().plus(idle()));
        int claimers = 4;
        Set<ThreadId> seen = ConcurrentHashMap.newKeySet();
        List<ThreadId> all = java.util.Collections.synchronizedList(new ArrayList<>());
        Concurrently.run(claimers, claimer -> {
            List<ClaimedConversation> batch;
            do {
                batch = store().claimIdle(7, LONG_LEASE);
                for (ClaimedConversation claimed : batch) {
                    seen.add(claimed.conversation().threadId());
                    all.add(claimed.conversation().threadId());
                    store().acknowledge(claimed.claimId());
                }
            } while (!batch.isEmpty());
        });

        assertThat(all).hasSize(conversations);
        assertThat(seen).hasSize(conversations);
        assertThat(store().count()).isZero();
    }

    @Test
    void overviewsGiveEveryLiveConversationWithItsMessageCountWithoutItsHistory() {
        store().create(EchoExamples.newConversation(), idle());
        for (Message message : EchoExamples.oneOfEachType()) {
            store().append(THREAD, message, idle(), ConversationLimits.defaults());
        }
        store().append(THREAD, chat(90).from(OTHER_USER), idle(), ConversationLimits.defaults());
        store().updateSummary(THREAD, "a summary");
        store().create(conversation("601"), idle());
        store().create(conversation("602"), idle());
        store().remove(ThreadId.of("602"));

        List<ConversationOverview> overviews = store().overviews();

        assertThat(overviews).containsExactlyInAnyOrder(
                ConversationOverview.of(store().find(THREAD).orElseThrow()),
                ConversationOverview.of(store().find(ThreadId.of("601")).orElseThrow()));
        ConversationOverview echo = overviews.stream().filter(o -> o.threadId().equals(THREAD)).findFirst().orElseThrow();
        assertThat(echo.messageCount()).isEqualTo(EchoExamples.oneOfEachType().size() + 1);
        assertThat(echo.updatedAt()).isEqualTo(CREATED_AT.plusSeconds(90));
        assertThat(echo.participants()).containsExactly(REQUESTER, OTHER_USER);
    }

    @Test
    void theTailIsTheLastMessagesWithTheWholeHistorysLength() {
        store().create(EchoExamples.newConversation(), idle());
        for (int i = 1; i <= 7; i++) {
            store().append(THREAD, chat(i), idle(), ConversationLimits.defaults());
        }
        store().append(THREAD, EchoExamples.avatarReply(), idle(), ConversationLimits.defaults());
        store().updateSummary(THREAD, "a summary");

        ConversationTail tail = store().tail(THREAD, 3).orElseThrow();

        Conversation whole = store().find(THREAD).orElseThrow();
        assertThat(tail).isEqualTo(ConversationTail.of(whole, 3));
        assertThat(tail.recent()).containsExactly(chat(6), chat(7), EchoExamples.avatarReply());
        assertThat(tail.totalMessages()).isEqualTo(8);
        assertThat(tail.conversation().summary()).isEqualTo("a summary");
    }

    @Test
    void aTailLongerThanTheHistoryHoldsItAllAndAnEmptyTailOnlyTheLength() {
        store().create(EchoExamples.newConversation(), idle());
        store().append(THREAD, chat(1), idle(), ConversationLimits.defaults());
        store().append(THREAD, chat(2), idle(), ConversationLimits.defaults());

        assertThat(store().tail(THREAD, 50).orElseThrow().recent()).containsExactly(chat(1), chat(2));
        ConversationTail none = store().tail(THREAD, 0).orElseThrow();
        assertThat(none.recent()).isEmpty();
        assertThat(none.totalMessages()).isEqualTo(2);
        assertThat(store().tail(ThreadId.of("404"), 5)).isEmpty();
        assertThatThrownBy(() -> store().tail(THREAD, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void claimingZeroTakesNothingAndANegativeMaxIsRefused() {
        store().create(EchoExamples.newConversation(), idle());
        elapse(idle().plus(idle()));

        assertThat(store().claimIdle(0, LONG_LEASE)).isEmpty();
        assertThat(store().exists(THREAD)).as("still live").isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store().claimIdle(-1, LONG_LEASE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store().claimIdle(1, LONG_LEASE)).hasSize(1);
    }

    @Test
    void acknowledgingOrRenewingAnIdNeverHandedOutChangesNothing() {
        store().create(EchoExamples.newConversation(), idle());
        elapse(idle().plus(idle()));
        ClaimedConversation claimed = store().claimIdle(10, lease()).getFirst();

        for (String stranger : List.of("", "not-a-claim", "0:1:2", "99999:1:2", "0:1234567890:99999999999999999999",
                "3f2b1c9e-0000-4000-8000-000000000000", claimed.claimId() + "x")) {
            store().acknowledge(stranger);
            assertThat(store().renewLease(stranger, LONG_LEASE)).as("renewing %s", stranger).isFalse();
        }
        elapse(lease().plus(lease()));

        assertThat(store().claimIdle(10, lease())).as("the real claim is still pending")
                .extracting(ClaimedConversation::claimId).containsExactly(claimed.claimId());
    }

    @Test
    void aRenewedLeaseOutlastsTheOriginalOneAndEndsWithTheRenewal() {
        store().create(EchoExamples.newConversation(), idle());
        elapse(idle().plus(idle()));
        Duration lease = lease().multipliedBy(4);
        ClaimedConversation claimed = store().claimIdle(10, lease).getFirst();
        elapse(lease.dividedBy(2));

        assertThat(store().renewLease(claimed.claimId(), lease)).isTrue();
        elapse(lease.dividedBy(4).multipliedBy(3));
        assertThat(store().claimIdle(10, lease)).as("past the first lease, within the renewed one").isEmpty();
        elapse(lease.dividedBy(2));

        assertThat(store().claimIdle(10, lease)).extracting(ClaimedConversation::claimId).containsExactly(claimed.claimId());
    }

    @Test
    void anAcknowledgedClaimCannotBeRenewed() {
        store().create(EchoExamples.newConversation(), idle());
        elapse(idle().plus(idle()));
        ClaimedConversation claimed = store().claimIdle(10, LONG_LEASE).getFirst();

        store().acknowledge(claimed.claimId());

        assertThat(store().renewLease(claimed.claimId(), LONG_LEASE)).isFalse();
    }

    @Test
    void aConversationAtItsMessageLimitRefusesTheNextMessageAndKeepsWhatItHas() {
        ConversationLimits threeMessages = ConversationLimits.defaults().withMaxMessages(3);
        store().create(EchoExamples.newConversation(), idle());
        Message first = chat(0).withId(MessageId.of("1311111111111111111"));
        store().append(THREAD, first, idle(), threeMessages);
        store().append(THREAD, chat(1), idle(), threeMessages);
        store().append(THREAD, chat(2), idle(), threeMessages);

        assertThat(store().append(THREAD, chat(3), idle(), threeMessages)).isEqualTo(AppendOutcome.MESSAGE_LIMIT);
        assertThat(store().append(THREAD, chat(4).from(OTHER_USER).withId(MessageId.of("1322222222222222222")), idle(),
                threeMessages)).isEqualTo(AppendOutcome.MESSAGE_LIMIT);
        assertThat(store().append(THREAD, first, idle(), threeMessages)).as("a replay is a duplicate however full").isEqualTo(
                AppendOutcome.DUPLICATE);

        Conversation kept = store().find(THREAD).orElseThrow();
        assertThat(kept.history()).containsExactly(first, chat(1), chat(2));
        assertThat(kept.participants()).as("a refused message adds no participant").containsExactly(REQUESTER);
        assertThat(store().append(THREAD, chat(4).withId(MessageId.of("1322222222222222222")), idle(),
                ConversationLimits.defaults())).as("a refused message's id was not taken").isEqualTo(AppendOutcome.APPENDED);
    }

    @Test
    void aMessageThatWouldTakeTheConversationOverItsByteLimitIsRefused() {
        ConversationLimits hundredBytes = new ConversationLimits(100, 32, 1_000, 100);
        store().create(EchoExamples.newConversation(), idle());
        Message sixty = Message.chat(CREATED_AT, "é".repeat(30)); // 60 bytes of UTF-8
        Message forty = Message.chat(CREATED_AT, "x".repeat(40));

        assertThat(store().append(THREAD, sixty, idle(), hundredBytes)).isEqualTo(AppendOutcome.APPENDED);
        assertThat(store().append(THREAD, sixty, idle(), hundredBytes)).isEqualTo(AppendOutcome.BYTE_LIMIT);
        assertThat(store().append(THREAD, forty, idle(), hundredBytes)).as("exactly at the limit").isEqualTo(AppendOutcome.APPENDED);
        assertThat(store().append(THREAD, Message.chat(CREATED_AT, "y"), idle(), hundredBytes)).isEqualTo(AppendOutcome.BYTE_LIMIT);

        assertThat(store().find(THREAD).orElseThrow().history()).containsExactly(sixty, forty);
        assertThat(store().find(THREAD).orElseThrow().weight()).isEqualTo(100);
    }

    @Test
    void aRefusedMessageDoesNotMoveTheIdleDeadline() {
        ConversationLimits oneMessage = ConversationLimits.defaults().withMaxMessages(1);
        store().create(EchoExamples.newConversation(), idle());
        store().append(THREAD, chat(0), idle(), oneMessage);
        elapse(Duration.ofMillis(idle().toMillis() * 2 / 3));

        assertThat(store().append(THREAD, chat(1), idle(), oneMessage)).isEqualTo(AppendOutcome.MESSAGE_LIMIT);
        elapse(Duration.ofMillis(idle().toMillis() * 2 / 3));

        assertThat(store().claimIdle(10, LONG_LEASE)).as("idle since its last accepted message").hasSize(1);
    }
}
