package dev.parley.domain.testing;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.conversation.AppendResult;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationLimits;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.conversation.ToolCall;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates what Parley accepts, right up to its {@link ConversationLimits}: text from every plane
 * of Unicode (astral characters as surrogate pairs, control characters, quotes, line separators),
 * messages exactly at the size limit, tool parameters exactly at the depth limit, canonical
 * snowflakes up to 2^64 - 1, conversations filled to their message or byte limit. Every message
 * passes {@link ConversationLimits#check}: a round trip of these through a store or an archive
 * must give back exactly what went in.
 */
public final class AcceptedInputs {

    /** Code points of every UTF-8 length and kind a text may hold; a string of them is always valid Unicode. */
    private static final int[] CODE_POINTS = {
            'a', 'Z', '0', ' ', '"', '\\', '/', '\n', '\r', '\t', 0x00, 0x01, 0x1f, 0x7f, // 1 byte, with JSON's escapes
            0xe9, 0xdf, 0x3b1, 0x5d0, 0x7ff, // 2 bytes
            0x800, 0x2028, 0x2029, 0x4e2d, 0xfeff, 0xfffd, 0xffff, 0xd7ff, 0xe000, // 3 bytes, line separators, BOM, noncharacter
            0x10000, 0x1d11e, 0x1f600, 0x1f9d1, 0x10ffff}; // 4 bytes: astral, a surrogate pair each in Java

    private final Generated generated;
    private final ConversationLimits limits;

    public AcceptedInputs(Generated generated, ConversationLimits limits) {
        this.generated = generated;
        this.limits = limits;
    }

    /** A canonical snowflake: 1 to 20 digits, no leading zero, at most 2^64 - 1 (sometimes exactly that). */
    public String snowflake() {
        if (generated.chance(0.05)) {
            return "18446744073709551615";
        }
        if (generated.chance(0.05)) {
            return "0";
        }
        BigInteger value = new BigInteger(64, new java.util.Random(generated.between(Long.MIN_VALUE, Long.MAX_VALUE)));
        return value.signum() == 0 ? "1" : value.toString();
    }

    /** Text of at most {@code maxBytes} UTF-8 bytes, any valid Unicode. */
    public String text(int maxBytes) {
        int target = generated.chance(0.1) ? maxBytes : generated.between(0, Math.min(maxBytes, 400));
        return textOfBytes(target);
    }

    /** Text of exactly {@code bytes} UTF-8 bytes. */
    public String textOfBytes(int bytes) {
        StringBuilder text = new StringBuilder();
        int left = bytes;
        while (left > 0) {
            int cp = CODE_POINTS[generated.between(0, CODE_POINTS.length - 1)];
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (size > left) {
                cp = 'x';
                size = 1;
            }
            text.appendCodePoint(cp);
            left -= size;
        }
        return text.toString();
    }

    /** A message of any type and any combination of parts that the limits accept. */
    public Message message(Instant at, List<UserId> people) {
        MessageType type = generated.pick(MessageType.values());
        if (generated.chance(0.05)) {
            return Message.of(at, type, textOfBytes(limits.maxMessageBytes())); // exactly at the size limit
        }
        Message message = Message.of(at, type, text(limits.maxMessageBytes() / 2));
        if (generated.chance(0.5)) {
            message = message.from(generated.pick(people));
        }
        if (generated.chance(0.3)) {
            message = message.withTools(generated.list(1, 3, () -> ToolCall.of(nonBlank(40), params())));
        }
        if (generated.chance(0.3)) {
            message = message.withAttachments(generated.list(1, 3, () -> "https://cdn.example/" + nonBlank(60)));
        }
        if (generated.chance(0.3)) {
            message = message.withAuthorName(nonBlank(Message.MAX_AUTHOR_NAME_LENGTH));
        }
        if (generated.chance(0.2)) {
            message = message.fromAvatar(AvatarId.of(generated.string(1, 64, Generated.ALPHANUMERIC + "_-")));
        }
        if (generated.chance(0.2)) {
            message = message.fromBot();
        }
        if (generated.chance(0.2)) {
            message = message.withPostedIds(generated.list(1, 3, () -> MessageId.of(snowflake())));
        }
        if (message.weight() > limits.maxMessageBytes()) {
            return Message.of(at, type, text(limits.maxMessageBytes()));
        }
        return message;
    }

    /** Tool parameters: sometimes nested exactly to the depth limit, with every kind of JSON value. */
    public Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        int keys = generated.between(0, 4);
        for (int i = 0; i < keys; i++) {
            params.put(key(), value(generated.between(2, Math.min(4, limits.maxJsonDepth()))));
        }
        if (generated.chance(0.3)) {
            params.put("deep", nested(limits.maxJsonDepth() - 1));
        }
        return params;
    }

    /** A value that is an object or list {@code levels} deep. */
    private Object nested(int levels) {
        if (levels == 0) {
            return scalar();
        }
        Object inner = nested(levels - 1);
        if (generated.chance(0.5)) {
            List<Object> list = new ArrayList<>();
            list.add(inner);
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key(), inner);
        return map;
    }

    /** A JSON value at {@code level} (the params object is level 1): containers only while the depth allows. */
    private Object value(int level) {
        if (level <= limits.maxJsonDepth() && generated.chance(0.3)) {
            if (generated.chance(0.5)) {
                return generated.list(0, 3, () -> value(level + 1));
            }
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = generated.between(0, 3); i > 0; i--) {
                map.put(key(), value(level + 1));
            }
            return map;
        }
        return scalar();
    }

    private Object scalar() {
        return switch (generated.between(0, 6)) {
            case 0 -> null;
            case 1 -> generated.chance(0.5);
            case 2 -> generated.between(Long.MIN_VALUE, Long.MAX_VALUE);
            case 3 -> generated.between(-1_000_000, 1_000_000) / 64.0;
            case 4 -> Double.longBitsToDouble(generated.between(0L, 0x7fefffffffffffffL)) * (generated.chance(0.5) ? 1 : -1);
            case 5 -> new BigInteger(generated.between(65, 200), new java.util.Random(generated.between(0L, Long.MAX_VALUE)))
                    .setBit(64);
            default -> text(200);
        };
    }

    private String key() {
        return generated.chance(0.7) ? generated.string(1, 12, Generated.ALPHANUMERIC + "_") : text(30);
    }

    private String nonBlank(int maxChars) {
        String text = textOfBytes(generated.between(1, maxChars)).strip();
        text = text.isBlank() ? "x" : text;
        return text.length() > maxChars ? text.substring(0, maxChars).strip() + "x" : text;
    }

    /**
     * A conversation in {@code thread} holding what {@link Conversation#append(Message, ConversationLimits)}
     * accepted of up to {@code maxMessages} generated messages (so sometimes filled to a limit),
     * with a summary and guild name of any text.
     */
    public Conversation conversation(ThreadId thread, Instant start, int maxMessages) {
        List<UserId> people = generated.list(1, 4, () -> UserId.of(snowflake()));
        Conversation conversation = Conversation.start(thread, GuildId.of(snowflake()), text(200), people.getFirst(), start)
                .withSummary(text(limits.maxMessageBytes() / 4));
        int messages = generated.between(0, maxMessages);
        for (int i = 0; i < messages; i++) {
            Message message = message(start.plusNanos(generated.between(-1_000_000_000_000L, 1_000_000_000_000L)), people);
            if (generated.chance(0.3)) {
                message = message.withId(MessageId.of(snowflake()));
            }
            limits.check(message);
            AppendResult result = conversation.append(message, limits);
            conversation = result.conversation();
        }
        return conversation;
    }

    /** The messages of {@code conversation} as a generator made them, for appending one by one elsewhere. */
    public static List<Message> history(Conversation conversation) {
        return List.copyOf(conversation.history());
    }
}
