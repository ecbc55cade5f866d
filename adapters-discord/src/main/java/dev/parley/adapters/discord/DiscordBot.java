package dev.parley.adapters.discord;

import dev.parley.adapters.discord.bot.BotObserver;
import dev.parley.adapters.discord.bot.BotRules;
import dev.parley.adapters.discord.bot.ChannelMessageHandling;
import dev.parley.adapters.discord.bot.MessageListener;
import dev.parley.adapters.discord.platform.PacedSessionController;
import dev.parley.adapters.discord.platform.WebhookOutlet;
import dev.parley.application.port.in.HandleChannelMessage;
import dev.parley.domain.platform.ChannelWebhooks;
import dev.parley.domain.platform.IdentifyPacing;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.RawGatewayEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import net.dv8tion.jda.internal.utils.IOUtil;

/**
 * Parley's Discord bot: connects the shards this instance runs, hands every trigger message to the
 * channel-message use case, and posts the avatars' replies through each channel's webhook.
 *
 * <pre>{@code
 * DiscordBot bot = new DiscordBot(settings, handleChannelMessage, new InMemoryChannelWebhooks(),
 *         new InMemoryIdentifyPacing(Clock.systemUTC()));
 * bot.start();   // returns once every shard is ready; throws DiscordStartException otherwise
 * ...
 * bot.close();   // before the conversations are saved
 * }</pre>
 *
 * <p>Intents: Guilds, Guild Messages and Message Content (privileged: enable it in the developer
 * portal). JDA keeps a light cache (no member cache, no cache flags); the bot's own member,
 * channels, threads and roles are always cached, which is what the permission checks read.
 */
public final class DiscordBot implements AutoCloseable {

    static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT);
    private static final System.Logger LOG = System.getLogger(DiscordBot.class.getName());
    /** How long the check before the start waits for Discord's answer. */
    private static final Duration PREFLIGHT_TIMEOUT = Duration.ofSeconds(10);

    private final DiscordSettings settings;
    private final Limits limits;
    private final PacedSessionController sessions;
    private final MessageListener listener;
    private final BotObserver observer;
    private final Object lifecycle = new Object();
    /** Watches the shards come up; {@link #close()} wakes its wait without taking the lifecycle lock. */
    private final ShardStartup startup = new ShardStartup();
    /** Completed by {@link #close()}: wakes the check before the start, which holds the lifecycle lock. */
    private final CompletableFuture<Void> closing = new CompletableFuture<>();
    private volatile ShardManager shards;
    private boolean started;
    private boolean closed;

    /**
     * How long the bot waits for Discord and how much it takes on at once.
     *
     * @param readyTimeout          how long {@link #start()} waits for every shard to be ready, plus one identify
     *                              window (5 s) per shard this instance runs: see {@link #readyTimeoutFor(int)}
     * @param closeTimeout          how long {@link #close()} waits, in all, for messages in hand and the shards
     * @param maxMessagesInHand     at most this many messages are handled at once; more are dropped with a warning
     * @param maxMessagesPerChannel at most this many of one channel's (or thread's) messages are in hand at once,
     *                              running or queued behind each other; more of that channel's are dropped, so a
     *                              flooded channel never takes the room of the others
     */
    public record Limits(Duration readyTimeout, Duration closeTimeout, int maxMessagesInHand, int maxMessagesPerChannel) {

        /** At most this many of one channel's messages in hand by default. */
        public static final int DEFAULT_MAX_MESSAGES_PER_CHANNEL = 20;

        public Limits {
            Objects.requireNonNull(readyTimeout, "readyTimeout == null");
            Objects.requireNonNull(closeTimeout, "closeTimeout == null");
            if (readyTimeout.toMillis() < 1 || closeTimeout.toMillis() < 1) {
                throw new IllegalArgumentException("the bot's timeouts must be at least 1 ms");
            }
            if (maxMessagesInHand < 1) {
                throw new IllegalArgumentException("maxMessagesInHand must be at least 1, got " + maxMessagesInHand);
            }
            if (maxMessagesPerChannel < 1) {
                throw new IllegalArgumentException("maxMessagesPerChannel must be at least 1, got " + maxMessagesPerChannel);
            }
        }

        /** These limits with {@link #DEFAULT_MAX_MESSAGES_PER_CHANNEL} (or fewer, if fewer are in hand in all). */
        public Limits(Duration readyTimeout, Duration closeTimeout, int maxMessagesInHand) {
            this(readyTimeout, closeTimeout, maxMessagesInHand, Math.min(Math.max(1, maxMessagesInHand), DEFAULT_MAX_MESSAGES_PER_CHANNEL));
        }

        /**
         * How long {@link #start()} waits for {@code shards} shards: {@link #readyTimeout()} plus
         * {@link PacedSessionController#IDENTIFY_WINDOW} (5 s) per shard. The shards of an identify
         * bucket identify one at a time, 5 s apart (shared between the instances), so a fixed wait
         * would fail every start of more shards than fit in it.
         */
        public Duration readyTimeoutFor(int shards) {
            return readyTimeout.plus(PacedSessionController.IDENTIFY_WINDOW.multipliedBy(Math.max(0, shards)));
        }

        /** These limits with {@code timeout} as the ready timeout's base. */
        public Limits withReadyTimeout(Duration timeout) {
            return new Limits(timeout, closeTimeout, maxMessagesInHand, maxMessagesPerChannel);
        }

        /** 60 s (plus 5 s per shard) to be ready, 10 s to close, 1,000 messages in hand, 20 of them per channel. */
        public static Limits defaults() {
            return new Limits(Duration.ofSeconds(60), Duration.ofSeconds(10), 1_000, DEFAULT_MAX_MESSAGES_PER_CHANNEL);
        }
    }

    /** A bot with the default {@link Limits} and the system clock. */
    public DiscordBot(DiscordSettings settings, HandleChannelMessage useCase, ChannelWebhooks webhooks, IdentifyPacing pacing) {
        this(settings, useCase, webhooks, pacing, Clock.systemUTC(), Limits.defaults());
    }

    /**
     * @param clock the clock of the hourly warnings (missing permissions, full conversations)
     */
    public DiscordBot(DiscordSettings settings, HandleChannelMessage useCase, ChannelWebhooks webhooks, IdentifyPacing pacing,
            Clock clock, Limits limits) {
        this(settings, useCase, webhooks, pacing, clock, limits, BotObserver.NONE);
    }

    /**
     * @param clock    the clock of the hourly warnings (missing permissions, full conversations)
     * @param observer told of gateway events, messages handled, posts, 429s and missing permissions (metrics)
     */
    public DiscordBot(DiscordSettings settings, HandleChannelMessage useCase, ChannelWebhooks webhooks, IdentifyPacing pacing,
            Clock clock, Limits limits, BotObserver observer) {
        this.settings = Objects.requireNonNull(settings, "settings == null");
        this.limits = Objects.requireNonNull(limits, "limits == null");
        this.observer = Objects.requireNonNull(observer, "observer == null");
        Objects.requireNonNull(useCase, "useCase == null");
        WebhookOutlet outlet = new WebhookOutlet(Objects.requireNonNull(webhooks, "webhooks == null"), observer);
        this.sessions = new PacedSessionController(Objects.requireNonNull(pacing, "pacing == null"),
                settings.gatewayUrl().map(URI::toString));
        BotRules rules = new BotRules(settings.channels(), settings.replyToBots(), settings.threadFlow(), settings.defaultAvatar());
        Objects.requireNonNull(clock, "clock == null");
        this.listener = new MessageListener(rules, outlet, new ChannelMessageHandling(useCase, outlet, observer, clock), clock,
                limits.maxMessagesInHand(), limits.maxMessagesPerChannel(), observer);
    }

    /** The limits this bot runs with. */
    public Limits limits() {
        return limits;
    }

    /**
     * Connects and waits until every shard of this instance is ready (at most
     * {@link Limits#readyTimeoutFor(int)} the shards it runs).
     *
     * @throws DiscordStartException if the token is refused (401), Discord cannot be reached, the
     *                               intents are refused, the shards are not ready in time, or
     *                               {@link #close()} was called meanwhile (reason
     *                               {@link DiscordStartException.Reason#CLOSED}); the bot is closed again
     * @throws IllegalStateException if it was started or closed before
     */
    public void start() {
        synchronized (lifecycle) {
            if (started || closed) {
                throw new IllegalStateException("a Discord bot starts once");
            }
            started = true;
            // JVM-wide defaults of JDA; every post sets them too.
            MessageRequest.setDefaultMentions(WebhookOutlet.ALLOWED_MENTIONS);
            MessageRequest.setDefaultMentionRepliedUser(false);
            try {
                checkReachableAndAuthorised();
            } catch (DiscordStartException e) {
                closeQuietly();
                throw e;
            }
            if (closing.isDone()) {
                closeQuietly();
                throw closedWhileStarting(null);
            }
            DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(settings.token(), INTENTS)
                    .setRestConfig(new RestConfig().setBaseUrl(settings.apiUrl().toString()))
                    .setSessionController(sessions)
                    // JDA runs REST callbacks on the common ForkJoinPool by default: anything else in the
                    // process that blocks its few threads (seen in tests) would stall the bot's requests.
                    .setCallbackPool(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("parley-discord-callback-", 0)
                            .factory()), true)
                    .setEnableShutdownHook(false)
                    .addEventListeners(startup, listener);
            if (observer != BotObserver.NONE) {
                builder.setRawEventsEnabled(true).addEventListeners(new ListenerAdapter() {
                    @Override
                    public void onRawGateway(RawGatewayEvent event) {
                        observer.gatewayEvent(event.getType());
                    }
                });
                // Every REST answer passes here, the 429s JDA retries on its own included. JDA's own client
                // settings (IOUtil, internal but stable in the pinned version) plus the interceptor.
                builder.setHttpClientBuilder(IOUtil.newHttpClientBuilder().addInterceptor(chain -> {
                    okhttp3.Response response = chain.proceed(chain.request());
                    if (response.code() == 429) {
                        observer.rateLimited();
                    }
                    return response;
                }));
            }
            settings.shardsTotal().ifPresent(builder::setShardsTotal);
            if (!settings.shardIds().isEmpty()) {
                builder.setShards(settings.shardIds());
            }
            try {
                shards = builder.build();
            } catch (InvalidTokenException e) {
                closeQuietly();
                throw new DiscordStartException(DiscordStartException.Reason.TOKEN_REFUSED,
                        "Discord refused the bot token (401 Unauthorized): check the token", e);
            } catch (RuntimeException e) {
                closeQuietly();
                throw new DiscordStartException(DiscordStartException.Reason.UNREACHABLE, "Cannot reach Discord at " + settings.apiUrl()
                        + " (" + e.getClass().getSimpleName()
                        + ": " + e.getMessage() + "): check the API URL and the network", e);
            }
            int expected = settings.shardCount(shards.getShardsTotal());
            DiscordStartException failure;
            try {
                failure = startup.await(expected, limits.readyTimeoutFor(expected));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closeQuietly();
                throw new DiscordStartException(DiscordStartException.Reason.NOT_READY, "Interrupted while waiting for the Discord shards",
                        e);
            }
            if (failure != null) {
                closeQuietly();
                throw failure;
            }
            LOG.log(System.Logger.Level.INFO, "Discord bot ready: {0} shard(s) of {1}{2}", expected, shards.getShardsTotal(),
                    settings.shardIds().isEmpty() ? "" : " (" + settings.shardIds() + ")");
        }
    }

    /**
     * Asks Discord (or the proxy at the API URL) who the bot is before JDA does: an unreachable API
     * or a refused token is then one clear exception, where JDA would log its own errors first.
     */
    private void checkReachableAndAuthorised() {
        URI me = settings.apiUrl().resolve("users/@me");
        int status;
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(PREFLIGHT_TIMEOUT).build()) {
            CompletableFuture<HttpResponse<Void>> answer = http.sendAsync(HttpRequest.newBuilder(me).timeout(PREFLIGHT_TIMEOUT)
                    .header("Authorization", "Bot " + settings.token()).GET().build(), HttpResponse.BodyHandlers.discarding());
            // Whichever comes first: Discord's answer, or close() (a SIGTERM must not wait out the timeouts).
            CompletableFuture.anyOf(answer, closing).exceptionally(failed -> null).get();
            if (!answer.isDone()) {
                answer.cancel(true);
                throw closedWhileStarting(null);
            }
            status = answer.get().statusCode();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof IOException io)) {
                throw new DiscordStartException(DiscordStartException.Reason.UNREACHABLE, "Cannot reach Discord at " + settings.apiUrl()
                        + " (" + cause.getClass().getSimpleName() + "): check the API URL and the network", cause);
            }
            throw unreachable(io);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiscordStartException(DiscordStartException.Reason.UNREACHABLE, "Interrupted while reaching Discord", e);
        }
        if (status == 401) {
            throw new DiscordStartException(DiscordStartException.Reason.TOKEN_REFUSED,
                    "Discord refused the bot token (401 Unauthorized): check the token");
        }
    }

    private DiscordStartException unreachable(IOException e) {
        return new DiscordStartException(DiscordStartException.Reason.UNREACHABLE, "Cannot reach Discord at " + settings.apiUrl()
                + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + "): check the API URL and the network", e);
    }

    private static DiscordStartException closedWhileStarting(Throwable cause) {
        return new DiscordStartException(DiscordStartException.Reason.CLOSED, "The Discord bot was closed while it started", cause);
    }

    /** Whether every shard this instance runs is connected (for a health check). */
    public boolean connected() {
        ShardManager current = shards;
        return current != null && !current.getShards().isEmpty()
                && current.getShards().stream().allMatch(jda -> jda.getStatus() == JDA.Status.CONNECTED);
    }

    /**
     * Stops taking messages, waits for those in hand, then closes the gateway and waits for every
     * shard to shut down, all within {@link Limits#closeTimeout()}; what is still running then is
     * interrupted. Safe to call more than once, and on a bot that never started. A {@link #start()}
     * in progress gives up at once (it throws a {@link DiscordStartException} with reason
     * {@link DiscordStartException.Reason#CLOSED}) and closes what it opened.
     */
    @Override
    public void close() {
        // A start in progress holds the lock while it waits for Discord: wake it first, so it gives
        // up at once and closes what it opened instead of holding a shutdown up for its timeouts.
        closing.complete(null);
        startup.abort();
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            long deadline = System.nanoTime() + limits.closeTimeout().toNanos();
            boolean drained = false;
            try {
                // Half the time for the messages in hand: the shards need some too.
                drained = listener.stopAndDrain(limits.closeTimeout().dividedBy(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!drained) {
                LOG.log(System.Logger.Level.WARNING, "Closing the Discord bot: messages still in hand after {0} ms are abandoned",
                        limits.closeTimeout().dividedBy(2).toMillis());
                listener.abandon();
            }
            shutDownShards(deadline);
            sessions.stop();
        }
    }

    private void shutDownShards(long deadline) {
        ShardManager current = shards;
        if (current == null) {
            return;
        }
        List<JDA> running = List.copyOf(current.getShards());
        // Each shard first, then the manager: ShardManager.shutdown() stops the shared gateway pool at
        // once while the shards still close their sockets on it, and JDA logs the rejected sends as errors.
        running.forEach(JDA::shutdown);
        for (JDA jda : running) {
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                if (!jda.awaitShutdown(Duration.ofNanos(left))) {
                    jda.shutdownNow();
                    LOG.log(System.Logger.Level.WARNING, "Discord shard {0} did not close in time; closed at once",
                            jda.getShardInfo().getShardString());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                jda.shutdownNow();
            }
        }
        current.shutdown();
    }

    private void closeQuietly() {
        closed = true;
        listener.abandon();
        shutDownShards(System.nanoTime() + limits.closeTimeout().toNanos());
        sessions.stop();
    }
}
