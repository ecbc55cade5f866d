package dev.parley.adapters.redis;

import static dev.parley.domain.testing.EchoExamples.CREATED_AT;
import static dev.parley.domain.testing.EchoExamples.GUILD;
import static dev.parley.domain.testing.EchoExamples.GUILD_NAME;
import static dev.parley.domain.testing.EchoExamples.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapters.redis.testing.RedisServer;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.conversation.ClaimedConversation;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationLimits;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.RequestId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.narrative.Narrative;
import dev.parley.domain.reply.GateDecision;
import dev.parley.domain.reply.ReplyRequest;
import dev.parley.domain.reply.ReplyRules;
import dev.parley.domain.summary.ChannelSummary;
import dev.parley.domain.summary.GenerationLease;
import dev.parley.domain.testing.MutableClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every key a script touches is one it declared in {@code KEYS}: what Redis Cluster needs to route
 * a script and check its slot, and what the {@code #!lua} header promises. Redis itself checks
 * this only partly (undeclared keys in the script's own slot pass), so this test watches a private
 * server with {@code MONITOR}, which lists each command a script runs after the script's own
 * {@code EVALSHA}/{@code EVAL} line, and checks the keys of each against the script's.
 */
class ScriptsDeclareTheirKeysTest {

    /** Commands whose every argument is a key. */
    private static final Set<String> ALL_KEYS = Set.of("DEL", "EXISTS", "MGET", "UNLINK");
    /** Commands that name no key. */
    private static final Set<String> NO_KEY = Set.of("TIME");

    @Test
    void everyCommandAScriptRunsTouchesOnlyKeysTheScriptDeclared() throws Exception {
        try (RedisServer server = RedisServer.startLocal(RedisServer.Persistence.NONE, null);
                RedisConnector redis = RedisConnector.connect(server.uri(), RedisConnector.DEFAULT_COMMAND_TIMEOUT);
                Monitor monitor = new Monitor(server.port())) {
            exerciseEveryScript(redis);
            monitor.awaitLine("\"PING\"", redis);

            List<String> undeclared = new ArrayList<>();
            List<String> declared = List.of();
            int scriptCommands = 0;
            for (String line : monitor.lines()) {
                List<String> words = words(line);
                if (words.isEmpty()) {
                    continue;
                }
                String command = words.getFirst().toUpperCase();
                if (!line.contains("[0 lua]")) {
                    if (command.equals("EVALSHA") || command.equals("EVAL")) {
                        int count = Integer.parseInt(words.get(2));
                        declared = words.subList(3, 3 + count);
                    } else {
                        declared = List.of();
                    }
                    continue;
                }
                scriptCommands++;
                for (String key : keysOf(command, words.subList(1, words.size()))) {
                    if (!declared.contains(key)) {
                        undeclared.add(command + " " + key + " (declared: " + declared + ")");
                    }
                }
            }

            assertThat(scriptCommands).as("commands run inside scripts, seen by MONITOR").isGreaterThan(50);
            assertThat(undeclared).as("keys touched but not declared").isEmpty();
        }
    }

    /** One call of each script, with the paths that build keys from data: re-handed claims, sealing, doubtful counts, identified activations. */
    private static void exerciseEveryScript(RedisConnector redis) {
        MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofDays(1)));
        RedisStoreOptions options = RedisStoreOptions.defaults().withKeyPrefix("declared").withShards(2).withGrace(Duration.ofSeconds(10));
        RedisConversationStore store = new RedisConversationStore(redis.live(), redis.sweeper(), options, ScriptClock.controlledBy(clock));
        Duration idle = Duration.ofSeconds(30);
        for (String thread : List.of("11", "12", "13")) {
            ThreadId id = ThreadId.of(thread);
            store.create(Conversation.start(id, GUILD, GUILD_NAME, REQUESTER, CREATED_AT)
                    .append(Message.chat(CREATED_AT, "first").withId(MessageId.of("1" + thread))).conversation(), idle);
            store.append(id, Message.chat(CREATED_AT, "second").from(REQUESTER).withId(MessageId.of("2" + thread)), idle, ConversationLimits.defaults());
            store.updateSummary(id, "summary");
        }
        store.remove(ThreadId.of("13"));
        store.find(ThreadId.of("11"));
        store.tail(ThreadId.of("11"), 1);
        store.findAll();
        store.overviews();
        clock.advance(idle.plus(options.grace()).plusSeconds(1)); // deadlines now "doubtful" for count
        store.count();
        List<ClaimedConversation> claimed = store.claimIdle(10, Duration.ofSeconds(5));
        assertThat(claimed).hasSize(2);
        clock.advance(Duration.ofSeconds(6));
        List<ClaimedConversation> again = store.claimIdle(10, Duration.ofSeconds(5)); // re-handed after the lease
        assertThat(again).hasSize(2);
        store.renewLease(again.getFirst().claimId(), Duration.ofSeconds(5));
        again.forEach(c -> store.acknowledge(c.claimId()));

        RedisGateOptions gateOptions = RedisGateOptions.defaults().withKeyPrefix("declared");
        RedisReplyGate gate = new RedisReplyGate(redis.live(), ReplyRules.defaults(), gateOptions, ScriptClock.controlledBy(clock));
        ChannelId channel = ChannelId.of("31");
        GateDecision admitted = gate.decide(ReplyRequest.of(channel, AvatarId.of("ada"), MessageId.of("41")));
        gate.release(ReplyRequest.of(channel, AvatarId.of("ada"), MessageId.of("41")), (GateDecision.Admitted) admitted);
        gate.decide(ReplyRequest.of(channel, AvatarId.of("ada"), MessageId.of("41")));
        gate.decide(ReplyRequest.of(channel, AvatarId.of("bo"), MessageId.of("41")));
        gate.tryTakeNarrativeSlot();
        gate.tryTakeNarrativeSlot();
        RedisAvatarRoster roster = new RedisAvatarRoster(redis.live(), 2, gateOptions, ScriptClock.controlledBy(clock));
        for (String avatar : List.of("ada", "bo", "cy")) {
            clock.advance(Duration.ofMillis(1));
            roster.activate(channel, AvatarId.of(avatar), RequestId.of("req-" + avatar));
        }
        roster.activate(channel, AvatarId.of("cy"), RequestId.of("req-cy"));
        roster.active(channel);

        RedisAvatarJournal journal = new RedisAvatarJournal(redis.live(), "declared", 3, 2, Duration.ofMinutes(5));
        journal.recordReply(AvatarId.of("ada"), "a reply", clock.instant());
        journal.recentReplies(AvatarId.of("ada"));
        journal.mostRecentlyActive(3);
        journal.addNarrative(new Narrative(AvatarId.of("ada"), "a narrative", clock.instant()));
        journal.narratives(AvatarId.of("ada"));
        RedisChannelSummaries summaries = new RedisChannelSummaries(redis.live(), "declared", Duration.ofMinutes(5));
        GenerationLease lease = summaries.tryStartGeneration(AvatarId.of("ada"), channel, Duration.ofSeconds(30)).orElseThrow();
        summaries.save(new ChannelSummary(AvatarId.of("ada"), channel, "a summary", clock.instant()), lease);
        summaries.release(summaries.tryStartGeneration(AvatarId.of("ada"), channel, Duration.ofSeconds(30)).orElseThrow());
        summaries.find(AvatarId.of("ada"), channel);
    }

    /** The keys among a command's arguments. */
    private static List<String> keysOf(String command, List<String> args) {
        if (NO_KEY.contains(command) || args.isEmpty()) {
            return List.of();
        }
        if (ALL_KEYS.contains(command)) {
            return args;
        }
        if (command.equals("RENAME")) {
            return args.subList(0, 2);
        }
        return args.subList(0, 1);
    }

    /** The quoted words of a MONITOR line: {@code 1700000000.123456 [0 127.0.0.1:5000] "SET" "k" "v"}. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        int i = line.indexOf(']');
        while (i >= 0 && i < line.length()) {
            int start = line.indexOf('"', i + 1);
            if (start < 0) {
                break;
            }
            StringBuilder word = new StringBuilder();
            int j = start + 1;
            while (j < line.length() && line.charAt(j) != '"') {
                if (line.charAt(j) == '\\' && j + 1 < line.length()) {
                    j++;
                }
                word.append(line.charAt(j));
                j++;
            }
            words.add(word.toString());
            i = j;
        }
        return words;
    }

    /** A raw RESP connection in MONITOR mode, collecting every line the server sends. */
    private static final class Monitor implements AutoCloseable {

        private final Socket socket;
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final Thread reader;

        Monitor(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            OutputStream out = socket.getOutputStream();
            out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            if (!"+OK".equals(in.readLine())) {
                throw new IOException("MONITOR was not accepted");
            }
            reader = new Thread(() -> {
                try {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "redis-monitor");
            reader.setDaemon(true);
            reader.start();
        }

        /** Sends a marker command and waits until MONITOR has passed it on: every earlier line has arrived. */
        void awaitLine(String marker, RedisConnector redis) throws InterruptedException {
            redis.live().sync().ping();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (lines.stream().noneMatch(line -> line.contains(marker))) {
                assertThat(System.nanoTime()).as("MONITOR passed the marker on").isLessThan(deadline);
                Thread.sleep(10);
            }
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
