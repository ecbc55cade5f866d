package dev.parley.domain.archive;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.UserId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Which archived conversations to list: all filters optional and combined with AND. Dates are
 * UTC creation days, both ends inclusive.
 */
public record ArchiveQuery(Optional<GuildId> guild, Optional<UserId> participant, Optional<LocalDate> from, Optional<LocalDate> to) {

    public static final ArchiveQuery ALL = new ArchiveQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public ArchiveQuery {
        guild = Objects.requireNonNullElse(guild, Optional.empty());
        participant = Objects.requireNonNullElse(participant, Optional.empty());
        from = Objects.requireNonNullElse(from, Optional.empty());
        to = Objects.requireNonNullElse(to, Optional.empty());
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new InvalidInputException(InputField.FIRST_DAY, "(" + from.get() + ") is after the last day (" + to.get() + ")");
        }
    }

    public ArchiveQuery inGuild(GuildId guildId) {
        return new ArchiveQuery(Optional.of(guildId), participant, from, to);
    }

    public ArchiveQuery withParticipant(UserId user) {
        return new ArchiveQuery(guild, Optional.of(user), from, to);
    }

    public ArchiveQuery between(LocalDate first, LocalDate last) {
        return new ArchiveQuery(guild, participant, Optional.ofNullable(first), Optional.ofNullable(last));
    }

    /** Whether an archived conversation passes every filter. */
    public boolean matches(ArchivedConversation archived) {
        return guild.map(archived.guildId()::equals).orElse(true)
                && participant.map(archived.participants()::contains).orElse(true)
                && from.map(day -> !archived.createdOn().isBefore(day)).orElse(true)
                && to.map(day -> !archived.createdOn().isAfter(day)).orElse(true);
    }
}
