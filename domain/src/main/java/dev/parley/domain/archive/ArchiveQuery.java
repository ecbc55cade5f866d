package dev.parley.domain.archive;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.UserId;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Which archived conversations to find: all filters optional and combined with AND. Dates are
 * UTC creation days, both ends inclusive. {@code messageType} keeps conversations holding at least
 * one message of that type; {@code text} is a full-text query over the summary and the message
 * contents (of that type only, when a type is given): words that must all appear,
 * {@code "a phrase"}, {@code -excluded}, {@code either|or}, {@code prefix*}.
 *
 * <p>{@link #matches} decides the metadata filters only; the text and message-type filters need
 * the archive's index ({@link ArchiveSearch}).
 */
public record ArchiveQuery(
        Optional<GuildId> guild,
        Optional<UserId> participant,
        Optional<UserId> requester,
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        Optional<MessageType> messageType,
        Optional<String> text) {

    /** The longest full-text query accepted, in characters. */
    public static final int MAX_TEXT_LENGTH = 500;

    public static final ArchiveQuery ALL = new ArchiveQuery(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public ArchiveQuery {
        guild = Objects.requireNonNullElse(guild, Optional.empty());
        participant = Objects.requireNonNullElse(participant, Optional.empty());
        requester = Objects.requireNonNullElse(requester, Optional.empty());
        from = Objects.requireNonNullElse(from, Optional.empty());
        to = Objects.requireNonNullElse(to, Optional.empty());
        messageType = Objects.requireNonNullElse(messageType, Optional.empty());
        text = Objects.requireNonNullElse(text, Optional.<String>empty()).map(String::strip);
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new InvalidInputException(InputField.FIRST_DAY, "(" + from.get() + ") is after the last day (" + to.get() + ")");
        }
        if (text.isPresent() && text.get().isEmpty()) {
            throw new InvalidInputException(InputField.SEARCH_TEXT, "must hold words to search for, got an empty text");
        }
        if (text.isPresent() && text.get().length() > MAX_TEXT_LENGTH) {
            throw new InvalidInputException(InputField.SEARCH_TEXT, "must be at most " + MAX_TEXT_LENGTH + " characters, got "
                    + text.get().length());
        }
    }

    /** The metadata filters of the first listing: guild, participant and UTC creation days. */
    public ArchiveQuery(Optional<GuildId> guild, Optional<UserId> participant, Optional<LocalDate> from, Optional<LocalDate> to) {
        this(guild, participant, Optional.empty(), from, to, Optional.empty(), Optional.empty());
    }

    public ArchiveQuery inGuild(GuildId guildId) {
        return new ArchiveQuery(Optional.of(guildId), participant, requester, from, to, messageType, text);
    }

    public ArchiveQuery withParticipant(UserId user) {
        return new ArchiveQuery(guild, Optional.of(user), requester, from, to, messageType, text);
    }

    public ArchiveQuery requestedBy(UserId user) {
        return new ArchiveQuery(guild, participant, Optional.of(user), from, to, messageType, text);
    }

    public ArchiveQuery between(LocalDate first, LocalDate last) {
        return new ArchiveQuery(guild, participant, requester, Optional.ofNullable(first), Optional.ofNullable(last), messageType, text);
    }

    public ArchiveQuery withMessageType(MessageType type) {
        return new ArchiveQuery(guild, participant, requester, from, to, Optional.of(type), text);
    }

    public ArchiveQuery containing(String words) {
        return new ArchiveQuery(guild, participant, requester, from, to, messageType, Optional.of(words));
    }

    /** Whether the query filters by what the conversations hold (text or message type), which only an index can answer. */
    public boolean filtersContent() {
        return messageType.isPresent() || text.isPresent();
    }

    /** Whether an archived conversation passes every metadata filter (guild, participant, requester, days). */
    public boolean matches(ArchivedConversation archived) {
        return guild.map(archived.guildId()::equals).orElse(true)
                && participant.map(archived.participants()::contains).orElse(true)
                && requester.map(archived.requester()::equals).orElse(true)
                && from.map(day -> !archived.createdOn().isBefore(day)).orElse(true)
                && to.map(day -> !archived.createdOn().isAfter(day)).orElse(true);
    }

    /**
     * A checksum of every filter, the same in every JVM: a cursor carries it, so that a cursor is
     * never applied to a query other than the one it was given for.
     */
    public int fingerprint() {
        String canonical = String.join("\u0000",
                guild.map(GuildId::value).orElse(""),
                participant.map(UserId::value).orElse(""),
                requester.map(UserId::value).orElse(""),
                from.map(LocalDate::toString).orElse(""),
                to.map(LocalDate::toString).orElse(""),
                messageType.map(MessageType::name).orElse(""),
                text.orElse(""));
        CRC32 crc = new CRC32();
        crc.update(canonical.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }
}
