package dev.parley.adapters.discord.bot;

import dev.parley.domain.avatar.AvatarId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.attribute.IWebhookContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * The bot's ears: decides on JDA's event thread, from its cache alone, whether a message is a
 * trigger (guild text channel or thread, allowed, not Parley's own, a bot only if bots may
 * trigger, the permissions present) and hands triggers to {@link BoundedHandling}, which runs
 * them through {@link ChannelMessageHandling} on virtual threads: the messages of one channel (or
 * thread) one after the other in the order they arrived, different channels at the same time.
 *
 * <p><b>Loops.</b> Messages of the bot's own user are never triggers; nor are messages of
 * Parley's webhooks: a webhook message whose webhook is the one recorded for the channel (or one
 * this process posted through before). Other webhooks count as bots. The webhook check may ask
 * the registry, so it runs on the handling thread, never on the event thread.
 *
 * <p><b>Thread flow.</b> With it on, a message that mentions the bot's user in a channel (not in a
 * thread) opens a public thread on that message, and the message is handled in that thread with
 * the default avatar summoned; later messages in the thread are handled like any other.
 */
public final class MessageListener extends ListenerAdapter {

    private static final System.Logger LOG = System.getLogger(MessageListener.class.getName());
    /** Discord's limit for a thread's name. */
    static final int MAX_THREAD_NAME = 100;
    private static final Pattern MENTION = Pattern.compile("<(?:@[!&]?|#)\\d+>");

    private final BotRules rules;
    private final ChannelOutlet outlet;
    private final ChannelMessageHandling handling;
    private final PermissionWarnings warnings;
    private final BoundedHandling running;
    private final BotObserver observer;
    private volatile boolean accepting = true;

    public MessageListener(BotRules rules, ChannelOutlet outlet, ChannelMessageHandling handling, Clock clock, int maxInHand) {
        this(rules, outlet, handling, clock, maxInHand, maxInHand, BotObserver.NONE);
    }

    /**
     * @param maxInHand           messages in hand at once, every channel together; more are dropped
     * @param maxInHandPerChannel messages in hand at once for one channel or thread; more of its messages are dropped
     */
    public MessageListener(BotRules rules, ChannelOutlet outlet, ChannelMessageHandling handling, Clock clock, int maxInHand,
            int maxInHandPerChannel, BotObserver observer) {
        this.rules = Objects.requireNonNull(rules, "rules == null");
        this.outlet = Objects.requireNonNull(outlet, "outlet == null");
        this.handling = Objects.requireNonNull(handling, "handling == null");
        this.observer = Objects.requireNonNull(observer, "observer == null");
        this.warnings = new PermissionWarnings(clock);
        this.running = new BoundedHandling(maxInHand, maxInHandPerChannel, observer);
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        long received = System.nanoTime();
        if (!accepting || !event.isFromGuild()) {
            return;
        }
        Message message = event.getMessage();
        if (message.getType() != MessageType.DEFAULT && message.getType() != MessageType.INLINE_REPLY) {
            return;
        }
        User author = message.getAuthor();
        User self = event.getJDA().getSelfUser();
        if (author.getIdLong() == self.getIdLong()) {
            return;
        }
        if ((author.isBot() || message.isWebhookMessage()) && !rules.replyToBots()) {
            return;
        }
        GuildMessageChannel channel = event.getGuildChannel();
        IWebhookContainer home = ChannelOutlet.homeOf(channel);
        if (home == null || !rules.allows(channel.getId(), home.getId())) {
            return;
        }
        boolean inThread = channel instanceof ThreadChannel;
        boolean opensThread = rules.threadFlow() && !inThread && !message.isWebhookMessage()
                && message.getMentions().getUsers().contains(self);
        Set<Permission> missing = ChannelPermissions.missing(home,
                opensThread ? ChannelPermissions.threadFlow() : ChannelPermissions.avatarFlow(inThread));
        if (!missing.isEmpty()) {
            observer.permissionsMissing(missing.stream().map(Permission::getName).collect(Collectors.toUnmodifiableSet()));
            warnings.lacking(home, missing);
            return;
        }
        // One lane per conversation: its messages are recorded and answered in the order they arrived. A message that
        // opens a thread belongs to the thread's conversation, and Discord gives that thread the message's id: it takes
        // the thread's lane, so the thread's next message waits until the opening one is recorded and answered (else it
        // would read Discord's history while the first reply is posted but not yet recorded, and record that post twice).
        long lane = opensThread ? message.getIdLong() : channel.getIdLong();
        running.submit(lane, () -> handle(message, channel, home, opensThread, received));
    }

    private void handle(Message message, GuildMessageChannel channel, IWebhookContainer home, boolean opensThread, long received) {
        if (message.isWebhookMessage() && outlet.isOwnWebhook(home, message.getAuthor().getIdLong())) {
            return;
        }
        if (!opensThread) {
            handling.handle(message, channel, List.of(), received);
            return;
        }
        ThreadChannel thread;
        try {
            thread = message.createThreadChannel(threadName(message)).complete();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not open a thread on Discord message {0} in channel {1}: {2}: {3}",
                    message.getId(), channel.getId(), e.getClass().getSimpleName(), e.getMessage());
            return;
        }
        AvatarId avatar = rules.defaultAvatar().orElseThrow();
        handling.handle(message, thread, List.of(avatar), received);
    }

    /** The message's text without mentions, cut to Discord's limit; the author's name when nothing is left. */
    static String threadName(Message message) {
        String text = MENTION.matcher(message.getContentRaw()).replaceAll(" ");
        String name = text.codePoints().map(cp -> Character.isISOControl(cp) ? ' ' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
                .replaceAll("\\s+", " ").strip();
        if (name.isEmpty()) {
            name = "Conversation with " + message.getAuthor().getEffectiveName();
        }
        if (name.length() > MAX_THREAD_NAME) {
            int cut = Character.isHighSurrogate(name.charAt(MAX_THREAD_NAME - 1)) ? MAX_THREAD_NAME - 1 : MAX_THREAD_NAME;
            name = name.substring(0, cut).strip();
        }
        return name;
    }

    /** Stops taking messages and waits up to {@code timeout} for those in hand; answers whether all finished. */
    public boolean stopAndDrain(Duration timeout) throws InterruptedException {
        accepting = false;
        return running.drain(timeout);
    }

    /** Interrupts the handling still running after {@link #stopAndDrain} gave up. */
    public void abandon() {
        running.abandon();
    }
}
