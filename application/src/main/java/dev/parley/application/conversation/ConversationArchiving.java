package dev.parley.application.conversation;

import dev.parley.application.port.in.CheckArchiveWrites;
import dev.parley.application.port.in.RollOverConversation;
import dev.parley.application.port.in.SaveBeforeShutdown;
import dev.parley.application.port.in.SaveConversations;
import dev.parley.application.port.in.SaveOutcome;
import dev.parley.application.port.in.ShutdownSave;
import dev.parley.application.port.in.SweepIdle;
import dev.parley.application.port.in.UnsavedConversations;
import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.archive.ConversationArchive;
import dev.parley.domain.conversation.ClaimedConversation;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationOverview;
import dev.parley.domain.conversation.ConversationStore;
import dev.parley.domain.id.ThreadId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything that moves conversations into the archive: saving on request, the idle sweep
 * (decisions.md 1–3), rolling a full conversation over, and the save before shutdown (decisions.md 8). They share one piece of
 * state: the idle conversations this instance claimed but could not write, retried after their
 * lease and at shutdown, so none is lost.
 *
 * <p>Each conversation is handled on its own: whatever one throws, an {@link Error} such as
 * {@link OutOfMemoryError} or {@link StackOverflowError} from a pathological conversation included,
 * is logged as one ERROR line naming its thread (never its contents) and the others go on. A
 * conversation whose write failed is never dropped: it stays live, or claimed in the store until a
 * retry writes it, and {@link #unsaved} lists it until then.
 */
public final class ConversationArchiving
        implements SaveConversations, SweepIdle, RollOverConversation, SaveBeforeShutdown, CheckArchiveWrites {

    private static final Logger LOG = System.getLogger(ConversationArchiving.class.getName());
    /** How many thread ids the shutdown's ERROR line names at most. */
    private static final int LOGGED_THREADS = 20;

    private final ConversationStore store;
    private final ConversationArchive archive;
    private final ConversationSettings settings;
    /** This instance's claims whose archive write failed, with a store held in this process: retried at shutdown. */
    private final Map<String, ClaimedConversation> unsaved = new ConcurrentHashMap<>();
    private final ArchiveFailures failures;

    public ConversationArchiving(ConversationStore store, ConversationArchive archive, ConversationSettings settings, Clock clock) {
        this.store = Objects.requireNonNull(store, "store == null");
        this.archive = Objects.requireNonNull(archive, "archive == null");
        this.settings = Objects.requireNonNull(settings, "settings == null");
        // A failing conversation is retried at least once per lease once idle: three missed retries mean it was cured elsewhere.
        this.failures = new ArchiveFailures(clock, settings.idleTime().plus(settings.claimLease().multipliedBy(3)));
    }

    @Override
    public String save(ThreadId thread) {
        Conversation conversation = store.find(thread).orElseThrow(() -> LiveConversations.notFound(thread));
        try {
            String name = archive.save(conversation);
            failures.saved(thread);
            return name;
        } catch (RuntimeException | VirtualMachineError e) {
            // Whatever the write threw, only this request's conversation is affected: one ERROR line
            // naming the thread (never a message that may quote its contents), answered as a failed
            // write that its answerer does not log again; the service stays up.
            failures.failed(thread);
            String problem = ArchiveFailures.describe(e);
            LOG.log(Level.ERROR, "could not save the conversation of thread {0}: {1}; it stays live", thread.value(), problem);
            throw StorageUnavailableException.alreadyLogged("could not save the conversation of thread " + thread.value() + ": " + problem);
        }
    }

    @Override
    public List<SaveOutcome> saveAll() {
        return saveEach("save all", "it stays live");
    }

    private List<SaveOutcome> saveEach(String during, String afterwards) {
        // The snapshot holds ids only; each conversation is read when its turn comes, so saving
        // them all never holds every history at once.
        List<ThreadId> snapshot = store.overviews().stream()
                .sorted(Comparator.comparing(ConversationOverview::createdAt).thenComparing(ConversationOverview::threadId))
                .map(ConversationOverview::threadId)
                .toList();
        List<SaveOutcome> outcomes = new ArrayList<>(snapshot.size());
        for (ThreadId thread : snapshot) {
            saveOne(thread, during, afterwards).ifPresent(outcomes::add);
        }
        return outcomes;
    }

    @Override
    public int sweep() {
        int cleaned = 0;
        List<ClaimedConversation> batch;
        do {
            batch = store.claimIdle(settings.sweepBatch(), settings.claimLease());
            for (ClaimedConversation claimed : batch) {
                if (cleanUp(claimed, "idle")) {
                    cleaned++;
                }
            }
        } while (batch.size() == settings.sweepBatch());
        return cleaned;
    }

    @Override
    public boolean rollOver(ThreadId thread, Instant createdAt) {
        Optional<ClaimedConversation> claimed = store.claimNow(thread, createdAt, settings.claimLease());
        claimed.ifPresent(taken -> cleanUp(taken, "full"));
        return claimed.isPresent();
    }

    @Override
    public ShutdownSave save() {
        if (settings.cleanup() == CleanupStrategy.DISCARD) {
            return new ShutdownSave.NothingToSave(ShutdownSave.Why.DISCARD_STRATEGY);
        }
        if (store.isShared()) {
            return new ShutdownSave.NothingToSave(ShutdownSave.Why.SHARED_STORE);
        }
        Map<ThreadId, Boolean> saved = new LinkedHashMap<>();
        try {
            saveEach("shutdown", "see the shutdown line that follows").forEach(outcome -> saved.put(outcome.thread(), outcome.saved()));
        } catch (RuntimeException | VirtualMachineError e) {
            LOG.log(Level.ERROR, "shutdown: could not list the live conversations to save them: {0}", ArchiveFailures.describe(e));
        }
        for (ClaimedConversation claimed : List.copyOf(unsaved.values())) {
            saved.put(claimed.conversation().threadId(), cleanUp(claimed, "idle"));
        }
        List<String> lost = saved.entrySet().stream().filter(e -> !e.getValue()).map(e -> e.getKey().value()).toList();
        if (!lost.isEmpty()) {
            LOG.log(Level.ERROR, "shutdown: {0} of {1} conversations could not be saved and are lost with this process: {2}{3}",
                    String.valueOf(lost.size()), String.valueOf(saved.size()), lost.stream().limit(LOGGED_THREADS).toList(),
                    lost.size() > LOGGED_THREADS ? " and " + (lost.size() - LOGGED_THREADS) + " more" : "");
        }
        return new ShutdownSave.Saved(saved);
    }

    @Override
    public UnsavedConversations unsaved(int max) {
        return failures.unsaved(max, this::pending);
    }

    /** Whether a thread still waits for a write here: live, or claimed by this instance and held for a retry. */
    private boolean pending(ThreadId thread) {
        if (unsaved.values().stream().anyMatch(claimed -> claimed.conversation().threadId().equals(thread))) {
            return true;
        }
        try {
            return store.exists(thread);
        } catch (RuntimeException e) {
            return true; // cannot tell (storage outage): keep listing it rather than report it cured
        }
    }

    /** How many failed claims this service holds for a retry at shutdown (for tests of the bound). */
    int heldForRetry() {
        return unsaved.size();
    }

    /**
     * Archives (or discards) one claimed conversation; never throws, whatever the conversation does.
     * {@code kind} says in the log lines why it was claimed: {@code idle} or {@code full}.
     */
    private boolean cleanUp(ClaimedConversation claimed, String kind) {
        Conversation conversation = claimed.conversation();
        ThreadId thread = conversation.threadId();
        try {
            // A full lease for the write, whatever the batch cost before it; if the claim went to
            // another instance meanwhile (this one stalled past its lease), that one archives it.
            if (!store.renewLease(claimed.claimId(), settings.claimLease())) {
                unsaved.remove(claimed.claimId());
                LOG.log(Level.DEBUG, "claim of thread {0} is no longer this instance''s; skipped", thread);
                return false;
            }
            if (settings.cleanup() == CleanupStrategy.ARCHIVE) {
                archive.save(conversation);
                failures.saved(thread);
            }
        } catch (RuntimeException | VirtualMachineError e) {
            // Stays claimed and is handed out again when the lease ends. Only a store in this
            // process needs the copy (to retry at shutdown): a shared store hands the claim to
            // whichever instance asks next, and keeping it here would keep it forever.
            if (!store.isShared()) {
                unsaved.put(claimed.claimId(), claimed);
            }
            failures.failed(thread);
            LOG.log(Level.ERROR, "could not archive the {0} conversation of thread {1}: {2}; it stays claimed and is retried"
                    + " when its {3} s lease ends", kind, thread.value(), ArchiveFailures.describe(e),
                    String.valueOf(settings.claimLease().toSeconds()));
            return false;
        }
        // Written (or deliberately discarded): whatever the acknowledgement does, the conversation is
        // safe, so it is no archive failure and needs no retry from here. An unreleased claim is
        // handed out again after its lease and archived a second time, a harmless duplicate file.
        unsaved.remove(claimed.claimId());
        try {
            store.acknowledge(claimed.claimId());
        } catch (RuntimeException | VirtualMachineError e) {
            LOG.log(Level.WARNING, "{0} conversation of thread {1} archived, but the claim could not be released: {2};"
                    + " it is handed out again when its {3} s lease ends", kind, thread.value(), ArchiveFailures.describe(e),
                    String.valueOf(settings.claimLease().toSeconds()));
            return true;
        }
        LOG.log(Level.DEBUG, "{0} conversation in thread {1} cleaned up ({2})", kind, thread, settings.cleanup());
        return true;
    }

    /** Saves one live conversation; empty if it is no longer live. Never throws, whatever the conversation does. */
    private Optional<SaveOutcome> saveOne(ThreadId thread, String during, String afterwards) {
        try {
            Optional<Conversation> conversation = store.find(thread);
            if (conversation.isEmpty()) {
                return Optional.empty(); // expired or removed since the snapshot
            }
            String name = archive.save(conversation.get());
            failures.saved(thread);
            return Optional.of(new SaveOutcome.Saved(thread, name));
        } catch (RuntimeException | VirtualMachineError e) {
            failures.failed(thread);
            String problem = ArchiveFailures.describe(e);
            LOG.log(Level.ERROR, "could not save the conversation of thread {0} ({1}): {2}; {3}",
                    thread.value(), during, problem, afterwards);
            return Optional.of(new SaveOutcome.Failed(thread, problem));
        }
    }
}
