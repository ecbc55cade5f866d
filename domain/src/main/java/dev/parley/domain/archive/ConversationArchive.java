package dev.parley.domain.archive;

import dev.parley.domain.conversation.Conversation;
import java.util.Optional;

/**
 * Where conversations go when they are saved or expire: the Echo document's JSON files.
 *
 * <p>Saving is safe to repeat: a conversation saved again replaces its own file and never another
 * conversation's (decisions.md 4); a late save of an older state (a shorter history than the file
 * holds) leaves the file as it is. Failures of the medium (disk full, directory gone) surface as
 * {@link dev.parley.domain.StorageUnavailableException}, leaving any earlier file intact.
 */
public interface ConversationArchive {

    /**
     * Writes {@code conversation} and returns the file name it is stored under:
     * {@link Conversation#fileName()}, or {@link Conversation#fileNameWithThread()} when the plain name
     * already belongs to another conversation, or that name with {@code -2}, {@code -3}, … before
     * {@code .json} when the thread already held other conversations that were archived.
     */
    String save(Conversation conversation);

    /**
     * Reads one archived conversation by file name; empty if there is no such archive file. A file
     * without {@code thread_id} (written by the original Python bot) loads too: its transcript's
     * {@link ArchivedTranscript#conversation()} is empty, since no thread can be invented for it.
     *
     * @throws dev.parley.domain.InvalidInputException if {@code fileName} is not an archive file name (no paths)
     * @throws UnreadableArchiveException if the file exists but is not a valid archive
     */
    Optional<ArchivedTranscript> load(String fileName);

    /** The archived conversations that match {@code query}, with every file that could not be read named apart. */
    ArchiveListing list(ArchiveQuery query);
}
