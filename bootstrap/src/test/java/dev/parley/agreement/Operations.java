package dev.parley.agreement;

import dev.parley.agreement.Both.Side;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.conversation.ClaimedConversation;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationOverview;
import dev.parley.domain.conversation.ConversationStore;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.conversation.ToolCall;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.RequestId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import dev.parley.domain.reply.ReplyGate;
import dev.parley.domain.reply.ReplyRequest;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.Transformer;

/**
 * The operations a sequence is made of, each run on both sides by {@link Both#agree}. Ids come
 * from small pools, so sequences revisit the same threads, messages, channels, avatars and
 * triggers: replays, duplicates, races for one trigger and rotations happen often.
 */
final class Operations {

    private static final List<ThreadId> THREADS = ids(ThreadId::of, "1101", "1102", "1103");
    private static final List<UserId> USERS = ids(UserId::of, "501", "502", "503");
    private static final List<MessageId> MESSAGE_IDS = ids(MessageId::of, "7001", "7002", "7003", "7004");
    private static final List<ChannelId> CHANNELS = ids(ChannelId::of, "301", "302");
    private static final List<AvatarId> AVATARS = ids(AvatarId::of, "ada", "bo", "cy", "di");
    private static final List<MessageId> TRIGGERS = ids(MessageId::of, "8001", "8002", "8003");
    private static final List<RequestId> REQUESTS = ids(RequestId::of, "r1", "r2", "r3");
    private static final GuildId GUILD = GuildId.of("900");

    private Operations() {
    }

    record Weighted(int weight, Action<Both> action) {
    }

    static List<Weighted> all() {
        return List.of(
                new Weighted(6, create()),
                new Weighted(10, append()),
                new Weighted(3, find()),
                new Weighted(2, listings()),
                new Weighted(2, summary()),
                new Weighted(1, remove()),
                new Weighted(5, claim()),
                new Weighted(2, renew()),
                new Weighted(3, acknowledge()),
                new Weighted(1, acknowledgeStranger()),
                new Weighted(8, elapse()),
                new Weighted(8, decide()),
                new Weighted(2, narrative()),
                new Weighted(6, activate()),
                new Weighted(2, active()),
                new Weighted(1, lowerCap()));
    }

    private static Action<Both> create() {
        return (Action.Independent<Both>) () -> Combinators.combine(pick(THREADS), pick(USERS), message().injectNull(0.7))
                .as((thread, requester, first) -> Transformer.mutate("create " + thread + " by " + requester
                        + (first == null ? "" : " with " + first.content()), both -> {
                            both.tick();
                            Conversation started = Conversation.start(thread, GUILD, "Guild", requester, both.clock.instant());
                            Conversation conversation = first == null ? started : started.append(first.apply(both)).conversation();
                            both.agree("create " + thread, side -> store(both, side).create(conversation, Both.IDLE));
                        }));
    }

    private static Action<Both> append() {
        return (Action.Independent<Both>) () -> Combinators.combine(pick(THREADS), message())
                .as((thread, message) -> Transformer.mutate("append " + message.content() + " to " + thread, both -> {
                    both.tick();
                    Message built = message.apply(both);
                    both.agree("append to " + thread, side -> store(both, side).append(thread, built, Both.IDLE));
                }));
    }

    private static Action<Both> find() {
        return (Action.Independent<Both>) () -> pick(THREADS).map(thread -> Transformer.mutate("find " + thread, both -> {
            both.tick();
            both.agree("find " + thread, side -> store(both, side).find(thread));
            both.agree("exists " + thread, side -> store(both, side).exists(thread));
        }));
    }

    private static Action<Both> listings() {
        return Action.just(Transformer.mutate("list, count and find all", both -> {
            both.tick();
            both.agree("overviews", side -> store(both, side).overviews().stream()
                    .sorted(Comparator.comparing((ConversationOverview o) -> o.threadId().value())).toList());
            both.agree("count", side -> store(both, side).count());
            both.agree("find all", side -> store(both, side).findAll().stream()
                    .sorted(Comparator.comparing((Conversation c) -> c.threadId().value())).toList());
        }));
    }

    private static Action<Both> summary() {
        return (Action.Independent<Both>) () -> Combinators.combine(pick(THREADS), Arbitraries.strings().alpha().ofMaxLength(8))
                .as((thread, text) -> Transformer.mutate("summarise " + thread + " as " + text, both -> {
                    both.tick();
                    both.agree("summary of " + thread, side -> store(both, side).updateSummary(thread, text));
                }));
    }

    private static Action<Both> remove() {
        return (Action.Independent<Both>) () -> pick(THREADS).map(thread -> Transformer.mutate("remove " + thread, both -> {
            both.tick();
            both.agree("remove " + thread, side -> store(both, side).remove(thread));
        }));
    }

    /** All or nothing (or a refused negative count): which of several equally due claims comes first is no port's promise. */
    private static Action<Both> claim() {
        return (Action.Independent<Both>) () -> Arbitraries.of(0, 100, 100, 100, -1)
                .map(max -> Transformer.mutate("claim " + max, both -> {
                    both.tick();
                    List<List<ClaimedConversation>> batches = new java.util.ArrayList<>(List.of(List.of(), List.of()));
                    both.agree("claim " + max, side -> {
                        List<ClaimedConversation> batch = Both.canonical(store(both, side).claimIdle(max, Both.LEASE));
                        batches.set(side.ordinal(), batch);
                        return batch.stream().map(ClaimedConversation::conversation).toList();
                    });
                    both.handedOut(batches.get(0), batches.get(1));
                }));
    }

    private static Action<Both> renew() {
        return (Action.Independent<Both>) () -> Arbitraries.integers().between(0, 20)
                .map(index -> Transformer.mutate("renew claim #" + index, both -> {
                    both.tick();
                    if (!both.claims.isEmpty()) {
                        Both.Claim claim = both.claims.get(index % both.claims.size());
                        both.agree("renew " + claim.conversation().threadId(),
                                side -> store(both, side).renewLease(claim.id(side), Both.LEASE));
                    }
                }));
    }

    private static Action<Both> acknowledge() {
        return (Action.Independent<Both>) () -> Arbitraries.integers().between(0, 20)
                .map(index -> Transformer.mutate("acknowledge claim #" + index, both -> {
                    both.tick();
                    if (!both.claims.isEmpty()) {
                        Both.Claim claim = both.claims.get(index % both.claims.size());
                        both.agree("acknowledge " + claim.conversation().threadId(), side -> {
                            store(both, side).acknowledge(claim.id(side));
                            return "done";
                        });
                    }
                }));
    }

    /** Ids no store handed out: malformed, foreign, stale. Both must ignore them, neither may throw. */
    private static Action<Both> acknowledgeStranger() {
        return (Action.Independent<Both>) () -> Arbitraries.of("", "x", "0:1101:1", "7:1101:5", "1:1101:99999999999999999999",
                        "0:1101", "c0ffee00-0000-4000-8000-000000000000")
                .map(id -> Transformer.mutate("acknowledge and renew stranger \"" + id + "\"", both -> {
                    both.tick();
                    both.agree("acknowledge " + id, side -> {
                        store(both, side).acknowledge(id);
                        return "done";
                    });
                    both.agree("renew " + id, side -> store(both, side).renewLease(id, Both.LEASE));
                }));
    }

    private static Action<Both> elapse() {
        Arbitrary<Duration> moves = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.longs().between(1, 999).map(Duration::ofMillis)),
                net.jqwik.api.Tuple.of(4, Arbitraries.longs().between(1, 120).map(Duration::ofSeconds)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(2, 40).map(Duration::ofMinutes)),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(Both.IDLE, Both.LEASE, Both.RULES.avatarResponseCooldown(),
                                Both.RULES.botReplyCooldown(), Both.RULES.narrativeCooldown())
                        .flatMap(edge -> Arbitraries.of(-2L, -1L, 0L).map(edge::plusMillis))));
        return (Action.Independent<Both>) () -> moves.map(step -> Transformer.mutate("wait " + step, both -> both.clock.advance(step)));
    }

    private static Action<Both> decide() {
        return (Action.Independent<Both>) () -> Combinators.combine(pick(CHANNELS), pick(AVATARS), pick(TRIGGERS),
                        Arbitraries.of(false, false, false, true))
                .as((channel, avatar, trigger, override) -> {
                    ReplyRequest request = new ReplyRequest(channel, avatar, trigger, override);
                    return Transformer.mutate("decide " + request, both -> {
                        both.tick();
                        both.agree("decide " + request, side -> gate(both, side).decide(request));
                    });
                });
    }

    private static Action<Both> narrative() {
        return Action.just(Transformer.mutate("take the narrative slot", both -> {
            both.tick();
            both.agree("narrative slot", side -> gate(both, side).tryTakeNarrativeSlot());
        }));
    }

    private static Action<Both> activate() {
        return (Action.Independent<Both>) () -> Combinators.combine(pick(CHANNELS), pick(AVATARS), pick(REQUESTS).injectNull(0.5),
                        Arbitraries.of(true, false))
                .as((channel, avatar, request, touch) -> Transformer.mutate((touch ? "touch " : "activate ") + avatar + " in " + channel
                        + (request == null ? "" : " as " + request), both -> {
                            both.tick();
                            both.agree("activate " + avatar + " in " + channel, side -> {
                                var roster = side == Side.MEMORY ? both.memoryRoster() : both.redisRoster();
                                if (request == null) {
                                    return touch ? roster.touch(channel, avatar) : roster.activate(channel, avatar);
                                }
                                return touch ? roster.touch(channel, avatar, request) : roster.activate(channel, avatar, request);
                            });
                        }));
    }

    private static Action<Both> active() {
        return (Action.Independent<Both>) () -> pick(CHANNELS).map(channel -> Transformer.mutate("list avatars in " + channel, both -> {
            both.tick();
            both.agree("active in " + channel, side -> (side == Side.MEMORY ? both.memoryRoster() : both.redisRoster()).active(channel));
        }));
    }

    private static Action<Both> lowerCap() {
        return new Action.Independent<>() {
            @Override
            public boolean precondition(Both both) {
                return both.cap > 1;
            }

            @Override
            public Arbitrary<Transformer<Both>> transformer() {
                return Arbitraries.integers().between(1, Both.CAP - 1).map(lowered -> Transformer.mutate("lower the cap to at most " + lowered,
                        both -> both.lowerCap(Math.min(lowered, both.cap - 1))));
            }
        };
    }

    /** A message to build at the moment it is sent: a few seconds old at most, so updated_at is not always the latest. */
    private static Arbitrary<MessageSpec> message() {
        Arbitrary<MessageType> type = Arbitraries.of(MessageType.CHAT, MessageType.CHAT, MessageType.THINKING, MessageType.TOOL_CALL,
                MessageType.TOOL_CALL_RESPONSE);
        return Combinators.combine(type, Arbitraries.strings().alpha().numeric().ofMaxLength(12), pick(USERS).injectNull(0.3),
                        pick(MESSAGE_IDS).injectNull(0.4), Arbitraries.longs().between(0, 5_000))
                .as(MessageSpec::new);
    }

    private record MessageSpec(MessageType type, String content, UserId requester, MessageId id, long ageMillis) {

        Message apply(Both both) {
            Message message = Message.of(both.clock.instant().minusMillis(ageMillis), type, content);
            if (type == MessageType.CHAT && requester != null) {
                message = message.from(requester);
            }
            if (type == MessageType.TOOL_CALL) {
                message = message.withTools(List.of(new ToolCall("search", Map.of("query", content, "limit", 3))));
            }
            return id == null ? message : message.withId(id);
        }
    }

    private static ConversationStore store(Both both, Side side) {
        return side == Side.MEMORY ? both.memoryStore : both.redisStore;
    }

    private static ReplyGate gate(Both both, Side side) {
        return side == Side.MEMORY ? both.memoryGate : both.redisGate;
    }

    private static <T> Arbitrary<T> pick(List<T> values) {
        return Arbitraries.of(values);
    }

    private static <T> List<T> ids(java.util.function.Function<String, T> parse, String... values) {
        return java.util.Arrays.stream(values).map(parse).toList();
    }
}
