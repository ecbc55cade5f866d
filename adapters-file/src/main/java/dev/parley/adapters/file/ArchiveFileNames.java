package dev.parley.adapters.file;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.conversation.Conversation;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The names archive files may have (decisions.md 4): the only names the archive reads, lists or writes. */
final class ArchiveFileNames {

    /** {@code \d} is ASCII-only in Java unless asked otherwise, as snowflakes are. */
    static final Pattern ARCHIVE_NAME = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}_conversation-with-\\d{1,20}-in-\\d{1,20}(_thread-\\d{1,20}(-\\d+)?)?\\.json$");

    /** Most file systems stop at 255 bytes; a longer name can only be an attack or a mistake. */
    private static final int MAX_LENGTH = 255;

    private static final String ACCEPTED =
            "yyyy-mm-dd_conversation-with-{requester}-in-{guild}[_thread-{thread}[-N]].json, with no directory part";

    private ArchiveFileNames() {
    }

    static boolean isArchiveName(String name) {
        return name.length() <= MAX_LENGTH && ARCHIVE_NAME.matcher(name).matches();
    }

    /** Returns {@code name} if it is an archive file name, else rejects it as an invalid archive file name. */
    static String requireArchiveName(String name) {
        if (name == null) {
            throw new InvalidInputException(InputField.ARCHIVE_FILE_NAME, "is required: " + ACCEPTED);
        }
        if (!isArchiveName(name)) {
            throw new InvalidInputException(InputField.ARCHIVE_FILE_NAME, "must be "
                    + ACCEPTED + ", got " + InvalidInputException.quoted(name));
        }
        return name;
    }

    /** The name of the {@code n}-th (n ≥ 2) conversation archived from the same thread on the same day. */
    static String numbered(Conversation conversation, int n) {
        String withThread = conversation.fileNameWithThread();
        return withThread.substring(0, withThread.length() - ".json".length()) + "-" + n + ".json";
    }

    /** The {@code N} of a {@link #numbered} name of {@code conversation}, if {@code name} is one. */
    static OptionalInt numberOf(Conversation conversation, String name) {
        String withThread = conversation.fileNameWithThread();
        String stem = withThread.substring(0, withThread.length() - ".json".length()) + "-";
        if (!name.startsWith(stem) || !name.endsWith(".json")) {
            return OptionalInt.empty();
        }
        Matcher digits = Pattern.compile("\\d{1,9}").matcher(name.substring(stem.length(), name.length() - ".json".length()));
        return digits.matches() ? OptionalInt.of(Integer.parseInt(digits.group())) : OptionalInt.empty();
    }
}
