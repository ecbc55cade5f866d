package dev.parley.agreement;

import static dev.parley.domain.testing.Generated.weighted;

import dev.parley.agreement.Both.Side;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.conversation.ClaimedConversation;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationLimits;
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
import dev.parley.domain.testing.Generated;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

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

    /** One operation with its drawn arguments: what it does, in words, and how it runs on both sides. */
    record Step(String description, Consumer<Both> run) {

        @Override
        public String toString() {
            return description;
        }
    }

    /**
     * {@code length} operations drawn one after another, each in proportion to its weight; the
     * roster's cap is lowered only while it is above 1.
     */
    static List<Step> sequence(Generated generated, int length) {
        int[] cap = {Both.CAP};
        List<Step> steps = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            steps.add(generated.oneOf(
                    weighted(6, () -> create(generated)),
                    weighted(10, () -> append(generated)),
                    weighted(3, () -> find(generated)),
                    weighted(2, Operations::listings),
                    weighted(2, () -> summary(generated)),
                    weighted(1, () -> remove(generated)),
                    weighted(5, () -> claim(generated)),
                    weighted(2, () -> renew(generated)),
                    weighted(3, () -> acknowledge(generated)),
                    weighted(1, () -> acknowledgeStranger(generated)),
                    weighted(8, () -> elapse(generated)),
                    weighted(8, () -> decide(generated)),
                    weighted(2, Operations::narrative),
                    weighted(6, () -> activate(generated)),
                    weighted(2, () -> active(generated)),
                    weighted(cap[0] > 1 ? 1 : 0, () -> {
                        int atMost = generated.between(1, Both.CAP - 1);
                        cap[0] = Math.min(atMost, cap[0] - 1);
                        return lowerCap(atMost);
                    })));
        }
        return steps;
    }

    private static Step create(Generated generated) {
        ThreadId thread = generated.pick(THREADS);
        UserId requester = generated.pick(USERS);
        MessageSpec first = generated.orNull(0.7, () -> message(generated));
        return new Step("create " + thread + " by " + requester + (first == null ? "" : " with " + first), both -> {
            both.tick();
            Conversation started = Conversation.start(thread, GUILD, "Guild", requester, both.clock.instant());
            Conversation conversation = first == null ? started : started.append(first.apply(both)).conversation();
            both.agree("create " + thread, side -> store(both, side).create(conversation, Both.IDLE));
        });
    }

    private static Step append(Generated generated) {
        ThreadId thread = generated.pick(THREADS);
        MessageSpec message = message(generated);
        return new Step("append " + message + " to " + thread, both -> {
            both.tick();
            Message built = message.apply(both);
            both.agree("append to " + thread, side -> store(both, side).append(thread, built, Both.IDLE, ConversationLimits.defaults()));
        });
    }

    private static Step find(Generated generated) {
        ThreadId thread = generated.pick(THREADS);
        return new Step("find " + thread, both -> {
            both.tick();
            both.agree("find " + thread, side -> store(both, side).find(thread));
            both.agree("exists " + thread, side -> store(both, side).exists(thread));
        });
    }

    private static Step listings() {
        return new Step("list, count and find all", both -> {
            both.tick();
            both.agree("overviews", side -> store(both, side).overviews().stream()
                    .sorted(Comparator.comparing((ConversationOverview o) -> o.threadId().value())).toList());
            both.agree("count", side -> store(both, side).count());
            both.agree("find all", side -> store(both, side).findAll().stream()
                    .sorted(Comparator.comparing((Conversation c) -> c.threadId().value())).toList());
        });
    }

    private static Step summary(Generated generated) {
        ThreadId thread = generated.pick(THREADS);
        String text = generated.string(0, 8, Generated.ALPHA);
        return new Step("summarise " + thread + " as \"" + text + "\"", both -> {
            both.tick();
            both.agree("summary of " + thread, side -> store(both, side).updateSummary(thread, text));
        });
    }

    private static Step remove(Generated generated) {
        ThreadId thread = generated.pick(THREADS);
        return new Step("remove " + thread, both -> {
            both.tick();
            both.agree("remove " + thread, side -> store(both, side).remove(thread));
        });
    }

    /** All or nothing (or a refused negative count): which of several equally due claims comes first is no port's promise. */
    private static Step claim(Generated generated) {
        int max = generated.pick(0, 100, 100, 100, -1);
        return new Step("claim " + max, both -> {
            both.tick();
            List<List<ClaimedConversation>> batches = new ArrayList<>(List.of(List.of(), List.of()));
            both.agree("claim " + max, side -> {
                List<ClaimedConversation> batch = Both.canonical(store(both, side).claimIdle(max, Both.LEASE));
                batches.set(side.ordinal(), batch);
                return batch.stream().map(ClaimedConversation::conversation).toList();
            });
            both.handedOut(batches.get(0), batches.get(1));
        });
    }

    private static Step renew(Generated generated) {
        int index = generated.between(0, 20);
        return new Step("renew claim #" + index, both -> {
            both.tick();
            if (!both.claims.isEmpty()) {
                Both.Claim claim = both.claims.get(index % both.claims.size());
                both.agree("renew " + claim.conversation().threadId(), side -> store(both, side).renewLease(claim.id(side), Both.LEASE));
            }
        });
    }

    private static Step acknowledge(Generated generated) {
        int index = generated.between(0, 20);
        return new Step("acknowledge claim #" + index, both -> {
            both.tick();
            if (!both.claims.isEmpty()) {
                Both.Claim claim = both.claims.get(index % both.claims.size());
                both.agree("acknowledge " + claim.conversation().threadId(), side -> {
                    store(both, side).acknowledge(claim.id(side));
                    return "done";
                });
            }
        });
    }

    /** Ids no store handed out: malformed, foreign, stale. Both must ignore them, neither may throw. */
    private static Step acknowledgeStranger(Generated generated) {
        String id = generated.pick("", "x", "0:1101:1", "7:1101:5", "1:1101:99999999999999999999", "0:1101",
                "c0ffee00-0000-4000-8000-000000000000");
        return new Step("acknowledge and renew stranger \"" + id + "\"", both -> {
            both.tick();
            both.agree("acknowledge " + id, side -> {
                store(both, side).acknowledge(id);
                return "done";
            });
            both.agree("renew " + id, side -> store(both, side).renewLease(id, Both.LEASE));
        });
    }

    /** Short and long moves, and moves to just before, at and after each deadline the adapters keep. */
    private static Step elapse(Generated generated) {
        Duration step = generated.oneOf(
                weighted(4, () -> Duration.ofMillis(generated.between(1, 999))),
                weighted(4, () -> Duration.ofSeconds(generated.between(1, 120))),
                weighted(2, () -> Duration.ofMinutes(generated.between(2, 40))),
                weighted(4, () -> generated.pick(Both.IDLE, Both.LEASE, Both.RULES.avatarResponseCooldown(),
                        Both.RULES.botReplyCooldown(), Both.RULES.narrativeCooldown()).plusMillis(generated.pick(-2L, -1L, 0L))));
        return new Step("wait " + step, both -> both.clock.advance(step));
    }

    private static Step decide(Generated generated) {
        ReplyRequest request = new ReplyRequest(generated.pick(CHANNELS), generated.pick(AVATARS), generated.pick(TRIGGERS),
                generated.pick(false, false, false, true));
        return new Step("decide " + request, both -> {
            both.tick();
            both.agree("decide " + request, side -> gate(both, side).decide(request));
        });
    }

    private static Step narrative() {
        return new Step("take the narrative slot", both -> {
            both.tick();
            both.agree("narrative slot", side -> gate(both, side).tryTakeNarrativeSlot());
        });
    }

    private static Step activate(Generated generated) {
        ChannelId channel = generated.pick(CHANNELS);
        AvatarId avatar = generated.pick(AVATARS);
        RequestId request = generated.orNull(0.5, () -> generated.pick(REQUESTS));
        boolean touch = generated.pick(true, false);
        return new Step((touch ? "touch " : "activate ") + avatar + " in " + channel + (request == null ? "" : " as " + request), both -> {
            both.tick();
            both.agree("activate " + avatar + " in " + channel, side -> {
                var roster = side == Side.MEMORY ? both.memoryRoster() : both.redisRoster();
                if (request == null) {
                    return touch ? roster.touch(channel, avatar) : roster.activate(channel, avatar);
                }
                return touch ? roster.touch(channel, avatar, request) : roster.activate(channel, avatar, request);
            });
        });
    }

    private static Step active(Generated generated) {
        ChannelId channel = generated.pick(CHANNELS);
        return new Step("list avatars in " + channel, both -> {
            both.tick();
            both.agree("active in " + channel, side -> (side == Side.MEMORY ? both.memoryRoster() : both.redisRoster()).active(channel));
        });
    }

    /** Lowers the cap below the current one, to {@code atMost} at most; does nothing at a cap of 1 (a shrunk sequence can get there). */
    private static Step lowerCap(int atMost) {
        return new Step("lower the cap to at most " + atMost, both -> {
            if (both.cap > 1) {
                both.lowerCap(Math.min(atMost, both.cap - 1));
            }
        });
    }

    /** A message to build at the moment it is sent: a few seconds old at most, so updated_at is not always the latest. */
    private static MessageSpec message(Generated generated) {
        return new MessageSpec(
                generated.pick(MessageType.CHAT, MessageType.CHAT, MessageType.THINKING, MessageType.TOOL_CALL, MessageType.TOOL_CALL_RESPONSE),
                generated.string(0, 12, Generated.ALPHANUMERIC),
                generated.orNull(0.3, () -> generated.pick(USERS)),
                generated.orNull(0.4, () -> generated.pick(MESSAGE_IDS)),
                generated.between(0L, 5_000L));
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

        @Override
        public String toString() {
            return type + " \"" + content + "\"" + (id == null ? "" : " id " + id)
                    + (type == MessageType.CHAT && requester != null ? " from " + requester : "") + " sent " + ageMillis + " ms ago";
        }
    }

    private static ConversationStore store(Both both, Side side) {
        return side == Side.MEMORY ? both.memoryStore : both.redisStore;
    }

    private static ReplyGate gate(Both both, Side side) {
        return side == Side.MEMORY ? both.memoryGate : both.redisGate;
    }

    private static <T> List<T> ids(Function<String, T> parse, String... values) {
        return Arrays.stream(values).map(parse).toList();
    }
}
