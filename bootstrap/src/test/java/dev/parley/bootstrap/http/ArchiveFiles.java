package dev.parley.bootstrap.http;

import dev.parley.adapters.file.JsonFileConversationArchive;
import dev.parley.domain.conversation.Conversation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Archive files written straight into a directory, byte for byte as a save writes them, for tests that need many. */
public final class ArchiveFiles {

    private ArchiveFiles() {
    }

    /** Writes {@code conversation} under its name with the thread (unique per thread) and returns that name. */
    public static String write(Path directory, Conversation conversation) {
        String name = conversation.fileNameWithThread();
        try {
            Files.write(directory.resolve(name), JsonFileConversationArchive.fileContent(conversation));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return name;
    }
}
