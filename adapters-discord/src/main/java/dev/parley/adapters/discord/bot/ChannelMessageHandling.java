package dev.parley.adapters.discord.bot;

import dev.parley.application.port.in.AvatarReply;
import dev.parley.application.port.in.ChannelEvent;
import dev.parley.application.port.in.ChannelMessage;
import dev.parley.application.port.in.ChannelReplies;
import dev.parley.application.port.in.ConversationFullException;
import dev.parley.application.port.in.HandleChannelMessage;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageReference;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;

/**
 * The bot's one contact with the application's incoming port: turns a Discord message into a
 * {@link ChannelMessage}, hands it to {@link HandleChannelMessage} with {@link ChannelReplies} that
 * post through the {@link ChannelOutlet} and read Discord's history, and logs the
 * {@link ChannelEvent}s. Every use of the port's records is here, so a change to them changes
 * this class only.
 */
public final class ChannelMessageHandling {

    /** Discord lists at most this many messages per history request. */
    static final int MAX_HISTORY = 100;
    private static final System.Logger LOG = System.getLogger(ChannelMessageHandling.class.getName());

    /** A channel whose conversation is full is warned about at most this often. */
    static final Duration FULL_WARNING_INTERVAL = Duration.ofHours(1);

    private final HandleChannelMessage useCase;
    private final ChannelOutlet outlet;
    private final BotObserver observer;
    private final OncePerChannel fullWarnings;

    public ChannelMessageHandling(HandleChannelMessage useCase, ChannelOutlet outlet) {
        this(useCase, outlet, BotObserver.NONE, Clock.systemUTC());
    }

    /**
     * @param clock the clock of the hourly warning about a full conversation
     */
    public ChannelMessageHandling(HandleChannelMessage useCase, ChannelOutlet outlet, BotObserver observer, Clock clock) {
        this.useCase = Objects.requireNonNull(useCase, "useCase == null");
        this.outlet = Objects.requireNonNull(outlet, "outlet == null");
        this.observer = Objects.requireNonNull(observer, "observer == null");
        this.fullWarnings = new OncePerChannel(clock, FULL_WARNING_INTERVAL);
    }

    /**
     * Handles {@code trigger} as a message of the conversation in {@code where} (its own channel, or
     * the thread the thread flow opened on it), asking {@code summoned} avatars to answer. Blocks
     * until the use case is done; a failure is logged in one line, never with the message's text.
     *
     * @param received when the gateway event arrived ({@link System#nanoTime()}), for the observer
     */
    void handle(Message trigger, GuildMessageChannel where, List<AvatarId> summoned, long received) {
        ChannelId channel = ChannelId.of(where.getId());
        boolean failed = false;
        try {
            ChannelMessage message = toChannelMessage(trigger, channel, summoned);
            useCase.handle(message, new DiscordReplies(where, trigger.getId(), channel), this::log);
        } catch (ConversationFullException e) {
            // The use case rolls a full conversation over, so this is a message that fits no conversation at all: warn hourly at most.
            failed = true;
            if (fullWarnings.due(where.getIdLong())) {
                LOG.log(System.Logger.Level.WARNING, "Discord channel {0}: {1}; the message was neither recorded nor answered"
                        + " (this warning repeats at most hourly per channel)", channel, e.getMessage());
            }
        } catch (RuntimeException e) {
            failed = true;
            LOG.log(System.Logger.Level.WARNING, "Handling Discord message {0} in channel {1} failed: {2}: {3}",
                    trigger.getId(), channel, e.getClass().getSimpleName(), e.getMessage());
        }
        observer.messageHandled(Duration.ofNanos(System.nanoTime() - received), failed);
    }

    private void log(ChannelEvent event) {
        if (event instanceof ChannelEvent.Replied replied) {
            LOG.log(System.Logger.Level.DEBUG, "Avatar {0} answered in {1} post(s)", replied.avatar().id(), replied.posted().size());
        } else if (event instanceof ChannelEvent.Skipped skipped) {
            LOG.log(System.Logger.Level.DEBUG, "Avatar {0} does not answer: {1}", skipped.avatar(), skipped.reason());
        }
    }

    /** {@code message} as the use case sees it, in the conversation of {@code channel}. */
    static ChannelMessage toChannelMessage(Message message, ChannelId channel, List<AvatarId> summoned) {
        Member member = message.getMember();
        String authorName = member != null ? member.getEffectiveName() : message.getAuthor().getEffectiveName();
        boolean bot = message.getAuthor().isBot() || message.isWebhookMessage() || message.getAuthor().isSystem();
        return new ChannelMessage(
                channel,
                GuildId.of(message.getGuild().getId()),
                message.getGuild().getName(),
                MessageId.of(message.getId()),
                UserId.of(message.getAuthor().getId()),
                authorName,
                bot,
                message.getContentDisplay(),
                replyTo(message),
                summoned,
                message.getTimeCreated().toInstant());
    }

    private static Optional<MessageId> replyTo(Message message) {
        MessageReference reference = message.getMessageReference();
        if (reference == null || message.getType() != MessageType.INLINE_REPLY) {
            return Optional.empty();
        }
        return Optional.of(MessageId.of(reference.getMessageId()));
    }

    /** Posts and history for one conversation, bound to the message being handled. */
    private final class DiscordReplies implements ChannelReplies {

        private final GuildMessageChannel where;
        private final String triggerId;
        private final ChannelId channel;

        DiscordReplies(GuildMessageChannel where, String triggerId, ChannelId channel) {
            this.where = where;
            this.triggerId = triggerId;
            this.channel = channel;
        }

        @Override
        public List<MessageId> post(AvatarReply reply) {
            return outlet.post(where, reply.avatar(), reply.chunks()).stream().map(MessageId::of).toList();
        }

        @Override
        public List<ChannelMessage> history(int limit) {
            if (limit < 1) {
                return List.of();
            }
            List<ChannelMessage> history = new ArrayList<>();
            for (Message earlier : outlet.historyBefore(where, triggerId, Math.min(limit, MAX_HISTORY))) {
                history.add(toChannelMessage(earlier, channel, List.of()));
            }
            return history;
        }
    }
}
