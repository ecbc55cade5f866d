package dev.parley.domain.conversation;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One conversation held in a Discord thread or channel: who asked, where, and everything said
 * since. Immutable: {@link #append(Message)} and {@link #withSummary(String)} return a new value.
 * {@link #append(Message)} is the append rule every store follows (the memory store calls it, the
 * Redis store's script translates it).
 *
 * <pre>{@code
 * Conversation c = Conversation.start(ThreadId.of("1234567890"), GuildId.of("987654321"),
 *         "My Discord Server", UserId.of("123456789012345678"), now);
 * c = c.append(Message.chat(now, "Hello, Echo!").from(c.requester())).conversation();
 * c.fileName(); // 2025-11-25_conversation-with-123456789012345678-in-987654321.json
 * }</pre>
 *
 * <p>The history shares its storage with the conversation it was appended to, so appending to the
 * newest version costs O(1) whatever its length.
 */
public record Conversation(
        ThreadId threadId,
        Instant createdAt,
        Instant updatedAt,
        String summary,
        GuildId guildId,
        String guildName,
        UserId requester,
        List<UserId> participants,
        List<Message> history) {

    public Conversation {
        Objects.requireNonNull(threadId, "threadId == null");
        Objects.requireNonNull(createdAt, "createdAt == null");
        Objects.requireNonNull(updatedAt, "updatedAt == null");
        Objects.requireNonNull(guildId, "guildId == null");
        Objects.requireNonNull(requester, "requester == null");
        if (guildName == null) {
            throw new InvalidInputException(InputField.GUILD_NAME, "is required (it may be empty)");
        }
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MICROS);
        summary = summary == null ? "" : summary;
        participants = List.copyOf(participants);
        history = History.copyOf(history);
    }

    /** A new, empty conversation created at {@code now}; its only participant is the requester. */
    public static Conversation start(ThreadId threadId, GuildId guildId, String guildName, UserId requester, Instant now) {
        return new Conversation(threadId, now, now, "", guildId, guildName, requester, List.of(requester), List.of());
    }

    /**
     * Adds {@code message} at the end of the history, unless a message with the same id is in it
     * already (a replay of the same Discord message is kept once); messages without an id are
     * always added. The message's requester becomes a participant if it is not one yet
     * (participants are the requester and then every distinct requester of added messages, in order
     * of first appearance; AI messages add no one, decisions.md 6), and {@code updatedAt} becomes the
     * latest of itself and the message's time. No limit applies: for histories already accepted
     * (an archive read back, a test's example); a store appends with {@link #append(Message, ConversationLimits)}.
     */
    public AppendResult append(Message message) {
        return appendWithin(message, null);
    }

    /**
     * As {@link #append(Message)}, but refuses ({@link AppendResult.Refused}) a message the
     * conversation has no room for under {@code limits}: it holds {@link ConversationLimits#maxMessages()}
     * already, or the message would take it over {@link ConversationLimits#maxBytes()}. A replay of
     * a message it holds is a duplicate, however full it is: a message whose id is a held message's
     * own id, or the id of one of the posts a held reply became (the platform's copy of that reply).
     */
    public AppendResult append(Message message, ConversationLimits limits) {
        return appendWithin(message, Objects.requireNonNull(limits, "limits == null"));
    }

    /** The append rule; {@code limits} null applies none. */
    private AppendResult appendWithin(Message message, ConversationLimits limits) {
        Objects.requireNonNull(message, "message == null");
        if (message.id().isPresent() && ((History) history).containsId(message.id().get())) {
            return new AppendResult.Duplicate(this, message.id().get());
        }
        if (limits != null) {
            java.util.Optional<AppendOutcome> refusal = limits.refusal(history.size(), weight(), message.weight());
            if (refusal.isPresent()) {
                return new AppendResult.Refused(this, refusal.get());
            }
        }
        List<UserId> people = participants;
        if (message.requester().isPresent() && !participants.contains(message.requester().get())) {
            people = new ArrayList<>(participants);
            people.add(message.requester().get());
        }
        Instant updated = message.createdAt().isAfter(updatedAt) ? message.createdAt() : updatedAt;
        return new AppendResult.Appended(new Conversation(threadId, createdAt, updated, summary, guildId, guildName, requester,
                people, ((History) history).plus(message)));
    }

    /** The UTF-8 bytes of all its messages' text: the sum of their {@link Message#weight() weights}. */
    public long weight() {
        return ((History) history).weight();
    }

    public Conversation withSummary(String newSummary) {
        return new Conversation(threadId, createdAt, updatedAt, newSummary, guildId, guildName, requester, participants, history);
    }

    public boolean hasParticipant(UserId user) {
        return participants.contains(user);
    }

    /** The day, in UTC, on which this conversation was created: the date in its file name. */
    public LocalDate createdOn() {
        return LocalDate.ofInstant(createdAt, ZoneOffset.UTC);
    }

    /**
     * The archive file name the Echo document gives: {@code yyyy-mm-dd_conversation-with-{requester}-in-{guild}.json},
     * dated by {@code createdAt} in UTC (never by the time of saving).
     */
    public String fileName() {
        return baseName() + ".json";
    }

    /**
     * The name used when {@link #fileName()} already belongs to another conversation: the thread id
     * is added before {@code .json} (decisions.md 4).
     */
    public String fileNameWithThread() {
        return baseName() + "_thread-" + threadId.value() + ".json";
    }

    private String baseName() {
        return createdOn() + "_conversation-with-" + requester.value() + "-in-" + guildId.value();
    }
}
