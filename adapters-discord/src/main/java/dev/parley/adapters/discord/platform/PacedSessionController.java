package dev.parley.adapters.discord.platform;

import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.id.UserId;
import dev.parley.domain.platform.IdentifyBucket;
import dev.parley.domain.platform.IdentifyPacing;
import dev.parley.domain.platform.IdentifySlot;
import dev.parley.domain.platform.IdentifyTicket;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * JDA's session controller for Parley: starts each shard's session (its IDENTIFY) only when the
 * shard's identify bucket ({@code shard_id % max_concurrency}) is free in the shared
 * {@link IdentifyPacing}, so instances started together stay within Discord's one IDENTIFY per
 * 5 seconds per bucket. JDA's own controllers space identifies within one process only.
 *
 * <p>Per bucket, one worker thread takes the queued sessions in turn: it holds the bucket with a
 * fresh ticket (for the 5 s plus the {@link #CONNECT_ALLOWANCE} the IDENTIFY may take to leave),
 * asking again at most every {@link #POLL} while another ticket holds it; runs the session, which
 * returns once Discord answered READY (or the attempt failed); then holds the bucket again with the
 * same ticket for the 5 s from that moment. The next IDENTIFY in the bucket, from any instance,
 * thus reaches Discord at least 5 s after this one was answered.
 *
 * <p>It also gives JDA the gateway URL: the configured one, or the one {@code GET /gateway/bot}
 * names.
 */
public final class PacedSessionController extends SessionControllerAdapter {

    /** Discord allows one IDENTIFY per this long in each bucket. */
    public static final Duration IDENTIFY_WINDOW = Duration.ofSeconds(IDENTIFY_DELAY);
    /** How long a bucket stays held while a session connects (JDA's socket gives up after 10 s). */
    static final Duration CONNECT_ALLOWANCE = Duration.ofSeconds(15);
    /** The longest a waiting session sleeps before asking the pacing again. */
    static final Duration POLL = Duration.ofMillis(250);
    private static final System.Logger LOG = System.getLogger(PacedSessionController.class.getName());

    private final IdentifyPacing pacing;
    private final Optional<String> gatewayUrl;
    private final Duration window;
    private final Map<Integer, BucketWorker> workers = new ConcurrentHashMap<>();
    private volatile int concurrency = 1;
    private volatile boolean stopped;

    /**
     * @param gatewayUrl the gateway to connect to; empty: the one Discord names
     */
    public PacedSessionController(IdentifyPacing pacing, Optional<String> gatewayUrl) {
        this(pacing, gatewayUrl, IDENTIFY_WINDOW);
    }

    PacedSessionController(IdentifyPacing pacing, Optional<String> gatewayUrl, Duration window) {
        this.pacing = Objects.requireNonNull(pacing, "pacing == null");
        this.gatewayUrl = Objects.requireNonNull(gatewayUrl, "gatewayUrl == null");
        this.window = Objects.requireNonNull(window, "window == null");
    }

    @Override
    public void setConcurrency(int level) {
        if (level < 1) {
            throw new IllegalArgumentException("max_concurrency must be at least 1, got " + level);
        }
        concurrency = level;
    }

    @Override
    public void appendSession(SessionConnectNode node) {
        if (stopped) {
            throw new IllegalStateException("the Discord bot is closing: no new sessions");
        }
        removeSession(node);
        int bucket = node.getShardInfo().getShardId() % concurrency;
        workers.computeIfAbsent(bucket, BucketWorker::new).enqueue(node);
    }

    @Override
    public void removeSession(SessionConnectNode node) {
        workers.values().forEach(worker -> worker.queue.remove(node));
    }

    @Override
    public String getGateway() {
        return gatewayUrl.orElseGet(super::getGateway);
    }

    @Override
    public ShardedGateway getShardedGateway(JDA api) {
        ShardedGateway discords = super.getShardedGateway(api);
        return gatewayUrl.map(url -> new ShardedGateway(url, discords.getShardTotal(), discords.getConcurrency())).orElse(discords);
    }

    /** Stops starting sessions and interrupts the workers (the bot is closing). */
    public void stop() {
        stopped = true;
        workers.values().forEach(BucketWorker::stop);
    }

    /** One bucket's queue of sessions and the thread that starts them in turn. */
    private final class BucketWorker implements Runnable {

        private final int bucket;
        private final Queue<SessionConnectNode> queue = new ConcurrentLinkedQueue<>();
        private Thread thread;

        BucketWorker(int bucket) {
            this.bucket = bucket;
        }

        void enqueue(SessionConnectNode node) {
            queue.add(node);
            start();
        }

        private synchronized void start() {
            if (thread == null && !stopped) {
                thread = Thread.ofPlatform().daemon().name("parley-discord-identify-" + bucket).start(this);
            }
        }

        private synchronized void stop() {
            if (thread != null) {
                thread.interrupt();
            }
        }

        private synchronized boolean finish() {
            if (queue.isEmpty() || stopped) {
                thread = null;
                return true;
            }
            return false;
        }

        @Override
        public void run() {
            try {
                do {
                    SessionConnectNode node;
                    while ((node = queue.poll()) != null && !stopped) {
                        runPaced(node);
                    }
                } while (!finish());
            } catch (InterruptedException e) {
                synchronized (this) {
                    thread = null;
                }
                Thread.currentThread().interrupt();
            }
        }

        private void runPaced(SessionConnectNode node) throws InterruptedException {
            IdentifyBucket identifyBucket = new IdentifyBucket(UserId.of(node.getJDA().getSelfUser().getId()), bucket);
            IdentifyTicket ticket = new IdentifyTicket(UUID.randomUUID().toString());
            awaitTurn(identifyBucket, ticket, node);
            try {
                node.run(false);
            } catch (IllegalStateException e) {
                LOG.log(System.Logger.Level.WARNING, "Discord shard {0} could not connect ({1}); queued again",
                        node.getShardInfo().getShardString(), e.getMessage());
                queue.add(node);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Discord shard {0} failed to start its session ({1}: {2}); queued again",
                        node.getShardInfo().getShardString(), e.getClass().getSimpleName(), e.getMessage());
                queue.add(node);
            } finally {
                restartWindow(identifyBucket, ticket);
            }
        }

        private void awaitTurn(IdentifyBucket identifyBucket, IdentifyTicket ticket, SessionConnectNode node) throws InterruptedException {
            Duration hold = window.plus(CONNECT_ALLOWANCE);
            boolean warned = false;
            while (true) {
                try {
                    IdentifySlot slot = pacing.hold(identifyBucket, ticket, hold);
                    if (slot instanceof IdentifySlot.Busy busy) {
                        sleep(busy.retryAfter().compareTo(POLL) < 0 ? busy.retryAfter() : POLL);
                        continue;
                    }
                    return;
                } catch (StorageUnavailableException e) {
                    if (!warned) {
                        LOG.log(System.Logger.Level.WARNING, "Discord shard {0} waits to identify: the identify pacing is "
                                + "unavailable ({1}); asking again every second", node.getShardInfo().getShardString(), e.getMessage());
                        warned = true;
                    }
                    sleep(Duration.ofSeconds(1));
                }
            }
        }

        private void restartWindow(IdentifyBucket identifyBucket, IdentifyTicket ticket) {
            try {
                pacing.hold(identifyBucket, ticket, window);
            } catch (StorageUnavailableException e) {
                // The hold taken before the session still runs out on its own, later than the window.
                LOG.log(System.Logger.Level.WARNING, "Could not restart the identify window of bucket {0}: {1}", bucket, e.getMessage());
            }
        }

        private void sleep(Duration duration) throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(Math.max(1, duration.toMillis()));
        }
    }
}
