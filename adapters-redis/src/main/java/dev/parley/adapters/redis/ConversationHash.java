package dev.parley.adapters.redis;

import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationOverview;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A conversation's metadata as the fields of its Redis hash. Participants are fields
 * {@code p:<user>} whose value is an ever-growing ordinal, so the hash alone says who joined and
 * in which order, and a script adds one in O(1). {@code updated_at} keeps the value given at
 * creation and {@code last_at} the latest message time (microseconds), kept by the append
 * script: the conversation's {@code updatedAt} is the later of the two, so neither a read nor a
 * listing needs the messages to tell it.
 */
final class ConversationHash {

    static final String THREAD_ID = "thread_id";
    static final String CREATED_AT = "created_at";
    static final String UPDATED_AT = "updated_at";
    static final String LAST_AT = "last_at";
    static final String SUMMARY = "summary";
    static final String GUILD_ID = "guild_id";
    static final String GUILD_NAME = "guild_name";
    static final String REQUESTER = "requester";
    static final String PARTICIPANT = "p:";
    /** The UTF-8 bytes of the history's text ({@link Conversation#weight()}), kept by the append script for the byte limit. */
    static final String BYTES = "bytes";

    private ConversationHash() {
    }

    /** The {@value #CREATED_AT} field's value for {@code createdAt}: what claim.lua compares to take one conversation now. */
    static String createdAtValue(Instant createdAt) {
        return createdAt.toString();
    }

    /** Field, value, field, value...: every field a new conversation's hash starts with. */
    static List<String> fields(Conversation c) {
        List<String> out = new ArrayList<>(16 + 2 * c.participants().size());
        add(out, THREAD_ID, c.threadId().value());
        add(out, CREATED_AT, createdAtValue(c.createdAt()));
        add(out, UPDATED_AT, c.updatedAt().toString());
        add(out, SUMMARY, c.summary());
        add(out, GUILD_ID, c.guildId().value());
        add(out, GUILD_NAME, c.guildName());
        add(out, REQUESTER, c.requester().value());
        add(out, BYTES, Long.toString(c.weight()));
        c.history().stream().map(Message::createdAt).max(Instant::compareTo)
                .ifPresent(latest -> add(out, LAST_AT, Long.toString(micros(latest))));
        int ordinal = 0;
        for (UserId user : c.participants()) {
            add(out, PARTICIPANT + user.value(), Integer.toString(ordinal++));
        }
        return out;
    }

    /** Microseconds since the epoch, the unit of {@code last_at}. */
    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }

    /**
     * The conversation a script read back.
     *
     * @param hash    HGETALL's reply: field, value, field, value...
     * @param history the encoded messages, in order
     * @throws RuntimeException if a field or a message cannot be decoded
     */
    static Conversation decode(List<?> hash, List<?> history) {
        Metadata meta = Metadata.of(hash);
        List<Message> messages = new ArrayList<>(history.size());
        Instant updatedAt = meta.updatedAt();
        for (Object encoded : history) {
            Message message = MessageCodec.decode((String) encoded);
            messages.add(message);
            if (message.createdAt().isAfter(updatedAt)) {
                updatedAt = message.createdAt();
            }
        }
        return new Conversation(meta.thread(), meta.createdAt(), updatedAt, meta.summary(), meta.guild(), meta.guildName(),
                meta.requester(), meta.participants(), messages);
    }

    /** A live conversation's overview from its hash and its history's length. */
    static ConversationOverview overview(List<?> hash, long historyLength) {
        Metadata meta = Metadata.of(hash);
        return new ConversationOverview(meta.thread(), meta.createdAt(), meta.updatedAt(), meta.summary(), meta.guild(),
                meta.guildName(), meta.requester(), meta.participants(), Math.toIntExact(historyLength));
    }

    /** The hash's fields decoded; {@code updatedAt} is the later of {@code updated_at} and {@code last_at}. */
    record Metadata(ThreadId thread, Instant createdAt, Instant updatedAt, String summary, GuildId guild, String guildName,
            UserId requester, List<UserId> participants) {

        static Metadata of(List<?> hash) {
            Map<String, String> fields = new HashMap<>(hash.size());
            TreeMap<Long, UserId> participants = new TreeMap<>();
            for (int i = 0; i + 1 < hash.size(); i += 2) {
                String field = (String) hash.get(i);
                String value = (String) hash.get(i + 1);
                if (field.startsWith(PARTICIPANT)) {
                    participants.put(Long.parseLong(value), UserId.of(field.substring(PARTICIPANT.length())));
                } else {
                    fields.put(field, value);
                }
            }
            Instant updatedAt = Instant.parse(required(fields, UPDATED_AT));
            String last = fields.get(LAST_AT);
            if (last != null) {
                Instant latest = RedisTime.instant(Long.parseLong(last));
                if (latest.isAfter(updatedAt)) {
                    updatedAt = latest;
                }
            }
            return new Metadata(ThreadId.of(required(fields, THREAD_ID)), Instant.parse(required(fields, CREATED_AT)), updatedAt,
                    fields.getOrDefault(SUMMARY, ""), GuildId.of(required(fields, GUILD_ID)), required(fields, GUILD_NAME),
                    UserId.of(required(fields, REQUESTER)), List.copyOf(participants.values()));
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalStateException("stored conversation has no " + name + " field");
        }
        return value;
    }

    private static void add(List<String> out, String field, String value) {
        out.add(field);
        out.add(value);
    }
}
