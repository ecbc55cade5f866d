package dev.parley.adapters.discord.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;

/**
 * Warns that the bot lacks permissions in a channel, naming them, at most once per channel per
 * {@link #INTERVAL}: a busy channel without Manage Webhooks would otherwise fill the log. Channels
 * not warned about for an interval are forgotten, so memory follows recent trouble only.
 */
final class PermissionWarnings {

    static final Duration INTERVAL = Duration.ofHours(1);
    private static final System.Logger LOG = System.getLogger(PermissionWarnings.class.getName());
    /** Beyond this many remembered channels, a warning first sweeps out the ones past their interval. */
    private static final int SWEEP_ABOVE = 1_000;

    private final Clock clock;
    private final ConcurrentHashMap<Long, Instant> lastWarned = new ConcurrentHashMap<>();

    PermissionWarnings(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** Logs that the bot lacks {@code missing} in {@code channel}, unless it did so less than an interval ago. */
    void lacking(GuildChannel channel, Set<Permission> missing) {
        Instant now = clock.instant();
        boolean[] due = new boolean[1];
        lastWarned.compute(channel.getIdLong(), (id, last) -> {
            due[0] = last == null || !now.isBefore(last.plus(INTERVAL));
            return due[0] ? now : last;
        });
        if (!due[0]) {
            return;
        }
        String names = missing.stream().map(Permission::getName).collect(Collectors.joining(", "));
        LOG.log(System.Logger.Level.WARNING, "Discord channel {0} (guild {1}) is missing the bot permissions {2}: Parley "
                + "posts nothing there until they are granted (this warning repeats at most hourly per channel)",
                channel.getId(), channel.getGuild().getId(), names);
        if (lastWarned.size() > SWEEP_ABOVE) {
            lastWarned.values().removeIf(last -> !now.isBefore(last.plus(INTERVAL)));
        }
    }
}
