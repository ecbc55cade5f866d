package dev.parley.adapters.discord.bot;

import java.util.EnumSet;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;

/**
 * The permissions the bot needs in a channel before it acts there, checked in JDA's cache (no
 * request): the avatar flow's four, plus Send Messages in Threads for a thread, plus Create Public
 * Threads and Send Messages in Threads for the thread flow. A thread is judged by its parent's
 * permissions, where its webhook lives.
 */
final class ChannelPermissions {

    static final Set<Permission> AVATAR_FLOW = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_HISTORY, Permission.MANAGE_WEBHOOKS);
    static final Set<Permission> IN_THREAD = EnumSet.of(Permission.MESSAGE_SEND_IN_THREADS);
    static final Set<Permission> THREAD_FLOW = EnumSet.of(Permission.CREATE_PUBLIC_THREADS, Permission.MESSAGE_SEND_IN_THREADS);

    private ChannelPermissions() {
    }

    /** What the avatar flow needs for a message in a thread ({@code inThread}) or straight in the channel. */
    static Set<Permission> avatarFlow(boolean inThread) {
        EnumSet<Permission> required = EnumSet.copyOf(AVATAR_FLOW);
        if (inThread) {
            required.addAll(IN_THREAD);
        }
        return required;
    }

    /** What the thread flow needs in the channel it opens a thread in. */
    static Set<Permission> threadFlow() {
        EnumSet<Permission> required = EnumSet.copyOf(AVATAR_FLOW);
        required.addAll(THREAD_FLOW);
        return required;
    }

    /** Those of {@code required} the bot lacks in {@code home}, in Discord's order. */
    static Set<Permission> missing(GuildChannel home, Set<Permission> required) {
        Member self = home.getGuild().getSelfMember();
        EnumSet<Permission> missing = EnumSet.noneOf(Permission.class);
        for (Permission permission : required) {
            if (!self.hasPermission(home, permission)) {
                missing.add(permission);
            }
        }
        return missing;
    }
}
