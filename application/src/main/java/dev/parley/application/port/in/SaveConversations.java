package dev.parley.application.port.in;

import dev.parley.domain.id.ThreadId;
import java.util.Map;

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
     * error), and says per thread, oldest first, whether it was saved. A failure is logged and
     * reported as {@code false}; it does not stop the others.
     */
    Map<ThreadId, Boolean> saveAll();
}
