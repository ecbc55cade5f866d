package dev.parley.application.responder;

import dev.parley.application.port.in.AvatarNotFoundException;
import dev.parley.application.port.in.AvatarReply;
import dev.parley.application.port.in.ChannelEvent;
import dev.parley.application.port.in.ChannelEvents;
import dev.parley.application.port.in.ChannelMessage;
import dev.parley.application.port.in.ChannelReplies;
import dev.parley.application.port.in.ConversationFullException;
import dev.parley.application.port.in.ConversationNotFoundException;
import dev.parley.application.port.in.HandleChannelMessage;
import dev.parley.application.port.in.ModelNotConfiguredException;
import dev.parley.application.port.in.RollOverConversation;
import dev.parley.application.port.in.ReplyFailedException;
import dev.parley.application.port.in.RespondInChannel;
import dev.parley.application.port.in.RespondOutcome;
import dev.parley.application.port.in.RespondRequest;
import dev.parley.application.port.in.SkipReason;
import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.avatar.Activation;
import dev.parley.domain.avatar.AvatarCatalogue;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.avatar.AvatarProfile;
import dev.parley.domain.avatar.AvatarRoster;
import dev.parley.domain.avatar.Avatars;
import dev.parley.domain.avatar.Presence;
import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.conversation.AppendOutcome;
import dev.parley.domain.conversation.ConversationLimits;
import dev.parley.domain.conversation.ConversationOverview;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationStore;
import dev.parley.domain.conversation.ConversationTail;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.narrative.AvatarJournal;
import dev.parley.domain.narrative.Narrative;
import dev.parley.domain.reply.DenialReason;
import dev.parley.domain.reply.GateDecision;
import dev.parley.domain.reply.ReplyGate;
import dev.parley.domain.reply.ReplyRequest;
import dev.parley.domain.reply.ReplyRules;
import dev.parley.domain.reply.ResponderChoice;
import dev.parley.domain.summary.ChannelSummary;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;

/**
 * Avatars that answer: the channel-message use case ({@link HandleChannelMessage}, the Discord bot's
 * and {@code POST /channels/{id}/messages}) and the one-avatar use case ({@link RespondInChannel},
 * {@code POST /channels/{id}/respond}).
 *
 * <p>Handling a channel message:
 * <ol>
 *   <li><b>Record.</b> The channel's conversation is started if there is none (its requester the
 *       author). On first contact (started now, or holding fewer than the context's messages) the
 *       platform's history is read once and recorded first, leaving out what the conversation
 *       already holds and anything older than its newest message (never recorded out of order). Then
 *       the message, with its author's name; a replay of a recorded message ends the handling there
 *       (it was answered when it first came). A conversation that is full (its messages or bytes
 *       at their limit) is rolled over: archived at once ({@link RollOverConversation}) and the
 *       message recorded as the first of the channel's next conversation; a posted reply that does
 *       not fit rolls over the same way.</li>
 *   <li><b>Plan</b> ({@link ResponderChoice}): the avatars named in the text or summoned, each
 *       activated in the channel's roster; else the avatar whose post it replies to; else the
 *       channel's most recently active avatar. A message ending a chain of
 *       {@link ResponderSettings#maxChain()} bot replies gets nobody.</li>
 *   <li><b>Each chosen avatar, in order,</b> asks the gate; an avatar told to wait within the
 *       longest wait is paced (it waits, then asks again); a final denial skips it. Admitted, its
 *       reply is written ({@link ReplyWriter}), posted through the platform, recorded (reasoning
 *       as THINKING, tool calls, then the reply as one CHAT message with the posts' ids), and its
 *       activity and journal updated; its summary of the channel is refreshed in the background
 *       when due.</li>
 *   <li><b>Failure</b> (the model failed or timed out, left nothing to post, the post failed):
 *       nothing is recorded, the admission's cooldowns are given back, the avatar is skipped, and
 *       one line naming the channel and the avatar is logged, never the texts.</li>
 *   <li><b>Bot to bot.</b> A reply that names other avatars is a trigger for them in turn, written by
 *       the replying avatar, one longer in the chain; bounded by the gate and the chain limit.</li>
 * </ol>
 * Every step is reported to the caller's {@link ChannelEvents}; {@link ChannelEvent.Done} is the last
 * event, also when handling ends with an exception. Safe from many threads: all state is in the
 * ports.
 */
public final class Responder implements HandleChannelMessage, RespondInChannel {

    private static final Logger LOG = System.getLogger(Responder.class.getName());

    private final AvatarCatalogue catalogue;
    private final ConversationStore store;
    private final RollOverConversation rollOver;
    private final AvatarRoster roster;
    private final ReplyGate gate;
    private final AvatarJournal journal;
    private final Optional<ReplyWriter> writer;
    private final ChannelSummarizer summarizer;
    private final ReplyRules rules;
    private final ResponderSettings settings;
    private final Duration idleTime;
    private final ConversationLimits limits;
    private final Clock clock;
    private final Pause pause;
    private final SyntheticIds syntheticIds;

    /**
     * @param rollOver   ends a full conversation so its channel goes on in a new one ({@code ConversationArchiving})
     * @param summarizer keeps the avatars' channel summaries ({@link ChannelSummarizer}, on its background executor)
     * @param idleTime   the idle time of the conversations this starts ({@code ConversationSettings.idleTime()})
     * @param limits     what a message and a conversation may hold ({@code ConversationSettings.limits()}, the
     *     configured ones; there is no constructor that defaults them): a message breaking them is refused
     *     before anything is recorded
     * @param pause      how a paced reply waits ({@link Pause#sleeping()} in production)
     */
    public Responder(ResponderPorts ports, RollOverConversation rollOver, ChannelSummarizer summarizer, ReplyRules rules,
            ResponderSettings settings, Duration idleTime, ConversationLimits limits, Clock clock, Pause pause) {
        Objects.requireNonNull(ports, "ports == null");
        this.rollOver = Objects.requireNonNull(rollOver, "rollOver == null");
        this.limits = Objects.requireNonNull(limits, "limits == null");
        this.catalogue = ports.catalogue();
        this.store = ports.store();
        this.roster = ports.roster();
        this.gate = ports.gate();
        this.journal = ports.journal();
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.writer = ports.model().map(model -> new ReplyWriter(model, roster, clock));
        this.summarizer = Objects.requireNonNull(summarizer, "summarizer == null");
        this.rules = Objects.requireNonNull(rules, "rules == null");
        this.settings = Objects.requireNonNull(settings, "settings == null");
        this.idleTime = Objects.requireNonNull(idleTime, "idleTime == null");
        this.pause = Objects.requireNonNull(pause, "pause == null");
        this.syntheticIds = new SyntheticIds(clock);
    }

    /**
     * {@inheritDoc}
     *
     * @throws ModelNotConfiguredException before anything is recorded, when no model is configured
     */
    @Override
    public void handle(ChannelMessage message, ChannelReplies channel, ChannelEvents events) {
        Objects.requireNonNull(message, "message == null");
        Objects.requireNonNull(channel, "channel == null");
        Objects.requireNonNull(events, "events == null");
        try {
            if (writer.isEmpty()) {
                throw new ModelNotConfiguredException();
            }
            new Handling(message, channel, events).run();
        } finally {
            events.on(new ChannelEvent.Done());
        }
    }

    @Override
    public RespondOutcome respond(RespondRequest request) {
        Objects.requireNonNull(request, "request == null");
        if (writer.isEmpty()) {
            throw new ModelNotConfiguredException();
        }
        Avatars avatars = catalogue.current();
        AvatarProfile profile = avatars.find(request.avatar()).orElseThrow(() -> new AvatarNotFoundException(request.avatar()));
        ThreadId thread = ThreadId.of(request.channel().value());
        if (!store.exists(thread)) {
            throw new ConversationNotFoundException(thread, "channel " + request.channel() + " has no live conversation");
        }
        ReplyRequest ask = new ReplyRequest(request.channel(), request.avatar(), request.trigger(), request.overrideCooldown());
        GateDecision decision = gate.decide(ask);
        if (decision instanceof GateDecision.Denied denied) {
            return new RespondOutcome.NotAdmitted(denied);
        }
        GateDecision.Admitted admitted = (GateDecision.Admitted) decision;
        Draft draft;
        try {
            draft = draft(profile, avatars, request.channel(), (avatar, activation) -> { });
        } catch (ReplyFailure failure) {
            giveUp(ask, admitted, failure);
            throw new ReplyFailedException(failure.reason(), failure.retryAfter(), "avatar " + profile.id() + " could not answer: "
                    + failure.getMessage());
        }
        Message recorded = deliver(profile, request.channel(), draft, List.of());
        return new RespondOutcome.Responded(profile.avatar(), draft.reply().chunks(), recorded);
    }

    /** A reply's draft from the channel's latest state, or a {@link ReplyFailure}. */
    private Draft draft(AvatarProfile profile, Avatars avatars, ChannelId channel,
            java.util.function.BiConsumer<AvatarId, Activation> activated) {
        try {
            ConversationTail tail = store.tail(ThreadId.of(channel.value()), settings.contextMessages())
                    .orElseThrow(() -> new ReplyFailure(SkipReason.STORAGE_UNAVAILABLE, "the channel's conversation ended meanwhile"));
            Optional<ChannelSummary> summary = summarizer.find(channel, profile.id());
            Optional<Narrative> narrative = journal.latestNarrative(profile.id());
            return writer.orElseThrow(ModelNotConfiguredException::new)
                    .write(profile, avatars, channel, tail.recent(), summary, narrative, activated);
        } catch (StorageUnavailableException e) {
            throw new ReplyFailure(SkipReason.STORAGE_UNAVAILABLE, e.getMessage());
        }
    }

    /**
     * Records a posted reply (its reasoning and tool calls first, then the reply as one CHAT message
     * with {@code posted}), touches the avatar's activity, notes the reply in its journal and asks
     * for its summary of the channel to be refreshed when due. The reply is out: a storage failure
     * here is logged, not thrown.
     */
    private Message deliver(AvatarProfile profile, ChannelId channel, Draft draft, List<MessageId> posted) {
        ThreadId thread = ThreadId.of(channel.value());
        Instant now = clock.instant();
        Message reply = Message.chat(now, draft.reply().text()).fromAvatar(profile.id()).withAuthorName(profile.name())
                .withPostedIds(posted);
        try {
            for (Message before : draft.before()) {
                recordReplyPart(profile, channel, thread, before);
            }
            recordReplyPart(profile, channel, thread, reply);
        } catch (StorageUnavailableException e) {
            LOG.log(Level.WARNING, "Avatar {0} answered in channel {1} but the reply was not recorded: {2}", profile.id(), channel,
                    e.getMessage());
        }
        try {
            roster.touch(channel, profile.id());
            journal.recordReply(profile.id(), draft.reply().text(), now);
        } catch (StorageUnavailableException e) {
            LOG.log(Level.WARNING, "Avatar {0} answered in channel {1}; its activity was not updated: {2}", profile.id(), channel,
                    e.getMessage());
        }
        summarizer.afterReply(profile.id(), channel);
        return reply;
    }

    /** Records one message of a posted reply; one that breaks a limit is logged (never its text) and left out. */
    private void recordReplyPart(AvatarProfile profile, ChannelId channel, ThreadId thread, Message part) {
        String refused;
        try {
            limits.check(part);
            AppendOutcome outcome = store.append(thread, part, idleTime, limits);
            if (full(outcome)) {
                // The channel's next conversation is started like the full one: its guild and requester.
                Optional<ConversationOverview> current = store.tail(thread, 0).map(ConversationTail::conversation);
                boolean successor = current.isPresent() && outcome == AppendOutcome.MESSAGE_LIMIT
                        && current.get().messageCount() < limits.maxMessages(); // another caller rolled it over meanwhile
                if (current.isPresent() && !successor) {
                    ConversationOverview was = current.get();
                    rollOver(thread, outcome, was.createdAt(),
                            Conversation.start(thread, was.guildId(), was.guildName(), was.requester(), clock.instant()));
                }
                if (current.isPresent()) {
                    outcome = store.append(thread, part, idleTime, limits);
                }
            }
            refused = switch (outcome) {
                case MESSAGE_LIMIT, BYTE_LIMIT -> new ConversationFullException(thread, outcome, limits).getMessage();
                // Archived (or removed) while the reply was being written and posted: it is in the
                // channel but in no conversation.
                case NO_CONVERSATION -> "thread " + thread.value() + " has no live conversation any more (archived or removed"
                        + " while the reply was posted)";
                default -> null;
            };
        } catch (InvalidInputException e) {
            refused = e.getMessage();
        }
        if (refused != null) {
            LOG.log(Level.WARNING, "Avatar {0} answered in channel {1} but a {2} message of its reply was not recorded: {3}", profile.id(),
                    channel, part.type(), refused);
        }
    }

    private static boolean full(AppendOutcome outcome) {
        return outcome == AppendOutcome.MESSAGE_LIMIT || outcome == AppendOutcome.BYTE_LIMIT;
    }

    /**
     * A message did not fit the thread's conversation created at {@code fullOne} ({@code full}):
     * rolls that conversation over (archived at once) and starts {@code next}, the thread's new
     * conversation, for the message (unless another caller has started one meanwhile).
     */
    private void rollOver(ThreadId thread, AppendOutcome full, Instant fullOne, Conversation next) {
        boolean took = rollOver.rollOver(thread, fullOne);
        LOG.log(Level.INFO, "The conversation of channel {0} is full ({1}): {2}; the channel goes on in a new conversation",
                thread.value(), full == AppendOutcome.MESSAGE_LIMIT ? limits.maxMessages() + " messages" : limits.maxBytes() + " bytes",
                took ? "rolled it over" : "another caller rolled it over first");
        store.create(next, idleTime);
    }

    /** Gives the admission's cooldowns back and logs the failure in one line. */
    private void giveUp(ReplyRequest ask, GateDecision.Admitted admitted, ReplyFailure failure) {
        gate.release(ask, admitted);
        LOG.log(Level.WARNING, "Avatar {0} did not answer in channel {1}: {2} ({3})", ask.avatar(), ask.channel(), failure.reason(),
                failure.getMessage());
    }

    /** One message being handled: its trigger and the triggers its replies become. */
    private final class Handling {

        private final ChannelMessage message;
        private final ChannelReplies channel;
        private final ChannelEvents events;
        private final ChannelId channelId;
        private final ThreadId thread;
        private final Avatars avatars;
        private final Queue<Trigger> triggers = new ArrayDeque<>();
        private boolean interrupted;

        Handling(ChannelMessage message, ChannelReplies channel, ChannelEvents events) {
            this.message = message;
            this.channel = channel;
            this.events = events;
            this.channelId = message.channel();
            this.thread = ThreadId.of(channelId.value());
            this.avatars = catalogue.current();
        }

        void run() {
            if (!record()) {
                return;
            }
            ConversationTail tail = store.tail(thread, settings.contextMessages()).orElseThrow(
                    () -> new StorageUnavailableException("the conversation of channel " + channelId + " ended while its message was handled"));
            triggers.add(new Trigger(message.id(), authorAvatar(message), named(message.summoned(), message.content(), Optional.empty()),
                    repliedTo(tail), chainLength(tail.recent())));
            while (!triggers.isEmpty() && !interrupted) {
                answer(triggers.poll());
            }
        }

        /** Records the message (and, on first contact, the platform's history before it); false for a replay. */
        private boolean record() {
            Message incoming = ChannelMessages.toMessage(message, avatars);
            limits.check(incoming);
            limits.checkText(InputField.GUILD_NAME, message.guildName());
            boolean started = store.create(start(), idleTime);
            ConversationTail known = store.tail(thread, settings.contextMessages()).orElse(null);
            if (started || known == null || known.totalMessages() < settings.contextMessages()) {
                recordHistory(known);
            }
            AppendOutcome outcome = appendStartingOnce(incoming);
            if (full(outcome)) {
                // The conversation read above is the one that is full (its created_at names it for the claim).
                Instant fullOne = known != null ? known.conversation().createdAt()
                        : store.tail(thread, 0).map(tail -> tail.conversation().createdAt()).orElse(Instant.EPOCH);
                rollOver(thread, outcome, fullOne, start());
                outcome = appendStartingOnce(incoming);
            }
            if (full(outcome)) {
                throw new ConversationFullException(thread, outcome, limits);
            }
            boolean replay = outcome == AppendOutcome.DUPLICATE;
            events.on(new ChannelEvent.Recorded(message.id(), replay));
            return !replay;
        }

        /** The channel's conversation as this message starts it: its requester the author. */
        private Conversation start() {
            return Conversation.start(thread, message.guild(), message.guildName(), message.author(), clock.instant());
        }

        /** Appends the message; if the channel has no live conversation (archived since it was started), starts one once. */
        private AppendOutcome appendStartingOnce(Message incoming) {
            AppendOutcome outcome = store.append(thread, incoming, idleTime, limits);
            if (outcome == AppendOutcome.NO_CONVERSATION) {
                store.create(start(), idleTime);
                outcome = store.append(thread, incoming, idleTime, limits);
                if (outcome == AppendOutcome.NO_CONVERSATION) {
                    throw new StorageUnavailableException("the conversation of channel " + channelId + " kept ending while its message was recorded");
                }
            }
            return outcome;
        }

        /**
         * The platform's recent messages not yet in the conversation, oldest first; a platform failure
         * only skips them. Only those newer than the newest message the conversation holds (by id:
         * snowflakes grow with time): appending older ones would put them out of order, and they
         * belong to the channel's earlier conversation when this one began with a rollover.
         */
        private void recordHistory(ConversationTail known) {
            List<ChannelMessage> history;
            try {
                history = channel.history(settings.contextMessages());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Cannot read the history of channel {0}: {1}", channelId, e.getClass().getSimpleName());
                return;
            }
            Set<MessageId> recorded = new HashSet<>();
            if (known != null) {
                for (Message m : known.recent()) {
                    m.id().ifPresent(recorded::add);
                    recorded.addAll(m.postedIds());
                }
            }
            Optional<MessageId> newest = recorded.stream().max(MessageId::compareTo);
            recorded.add(message.id());
            for (ChannelMessage earlier : history) {
                if (newest.isPresent() && earlier.id().compareTo(newest.get()) <= 0) {
                    continue;
                }
                if (recorded.add(earlier.id()) && !recordEarlier(ChannelMessages.toMessage(earlier, avatars))) {
                    return;
                }
            }
        }

        /** Records a message of the platform's history; false once the conversation is full. One that breaks a limit is left out. */
        private boolean recordEarlier(Message earlier) {
            try {
                limits.check(earlier);
            } catch (InvalidInputException e) {
                LOG.log(Level.WARNING, "A message of channel {0}''s history was not recorded: {1}", channelId, e.getMessage());
                return true;
            }
            AppendOutcome outcome = store.append(thread, earlier, idleTime, limits);
            return outcome != AppendOutcome.MESSAGE_LIMIT && outcome != AppendOutcome.BYTE_LIMIT;
        }

        /** The avatar that wrote a platform message: a bot posting under an avatar's name. */
        private Optional<AvatarId> authorAvatar(ChannelMessage m) {
            return m.authorIsBot() ? avatars.named(m.authorName()).map(AvatarProfile::id) : Optional.empty();
        }

        /**
         * The summoned avatars and those {@code text} names, in order, each made active in the channel
         * ({@link ChannelEvent.Activated} for each that was not); never {@code except}.
         */
        private List<AvatarId> named(List<AvatarId> summoned, String text, Optional<AvatarId> except) {
            Set<AvatarId> named = new LinkedHashSet<>();
            summoned.stream().filter(id -> avatars.find(id).isPresent()).forEach(named::add);
            avatars.mentionedIn(text).forEach(profile -> named.add(profile.id()));
            except.ifPresent(named::remove);
            for (AvatarId avatar : named) {
                activated(avatar, roster.activate(channelId, avatar));
            }
            return List.copyOf(named);
        }

        private void activated(AvatarId avatar, Activation activation) {
            if (activation.newlyActive()) {
                events.on(new ChannelEvent.Activated(avatar, activation.deactivatedIds()));
            }
        }

        /** The avatar whose recorded reply the message answers, if it is one of the catalogue's. */
        private Optional<AvatarId> repliedTo(ConversationTail tail) {
            if (message.replyTo().isEmpty()) {
                return Optional.empty();
            }
            MessageId target = message.replyTo().get();
            List<Message> recent = tail.recent();
            for (int i = recent.size() - 1; i >= 0; i--) {
                Message m = recent.get(i);
                if (m.isOrWasPostedAs(target)) {
                    return m.avatar().filter(id -> avatars.find(id).isPresent());
                }
            }
            return Optional.empty();
        }

        private void answer(Trigger trigger) {
            List<AvatarId> active = trigger.author().isPresent() ? List.of() : activeAvatars();
            ResponderChoice.Input input = new ResponderChoice.Input(trigger.named(), trigger.repliedTo(), active, trigger.author(),
                    trigger.chainLength());
            ResponderChoice.Choice choice = ResponderChoice.choose(input, rules.maxRespondersPerMessage(), settings.maxChain());
            if (choice.chainLimited()) {
                ResponderChoice.Input unchained = new ResponderChoice.Input(trigger.named(), trigger.repliedTo(), active, trigger.author(), 0);
                for (AvatarId avatar : ResponderChoice.choose(unchained, rules.maxRespondersPerMessage(), settings.maxChain()).responders()) {
                    events.on(new ChannelEvent.Skipped(avatar, SkipReason.CHAIN_LIMIT));
                }
                return;
            }
            for (AvatarId avatar : choice.responders()) {
                if (interrupted) {
                    return;
                }
                avatars.find(avatar).ifPresent(profile -> answerPaced(profile, trigger));
            }
        }

        private List<AvatarId> activeAvatars() {
            return roster.active(channelId).stream().map(Presence::avatar).filter(id -> avatars.find(id).isPresent()).toList();
        }

        /** Asks the gate until admitted or finally denied, waiting out each pacing within the longest wait. */
        private void answerPaced(AvatarProfile profile, Trigger trigger) {
            ReplyRequest ask = ReplyRequest.of(channelId, profile.id(), trigger.id());
            Instant waitEnds = clock.instant().plus(rules.maxWait());
            while (true) {
                GateDecision decision = gate.decide(ask);
                if (decision instanceof GateDecision.Admitted admitted) {
                    reply(profile, trigger, ask, admitted);
                    return;
                }
                GateDecision.Denied denied = (GateDecision.Denied) decision;
                boolean paced = (denied.reason() == DenialReason.AVATAR_COOLDOWN || denied.reason() == DenialReason.BOT_REPLY_COOLDOWN)
                        && !clock.instant().plus(denied.retryAfter()).isAfter(waitEnds);
                if (!paced) {
                    events.on(new ChannelEvent.Skipped(profile.id(), SkipReason.of(denied.reason())));
                    return;
                }
                events.on(new ChannelEvent.Paced(profile.id(), denied.retryAfter()));
                try {
                    pause.pause(denied.retryAfter());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    interrupted = true;
                    events.on(new ChannelEvent.Skipped(profile.id(), SkipReason.INTERRUPTED));
                    return;
                }
            }
        }

        private void reply(AvatarProfile profile, Trigger trigger, ReplyRequest ask, GateDecision.Admitted admitted) {
            Draft draft;
            List<MessageId> posted;
            try {
                draft = draft(profile, avatars, channelId, this::activated);
                posted = post(profile, draft);
            } catch (ReplyFailure failure) {
                giveUp(ask, admitted, failure);
                events.on(new ChannelEvent.Skipped(profile.id(), failure.reason()));
                return;
            } catch (RuntimeException e) {
                // A bug, not a provider's or a platform's failure: the same give-up, with the trace for whoever fixes it.
                gate.release(ask, admitted);
                LOG.log(Level.ERROR, "Avatar " + profile.id() + " did not answer in channel " + channelId + ": internal error", e);
                events.on(new ChannelEvent.Skipped(profile.id(), SkipReason.INTERNAL_ERROR));
                return;
            }
            deliver(profile, channelId, draft, posted);
            events.on(new ChannelEvent.Replied(profile.avatar(), draft.reply().chunks(), posted));
            List<AvatarId> called = named(List.of(), draft.reply().text(), Optional.of(profile.id()));
            if (!called.isEmpty()) {
                MessageId id = posted.isEmpty() ? syntheticIds.next() : posted.getFirst();
                triggers.add(new Trigger(id, Optional.of(profile.id()), called, Optional.empty(), trigger.chainLength() + 1));
            }
        }

        private List<MessageId> post(AvatarProfile profile, Draft draft) {
            try {
                return List.copyOf(channel.post(new AvatarReply(profile.avatar(), draft.reply().chunks())));
            } catch (RuntimeException e) {
                throw new ReplyFailure(SkipReason.POST_FAILED, "posting failed: " + e.getClass().getSimpleName());
            }
        }
    }

    /**
     * How many messages in a row, ending the history, a bot or an avatar wrote (chat messages only;
     * thinking and tool messages neither count nor break the run).
     */
    static int chainLength(List<Message> history) {
        int chain = 0;
        for (int i = history.size() - 1; i >= 0; i--) {
            Message m = history.get(i);
            if (m.type() != MessageType.CHAT) {
                continue;
            }
            if (!m.writtenByMachine()) {
                break;
            }
            chain++;
        }
        return chain;
    }

    /** A message to answer: the platform's, or an avatar's reply that named others. */
    private record Trigger(MessageId id, Optional<AvatarId> author, List<AvatarId> named, Optional<AvatarId> repliedTo, int chainLength) {
    }
}
