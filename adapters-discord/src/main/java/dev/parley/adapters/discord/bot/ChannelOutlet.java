package dev.parley.adapters.discord.bot;

import dev.parley.domain.avatar.Avatar;
import java.util.List;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.attribute.IWebhookContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;

/**
 * What the bot needs from Discord's side beyond the event it received: posting as an avatar,
 * reading history, and telling Parley's own webhooks apart. Implemented by the driven side
 * ({@code ..discord.platform.WebhookOutlet}), which holds the webhook registry, so that this
 * package never touches a driven port itself.
 */
public interface ChannelOutlet {

    /**
     * Posts {@code chunks} in order as {@code avatar} into {@code channel} (a text channel, or a
     * thread through its parent's webhook) and answers the Discord ids of the posts, in order.
     * Throws if a post failed; the chunks before it stay posted.
     */
    List<String> post(GuildMessageChannel channel, Avatar avatar, List<String> chunks);

    /** Up to {@code limit} (at most 100) messages of {@code channel} before {@code messageId}, oldest first. */
    List<Message> historyBefore(GuildMessageChannel channel, String messageId, int limit);

    /** Whether {@code webhookId} is the webhook Parley posts through in {@code home} (now or before). */
    boolean isOwnWebhook(IWebhookContainer home, long webhookId);

    /**
     * The channel whose webhook serves {@code channel}: the channel itself, or a thread's parent;
     * {@code null} when there is none (a thread whose parent takes no webhooks).
     */
    static IWebhookContainer homeOf(GuildMessageChannel channel) {
        if (channel instanceof ThreadChannel thread) {
            return thread.getParentChannel() instanceof IWebhookContainer parent ? parent : null;
        }
        return channel instanceof IWebhookContainer container ? container : null;
    }
}
