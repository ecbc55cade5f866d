package dev.parley.application.port.in;

import dev.parley.domain.id.ThreadId;
import java.util.List;

/** Save live conversations to the archive now; they stay live (the Echo document's {@code save_conversation}, {@code save_all}). */
public interface SaveConversations {

    /**
     * Saves the thread's live conversation; saving it again later replaces the same file.
     *
     * @return the archive file name
     * @throws ConversationNotFoundException if the thread has no live conversation
     */
    String save(ThreadId thread);

    /**
     * Saves every live conversation, one by one over a snapshot (one expiring meanwhile causes no
     * error), and says per thread, oldest first, what came of it. Any failure of one conversation,
     * an error such as running out of memory included, is logged in one line naming its thread and
     * reported as {@link SaveOutcome.Failed}; it does not stop the others.
     */
    List<SaveOutcome> saveAll();
}
