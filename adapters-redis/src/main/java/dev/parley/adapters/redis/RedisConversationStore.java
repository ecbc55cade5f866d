package dev.parley.adapters.redis;

import dev.parley.domain.conversation.AppendOutcome;
import dev.parley.domain.conversation.ClaimedConversation;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationLimits;
import dev.parley.domain.conversation.ConversationOverview;
import dev.parley.domain.conversation.ConversationStore;
import dev.parley.domain.conversation.ConversationTail;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.ThreadId;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The conversation store shared by every instance connected to one Redis or Redis Cluster. Each
 * write is one Lua script (one round trip, atomic); deadlines and leases come from Redis
 * {@code TIME}. Idle conversations are found through a per-shard deadline sorted set, sealed
 * under a claim (their keys renamed aside, so the thread can start afresh) and kept in an
 * archive queue until acknowledged; a claim whose lease ends unacknowledged is handed out again.
 * docs/redis.md describes the keys, the scripts and why no conversation is lost.
 *
 * <p>Claims go over a connection of their own (the sweeper's), return metadata only, and the
 * sealed history is read back in pages of bounded size, each conversation decoded on its own: a
 * long history never holds up requests on the other connection, and one conversation that cannot
 * be decoded is left claimed (handed out again after its lease, and set aside in a dead-letter set
 * after {@link RedisStoreOptions#maxHandOuts()} hand-outs) without holding up the others.
 *
 * <pre>{@code
 * RedisConnector redis = RedisConnector.connect("redis://127.0.0.1:6379", Duration.ofSeconds(2));
 * ConversationStore store = new RedisConversationStore(redis.live(), redis.sweeper(), RedisStoreOptions.defaults());
 * }</pre>
 */
public final class RedisConversationStore implements ConversationStore {

    private static final System.Logger LOG = System.getLogger(RedisConversationStore.class.getName());
    /** How many reads {@link #findAll} and {@link #overviews} keep in flight at once. */
    private static final int READ_WINDOW = 128;
    /** The most history entries one page carries, however small they are. */
    static final int PAGE_ENTRIES = 1_000;

    private final RedisCalls live;
    private final RedisCalls sweeper;
    private final RedisKeys keys;
    private final RedisStoreOptions options;
    /** This store's name as a claim holder: a lease is renewed only by the holder it was handed to. */
    private final String holder = UUID.randomUUID().toString();
    /** Where the next claim starts, so with several shards no shard waits behind the others. */
    private final AtomicInteger nextClaimShard = new AtomicInteger();

    /**
     * A store whose requests use {@code live} and whose archiving (claims, history pages, renewals,
     * acknowledgements) uses {@code sweeper}; it shares both and never closes them.
     */
    public RedisConversationStore(RedisConnection live, RedisConnection sweeper, RedisStoreOptions options) {
        this(live, sweeper, options, ScriptClock.SERVER);
    }

    /** A store doing everything on one connection. */
    public RedisConversationStore(RedisConnection connection, RedisStoreOptions options) {
        this(connection, connection, options, ScriptClock.SERVER);
    }

    RedisConversationStore(RedisConnection live, RedisConnection sweeper, RedisStoreOptions options, ScriptClock clock) {
        this.options = Objects.requireNonNull(options, "options == null");
        this.live = new RedisCalls(live, clock);
        this.sweeper = new RedisCalls(sweeper, clock);
        this.keys = new RedisKeys(options.keyPrefix(), options.shards());
    }

    @Override
    public boolean create(Conversation conversation, Duration idleTime) {
        Objects.requireNonNull(conversation, "conversation == null");
        long idle = positiveMillis(idleTime, "idleTime");
        ThreadId thread = conversation.threadId();
        List<String> fields = ConversationHash.fields(conversation);
        List<String> args = new ArrayList<>(6 + fields.size() + 2 * conversation.history().size());
        args.add(thread.value());
        args.add(Long.toString(idle));
        args.add(Long.toString(options.grace().toMillis()));
        args.add(Integer.toString(fields.size()));
        args.addAll(fields);
        // Own ids and the ids of the posts replies became: a platform message with one of them is a replay.
        List<String> ids = conversation.history().stream()
                .flatMap(m -> java.util.stream.Stream.concat(m.id().stream(), m.postedIds().stream())).map(id -> id.value())
                .distinct().toList();
        args.add(Integer.toString(ids.size()));
        args.addAll(ids);
        for (Message message : conversation.history()) {
            args.add(MessageCodec.encode(message));
        }
        Long created = live.script("create", LuaScript.CREATE, ScriptOutputType.INTEGER, liveKeys(thread), args);
        return created == 1L;
    }

    @Override
    public AppendOutcome append(ThreadId threadId, Message message, Duration idleTime, ConversationLimits limits) {
        Objects.requireNonNull(threadId, "threadId == null");
        Objects.requireNonNull(message, "message == null");
        Objects.requireNonNull(limits, "limits == null");
        long idle = positiveMillis(idleTime, "idleTime");
        List<String> args = new ArrayList<>(10 + message.postedIds().size());
        args.addAll(List.of(
                threadId.value(),
                Long.toString(idle),
                Long.toString(options.grace().toMillis()),
                message.id().map(id -> id.value()).orElse(""),
                message.requester().map(user -> user.value()).orElse(""),
                MessageCodec.encode(message),
                Long.toString(ConversationHash.micros(message.createdAt())),
                Long.toString(message.weight()),
                Integer.toString(limits.maxMessages()),
                Long.toString(limits.maxBytes())));
        message.postedIds().forEach(id -> args.add(id.value()));
        Long outcome = live.script("append", LuaScript.APPEND, ScriptOutputType.INTEGER, liveKeys(threadId), args);
        return switch (outcome.intValue()) {
            case 1 -> AppendOutcome.APPENDED;
            case 2 -> AppendOutcome.DUPLICATE;
            case 0 -> AppendOutcome.NO_CONVERSATION;
            case 3 -> AppendOutcome.MESSAGE_LIMIT;
            case 4 -> AppendOutcome.BYTE_LIMIT;
            default -> throw new IllegalStateException("append script answered " + outcome);
        };
    }

    @Override
    public boolean updateSummary(ThreadId threadId, String summary) {
        Objects.requireNonNull(threadId, "threadId == null");
        Objects.requireNonNull(summary, "summary == null");
        Long updated = live.script("update summary", LuaScript.SUMMARY, ScriptOutputType.INTEGER,
                List.of(keys.conversation(threadId)), List.of(summary));
        return updated == 1L;
    }

    @Override
    public Optional<Conversation> find(ThreadId threadId) {
        Objects.requireNonNull(threadId, "threadId == null");
        return decodeFound(live.await("find", keys.conversation(threadId), startRead(LuaScript.FIND, threadId)));
    }

    /** {@inheritDoc} One script, {@code tail.lua}: the hash, {@code LLEN} and {@code LRANGE -limit -1}; only the tail is decoded. */
    @Override
    public Optional<ConversationTail> tail(ThreadId threadId, int limit) {
        Objects.requireNonNull(threadId, "threadId == null");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        List<Object> reply = live.script("tail", LuaScript.TAIL, ScriptOutputType.MULTI,
                List.of(keys.conversation(threadId), keys.history(threadId)), List.of(Integer.toString(limit)));
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        List<?> encoded = (List<?>) reply.get(2);
        List<Message> recent = new ArrayList<>(encoded.size());
        for (Object entry : encoded) {
            recent.add(MessageCodec.decode((String) entry));
        }
        return Optional.of(new ConversationTail(ConversationHash.overview((List<?>) reply.get(0), RedisTime.parseMicros(reply.get(1))),
                recent));
    }

    @Override
    public boolean exists(ThreadId threadId) {
        Objects.requireNonNull(threadId, "threadId == null");
        String key = keys.conversation(threadId);
        Long found = live.command("exists", key, commands -> commands.exists(key));
        return found == 1L;
    }

    @Override
    public boolean remove(ThreadId threadId) {
        Objects.requireNonNull(threadId, "threadId == null");
        Long removed = live.script("remove", LuaScript.REMOVE, ScriptOutputType.INTEGER, liveKeys(threadId),
                List.of(threadId.value()));
        return removed == 1L;
    }

    /**
     * Every live conversation: the threads are listed from each shard's deadline set, then read
     * with many reads in flight at once. Each conversation is read atomically; the list as a whole
     * is not one instant (a conversation created meanwhile may be missing).
     */
    @Override
    public List<Conversation> findAll() {
        List<Conversation> all = new ArrayList<>();
        readEveryLive(LuaScript.FIND, "find all", reply -> decodeFound(reply).ifPresent(all::add));
        return List.copyOf(all);
    }

    /** As {@link #findAll}, reading each conversation's hash and its history's length ({@code LLEN}) only. */
    @Override
    public List<ConversationOverview> overviews() {
        List<ConversationOverview> all = new ArrayList<>();
        readEveryLive(LuaScript.OVERVIEW, "list", reply -> {
            if (!reply.isEmpty()) {
                all.add(ConversationHash.overview((List<?>) reply.get(0), RedisTime.parseMicros(reply.get(1))));
            }
        });
        return List.copyOf(all);
    }

    private void readEveryLive(LuaScript reader, String operation, java.util.function.Consumer<List<Object>> each) {
        for (int shard = 0; shard < keys.shards(); shard++) {
            String due = keys.due(shard);
            List<String> threads = live.command(operation, due, commands -> commands.zrange(due, 0, -1));
            for (int from = 0; from < threads.size(); from += READ_WINDOW) {
                List<CompletableFuture<List<Object>>> reads = new ArrayList<>();
                List<String> window = threads.subList(from, Math.min(from + READ_WINDOW, threads.size()));
                for (String thread : window) {
                    reads.add(startRead(reader, ThreadId.of(thread)));
                }
                for (int i = 0; i < reads.size(); i++) {
                    each.accept(live.await(operation, keys.conversation(ThreadId.of(window.get(i))), reads.get(i)));
                }
            }
        }
    }

    @Override
    public int count() {
        long total = 0;
        for (int shard = 0; shard < keys.shards(); shard++) {
            List<Object> reply = live.script("count", LuaScript.COUNT, ScriptOutputType.MULTI,
                    List.of(keys.due(shard)), List.of(Long.toString(options.grace().toMillis())));
            total += RedisTime.parseMicros(reply.getFirst());
            if (reply.size() > 1) {
                // Deadlines between grace and twice grace old: live only if their keys have not expired yet.
                int s = shard;
                String[] doubtful = reply.subList(1, reply.size()).stream()
                        .map(thread -> keys.conversation(s, (String) thread)).toArray(String[]::new);
                Long existing = live.command("count", doubtful[0], commands -> commands.exists(doubtful));
                total += existing;
            }
        }
        return Math.toIntExact(total);
    }

    /**
     * Claims shard by shard (each shard's step is atomic on its own), each in two steps: a
     * read-only script lists the candidates, then the claim script, given their keys, checks each
     * again and takes it. Each conversation taken is then read back and decoded on its own, and
     * confirmed (its lease renewed from now) before it is returned.
     */
    @Override
    public List<ClaimedConversation> claimIdle(int max, Duration lease) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative, got " + max);
        }
        long leaseMillis = positiveMillis(lease, "lease");
        List<ClaimedConversation> claimed = new ArrayList<>();
        int first = Math.floorMod(nextClaimShard.getAndIncrement(), keys.shards());
        for (int i = 0; i < keys.shards() && claimed.size() < max; i++) {
            claimed.addAll(claimShard((first + i) % keys.shards(), max - claimed.size(), leaseMillis));
        }
        return List.copyOf(claimed);
    }

    private List<ClaimedConversation> claimShard(int shard, int max, long leaseMillis) {
        List<Object> candidates = sweeper.script("claim idle", LuaScript.DUE, ScriptOutputType.MULTI,
                List.of(keys.due(shard), keys.archiveQueue(shard)), List.of(Integer.toString(max)));
        List<ClaimKey> expired = new ArrayList<>();
        for (Object id : (List<?>) candidates.get(0)) {
            ClaimKey.parse((String) id, keys.shards()).filter(c -> c.shard() == shard).ifPresent(expired::add);
        }
        List<?> dueThreads = (List<?>) candidates.get(1);
        List<String> threads = new ArrayList<>();
        for (Object thread : dueThreads.subList(0, Math.min(dueThreads.size(), max - expired.size()))) {
            threads.add((String) thread);
        }
        if (expired.isEmpty() && threads.isEmpty()) {
            return List.of();
        }
        return claim(shard, expired, threads, Optional.empty(), leaseMillis);
    }

    @Override
    public Optional<ClaimedConversation> claimNow(ThreadId threadId, Instant createdAt, Duration lease) {
        Objects.requireNonNull(createdAt, "createdAt == null");
        long leaseMillis = positiveMillis(lease, "lease");
        List<ClaimedConversation> claimed = claim(keys.shardOf(threadId), List.of(), List.of(threadId.value()), Optional.of(createdAt),
                leaseMillis);
        return claimed.stream().findFirst();
    }

    /**
     * Runs the claim script on one shard: hands out again the {@code expired} claims whose lease has
     * ended, and seals {@code threads} if they are due, or, given {@code createdAt} (claim now), if the
     * live conversation is the one created then.
     */
    private List<ClaimedConversation> claim(int shard, List<ClaimKey> expired, List<String> threads, Optional<Instant> createdAt,
            long leaseMillis) {
        String operation = createdAt.isPresent() ? "claim now" : "claim idle";
        List<String> scriptKeys = new ArrayList<>(4 + 2 * expired.size() + 5 * threads.size());
        scriptKeys.addAll(List.of(keys.due(shard), keys.archiveQueue(shard), keys.claims(shard), keys.deadLetters(shard)));
        List<String> args = new ArrayList<>(7 + expired.size() + 2 * threads.size());
        args.addAll(List.of(Long.toString(leaseMillis), Long.toString(options.sealedTtl().toMillis()),
                Integer.toString(options.maxHandOuts()), holder, createdAt.map(ConversationHash::createdAtValue).orElse(""),
                Integer.toString(expired.size())));
        for (ClaimKey claim : expired) {
            scriptKeys.add(keys.sealedConversation(claim));
            scriptKeys.add(keys.sealedHistory(claim));
            args.add(claim.id());
        }
        args.add(Integer.toString(threads.size()));
        for (String thread : threads) {
            ClaimKey claim = ClaimKey.fresh(shard, thread);
            scriptKeys.addAll(List.of(keys.conversation(shard, thread), keys.history(shard, thread), keys.seenIds(shard, thread),
                    keys.sealedConversation(claim), keys.sealedHistory(claim)));
            args.add(thread);
            args.add(claim.id());
        }
        List<Object> reply = sweeper.script(operation, LuaScript.CLAIM, ScriptOutputType.MULTI, scriptKeys, args);

        long lost = RedisTime.parseMicros(reply.get(0));
        if (lost > 0) {
            sweeper.observer().expiredUnarchived(lost);
            LOG.log(System.Logger.Level.WARNING, "{0} conversation(s) in shard {1} expired by TTL before being archived: no sweeper ran"
                    + " within the grace period ({2}) or the sealed TTL ({3})", lost, shard, options.grace(), options.sealedTtl());
        }
        for (Object dead : (List<?>) reply.get(1)) {
            sweeper.observer().deadLettered();
            ClaimKey.parse((String) dead, keys.shards()).ifPresent(claim -> LOG.log(System.Logger.Level.ERROR,
                    "The conversation of thread {0} was handed out {1} times and never read back; claim {2} is set aside in {3}"
                            + " for an operator (docs/redis.md, dead letters)",
                    claim.thread(), options.maxHandOuts(), claim.id(), keys.deadLetters(shard)));
        }
        List<ClaimedConversation> readBack = new ArrayList<>();
        for (int at = 2; at + 3 < reply.size(); at += 4) {
            String claimId = (String) reply.get(at);
            readBack(operation, claimId, (List<?>) reply.get(at + 1), RedisTime.parseMicros(reply.get(at + 2)),
                    RedisTime.parseMicros(reply.get(at + 3))).ifPresent(readBack::add);
        }
        return confirm(readBack, leaseMillis);
    }

    /**
     * The claimed conversation, its history fetched in pages; empty if it cannot be decoded (it
     * stays claimed, to be handed out again after its lease) or is gone (another holder
     * acknowledged it meanwhile).
     */
    private Optional<ClaimedConversation> readBack(String operation, String claimId, List<?> hash, long length, long handOuts) {
        ClaimKey claim = ClaimKey.parse(claimId, keys.shards()).orElseThrow(
                () -> new IllegalStateException("claim script handed out an id that is no claim id"));
        String sealedHistory = keys.sealedHistory(claim);
        List<Object> history = new ArrayList<>((int) Math.min(length, PAGE_ENTRIES));
        while (history.size() < length) {
            List<Object> page = sweeper.script(operation + " (history page)", LuaScript.PAGE, ScriptOutputType.MULTI,
                    List.of(sealedHistory), List.of(Integer.toString(history.size()), Integer.toString(PAGE_ENTRIES),
                            Integer.toString(options.pageBytes())));
            if (page.isEmpty()) {
                LOG.log(System.Logger.Level.DEBUG, "claim {0} was acknowledged by another holder while being read", claimId);
                return Optional.empty();
            }
            history.addAll(page);
        }
        try {
            return Optional.of(new ClaimedConversation(claimId, ConversationHash.decode(hash, history)));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot read back the conversation of thread {0} (claim {1}, hand-out {2} of {3}): {4};"
                    + " it stays claimed and is handed out again after its lease", claim.thread(), claimId, handOuts,
                    options.maxHandOuts(), describe(e));
            return Optional.empty();
        }
    }

    /** Renews the leases of the claims read back (all sent at once), keeping those still this holder's. */
    private List<ClaimedConversation> confirm(List<ClaimedConversation> readBack, long leaseMillis) {
        List<CompletableFuture<Long>> renewals = new ArrayList<>(readBack.size());
        for (ClaimedConversation claimed : readBack) {
            renewals.add(startRenewal(ClaimKey.parse(claimed.claimId(), keys.shards()).orElseThrow(), leaseMillis));
        }
        List<ClaimedConversation> confirmed = new ArrayList<>(readBack.size());
        for (int i = 0; i < readBack.size(); i++) {
            ClaimedConversation claimed = readBack.get(i);
            String queue = keys.archiveQueue(ClaimKey.parse(claimed.claimId(), keys.shards()).orElseThrow().shard());
            if (sweeper.await("claim idle (confirm)", queue, renewals.get(i)) == 1L) {
                confirmed.add(claimed);
            }
        }
        return confirmed;
    }

    private CompletableFuture<Long> startRenewal(ClaimKey claim, long leaseMillis) {
        return sweeper.start(LuaScript.RENEW, ScriptOutputType.INTEGER,
                List.of(keys.archiveQueue(claim.shard()), keys.claims(claim.shard())),
                List.of(claim.id(), holder, Long.toString(leaseMillis)));
    }

    @Override
    public boolean renewLease(String claimId, Duration lease) {
        long leaseMillis = positiveMillis(lease, "lease");
        Optional<ClaimKey> claim = ClaimKey.parse(claimId, keys.shards());
        if (claim.isEmpty()) {
            return false;
        }
        return sweeper.await("renew lease", keys.archiveQueue(claim.get().shard()), startRenewal(claim.get(), leaseMillis)) == 1L;
    }

    @Override
    public void acknowledge(String claimId) {
        Optional<ClaimKey> parsed = ClaimKey.parse(claimId, keys.shards());
        if (parsed.isEmpty()) {
            return; // never handed out by this store: nothing to end
        }
        ClaimKey claim = parsed.get();
        sweeper.script("acknowledge", LuaScript.ACKNOWLEDGE, ScriptOutputType.INTEGER,
                List.of(keys.archiveQueue(claim.shard()), keys.sealedConversation(claim), keys.sealedHistory(claim),
                        keys.claims(claim.shard())),
                List.of(claimId));
    }

    private CompletableFuture<List<Object>> startRead(LuaScript reader, ThreadId thread) {
        return live.start(reader, ScriptOutputType.MULTI, List.of(keys.conversation(thread), keys.history(thread)), List.of());
    }

    private static Optional<Conversation> decodeFound(List<Object> reply) {
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ConversationHash.decode((List<?>) reply.get(0), (List<?>) reply.get(1)));
    }

    /** The keys the create, append and remove scripts declare, in their KEYS order. */
    private List<String> liveKeys(ThreadId thread) {
        return List.of(keys.conversation(thread), keys.history(thread), keys.seenIds(thread), keys.due(thread));
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + (message.length() > 200 ? message.substring(0, 200) + "…" : message));
    }

    private static long positiveMillis(Duration duration, String name) {
        Objects.requireNonNull(duration, name + " == null");
        long millis = duration.toMillis();
        if (millis < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 ms, got " + duration);
        }
        return millis;
    }

    /** {@inheritDoc} Kept in Redis for every instance; they outlive this one. */
    @Override
    public boolean isShared() {
        return true;
    }
}
