package dev.parley.adapters.discord.bot;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;

/**
 * Warns that the bot lacks permissions in a channel, naming them, at most once per channel per
 * {@link #INTERVAL}: a busy channel without Manage Webhooks would otherwise fill the log.
 */
final class PermissionWarnings {

    static final Duration INTERVAL = Duration.ofHours(1);
    private static final System.Logger LOG = System.getLogger(PermissionWarnings.class.getName());

    private final OncePerChannel warnings;

    PermissionWarnings(Clock clock) {
        this.warnings = new OncePerChannel(clock, INTERVAL);
    }

    /** Logs that the bot lacks {@code missing} in {@code channel}, unless it did so less than an interval ago. */
    void lacking(GuildChannel channel, Set<Permission> missing) {
        if (!warnings.due(channel.getIdLong())) {
            return;
        }
        String names = missing.stream().map(Permission::getName).collect(Collectors.joining(", "));
        LOG.log(System.Logger.Level.WARNING, "Discord channel {0} (guild {1}) is missing the bot permissions {2}: Parley "
                + "posts nothing there until they are granted (this warning repeats at most hourly per channel)",
                channel.getId(), channel.getGuild().getId(), names);
    }
}
