package dev.parley.domain.testing;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.conversation.ToolCall;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ids, names and messages of the Echo document's examples (spec/echo-conversation-manager.md). */
public final class EchoExamples {

    public static final ThreadId THREAD = ThreadId.of("1234567890");
    public static final GuildId GUILD = GuildId.of("987654321");
    public static final String GUILD_NAME = "My Discord Server";
    public static final UserId REQUESTER = UserId.of("123456789012345678");
    public static final UserId OTHER_USER = UserId.of("987654321012345678");
    public static final Instant CREATED_AT = Instant.parse("2025-11-25T10:30:00Z");
    public static final String FILE_NAME = "2025-11-25_conversation-with-123456789012345678-in-987654321.json";

    private EchoExamples() {
    }

    /** The conversation of the document's "Conversation JSON Format" example, before any message. */
    public static Conversation newConversation() {
        return Conversation.start(THREAD, GUILD, GUILD_NAME, REQUESTER, CREATED_AT);
    }

    /** {@code conversation} with {@code messages} appended in order (by {@link Conversation#append}). */
    public static Conversation withMessages(Conversation conversation, Message... messages) {
        Conversation c = conversation;
        for (Message message : messages) {
            c = c.append(message).conversation();
        }
        return c;
    }

    public static Message hello() {
        return Message.chat(Instant.parse("2025-11-25T10:30:00.123456Z"), "Hello, Echo!").from(REQUESTER);
    }

    public static Message thinking() {
        return Message.of(Instant.parse("2025-11-25T10:30:02.123456Z"), MessageType.THINKING, "Processing request...");
    }

    public static Message reply() {
        return Message.chat(Instant.parse("2025-11-25T10:30:03.123456Z"), "Hi! How can I help you?");
    }

    /** The document's "Tool Call Message JSON Format" example. */
    public static Message toolCall() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("query", "python async");
        params.put("limit", 5);
        return Message.of(Instant.parse("2025-11-25T10:30:05.123456Z"), MessageType.TOOL_CALL, "Calling search_documents")
                .withTools(List.of(new ToolCall("search_documents", params)));
    }

    public static Message toolCallResponse() {
        return Message.of(Instant.parse("2025-11-25T10:30:06.123456Z"), MessageType.TOOL_CALL_RESPONSE,
                "Found 5 documents matching the query");
    }

    /**
     * The document's full conversation example: three messages, summary "User asked about async
     * programming", updated 10:35, with the second participant of its participants list.
     */
    public static Conversation documentConversation() {
        Conversation c = withMessages(newConversation(), hello(), thinking(), reply())
                .withSummary("User asked about async programming");
        return new Conversation(c.threadId(), c.createdAt(), Instant.parse("2025-11-25T10:35:00Z"), c.summary(), c.guildId(),
                c.guildName(), c.requester(), List.of(REQUESTER, OTHER_USER), c.history());
    }

    /** An avatar's reply as the responder records it: its author name, avatar, the bot flag and the ids of its two posts. */
    public static Message avatarReply() {
        return Message.chat(Instant.parse("2025-11-25T10:30:07.123456Z"), "Echo here: async is about waiting well.")
                .withAuthorName("Echo").fromAvatar(AvatarId.of("echo")).fromBot()
                .withPostedIds(List.of(MessageId.of("1311111111111111112"), MessageId.of("1311111111111111113")));
    }

    /**
     * One message of every type, with every optional part set somewhere (requester, tools,
     * attachments, id, author name, avatar, bot flag, posted ids).
     */
    public static List<Message> oneOfEachType() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("filters", List.of("a", 2, true));
        nested.put("deep", Map.of("x", 1.5));
        nested.put("none", null);
        return List.of(
                hello().withId(MessageId.of("1311111111111111111")).withAttachments(List.of("https://cdn.example/a.png")),
                thinking(),
                toolCall().withTools(List.of(toolCall().tools().getFirst(), new ToolCall("nested", nested))),
                toolCallResponse(),
                reply().from(OTHER_USER).withAuthorName("Bob"),
                avatarReply());
    }
}
