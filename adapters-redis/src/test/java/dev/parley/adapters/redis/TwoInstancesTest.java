package dev.parley.adapters.redis;

import static dev.parley.domain.testing.EchoExamples.CREATED_AT;
import static dev.parley.domain.testing.EchoExamples.GUILD;
import static dev.parley.domain.testing.EchoExamples.GUILD_NAME;
import static dev.parley.domain.testing.EchoExamples.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapters.redis.testing.RedisServer;
import dev.parley.domain.conversation.AppendOutcome;
import dev.parley.domain.conversation.ClaimedConversation;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationLimits;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.testing.Concurrently;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.ThreadId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Several instances (each its own Lettuce client and store) sharing one Redis, as several bot processes do. */
@Execution(ExecutionMode.CONCURRENT)
class TwoInstancesTest {

    private static final Duration LONG = Duration.ofMinutes(5);

    private final String prefix = "instances-" + UUID.randomUUID();
    private final List<RedisConnector> clients = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(RedisConnector::close);
    }

    private RedisConversationStore instance() {
        RedisConnector client = RedisConnector.connect(RedisServer.shared().uri(), RedisConnector.DEFAULT_COMMAND_TIMEOUT);
        clients.add(client);
        return new RedisConversationStore(client.live(), RedisStoreOptions.defaults().withKeyPrefix(prefix));
    }

    @Test
    void concurrentAppendsThroughTwoInstancesLoseAndDuplicateNothing() throws Exception {
        RedisConversationStore a = instance();
        RedisConversationStore b = instance();
        ThreadId thread = ThreadId.of("500");
        a.create(Conversation.start(thread, GUILD, GUILD_NAME, REQUESTER, CREATED_AT), LONG);
        int writersPerInstance = 4;
        int perWriter = 150;
        List<RedisConversationStore> instances = List.of(a, b);

        Concurrently.run(2 * writersPerInstance, writer -> {
            RedisConversationStore own = instances.get(writer % 2);
            RedisConversationStore other = instances.get((writer + 1) % 2);
            for (int i = 0; i < perWriter; i++) {
                Message m = Message.chat(CREATED_AT.plusMillis(i), writer + ":" + i).from(REQUESTER)
                        .withId(MessageId.of(Long.toString(1_000_000L * (writer + 1) + i)));
                assertThat(own.append(thread, m, LONG, ConversationLimits.defaults())).isEqualTo(AppendOutcome.APPENDED);
                // The same Discord message delivered again, to the other instance.
                assertThat(other.append(thread, m, LONG, ConversationLimits.defaults())).isEqualTo(AppendOutcome.DUPLICATE);
            }
        });

        List<Message> history = b.find(thread).orElseThrow().history();
        assertThat(history).hasSize(2 * writersPerInstance * perWriter);
        assertThat(history).extracting(Message::id).doesNotHaveDuplicates();
        for (int w = 0; w < 2 * writersPerInstance; w++) {
            String mark = w + ":";
            assertThat(history.stream().map(Message::content).filter(c -> c.startsWith(mark)).toList())
                    .as("writer %d's messages in its order", w)
                    .isEqualTo(java.util.stream.IntStream.range(0, perWriter).mapToObj(i -> mark + i).toList());
        }
        assertThat(a.find(thread)).isEqualTo(b.find(thread));
    }

    @Test
    void idleConversationsAreArchivedExactlyOnceWithThreeSweepersRacing() throws Exception {
        List<RedisConversationStore> instances = List.of(instance(), instance(), instance());
        Duration idle = Duration.ofMillis(300);
        int threads = 30;
        int writers = 3;
        // What each thread's writer saw accepted, in order; every thread has exactly one writer.
        Map<ThreadId, List<Message>> accepted = new ConcurrentHashMap<>();
        Map<ThreadId, List<Conversation>> started = new ConcurrentHashMap<>();
        Map<String, List<Conversation>> archived = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch sweepersDone = new CountDownLatch(3);

        ExecutorService sweepers = Executors.newFixedThreadPool(3);
        List<Future<?>> sweeping = new ArrayList<>();
        for (RedisConversationStore sweeper : instances) {
            sweeping.add(sweepers.submit(() -> {
                try {
                    boolean quiet = false;
                    while (writing.get() || !quiet) {
                        List<ClaimedConversation> batch = sweeper.claimIdle(4, Duration.ofSeconds(30));
                        for (ClaimedConversation claimed : batch) {
                            Conversation c = claimed.conversation();
                            archived.computeIfAbsent(c.threadId() + "@" + c.createdAt(), key -> new CopyOnWriteArrayList<>()).add(c);
                            sweeper.acknowledge(claimed.claimId());
                        }
                        quiet = batch.isEmpty() && sweeper.count() == 0;
                        if (batch.isEmpty()) {
                            Thread.sleep(ThreadLocalRandom.current().nextInt(20, 60));
                        }
                    }
                    return null;
                } finally {
                    sweepersDone.countDown();
                }
            }));
        }

        Concurrently.run(writers, writer -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int round = 0; round < 12; round++) {
                for (int t = writer; t < threads; t += writers) {
                    ThreadId thread = ThreadId.of(Integer.toString(600 + t));
                    if (random.nextInt(4) == 0) {
                        continue; // some threads skip a round: a few go idle mid-run
                    }
                    RedisConversationStore via = instances.get(random.nextInt(instances.size()));
                    Message m = Message.chat(CREATED_AT.plusSeconds(round), "t" + t + " r" + round).from(REQUESTER);
                    AppendOutcome outcome = via.append(thread, m, idle, ConversationLimits.defaults());
                    // What the application does: the old one went idle, so a new conversation starts. On a
                    // stalled machine even the new one can go idle before the append; every one started is
                    // still checked below to be archived exactly once.
                    for (int attempt = 0; outcome == AppendOutcome.NO_CONVERSATION && attempt < 5; attempt++) {
                        int n = started.computeIfAbsent(thread, k -> new ArrayList<>()).size();
                        Conversation fresh = Conversation.start(thread, GUILD, GUILD_NAME, REQUESTER, CREATED_AT.plusSeconds(1000L * n));
                        assertThat(via.create(fresh, idle)).isTrue();
                        started.get(thread).add(fresh);
                        outcome = via.append(thread, m, idle, ConversationLimits.defaults());
                    }
                    assertThat(outcome).isEqualTo(AppendOutcome.APPENDED);
                    accepted.computeIfAbsent(thread, k -> new ArrayList<>()).add(m);
                }
                Thread.sleep(random.nextInt(50, 250));
            }
        });
        writing.set(false);
        assertThat(sweepersDone.await(30, TimeUnit.SECONDS)).as("sweepers finished").isTrue();
        for (Future<?> f : sweeping) {
            f.get();
        }
        sweepers.shutdown();

        assertThat(archived.values()).as("every conversation archived exactly once").allSatisfy(copies -> assertThat(copies).hasSize(1));
        int conversations = started.values().stream().mapToInt(List::size).sum();
        assertThat(archived).hasSize(conversations);
        assertThat(conversations).as("some threads went idle and started again").isGreaterThan(threads);
        for (Map.Entry<ThreadId, List<Message>> entry : accepted.entrySet()) {
            List<Message> archivedHistory = archived.values().stream().map(List::getFirst)
                    .filter(c -> c.threadId().equals(entry.getKey()))
                    .sorted(Comparator.comparing(Conversation::createdAt))
                    .flatMap(c -> c.history().stream()).toList();
            assertThat(archivedHistory).as("thread %s: every accepted message, once, in order", entry.getKey())
                    .isEqualTo(entry.getValue());
        }
    }

    @Test
    void aClaimNeverAcknowledgedByAnInstanceThatDiedIsHandedToAnotherAfterItsLease() throws Exception {
        RedisConversationStore doomed = instance();
        RedisConversationStore survivor = instance();
        ThreadId thread = ThreadId.of("700");
        Duration idle = Duration.ofMillis(100);
        // The survivor's first claim must come within one lease of the doomed one's: a loaded machine
        // has stalled this class (it runs beside the others) for over 2 s.
        Duration lease = Duration.ofSeconds(4);
        doomed.create(Conversation.start(thread, GUILD, GUILD_NAME, REQUESTER, CREATED_AT), idle);
        for (int i = 0; i < 3; i++) {
            doomed.append(thread, Message.chat(CREATED_AT.plusSeconds(i), "m" + i).from(REQUESTER), idle, ConversationLimits.defaults());
        }
        Thread.sleep(300);
        ClaimedConversation taken = doomed.claimIdle(10, lease).getFirst();
        // Checked before the client closes: closing can take most of a second on a loaded machine.
        assertThat(survivor.claimIdle(10, lease)).as("still leased to the instance about to die").isEmpty();
        clients.removeFirst().close(); // the instance dies before writing the archive

        Thread.sleep(lease.toMillis() + 300);
        List<ClaimedConversation> covered = survivor.claimIdle(10, lease);

        assertThat(covered).hasSize(1);
        assertThat(covered.getFirst().claimId()).isEqualTo(taken.claimId());
        assertThat(covered.getFirst().conversation()).isEqualTo(taken.conversation());
        assertThat(covered.getFirst().conversation().history()).extracting(Message::content).containsExactly("m0", "m1", "m2");
        survivor.acknowledge(covered.getFirst().claimId());
        Thread.sleep(lease.toMillis() + 300);
        assertThat(survivor.claimIdle(10, lease)).isEmpty();
    }
}
