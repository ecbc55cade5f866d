package dev.parley.adapters.discord.platform;

import dev.parley.adapters.discord.bot.BotObserver;
import dev.parley.adapters.discord.bot.ChannelOutlet;
import dev.parley.domain.avatar.Avatar;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.WebhookId;
import dev.parley.domain.platform.ChannelWebhook;
import dev.parley.domain.platform.ChannelWebhooks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Webhook;
import net.dv8tion.jda.api.entities.WebhookClient;
import net.dv8tion.jda.api.entities.channel.attribute.IWebhookContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * Posts as avatars through one webhook per channel, shared by every instance through the
 * {@link ChannelWebhooks} registry (driven side of the bot).
 *
 * <p><b>Finding the webhook.</b> The registry's entry for the channel (a thread's parent); else
 * Parley's webhook already on Discord (named {@value #WEBHOOK_NAME}, owned by the bot: found again
 * after a restart on memory storage); else a new one. The first one recorded wins: an instance
 * that created a webhook and lost the race deletes it again.
 *
 * <p><b>Posting.</b> Each chunk is one webhook execution with {@code wait=true}, in order, as the
 * avatar ({@link AvatarNames}, its image as {@code avatar_url}), in a thread with {@code thread_id};
 * {@code allowed_mentions} parses users only, never {@code @everyone}, {@code @here} or roles. If
 * Discord answers Unknown Webhook (deleted there), the registry forgets it and the post continues,
 * once, through a webhook found or created anew.
 */
public final class WebhookOutlet implements ChannelOutlet {

    /** The name of the webhooks Parley creates; every post overrides it with the avatar's. */
    public static final String WEBHOOK_NAME = "Parley";
    /** The only mentions a reply may ping: users named in it. Never everyone, here or roles. */
    public static final Set<Message.MentionType> ALLOWED_MENTIONS = Collections.unmodifiableSet(EnumSet.of(Message.MentionType.USER));
    private static final System.Logger LOG = System.getLogger(WebhookOutlet.class.getName());
    private static final int LOCK_STRIPES = 64;

    private final ChannelWebhooks registry;
    private final BotObserver observer;
    /** Webhooks this process has posted through: their echoes are never triggers, even once replaced. */
    private final Set<Long> ownWebhooks = ConcurrentHashMap.newKeySet();
    private final ReentrantLock[] finding = new ReentrantLock[LOCK_STRIPES];

    public WebhookOutlet(ChannelWebhooks registry) {
        this(registry, BotObserver.NONE);
    }

    /** @param observer told of each chunk posted */
    public WebhookOutlet(ChannelWebhooks registry, BotObserver observer) {
        this.registry = Objects.requireNonNull(registry, "registry == null");
        this.observer = Objects.requireNonNull(observer, "observer == null");
        for (int i = 0; i < LOCK_STRIPES; i++) {
            finding[i] = new ReentrantLock();
        }
    }

    @Override
    public List<String> post(GuildMessageChannel channel, Avatar avatar, List<String> chunks) {
        IWebhookContainer home = ChannelOutlet.homeOf(channel);
        if (home == null) {
            throw new IllegalArgumentException("channel " + channel.getId() + " has no channel that takes webhooks");
        }
        String threadId = channel instanceof ThreadChannel ? channel.getId() : null;
        String username = AvatarNames.forWebhook(avatar);
        String avatarUrl = avatar.imageUrl().orElse(null);
        ChannelWebhook webhook = webhookFor(home);
        boolean renewed = false;
        List<String> posted = new ArrayList<>(chunks.size());
        int next = 0;
        while (next < chunks.size()) {
            try {
                Message message = WebhookClient.createClient(channel.getJDA(), webhook.id().value(), webhook.token())
                        .sendMessage(chunks.get(next))
                        .setUsername(username)
                        .setAvatarUrl(avatarUrl)
                        .setThreadId(threadId)
                        .setAllowedMentions(ALLOWED_MENTIONS)
                        .mentionRepliedUser(false)
                        .complete();
                posted.add(message.getId());
                observer.chunkPosted();
                next++;
            } catch (ErrorResponseException e) {
                if (e.getErrorResponse() != ErrorResponse.UNKNOWN_WEBHOOK || renewed) {
                    throw failed(channel, posted.size(), chunks.size(), e);
                }
                LOG.log(System.Logger.Level.INFO, "Webhook {0} of Discord channel {1} was deleted on Discord; finding or creating another",
                        webhook.id(), home.getId());
                registry.forget(webhook);
                webhook = webhookFor(home);
                renewed = true;
            } catch (RuntimeException e) {
                throw failed(channel, posted.size(), chunks.size(), e);
            }
        }
        return List.copyOf(posted);
    }

    @Override
    public List<Message> historyBefore(GuildMessageChannel channel, String messageId, int limit) {
        List<Message> newestFirst = channel.getHistoryBefore(messageId, Math.min(Math.max(limit, 1), 100)).complete().getRetrievedHistory();
        List<Message> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    @Override
    public boolean isOwnWebhook(IWebhookContainer home, long webhookId) {
        if (ownWebhooks.contains(webhookId)) {
            return true;
        }
        Optional<ChannelWebhook> recorded = registry.find(ChannelId.of(home.getId()));
        if (recorded.isPresent() && recorded.get().id().value().equals(Long.toUnsignedString(webhookId))) {
            ownWebhooks.add(webhookId);
            return true;
        }
        return false;
    }

    /** The webhook Parley posts through in {@code home}: recorded, found on Discord, or created. */
    private ChannelWebhook webhookFor(IWebhookContainer home) {
        ChannelId channel = ChannelId.of(home.getId());
        Optional<ChannelWebhook> recorded = registry.find(channel);
        if (recorded.isPresent()) {
            return remember(recorded.get());
        }
        ReentrantLock lock = finding[Math.floorMod(Long.hashCode(home.getIdLong()), LOCK_STRIPES)];
        lock.lock();
        try {
            // Another thread of this process may have recorded one while this one waited.
            recorded = registry.find(channel);
            if (recorded.isPresent()) {
                return remember(recorded.get());
            }
            Optional<Webhook> existing = parleysWebhookOnDiscord(home);
            Webhook webhook = existing.isPresent() ? existing.get() : home.createWebhook(WEBHOOK_NAME).complete();
            ChannelWebhook candidate = new ChannelWebhook(channel, WebhookId.of(webhook.getId()), webhook.getToken());
            ChannelWebhook kept = registry.putIfAbsent(candidate);
            if (!kept.sameWebhookAs(candidate) && existing.isEmpty()) {
                // Another instance recorded its own first: this one is surplus (Discord allows few per channel).
                webhook.delete().queue(ok -> { }, failure -> LOG.log(System.Logger.Level.INFO,
                        "Could not delete surplus webhook {0} of Discord channel {1}: {2}", webhook.getId(), home.getId(),
                        failure.getMessage()));
            }
            return remember(kept);
        } finally {
            lock.unlock();
        }
    }

    private Optional<Webhook> parleysWebhookOnDiscord(IWebhookContainer home) {
        long self = home.getJDA().getSelfUser().getIdLong();
        return home.retrieveWebhooks().complete().stream()
                .filter(w -> w.getToken() != null && WEBHOOK_NAME.equals(w.getName()))
                .filter(w -> w.getOwnerAsUser() != null && w.getOwnerAsUser().getIdLong() == self)
                .findFirst();
    }

    private ChannelWebhook remember(ChannelWebhook webhook) {
        ownWebhooks.add(Long.parseUnsignedLong(webhook.id().value()));
        return webhook;
    }

    private static DiscordPostException failed(GuildMessageChannel channel, int posted, int total, RuntimeException cause) {
        String answer = cause instanceof ErrorResponseException e
                ? "Discord answered " + e.getErrorCode() + " " + e.getMeaning()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new DiscordPostException("Posting to Discord channel " + channel.getId() + " failed after " + posted + " of " + total
                + " chunk(s): " + answer, cause);
    }
}
