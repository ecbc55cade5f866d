package dev.parley.application.conversation;

import static dev.parley.domain.testing.EchoExamples.GUILD;
import static dev.parley.domain.testing.EchoExamples.GUILD_NAME;
import static dev.parley.domain.testing.EchoExamples.OTHER_USER;
import static dev.parley.domain.testing.EchoExamples.REQUESTER;
import static dev.parley.domain.testing.EchoExamples.THREAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.adapters.memory.InMemoryConversationStore;
import dev.parley.application.port.in.ConversationAlreadyExistsException;
import dev.parley.application.port.in.ConversationNotFoundException;
import dev.parley.application.port.in.ConversationQuery;
import dev.parley.application.port.in.LiveConversation;
import dev.parley.application.port.in.NewConversation;
import dev.parley.domain.conversation.AppendOutcome;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.testing.EchoExamples;
import dev.parley.domain.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveConversationsTest {

    private static final Duration IDLE = Duration.ofMinutes(5);

    private final MutableClock clock = MutableClock.at("2025-11-25T10:30:00Z");
    private final InMemoryConversationStore store = new InMemoryConversationStore(clock);
    private final ConversationSettings settings = ConversationSettings.defaults();
    private final LiveConversations live = new LiveConversations(store, clock, settings);
    private final ConversationArchiving archiving = new ConversationArchiving(store, new RecordingArchive(), settings);

    private static NewConversation in(ThreadId thread) {
        return new NewConversation(thread, GUILD, GUILD_NAME, REQUESTER);
    }

    @Test
    void echoDocumentWalkthrough() {
        Conversation created = live.start(in(THREAD));
        assertThat(created.fileName()).isEqualTo(EchoExamples.FILE_NAME);

        live.add(THREAD, EchoExamples.hello());
        live.add(THREAD, EchoExamples.thinking());
        live.add(THREAD, EchoExamples.reply());
        live.add(THREAD, EchoExamples.toolCall());
        live.add(THREAD, EchoExamples.toolCallResponse());

        Conversation conversation = live.find(THREAD).orElseThrow();
        assertThat(conversation.history()).hasSize(5);
        assertThat(conversation.participants()).containsExactly(REQUESTER);
        assertThat(live.isLive(THREAD)).isTrue();
        assertThat(live.isLive(ThreadId.of("42"))).isFalse();

        assertThat(live.remove(THREAD)).isTrue();
        assertThat(live.list(ConversationQuery.ALL)).isEmpty();
        assertThat(live.remove(THREAD)).isFalse();
    }

    @Test
    void creatingTwiceInOneThreadIsRefused() {
        live.start(in(THREAD));

        assertThatThrownBy(() -> live.start(new NewConversation(THREAD, GUILD, GUILD_NAME, OTHER_USER)))
                .isInstanceOf(ConversationAlreadyExistsException.class)
                .hasMessage("thread 1234567890 already has a live conversation");
        assertThat(live.find(THREAD).orElseThrow().requester()).isEqualTo(REQUESTER);
    }

    @Test
    void addingToAThreadWithoutConversationIsRefused() {
        assertThatThrownBy(() -> live.add(THREAD, EchoExamples.hello()))
                .isInstanceOf(ConversationNotFoundException.class)
                .hasMessage("thread 1234567890 has no live conversation");
        assertThat(live.isLive(THREAD)).isFalse();
    }

    @Test
    void aReplayedDiscordMessageIsReportedAndKeptOnce() {
        live.start(in(THREAD));
        Message fromDiscord = EchoExamples.hello().withId(MessageId.of("1311111111111111111"));

        assertThat(live.add(THREAD, fromDiscord)).isEqualTo(AppendOutcome.APPENDED);
        assertThat(live.add(THREAD, fromDiscord)).isEqualTo(AppendOutcome.DUPLICATE);
        assertThat(live.find(THREAD).orElseThrow().history()).hasSize(1);
    }

    @Test
    void summaryIsUpdatedOnTheLiveConversation() {
        live.start(in(THREAD));

        live.update(THREAD, "User asked about async programming");

        assertThat(live.find(THREAD).orElseThrow().summary()).isEqualTo("User asked about async programming");
        assertThatThrownBy(() -> live.update(ThreadId.of("42"), "x")).isInstanceOf(ConversationNotFoundException.class);
    }

    @Test
    void everyAddedMessageResetsTheIdleTime() {
        live.start(in(THREAD));

        for (int i = 0; i < 5; i++) {
            clock.advance(IDLE.minusSeconds(30));
            live.add(THREAD, Message.chat(clock.instant(), "still here " + i).from(REQUESTER));
            assertThat(archiving.sweep()).isZero();
        }
        assertThat(live.isLive(THREAD)).as("a busy conversation outlives many idle times").isTrue();

        clock.advance(IDLE.plusSeconds(1));
        assertThat(archiving.sweep()).isEqualTo(1);
        assertThat(live.isLive(THREAD)).isFalse();
    }

    @Test
    void theListingIsOldestFirstAndFilteredByGuildAndParticipant() {
        live.start(in(ThreadId.of("3")));
        clock.advance(Duration.ofSeconds(1));
        live.start(new NewConversation(ThreadId.of("1"), GuildId.of("111"), "Other", OTHER_USER));
        clock.advance(Duration.ofSeconds(1));
        live.start(in(ThreadId.of("2")));
        live.add(ThreadId.of("2"), Message.chat(clock.instant(), "hi").from(OTHER_USER));

        assertThat(live.list(ConversationQuery.ALL)).extracting(LiveConversation::thread)
                .containsExactly(ThreadId.of("3"), ThreadId.of("1"), ThreadId.of("2"));
        assertThat(live.list(new ConversationQuery(Optional.of(GUILD), Optional.empty()))).extracting(LiveConversation::thread)
                .containsExactly(ThreadId.of("3"), ThreadId.of("2"));
        assertThat(live.list(new ConversationQuery(Optional.of(GUILD), Optional.of(OTHER_USER)))).singleElement()
                .satisfies(line -> {
                    assertThat(line.thread()).isEqualTo(ThreadId.of("2"));
                    assertThat(line.messageCount()).isEqualTo(1);
                    assertThat(line.participants()).containsExactly(REQUESTER, OTHER_USER);
                });
    }

    @Test
    void aConversationAtItsLimitRefusesTheMessageAndStoresNothing() {
        LiveConversations capped = new LiveConversations(store, clock,
                settings.withLimits(dev.parley.domain.conversation.ConversationLimits.defaults().withMaxMessages(2)));
        capped.start(in(THREAD));
        capped.add(THREAD, EchoExamples.hello());
        capped.add(THREAD, EchoExamples.reply());

        assertThatThrownBy(() -> capped.add(THREAD, EchoExamples.thinking()))
                .isInstanceOfSatisfying(dev.parley.application.port.in.ConversationFullException.class, e -> {
                    assertThat(e.limit()).isEqualTo(AppendOutcome.MESSAGE_LIMIT);
                    assertThat(e.getMessage()).isEqualTo("the conversation of thread " + THREAD + " holds its limit of 2 messages");
                });
        assertThat(capped.find(THREAD).orElseThrow().history()).containsExactly(EchoExamples.hello(), EchoExamples.reply());
    }

    @Test
    void aMessageBreakingALimitOnOneMessageIsRefusedBeforeItReachesTheStore() {
        live.start(in(THREAD));

        assertThatThrownBy(() -> live.add(THREAD, Message.chat(clock.instant(), "lone \ud800")))
                .isInstanceOf(dev.parley.domain.InvalidInputException.class)
                .hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> live.update(THREAD, "x".repeat(dev.parley.domain.conversation.ConversationLimits.DEFAULT_MAX_MESSAGE_BYTES + 1)))
                .isInstanceOf(dev.parley.domain.InvalidInputException.class);
        assertThatThrownBy(() -> live.start(new NewConversation(ThreadId.of("77"), GUILD, "\udc00", REQUESTER)))
                .isInstanceOf(dev.parley.domain.InvalidInputException.class);

        assertThat(live.find(THREAD).orElseThrow().history()).isEmpty();
        assertThat(live.find(THREAD).orElseThrow().summary()).isEmpty();
        assertThat(live.isLive(ThreadId.of("77"))).isFalse();
    }
}
