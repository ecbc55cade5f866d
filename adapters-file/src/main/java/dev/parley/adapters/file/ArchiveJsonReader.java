package dev.parley.adapters.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.archive.ArchivedConversation;
import dev.parley.domain.archive.ArchivedTranscript;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.conversation.ToolCall;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Archive JSON → domain ({@code toDomain}). Streams the top level so a listing never holds a whole
 * history: each message is read, validated and, for a listing, only counted. Unknown keys are
 * skipped; what is wrong is reported with its JSON path ({@code history[3].message_type: …}).
 */
final class ArchiveJsonReader {

    /** Python's {@code json} writes NaN and ±Infinity; its files must load. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private ArchiveJsonReader() {
    }

    /** How deeply nested a file may be and still be read (Jackson's read constraint); the writer refuses deeper. */
    static int maxNestingDepth() {
        return MAPPER.getFactory().streamReadConstraints().getMaxNestingDepth();
    }

    /** A file that is not valid archive JSON; the message is the reason, starting with the JSON path. */
    static final class MalformedArchiveException extends Exception {

        MalformedArchiveException(String reason, Throwable cause) {
            super(reason, cause);
        }

        MalformedArchiveException(String path, String problem) {
            super(path + ": " + problem);
        }
    }

    /**
     * Who a file belongs to, for the collision rule (both parts absent in a file of the Python bot),
     * and how many messages it holds (-1 without a history list).
     */
    record Identity(Optional<ThreadId> threadId, Optional<Instant> createdAt, int messageCount) {
    }

    /** What a file holds; {@code history} is empty unless it was asked for, {@code messageCount} is always right. */
    record StoredConversation(
            Optional<ThreadId> threadId,
            Instant createdAt,
            Instant updatedAt,
            String summary,
            GuildId guildId,
            String guildName,
            UserId requester,
            List<UserId> participants,
            List<Message> history,
            int messageCount) {

        ArchivedConversation toListing(String fileName) {
            return new ArchivedConversation(fileName, threadId, guildId, guildName, requester, participants,
                    createdAt, updatedAt, messageCount);
        }

        ArchivedTranscript toDomain(String fileName) {
            return new ArchivedTranscript(toListing(fileName), summary, history);
        }
    }

    /**
     * Reads a whole archive file; with {@code keepHistory} false the messages are still validated
     * but only counted.
     *
     * @throws IOException if the medium fails (not for bad content)
     */
    static StoredConversation read(InputStream in, boolean keepHistory) throws IOException, MalformedArchiveException {
        try (JsonParser parser = MAPPER.createParser(in)) {
            return readConversation(parser, keepHistory);
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
    }

    /** Reads only {@code thread_id}, {@code created_at} and the number of messages, skipping the rest. */
    static Identity identify(InputStream in) throws IOException, MalformedArchiveException {
        try (JsonParser parser = MAPPER.createParser(in)) {
            startObject(parser);
            Optional<ThreadId> thread = Optional.empty();
            Optional<Instant> created = Optional.empty();
            int messageCount = -1;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                switch (key) {
                    case "thread_id" -> thread = optionalId(parser.readValueAsTree(), key, ThreadId::of);
                    case "created_at" -> created = Optional.of(timestamp(parser.readValueAsTree(), key));
                    case "history" -> messageCount = countElements(parser);
                    default -> parser.skipChildren();
                }
            }
            return new Identity(thread, created, messageCount);
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
    }

    private static int countElements(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return -1;
        }
        int count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            parser.skipChildren();
            count++;
        }
        return count;
    }

    private static StoredConversation readConversation(JsonParser parser, boolean keepHistory)
            throws IOException, MalformedArchiveException {
        startObject(parser);
        Optional<ThreadId> thread = Optional.empty();
        Instant created = null;
        Instant updated = null;
        String summary = "";
        GuildId guild = null;
        String guildName = null;
        UserId requester = null;
        List<UserId> participants = null;
        List<Message> history = new ArrayList<>();
        int messageCount = -1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            switch (key) {
                case "created_at" -> created = timestamp(parser.readValueAsTree(), key);
                case "updated_at" -> updated = timestamp(parser.readValueAsTree(), key);
                case "summary" -> summary = optionalText(parser.readValueAsTree(), key).orElse("");
                case "guild_id" -> guild = id(parser.readValueAsTree(), key, GuildId::of);
                case "guild_name" -> guildName = text(parser.readValueAsTree(), key);
                case "requester" -> requester = id(parser.readValueAsTree(), key, UserId::of);
                case "participants" -> participants = participants(parser.readValueAsTree());
                case "thread_id" -> thread = optionalId(parser.readValueAsTree(), key, ThreadId::of);
                case "history" -> {
                    history.clear();
                    messageCount = readHistory(parser, keepHistory ? history : null);
                }
                default -> parser.skipChildren();
            }
        }
        if (parser.nextToken() != null) {
            throw new MalformedArchiveException("$", "unexpected content after the conversation object");
        }
        return new StoredConversation(thread,
                required(created, "created_at"), required(updated, "updated_at"), summary,
                required(guild, "guild_id"), required(guildName, "guild_name"), required(requester, "requester"),
                required(participants, "participants"), history, messageCount < 0 ? missing("history") : messageCount);
    }

    /** Reads the history array one message at a time; returns how many there were. */
    private static int readHistory(JsonParser parser, List<Message> keep) throws IOException, MalformedArchiveException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new MalformedArchiveException("history", "must be a list of messages, got " + describe(parser.currentToken()));
        }
        int count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            Message message = message(parser.readValueAsTree(), "history[" + count + "]");
            if (keep != null) {
                keep.add(message);
            }
            count++;
        }
        return count;
    }

    /** One message object ({@code path} names it in errors). */
    static Message message(JsonNode json, String path) throws MalformedArchiveException {
        if (!json.isObject()) {
            throw new MalformedArchiveException(path, "must be a message object, got " + describe(json));
        }
        Instant created = timestamp(requiredNode(json, "created_at", path), path + ".created_at");
        MessageType type = messageType(requiredNode(json, "message_type", path), path + ".message_type");
        String content = text(requiredNode(json, "message_content", path), path + ".message_content");
        JsonNode meta = json.path("meta");
        if (!meta.isMissingNode() && !meta.isNull() && !meta.isObject()) {
            throw new MalformedArchiveException(path + ".meta", "must be an object, got " + describe(meta));
        }
        Optional<UserId> requester = optionalId(meta.path("requester"), path + ".meta.requester", UserId::of);
        List<ToolCall> tools = tools(meta.path("tools"), path + ".meta.tools");
        List<String> attachments = attachments(json.path("attachments"), path + ".attachments");
        Optional<MessageId> id = optionalId(json.path("message_id"), path + ".message_id", MessageId::of);
        Optional<String> authorName = optionalTextOrMissing(meta.path("author_name"), path + ".meta.author_name");
        Optional<AvatarId> avatar = optionalAvatar(meta.path("avatar_id"), path + ".meta.avatar_id");
        boolean bot = flag(meta.path("bot"), path + ".meta.bot");
        List<MessageId> posted = messageIds(meta.path("message_ids"), path + ".meta.message_ids");
        try {
            return new Message(created, type, content, requester, tools, attachments, id, authorName, avatar, bot, posted);
        } catch (InvalidInputException e) {
            String field = switch (e.field()) {
                case ATTACHMENTS -> "attachments";
                case AUTHOR_NAME -> "meta.author_name";
                default -> "message_content";
            };
            throw rejected(path + "." + field, e);
        }
    }

    private static Optional<String> optionalTextOrMissing(JsonNode json, String path) throws MalformedArchiveException {
        return json.isMissingNode() || json.isNull() ? Optional.empty() : Optional.of(text(json, path));
    }

    private static Optional<AvatarId> optionalAvatar(JsonNode json, String path) throws MalformedArchiveException {
        if (json.isMissingNode() || json.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AvatarId.of(text(json, path)));
        } catch (InvalidInputException e) {
            throw rejected(path, e);
        }
    }

    private static boolean flag(JsonNode json, String path) throws MalformedArchiveException {
        if (json.isMissingNode() || json.isNull()) {
            return false;
        }
        if (!json.isBoolean()) {
            throw new MalformedArchiveException(path, "must be true or false, got " + describe(json));
        }
        return json.booleanValue();
    }

    private static List<MessageId> messageIds(JsonNode json, String path) throws MalformedArchiveException {
        if (json.isMissingNode() || json.isNull()) {
            return List.of();
        }
        if (!json.isArray()) {
            throw new MalformedArchiveException(path, "must be a list of Discord message ids, got " + describe(json));
        }
        List<MessageId> ids = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            ids.add(id(json.get(i), path + "[" + i + "]", MessageId::of));
        }
        return ids;
    }

    private static MessageType messageType(JsonNode json, String path) throws MalformedArchiveException {
        String name = text(json, path);
        return ArchiveMessageTypes.parse(name).orElseThrow(() -> new MalformedArchiveException(path,
                "must be one of " + ArchiveMessageTypes.ACCEPTED + ", got " + InvalidInputException.quoted(name)));
    }

    private static List<ToolCall> tools(JsonNode json, String path) throws MalformedArchiveException {
        if (json.isMissingNode() || json.isNull()) {
            return List.of();
        }
        if (!json.isArray()) {
            throw new MalformedArchiveException(path, "must be a list of tool calls, got " + describe(json));
        }
        List<ToolCall> tools = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            String toolPath = path + "[" + i + "]";
            JsonNode tool = json.get(i);
            if (!tool.isObject()) {
                throw new MalformedArchiveException(toolPath, "must be {\"name\": …, \"params\": {…}}, got " + describe(tool));
            }
            String name = text(requiredNode(tool, "name", toolPath), toolPath + ".name");
            JsonNode params = tool.path("params");
            if (!params.isMissingNode() && !params.isNull() && !params.isObject()) {
                throw new MalformedArchiveException(toolPath + ".params", "must be an object, got " + describe(params));
            }
            try {
                tools.add(ToolCall.of(name, params.isObject() ? object(params) : Map.of()));
            } catch (InvalidInputException e) {
                throw rejected(toolPath + ".name", e);
            }
        }
        return tools;
    }

    private static List<String> attachments(JsonNode json, String path) throws MalformedArchiveException {
        if (json.isMissingNode() || json.isNull()) {
            return List.of();
        }
        if (!json.isArray()) {
            throw new MalformedArchiveException(path, "must be a list of URLs, got " + describe(json));
        }
        List<String> urls = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            urls.add(text(json.get(i), path + "[" + i + "]"));
        }
        return urls;
    }

    private static List<UserId> participants(JsonNode json) throws MalformedArchiveException {
        if (!json.isArray()) {
            throw new MalformedArchiveException("participants", "must be a list of user ids, got " + describe(json));
        }
        List<UserId> users = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            users.add(id(json.get(i), "participants[" + i + "]", UserId::of));
        }
        return users;
    }

    /** Tool parameters as plain Java values, keys in file order. */
    private static Map<String, Object> object(JsonNode json) {
        Map<String, Object> map = new LinkedHashMap<>();
        json.properties().forEach(field -> map.put(field.getKey(), plain(field.getValue())));
        return map;
    }

    private static Object plain(JsonNode json) {
        return switch (json.getNodeType()) {
            case OBJECT -> object(json);
            case ARRAY -> {
                List<Object> list = new ArrayList<>(json.size());
                json.forEach(item -> list.add(plain(item)));
                yield list;
            }
            case STRING -> json.textValue();
            case NUMBER -> json.numberValue();
            case BOOLEAN -> json.booleanValue();
            default -> null;
        };
    }

    private static Instant timestamp(JsonNode json, String path) throws MalformedArchiveException {
        String text = text(json, path);
        try {
            return ArchiveTimestamps.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedArchiveException(path, "not an ISO-8601 date-time (e.g. 2025-11-25T10:30:00.123456), got "
                    + InvalidInputException.quoted(text));
        }
    }

    /** A snowflake id, as a JSON string or (leniently) a whole number. */
    private static <T> T id(JsonNode json, String path, Function<String, T> parse) throws MalformedArchiveException {
        String value;
        if (json.isTextual()) {
            value = json.textValue();
        } else if (json.isIntegralNumber()) {
            value = json.bigIntegerValue().toString();
        } else {
            throw new MalformedArchiveException(path, "must be a Discord id string, got " + describe(json));
        }
        try {
            return parse.apply(value);
        } catch (InvalidInputException e) {
            throw rejected(path, e);
        }
    }

    private static <T> Optional<T> optionalId(JsonNode json, String path, Function<String, T> parse)
            throws MalformedArchiveException {
        return json.isMissingNode() || json.isNull() ? Optional.empty() : Optional.of(id(json, path, parse));
    }

    private static String text(JsonNode json, String path) throws MalformedArchiveException {
        if (!json.isTextual()) {
            throw new MalformedArchiveException(path, "must be a string, got " + describe(json));
        }
        return json.textValue();
    }

    private static Optional<String> optionalText(JsonNode json, String path) throws MalformedArchiveException {
        return json.isNull() ? Optional.empty() : Optional.of(text(json, path));
    }

    private static JsonNode requiredNode(JsonNode object, String key, String path) throws MalformedArchiveException {
        JsonNode value = object.get(key);
        if (value == null) {
            throw new MalformedArchiveException(path + "." + key, "required key is missing");
        }
        return value;
    }

    private static <T> T required(T value, String key) throws MalformedArchiveException {
        return value != null ? value : missing(key);
    }

    private static <T> T missing(String key) throws MalformedArchiveException {
        throw new MalformedArchiveException(key, "required key is missing");
    }

    private static void startObject(JsonParser parser) throws IOException, MalformedArchiveException {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw new MalformedArchiveException("$", first == null
                    ? "the file is empty"
                    : "must be a conversation object, got " + describe(first));
        }
    }

    /** The domain's problem, after the path that names the field. */
    private static MalformedArchiveException rejected(String path, InvalidInputException e) {
        return new MalformedArchiveException(path + ": " + e.problem(), e);
    }

    private static MalformedArchiveException notJson(JsonProcessingException e) {
        var where = e.getLocation();
        String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        return new MalformedArchiveException("not valid JSON" + at + ": " + e.getOriginalMessage(), e);
    }

    private static String describe(JsonNode json) {
        return json.isMissingNode() ? "nothing" : json.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "object";
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
