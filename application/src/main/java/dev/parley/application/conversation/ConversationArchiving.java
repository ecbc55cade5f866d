package dev.parley.application.conversation;

import dev.parley.application.port.in.SaveBeforeShutdown;
import dev.parley.application.port.in.SaveConversations;
import dev.parley.application.port.in.ShutdownSave;
import dev.parley.application.port.in.SweepIdle;
import dev.parley.domain.archive.ConversationArchive;
import dev.parley.domain.conversation.ClaimedConversation;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationStore;
import dev.parley.domain.id.ThreadId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything that moves conversations into the archive: saving on request, the idle sweep
 * (decisions.md 1–3) and the save before shutdown (decisions.md 8). They share one piece of
 * state: the idle conversations this instance claimed but could not write, retried after their
 * lease and at shutdown, so none is lost.
 */
public final class ConversationArchiving implements SaveConversations, SweepIdle, SaveBeforeShutdown {

    private static final Logger LOG = System.getLogger(ConversationArchiving.class.getName());

    private final ConversationStore store;
    private final ConversationArchive archive;
    private final ConversationSettings settings;
    /** This instance's claims whose archive write failed, with a store held in this process: retried at shutdown. */
    private final Map<String, ClaimedConversation> unsaved = new ConcurrentHashMap<>();

    public ConversationArchiving(ConversationStore store, ConversationArchive archive, ConversationSettings settings) {
        this.store = Objects.requireNonNull(store, "store == null");
        this.archive = Objects.requireNonNull(archive, "archive == null");
        this.settings = Objects.requireNonNull(settings, "settings == null");
    }

    @Override
    public String save(ThreadId thread) {
        Conversation conversation = store.find(thread).orElseThrow(() -> LiveConversations.notFound(thread));
        return archive.save(conversation);
    }

    @Override
    public Map<ThreadId, Boolean> saveAll() {
        Map<ThreadId, Boolean> results = new LinkedHashMap<>();
        List<Conversation> snapshot = store.findAll().stream()
                .sorted(Comparator.comparing(Conversation::createdAt).thenComparing(Conversation::threadId))
                .toList();
        for (Conversation conversation : snapshot) {
            results.put(conversation.threadId(), trySave(conversation));
        }
        return results;
    }

    @Override
    public int sweep() {
        int cleaned = 0;
        List<ClaimedConversation> batch;
        do {
            batch = store.claimIdle(settings.sweepBatch(), settings.claimLease());
            for (ClaimedConversation claimed : batch) {
                if (cleanUp(claimed)) {
                    cleaned++;
                }
            }
        } while (batch.size() == settings.sweepBatch());
        return cleaned;
    }

    @Override
    public ShutdownSave save() {
        if (settings.cleanup() == CleanupStrategy.DISCARD) {
            return new ShutdownSave.NothingToSave(ShutdownSave.Why.DISCARD_STRATEGY);
        }
        if (store.isShared()) {
            return new ShutdownSave.NothingToSave(ShutdownSave.Why.SHARED_STORE);
        }
        Map<ThreadId, Boolean> saved = new LinkedHashMap<>(saveAll());
        for (ClaimedConversation claimed : List.copyOf(unsaved.values())) {
            saved.put(claimed.conversation().threadId(), cleanUp(claimed));
        }
        long failed = saved.values().stream().filter(ok -> !ok).count();
        if (failed > 0) {
            LOG.log(Level.ERROR, "shutdown: {0} of {1} conversations could not be saved and are lost with this process: {2}",
                    failed, saved.size(), saved.entrySet().stream().filter(e -> !e.getValue()).map(e -> e.getKey().value()).toList());
        }
        return new ShutdownSave.Saved(saved);
    }

    /** How many failed claims this service holds for a retry at shutdown (for tests of the bound). */
    int heldForRetry() {
        return unsaved.size();
    }

    private boolean cleanUp(ClaimedConversation claimed) {
        Conversation conversation = claimed.conversation();
        // A full lease for the write, whatever the batch cost before it; if the claim went to
        // another instance meanwhile (this one stalled past its lease), that one archives it.
        if (!store.renewLease(claimed.claimId(), settings.claimLease())) {
            unsaved.remove(claimed.claimId());
            LOG.log(Level.DEBUG, "claim of thread {0} is no longer this instance's; skipped", conversation.threadId());
            return false;
        }
        if (settings.cleanup() == CleanupStrategy.ARCHIVE && !trySave(conversation)) {
            // Stays claimed and is handed out again when the lease ends. Only a store in this
            // process needs the copy (to retry at shutdown): a shared store hands the claim to
            // whichever instance asks next, and keeping it here would keep it forever.
            if (!store.isShared()) {
                unsaved.put(claimed.claimId(), claimed);
            }
            return false;
        }
        store.acknowledge(claimed.claimId());
        unsaved.remove(claimed.claimId());
        LOG.log(Level.DEBUG, "idle conversation in thread {0} cleaned up ({1})", conversation.threadId(), settings.cleanup());
        return true;
    }

    private boolean trySave(Conversation conversation) {
        try {
            archive.save(conversation);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "could not save the conversation of thread " + conversation.threadId() + ": " + e.getMessage(), e);
            return false;
        }
    }
}
