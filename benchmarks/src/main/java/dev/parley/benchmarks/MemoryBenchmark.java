package dev.parley.benchmarks;

import dev.parley.adapters.memory.InMemoryAvatarRoster;
import dev.parley.adapters.memory.InMemoryConversationStore;
import dev.parley.adapters.memory.InMemoryReplyGate;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationLimits;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import dev.parley.domain.reply.ReplyRequest;
import dev.parley.domain.reply.ReplyRules;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Heap used per item of Parley's in-memory state, measured by filling each kind and comparing the
 * heap after a full GC before and after: a live conversation (empty, and per message), a channel
 * in the reply gate, a channel's roster. Then what a heap of a few common {@code -Xmx} sizes holds.
 *
 * <pre>
 * java -Xmx2g -jar benchmarks/target/parley-benchmarks.jar memory [--conversations 50000]
 *      [--messages 20] [--message-chars 200] [--channels 100000]
 * </pre>
 *
 * Run it with a heap comfortably above what it fills (the defaults need about 1 GB). The figures
 * assume ASCII text (one byte per character in the JVM's compact strings; other text costs two).
 */
final class MemoryBenchmark {

    private static final Duration IDLE = Duration.ofHours(1);
    /** Most of a heap can hold Parley's state; the rest is headroom for the server, GC and requests. */
    private static final double USABLE_SHARE = 0.6;

    private final int conversations;
    private final int messages;
    private final int messageChars;
    private final int channels;
    private final PrintStream out;

    private MemoryBenchmark(int conversations, int messages, int messageChars, int channels, PrintStream out) {
        this.conversations = conversations;
        this.messages = messages;
        this.messageChars = messageChars;
        this.channels = channels;
        this.out = out;
    }

    static void main(String[] args) {
        int conversations = 50_000;
        int messages = 20;
        int messageChars = 200;
        int channels = 100_000;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--conversations" -> conversations = Integer.parseInt(value);
                case "--messages" -> messages = Integer.parseInt(value);
                case "--message-chars" -> messageChars = Integer.parseInt(value);
                case "--channels" -> channels = Integer.parseInt(value);
                default -> {
                    System.err.println("unknown option " + args[i]
                            + "; usage: memory [--conversations 50000] [--messages 20] [--message-chars 200] [--channels 100000]");
                    System.exit(2);
                }
            }
            i++;
        }
        new MemoryBenchmark(conversations, messages, messageChars, channels, System.out).run();
    }

    void run() {
        out.printf(Locale.ROOT, "Parley memory: JDK %s, max heap %d MiB, %s%n", Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getRuntimeMXBean().getInputArguments());
        double emptyConversation = perItem("live conversation, no message", conversations, this::emptyConversations);
        double fullConversation = perItem("live conversation, " + messages + " messages of " + messageChars + " chars",
                conversations, this::fullConversations);
        double perMessage = (fullConversation - emptyConversation) / messages;
        out.printf(Locale.ROOT, "  %-55s %,10.0f bytes%n", "per message of " + messageChars + " chars", perMessage);
        double gateChannel = perItem("reply gate channel (2 avatars' cooldowns, 1 trigger)", channels, this::gateChannels);
        double rosterChannel = perItem("roster channel (3 active avatars)", channels, this::rosterChannels);

        out.printf(Locale.ROOT, "%nWhat a heap holds (%.0f%% of it for this state):%n", USABLE_SHARE * 100);
        out.printf(Locale.ROOT, "  %-8s %22s %22s%n", "-Xmx", "conversations as above", "channels (gate+roster)");
        for (int mib : List.of(256, 512, 1024, 4096)) {
            double usable = mib * 1024.0 * 1024.0 * USABLE_SHARE;
            out.printf(Locale.ROOT, "  %-8s %,22.0f %,22.0f%n", mib >= 1024 ? (mib / 1024) + "g" : mib + "m",
                    usable / fullConversation, usable / (gateChannel + rosterChannel));
        }
    }

    /** Fills {@code count} items with {@code fill} (which keeps them reachable), prints and returns the heap per item. */
    private double perItem(String what, int count, Filler fill) {
        long before = usedAfterGc();
        Object kept = fill.fill(count);
        long after = usedAfterGc();
        double per = (double) (after - before) / count;
        out.printf(Locale.ROOT, "  %-55s %,10.0f bytes  (%,d items, %,d MiB)%n", what, per, count, (after - before) >> 20);
        if (kept.hashCode() == 42) {
            out.print(""); // keeps the filled state reachable until measured
        }
        return per;
    }

    @FunctionalInterface
    private interface Filler {
        Object fill(int count);
    }

    private Object emptyConversations(int count) {
        InMemoryConversationStore store = new InMemoryConversationStore(Clock.systemUTC());
        forEach(count, i -> store.create(conversation(i), IDLE));
        return store;
    }

    private Object fullConversations(int count) {
        InMemoryConversationStore store = new InMemoryConversationStore(Clock.systemUTC());
        String base = "x".repeat(messageChars);
        forEach(count, i -> {
            Conversation conversation = conversation(i);
            store.create(conversation, IDLE);
            for (int m = 0; m < messages; m++) {
                // A distinct string per message, as real messages are (a shared one would be counted once).
                String text = m + ":" + i + base.substring(Math.min(base.length(), String.valueOf(m).length() + 1
                        + String.valueOf(i).length()));
                store.append(conversation.threadId(), Message.chat(conversation.createdAt().plusMillis(m + 1), text)
                        .from(UserId.of(Integer.toString(1 + m % 3))).withId(MessageId.of(Long.toString(1_000_000_000L * (m + 1) + i))), IDLE, ConversationLimits.defaults());
            }
        });
        return store;
    }

    private Object gateChannels(int count) {
        InMemoryReplyGate gate = new InMemoryReplyGate(ReplyRules.defaults(), Clock.systemUTC());
        AvatarId ava = AvatarId.of("ava");
        AvatarId bob = AvatarId.of("bob");
        forEach(count, i -> {
            ChannelId channel = ChannelId.of(Integer.toString(1 + i));
            MessageId trigger = MessageId.of(Integer.toString(1 + i));
            gate.decide(ReplyRequest.of(channel, ava, trigger));
            gate.decide(ReplyRequest.of(channel, bob, trigger).overridingCooldown());
        });
        return gate;
    }

    private Object rosterChannels(int count) {
        InMemoryAvatarRoster roster = new InMemoryAvatarRoster(ReplyRules.defaults().maxActiveAvatarsPerChannel(), Clock.systemUTC());
        List<AvatarId> avatars = List.of(AvatarId.of("ava"), AvatarId.of("bob"), AvatarId.of("cyd"));
        forEach(count, i -> {
            ChannelId channel = ChannelId.of(Integer.toString(1 + i));
            avatars.forEach(avatar -> roster.activate(channel, avatar));
        });
        return roster;
    }

    private static Conversation conversation(int i) {
        return Conversation.start(ThreadId.of(Long.toString(1_000_000_000_000L + i)), GuildId.of("987654321"), "My Discord Server",
                UserId.of(Long.toString(100_000_000_000L + i)), java.time.Instant.now());
    }

    private static void forEach(int count, IntConsumer action) {
        for (int i = 0; i < count; i++) {
            action.accept(i);
        }
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        // Several rounds: a full GC may leave what finalisation or reference processing frees next time.
        for (int round = 0; round < 4; round++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
