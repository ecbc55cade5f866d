package dev.parley.application.responder;

import dev.parley.adapters.llm.OpenAiLanguageModel;
import dev.parley.adapters.llm.OpenAiOptions;
import dev.parley.adapters.llm.testing.FakeOpenAi;
import dev.parley.adapters.memory.InMemoryAvatarJournal;
import dev.parley.adapters.memory.InMemoryAvatarRoster;
import dev.parley.adapters.memory.InMemoryChannelSummaries;
import dev.parley.adapters.memory.InMemoryConversationStore;
import dev.parley.adapters.memory.InMemoryReplyGate;
import dev.parley.application.conversation.ConversationArchiving;
import dev.parley.application.conversation.ConversationSettings;
import dev.parley.application.conversation.RecordingArchive;
import dev.parley.application.port.in.AvatarReply;
import dev.parley.application.port.in.ChannelEvent;
import dev.parley.application.port.in.ChannelMessage;
import dev.parley.application.port.in.ChannelReplies;
import dev.parley.domain.avatar.Avatar;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.avatar.AvatarProfile;
import dev.parley.domain.avatar.Avatars;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import dev.parley.domain.llm.LanguageModel;
import dev.parley.domain.llm.ModelOptions;
import dev.parley.domain.reply.ReplyRules;
import dev.parley.domain.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A responder over the memory adapters, a clock the tests move (a paced reply moves it instead of
 * sleeping) and a real OpenAI client talking to a {@link FakeOpenAi} on loopback. Background
 * work (summaries) is queued until {@link #runBackground()}.
 */
final class ResponderRig {

    static final ChannelId CHANNEL = ChannelId.of("700");
    static final ThreadId THREAD = ThreadId.of("700");
    static final GuildId GUILD = GuildId.of("900");
    static final UserId ALICE = UserId.of("111");
    static final AvatarProfile AVA = new AvatarProfile(profile("ava", "Ava", "You are Ava, a cheerful guide.").avatar().withEmoji("🦊"),
            "You are Ava, a cheerful guide.", ModelOptions.defaults());
    static final AvatarProfile BOB = profile("bob", "Bob", "You are Bob, a grumpy librarian.");
    static final AvatarProfile CY = profile("cy", "Cy", "You are Cy, a poet.");

    final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
    final ReplyRules rules;
    final ResponderSettings settings;
    final Avatars avatars = Avatars.of(List.of(AVA, BOB, CY));
    final InMemoryConversationStore store = new InMemoryConversationStore(clock);
    final InMemoryReplyGate gate;
    final InMemoryAvatarRoster roster;
    final InMemoryAvatarJournal journal = new InMemoryAvatarJournal(10, 5);
    final InMemoryChannelSummaries summaries = new InMemoryChannelSummaries(Duration.ofDays(1), clock);
    final List<Runnable> background = Collections.synchronizedList(new ArrayList<>());
    final List<Duration> pauses = new ArrayList<>();
    final ChannelSummarizer summarizer;
    /** Where the conversations a full channel rolls over go. */
    final RecordingArchive archive = new RecordingArchive();
    final ConversationArchiving archiving;
    final Responder responder;
    final NarrativeWriter narratives;

    ResponderRig(LanguageModel model, ReplyRules rules, ResponderSettings settings) {
        this(Optional.of(model), rules, settings);
    }

    ResponderRig(Optional<LanguageModel> model, ReplyRules rules, ResponderSettings settings) {
        this(model, rules, settings, dev.parley.domain.conversation.ConversationLimits.defaults());
    }

    ResponderRig(Optional<LanguageModel> model, ReplyRules rules, ResponderSettings settings,
            dev.parley.domain.conversation.ConversationLimits limits) {
        this.rules = rules;
        this.settings = settings;
        this.gate = new InMemoryReplyGate(rules, clock);
        this.roster = new InMemoryAvatarRoster(rules.maxActiveAvatarsPerChannel(), clock);
        this.summarizer = new ChannelSummarizer(summaries, store, avatars, model, settings, clock, background::add);
        this.archiving = new ConversationArchiving(store, archive, ConversationSettings.defaults().withLimits(limits), clock);
        this.responder = new Responder(new ResponderPorts(avatars, store, roster, gate, journal, model), archiving, summarizer, rules,
                settings, Duration.ofMinutes(5), limits, clock, duration -> {
                    pauses.add(duration);
                    clock.advance(duration);
                });
        this.narratives = new NarrativeWriter(avatars, journal, gate, model, rules, clock);
    }

    /** A real client of {@code fake}, without retries so a failure is one request. */
    static OpenAiLanguageModel modelOf(FakeOpenAi fake, Duration timeout) {
        return new OpenAiLanguageModel(OpenAiOptions.of(fake.baseUrl(), "sk-test", "fake-model").withMaxRetries(0).withTimeout(timeout));
    }

    static AvatarProfile profile(String id, String name, String personality) {
        return new AvatarProfile(Avatar.named(AvatarId.of(id), name).withImageUrl("https://images.example/" + id + ".png"),
                personality, ModelOptions.defaults());
    }

    /** Alice's message {@code id} in the channel, now. */
    ChannelMessage fromAlice(String id, String text) {
        return new ChannelMessage(CHANNEL, GUILD, "Guild", MessageId.of(id), ALICE, "Alice", false, text, Optional.empty(), List.of(),
                clock.instant());
    }

    /** Alice's message {@code id} replying to the post {@code replyTo}. */
    ChannelMessage fromAliceReplyingTo(String id, String text, String replyTo) {
        return new ChannelMessage(CHANNEL, GUILD, "Guild", MessageId.of(id), ALICE, "Alice", false, text,
                Optional.of(MessageId.of(replyTo)), List.of(), clock.instant());
    }

    /** Another bot's message {@code id}. */
    ChannelMessage fromBot(String id, String name, String text) {
        return new ChannelMessage(CHANNEL, GUILD, "Guild", MessageId.of(id), UserId.of("222"), name, true, text, Optional.empty(),
                List.of(), clock.instant());
    }

    List<Message> history() {
        return store.find(THREAD).map(Conversation::history).orElse(List.of());
    }

    void runBackground() {
        List<Runnable> tasks;
        synchronized (background) {
            tasks = List.copyOf(background);
            background.clear();
        }
        tasks.forEach(Runnable::run);
    }

    /** The events of one handling, in order. */
    static final class Events implements dev.parley.application.port.in.ChannelEvents {

        final List<ChannelEvent> seen = new ArrayList<>();

        @Override
        public void on(ChannelEvent event) {
            seen.add(event);
        }

        <T extends ChannelEvent> List<T> of(Class<T> type) {
            return seen.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /**
     * The platform side of one channel: posts are recorded and get consecutive ids (one per chunk)
     * unless {@link #failing}; its history is what the test gives.
     */
    static final class Channel implements ChannelReplies {

        private final AtomicLong nextId = new AtomicLong(9_000_000_000_000_000_001L);
        final List<AvatarReply> posted = new ArrayList<>();
        List<ChannelMessage> platformHistory = List.of();
        int historyReads;
        boolean failing;
        boolean givesIds = true;
        Function<Integer, List<ChannelMessage>> historyOf = limit -> platformHistory;
        /** Runs as each post is made: what happens elsewhere meanwhile. */
        Runnable whilePosting = () -> {
        };

        @Override
        public List<MessageId> post(AvatarReply reply) {
            whilePosting.run();
            if (failing) {
                throw new IllegalStateException("the platform refused the post");
            }
            posted.add(reply);
            if (!givesIds) {
                return List.of();
            }
            List<MessageId> ids = new ArrayList<>();
            for (int i = 0; i < reply.chunks().size(); i++) {
                ids.add(MessageId.of(Long.toString(nextId.getAndIncrement())));
            }
            return ids;
        }

        @Override
        public List<ChannelMessage> history(int limit) {
            historyReads++;
            return historyOf.apply(limit);
        }
    }
}
