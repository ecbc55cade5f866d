package dev.parley.adapters.redis;

import dev.parley.domain.conversation.AppendOutcome;
import dev.parley.domain.conversation.ClaimedConversation;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationStore;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.ThreadId;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The conversation store shared by every instance connected to one Redis. Each write is one Lua
 * script (one round trip, atomic); deadlines and leases come from Redis {@code TIME}. Idle
 * conversations are found through a per-shard deadline sorted set, sealed under a claim (their
 * keys renamed aside, so the thread can start afresh) and kept in an archive queue until
 * acknowledged; a claim whose lease ends unacknowledged is handed out again. docs/redis.md
 * describes the keys, the scripts and why no conversation is lost.
 *
 * <pre>{@code
 * RedisConnector redis = RedisConnector.connect("redis://127.0.0.1:6379", Duration.ofSeconds(2));
 * ConversationStore store = new RedisConversationStore(redis.connection(), RedisStoreOptions.defaults());
 * }</pre>
 */
public final class RedisConversationStore implements ConversationStore {

    private static final System.Logger LOG = System.getLogger(RedisConversationStore.class.getName());
    /** How many reads {@link #findAll} keeps in flight at once. */
    private static final int READ_WINDOW = 128;

    private final RedisCalls redis;
    private final RedisKeys keys;
    private final RedisStoreOptions options;
    /** Where the next claim starts, so with several shards no shard waits behind the others. */
    private final AtomicInteger nextClaimShard = new AtomicInteger();

    /**
     * A store over {@code connection}, which it shares and never closes. Scripts are loaded now if
     * Redis answers, else on first use.
     *
     * @param connection a connection made as {@link RedisConnector} makes them (fail-fast options), decoding UTF-8 strings
     */
    public RedisConversationStore(StatefulRedisConnection<String, String> connection, RedisStoreOptions options) {
        this.options = Objects.requireNonNull(options, "options == null");
        this.redis = new RedisCalls(connection);
        this.keys = new RedisKeys(options.keyPrefix(), options.shards());
        redis.preload();
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
        List<String> ids = conversation.history().stream()
                .flatMap(m -> m.id().stream()).map(id -> id.value()).distinct().toList();
        args.add(Integer.toString(ids.size()));
        args.addAll(ids);
        for (Message message : conversation.history()) {
            args.add(MessageCodec.encode(message));
        }
        Long created = redis.script("create", LuaScript.CREATE, ScriptOutputType.INTEGER, liveKeys(thread), args);
        return created == 1L;
    }

    @Override
    public AppendOutcome append(ThreadId threadId, Message message, Duration idleTime) {
        Objects.requireNonNull(threadId, "threadId == null");
        Objects.requireNonNull(message, "message == null");
        long idle = positiveMillis(idleTime, "idleTime");
        List<String> args = List.of(
                threadId.value(),
                Long.toString(idle),
                Long.toString(options.grace().toMillis()),
                message.id().map(id -> id.value()).orElse(""),
                message.requester().map(user -> user.value()).orElse(""),
                MessageCodec.encode(message));
        Long outcome = redis.script("append", LuaScript.APPEND, ScriptOutputType.INTEGER, liveKeys(threadId), args);
        return switch (outcome.intValue()) {
            case 1 -> AppendOutcome.APPENDED;
            case 2 -> AppendOutcome.DUPLICATE;
            case 0 -> AppendOutcome.NO_CONVERSATION;
            default -> throw new IllegalStateException("append script answered " + outcome);
        };
    }

    @Override
    public boolean updateSummary(ThreadId threadId, String summary) {
        Objects.requireNonNull(threadId, "threadId == null");
        Objects.requireNonNull(summary, "summary == null");
        Long updated = redis.script("update summary", LuaScript.SUMMARY, ScriptOutputType.INTEGER,
                List.of(keys.conversation(threadId)), List.of(summary));
        return updated == 1L;
    }

    @Override
    public Optional<Conversation> find(ThreadId threadId) {
        Objects.requireNonNull(threadId, "threadId == null");
        return decodeFound(redis.await("find", startFind(threadId)));
    }

    @Override
    public boolean exists(ThreadId threadId) {
        Objects.requireNonNull(threadId, "threadId == null");
        Long found = redis.command("exists", commands -> commands.exists(keys.conversation(threadId)));
        return found == 1L;
    }

    @Override
    public boolean remove(ThreadId threadId) {
        Objects.requireNonNull(threadId, "threadId == null");
        Long removed = redis.script("remove", LuaScript.REMOVE, ScriptOutputType.INTEGER, liveKeys(threadId),
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
        for (int shard = 0; shard < keys.shards(); shard++) {
            String due = keys.due(shard);
            List<String> threads = redis.command("find all", commands -> commands.zrange(due, 0, -1));
            for (int from = 0; from < threads.size(); from += READ_WINDOW) {
                List<CompletableFuture<List<Object>>> reads = new ArrayList<>();
                for (String thread : threads.subList(from, Math.min(from + READ_WINDOW, threads.size()))) {
                    reads.add(startFind(ThreadId.of(thread)));
                }
                for (CompletableFuture<List<Object>> read : reads) {
                    decodeFound(redis.await("find all", read)).ifPresent(all::add);
                }
            }
        }
        return List.copyOf(all);
    }

    @Override
    public int count() {
        long total = 0;
        for (int shard = 0; shard < keys.shards(); shard++) {
            Long live = redis.script("count", LuaScript.COUNT, ScriptOutputType.INTEGER,
                    List.of(keys.due(shard)), List.of(keys.base(shard), Long.toString(options.grace().toMillis())));
            total += live;
        }
        return Math.toIntExact(total);
    }

    /** With several shards, each shard's step is atomic on its own; the shards are visited in turn. */
    @Override
    public List<ClaimedConversation> claimIdle(int max, Duration lease) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative, got " + max);
        }
        long leaseMillis = positiveMillis(lease, "lease");
        List<ClaimedConversation> claimed = new ArrayList<>();
        int first = Math.floorMod(nextClaimShard.getAndIncrement(), keys.shards());
        for (int i = 0; i < keys.shards() && claimed.size() < max; i++) {
            int shard = (first + i) % keys.shards();
            List<Object> reply = redis.script("claim idle", LuaScript.CLAIM, ScriptOutputType.MULTI,
                    List.of(keys.due(shard), keys.archiveQueue(shard), keys.sequence(shard)),
                    List.of(keys.base(shard), Integer.toString(shard), Integer.toString(max - claimed.size()),
                            Long.toString(leaseMillis), Long.toString(options.sealedTtl().toMillis())));
            long lost = (Long) reply.getFirst();
            if (lost > 0) {
                LOG.log(System.Logger.Level.WARNING, "{0} conversation(s) in shard {1} expired by TTL before being archived: no sweeper ran"
                        + " within the grace period ({2}) or the sealed TTL ({3})", lost, shard, options.grace(), options.sealedTtl());
            }
            for (int at = 1; at + 2 < reply.size(); at += 3) {
                claimed.add(new ClaimedConversation((String) reply.get(at),
                        ConversationHash.decode((List<?>) reply.get(at + 1), (List<?>) reply.get(at + 2))));
            }
        }
        return List.copyOf(claimed);
    }

    @Override
    public void acknowledge(String claimId) {
        ClaimKey claim = ClaimKey.parse(claimId, keys.shards());
        redis.script("acknowledge", LuaScript.ACKNOWLEDGE, ScriptOutputType.INTEGER,
                List.of(keys.archiveQueue(claim.shard()), keys.sealedConversation(claim), keys.sealedHistory(claim)),
                List.of(claimId));
    }

    private CompletableFuture<List<Object>> startFind(ThreadId thread) {
        return redis.start(LuaScript.FIND, ScriptOutputType.MULTI,
                List.of(keys.conversation(thread), keys.history(thread)), List.of());
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
