package dev.parley.adapters.file;

import dev.parley.domain.conversation.MessageType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The archive format's names of the message types: lowercase, as the Echo document writes them ({@code tool_call}). */
final class ArchiveMessageTypes {

    /** The accepted names, for error messages. */
    static final String ACCEPTED = Arrays.stream(MessageType.values()).map(ArchiveMessageTypes::name).collect(Collectors.joining(", "));

    private ArchiveMessageTypes() {
    }

    static String name(MessageType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** The type named {@code name}; files written by other tools may use the constant's name in any case ({@code TOOL_CALL}). */
    static Optional<MessageType> parse(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(MessageType.values()).filter(type -> name(type).equals(lower)).findFirst();
    }
}
