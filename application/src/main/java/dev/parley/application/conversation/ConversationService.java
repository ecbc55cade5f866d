package dev.parley.application.conversation;

import dev.parley.domain.conversation.AppendOutcome;
import dev.parley.domain.conversation.ClaimedConversation;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationStore;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.archive.ConversationArchive;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Echo document's conversation operations: create, add a message, get, is-conversation-thread,
 * remove, get all, save, save all, and idle cleanup. Safe to call from many threads; with a shared
 * store, from many instances.
 *
 * <p>Every added message resets the conversation's idle time (decisions.md 1). Idle conversations
 * are cleaned up by {@link #cleanUpIdle()}, which an {@link IdleSweeper} calls periodically: one
 * sweep over the store's deadlines, never a timer per conversation (decisions.md 2).
 */
public final class ConversationService {

    private static final Logger LOG = System.getLogger(ConversationService.class.getName());

    private final ConversationStore store;
    private final Optional<ConversationArchive> archive;
    private final Clock clock;
    private final ConversationSettings settings;
    /** This instance's claims whose archive write failed, with a store held in this process: retried at shutdown. */
    private final Map<String, ClaimedConversation> unsaved = new ConcurrentHashMap<>();

    /**
     * @param archive where saved and expired conversations go; empty means saving fails with
     *     {@link ArchiveNotConfiguredException}, and only the {@code discard} strategy is allowed
     */
    public ConversationService(ConversationStore store, Optional<ConversationArchive> archive, Clock clock,
            ConversationSettings settings) {
        this.store = Objects.requireNonNull(store, "store == null");
        this.archive = Objects.requireNonNull(archive, "archive == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.settings = Objects.requireNonNull(settings, "settings == null");
        if (settings.cleanup() == CleanupStrategy.ARCHIVE && archive.isEmpty()) {
            throw new IllegalArgumentException("the archive cleanup strategy needs an archive; configure one or choose discard");
        }
    }

    public ConversationSettings settings() {
        return settings;
    }

    /**
     * Starts a conversation in {@code threadId}, created now.
     *
     * @throws ConversationAlreadyExistsException if the thread already has a live conversation
     */
    public Conversation create(ThreadId threadId, GuildId guildId, String guildName, UserId requester) {
        Conversation conversation = Conversation.start(threadId, guildId, guildName, requester, clock.instant());
        if (!store.create(conversation, settings.idleTime())) {
            throw new ConversationAlreadyExistsException(threadId, "thread " + threadId + " already has a live conversation");
        }
        return conversation;
    }

    /**
     * Adds {@code message} to the thread's conversation and resets its idle time.
     *
     * @return {@link AppendOutcome#DUPLICATE} when a message with the same id was added before
     * @throws ConversationNotFoundException if the thread has no live conversation
     */
    public AppendOutcome addMessage(ThreadId threadId, Message message) {
        AppendOutcome outcome = store.append(threadId, message, settings.idleTime());
        if (outcome == AppendOutcome.NO_CONVERSATION) {
            throw notFound(threadId);
        }
        return outcome;
    }

    /** Replaces the conversation's summary. */
    public void updateSummary(ThreadId threadId, String summary) {
        if (!store.updateSummary(threadId, summary)) {
            throw notFound(threadId);
        }
    }

    public Optional<Conversation> get(ThreadId threadId) {
        return store.find(threadId);
    }

    /** Whether the thread has a live conversation. */
    public boolean isConversationThread(ThreadId threadId) {
        return store.exists(threadId);
    }

    /** Removes the thread's conversation from live state without saving it; false if there was none. */
    public boolean remove(ThreadId threadId) {
        return store.remove(threadId);
    }

    /** Every live conversation, oldest first. */
    public List<Conversation> getAll() {
        return store.findAll().stream()
                .sorted(Comparator.comparing(Conversation::createdAt).thenComparing(Conversation::threadId))
                .toList();
    }

    /**
     * Whether live conversations outlive this instance in a shared store, so that another instance
     * archives them and {@link #shutdown()} saves none.
     */
    public boolean conversationsOutliveThisInstance() {
        return store.isShared();
    }

    public int liveCount() {
        return store.count();
    }

    /**
     * Saves the thread's live conversation to the archive; saving it again later replaces the same file.
     *
     * @return the archive file name
     * @throws ArchiveNotConfiguredException if no archive is set
     * @throws ConversationNotFoundException if the thread has no live conversation
     */
    public String save(ThreadId threadId) {
        ConversationArchive target = archive.orElseThrow(ArchiveNotConfiguredException::new);
        Conversation conversation = store.find(threadId).orElseThrow(() -> notFound(threadId));
        return target.save(conversation);
    }

    /**
     * Saves every live conversation, one by one over a snapshot (a conversation expiring meanwhile
     * causes no error), and says per thread whether it was saved. A failure is logged and reported
     * as {@code false}; it does not stop the others.
     *
     * @throws ArchiveNotConfiguredException if no archive is set
     */
    public Map<ThreadId, Boolean> saveAll() {
        ConversationArchive target = archive.orElseThrow(ArchiveNotConfiguredException::new);
        Map<ThreadId, Boolean> results = new LinkedHashMap<>();
        for (Conversation conversation : getAll()) {
            results.put(conversation.threadId(), trySave(target, conversation));
        }
        return results;
    }

    /**
     * One sweep: takes the conversations whose idle time has passed (and claims whose earlier
     * claimer never finished) out of live state and archives or discards them, batch by batch
     * until none is due. A conversation whose archive write fails stays claimed and is retried
     * when its lease ends; it is never dropped.
     *
     * @return how many conversations were cleaned up
     */
    public int cleanUpIdle() {
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

    /**
     * What shutting down needs (decisions.md 8), before the caller stops its sweeper. With a store
     * in this process's memory and the archive strategy: saves every live conversation, then
     * retries the idle ones whose archive write failed earlier (they would die with the process).
     * With a shared store (Redis) nothing is saved: the conversations stay in the store and
     * another instance archives each once when it goes idle, so saving them here would archive
     * them early, and twice. With the discard strategy nothing is saved.
     *
     * @return per thread, whether it was saved
     */
    public Map<ThreadId, Boolean> shutdown() {
        if (settings.cleanup() == CleanupStrategy.DISCARD || archive.isEmpty()) {
            return Map.of();
        }
        if (store.isShared()) {
            LOG.log(Level.INFO, "shutdown: live conversations stay in the shared store; another instance archives them");
            return Map.of();
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
        return saved;
    }

    /** How many failed claims this service holds for a retry at shutdown (for tests of the bound). */
    int heldForRetry() {
        return unsaved.size();
    }

    private boolean cleanUp(ClaimedConversation claimed) {
        Conversation conversation = claimed.conversation();
        if (settings.cleanup() == CleanupStrategy.ARCHIVE) {
            // A full lease for the write, whatever the batch cost before it; if the claim went to
            // another instance meanwhile (this one stalled past its lease), that one archives it.
            if (!store.renewLease(claimed.claimId(), settings.claimLease())) {
                unsaved.remove(claimed.claimId());
                LOG.log(Level.DEBUG, "claim of thread {0} is no longer this instance's; skipped", conversation.threadId());
                return false;
            }
            if (!trySave(archive.orElseThrow(), conversation)) {
                // Stays claimed and is handed out again when the lease ends. Only a store in this
                // process needs the copy (to retry at shutdown): a shared store hands the claim to
                // whichever instance asks next, and keeping it here would keep it forever.
                if (!store.isShared()) {
                    unsaved.put(claimed.claimId(), claimed);
                }
                return false;
            }
        }
        store.acknowledge(claimed.claimId());
        unsaved.remove(claimed.claimId());
        LOG.log(Level.DEBUG, "idle conversation in thread {0} cleaned up ({1})", conversation.threadId(),
                settings.cleanup().configName());
        return true;
    }

    private static boolean trySave(ConversationArchive target, Conversation conversation) {
        try {
            target.save(conversation);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "could not save the conversation of thread " + conversation.threadId() + ": " + e.getMessage(), e);
            return false;
        }
    }

    private static ConversationNotFoundException notFound(ThreadId threadId) {
        return new ConversationNotFoundException(threadId, "thread " + threadId + " has no live conversation");
    }
}
