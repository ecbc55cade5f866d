package dev.parley.adapters.discord.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parley.adapters.discord.testing.FakeGuild.FakeThread;
import dev.parley.adapters.discord.testing.FakeGuild.FakeUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * Discord, faked on loopback for tests with the real JDA: the REST API on a JDK {@code HttpServer}
 * and the gateway on a small WebSocket server ({@link FakeGateway}), both on 127.0.0.1 with
 * ephemeral ports. Point the bot at {@link #restUrl()} and {@link #gatewayUrl()} with
 * {@link #token()}.
 *
 * <p>It serves what Parley's bot uses: {@code users/@me}, {@code gateway/bot} (with the configured
 * shard count and {@code max_concurrency}), a channel's webhooks (create, list; delete), webhook
 * execution (recorded as {@link WebhookPost}s, answered with message objects carrying
 * {@code webhook_id}, and echoed over the gateway as Discord does), starting a thread from a
 * message (the thread takes the message's id), and a channel's message history. The gateway
 * records every IDENTIFY ({@link Identify}, on the fake's own clock) and routes each guild's
 * events to the shard that owns it. A request the fake does not know gets 404 and is kept in
 * {@link #unexpectedRequests()}.
 *
 * <pre>{@code
 * try (FakeDiscord discord = FakeDiscord.builder().guild(FakeGuild.withId(GUILD).textChannel(CHANNEL, "general")
 *         .member(ALICE, "alice")).start()) {
 *     // start the bot with discord.restUrl(), discord.gatewayUrl(), discord.token()
 *     discord.message(CHANNEL).from(ALICE).content("hello Zoe").send();
 *     WebhookPost post = discord.awaitWebhookPosts(1, Duration.ofSeconds(10)).getFirst();
 * }
 * }</pre>
 *
 * <p>Every wait is bounded and fails with what it waited for.
 */
public final class FakeDiscord implements AutoCloseable {

    /** Discord's epoch for snowflakes: 2015-01-01T00:00:00Z. */
    static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private static final String API_PREFIX = "/api/v10/";
    private static final int UNKNOWN_WEBHOOK = 10015;
    private static final int UNKNOWN_CHANNEL = 10003;
    private static final int UNKNOWN_MESSAGE = 10008;
    private static final int MISSING_PERMISSIONS = 50013;
    private static final int THREAD_ALREADY_CREATED = 160004;
    private static final long MESSAGE_CONTENT_INTENT = 1L << 15;

    private final FakeUser bot;
    private final String token;
    private final int shards;
    private final int maxConcurrency;
    private final boolean messageContentAllowed;
    private final long startNanos = System.nanoTime();
    private final Map<Long, FakeGuild> guilds = new LinkedHashMap<>();
    private final Map<Long, Long> guildOfChannel = new HashMap<>();
    private final Map<Long, FakeUser> users = new HashMap<>();
    private final Map<Long, List<DataObject>> history = new HashMap<>();
    private final Map<Long, FakeWebhook> webhooks = new LinkedHashMap<>();
    private final List<WebhookPost> webhookPosts = new ArrayList<>();
    private final List<CreatedWebhook> createdWebhooks = new ArrayList<>();
    private final List<Long> deletedWebhooks = new ArrayList<>();
    private final List<CreatedThread> createdThreads = new ArrayList<>();
    private final List<Identify> identifies = new ArrayList<>();
    private final List<String> unexpected = new ArrayList<>();
    private int resumed;
    private int rateLimitedPostsLeft;
    private int rateLimitedPosts;
    private int resumesRefused;
    private long lastId;
    private final ExecutorService httpThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer http;
    private final FakeGateway gateway;

    /** The identify of one shard as the gateway received it; {@code at} is the fake's clock (time since it started). */
    public record Identify(int shard, int shardCount, long intents, Duration at) {
    }

    /** A webhook Parley's bot created through {@code POST /channels/{id}/webhooks}. */
    public record CreatedWebhook(long webhookId, long channelId, String name) {
    }

    /** A thread started from a message through {@code POST /channels/{id}/messages/{id}/threads}. */
    public record CreatedThread(long threadId, long parentId, String name) {
    }

    /**
     * One webhook execution, in the order received. {@code threadId} is 0 when none was given;
     * {@code allowedMentions} is what the request sent (null when it sent none: Discord then parses every kind).
     */
    public record WebhookPost(long webhookId, long channelId, long threadId, String username, String avatarUrl, String content,
            DataObject allowedMentions, boolean waited, long messageId) {

        /** The {@code allowed_mentions.parse} list, empty when absent. */
        public List<String> allowedParse() {
            return strings("parse");
        }

        /** The {@code allowed_mentions.roles} list, empty when absent. */
        public List<String> allowedRoles() {
            return strings("roles");
        }

        /** {@code allowed_mentions.replied_user}; Discord's default, false, when absent. */
        public boolean allowsRepliedUser() {
            return allowedMentions != null && allowedMentions.getBoolean("replied_user", false);
        }

        private List<String> strings(String key) {
            if (allowedMentions == null || allowedMentions.isNull(key)) {
                return List.of();
            }
            DataArray array = allowedMentions.getArray(key);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < array.length(); i++) {
                values.add(array.getString(i));
            }
            return values;
        }
    }

    private record FakeWebhook(long id, long channelId, String token, String name) {
    }

    /** Describes a fake before it starts. */
    public static final class Builder {

        private long botId = 9_000_001L;
        private String botName = "Parley";
        private String token = "fake-token-" + UUID.randomUUID();
        private int shards = 1;
        private int maxConcurrency = 1;
        private final List<FakeGuild> guilds = new ArrayList<>();
        private boolean messageContentAllowed = true;

        private Builder() {
        }

        public Builder bot(long id, String name) {
            this.botId = id;
            this.botName = name;
            return this;
        }

        public Builder token(String value) {
            this.token = value;
            return this;
        }

        /** The shard count {@code GET /gateway/bot} recommends. */
        public Builder shards(int count) {
            this.shards = count;
            return this;
        }

        /** {@code session_start_limit.max_concurrency}: how many identify buckets the bot has. */
        public Builder maxConcurrency(int buckets) {
            this.maxConcurrency = buckets;
            return this;
        }

        public Builder guild(FakeGuild guild) {
            guilds.add(guild);
            return this;
        }

        /** Refuses an IDENTIFY asking for the Message Content intent (close code 4014), as Discord does while it is off in the portal. */
        public Builder withoutMessageContentIntent() {
            this.messageContentAllowed = false;
            return this;
        }

        public FakeDiscord start() {
            try {
                return new FakeDiscord(this);
            } catch (IOException e) {
                throw new UncheckedIOException("the fake Discord could not listen on loopback", e);
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A guild id that shard {@code shard} of {@code shards} owns; {@code n} tells several apart. */
    public static long guildIdOnShard(int shard, int shards, int n) {
        return ((long) (n * shards + shard) << 22) + 7;
    }

    private FakeDiscord(Builder builder) throws IOException {
        this.bot = new FakeUser(builder.botId, builder.botName, true);
        this.token = builder.token;
        this.shards = builder.shards;
        this.maxConcurrency = builder.maxConcurrency;
        this.messageContentAllowed = builder.messageContentAllowed;
        users.put(bot.id(), bot);
        for (FakeGuild guild : builder.guilds) {
            guilds.put(guild.id, guild);
            guild.textChannels.keySet().forEach(channel -> guildOfChannel.put(channel, guild.id));
            guild.threads.keySet().forEach(thread -> guildOfChannel.put(thread, guild.id));
            users.putAll(guild.members);
        }
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.setExecutor(httpThreads);
        http.createContext("/", this::serve);
        http.start();
        this.gateway = new FakeGateway(this);
    }

    public String restUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + API_PREFIX;
    }

    public String gatewayUrl() {
        return gateway.url();
    }

    /** The token the fake accepts (as {@code Authorization: Bot <token>} and in IDENTIFY). */
    public String token() {
        return token;
    }

    public long botId() {
        return bot.id();
    }

    // ---------------------------------------------------------------- injecting

    /** Starts describing a message that a member posts in {@code channelId}; {@link MessageSpec#send()} delivers it. */
    public MessageSpec message(long channelId) {
        return new MessageSpec(channelId);
    }

    /** A message to deliver as MESSAGE_CREATE to the shard that owns its guild. */
    public final class MessageSpec {

        private final long channelId;
        private long authorId;
        private String content = "";
        private final List<Long> mentions = new ArrayList<>();
        private long replyTo;
        private long webhookId;
        private String webhookName;

        private MessageSpec(long channelId) {
            this.channelId = channelId;
        }

        public MessageSpec from(long userId) {
            this.authorId = userId;
            return this;
        }

        public MessageSpec content(String text) {
            this.content = text;
            return this;
        }

        /** Lists {@code userIds} in the message's {@code mentions}, and writes their mentions into the text. */
        public MessageSpec mentioning(long... userIds) {
            StringBuilder text = new StringBuilder();
            for (long id : userIds) {
                mentions.add(id);
                text.append("<@").append(Long.toUnsignedString(id)).append("> ");
            }
            this.content = text + content;
            return this;
        }

        public MessageSpec replyingTo(long messageId) {
            this.replyTo = messageId;
            return this;
        }

        /** Posts it as webhook {@code id} (any webhook, Parley's or another's) named {@code name}. */
        public MessageSpec fromWebhook(long id, String name) {
            this.webhookId = id;
            this.webhookName = name;
            return this;
        }

        /** Delivers the message and answers its id. */
        public long send() {
            if (webhookId == 0 && authorId == 0) {
                throw new IllegalStateException("say who posts the message: from(user) or fromWebhook(id, name)");
            }
            return deliver(channelId, webhookId != 0 ? new FakeUser(webhookId, webhookName, true) : user(authorId), content, mentions,
                    replyTo, webhookId);
        }
    }

    // ---------------------------------------------------------------- recordings

    public synchronized List<WebhookPost> webhookPosts() {
        return List.copyOf(webhookPosts);
    }

    /** Waits until at least {@code count} webhook posts arrived, and answers all of them. */
    public List<WebhookPost> awaitWebhookPosts(int count, Duration timeout) {
        await(() -> webhookPosts().size() >= count, timeout, () -> count + " webhook post(s), got " + webhookPosts());
        return webhookPosts();
    }

    public synchronized List<CreatedWebhook> createdWebhooks() {
        return List.copyOf(createdWebhooks);
    }

    public synchronized List<Long> deletedWebhooks() {
        return List.copyOf(deletedWebhooks);
    }

    public synchronized List<CreatedThread> createdThreads() {
        return List.copyOf(createdThreads);
    }

    public synchronized List<Identify> identifies() {
        return List.copyOf(identifies);
    }

    public List<Identify> awaitIdentifies(int count, Duration timeout) {
        await(() -> identifies().size() >= count, timeout, () -> count + " IDENTIFY(s), got " + identifies());
        return identifies();
    }

    /** How many RESUMEs the gateway accepted. */
    public synchronized int resumes() {
        return resumed;
    }

    /** How many RESUMEs the gateway refused with INVALID_SESSION. */
    public synchronized int refusedResumes() {
        return resumesRefused;
    }

    /** Requests for routes the fake does not serve ({@code METHOD path}): a test expecting none checks this is empty. */
    public synchronized List<String> unexpectedRequests() {
        return List.copyOf(unexpected);
    }

    /** Open gateway connections. */
    public int openGatewayConnections() {
        return gateway.openConnections();
    }

    /** Waits until {@code condition} holds, at most {@code timeout}, polling; fails naming {@code what}. */
    public void await(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + timeout.toMillis() + " ms for " + what.get());
            }
            synchronized (this) {
                try {
                    wait(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for " + what.get(), e);
                }
            }
        }
    }

    // ---------------------------------------------------------------- control

    /** Closes every gateway connection at once, without a close frame. */
    public void dropGatewayConnections() {
        gateway.dropConnections();
    }

    /** Whether RESUMEs are refused (INVALID_SESSION, {@code d: false}), so clients must identify again. */
    public void refuseResumes(boolean refuse) {
        gateway.refuseResumes(refuse);
    }

    /** The next {@code count} webhook executions answer 429 Too Many Requests (retry after 1 s), as Discord does when a route is over its limit. */
    public synchronized void rateLimitWebhookPosts(int count) {
        rateLimitedPostsLeft = count;
    }

    /** How many webhook executions were answered 429. */
    public synchronized int rateLimitedPosts() {
        return rateLimitedPosts;
    }

    /** Deletes webhook {@code webhookId} as a moderator would: executing it then answers 404 Unknown Webhook. */
    public synchronized void deleteWebhookOnDiscord(long webhookId) {
        if (webhooks.remove(webhookId) == null) {
            throw new IllegalArgumentException("no webhook " + webhookId);
        }
    }

    @Override
    public void close() {
        gateway.close();
        http.stop(0);
        httpThreads.shutdownNow();
    }

    // ---------------------------------------------------------------- state used by the gateway

    /** Whether an IDENTIFY with {@code intents} may proceed (false: close it with 4014 Disallowed intents). */
    boolean intentsAllowed(long intents) {
        return messageContentAllowed || (intents & MESSAGE_CONTENT_INTENT) == 0;
    }

    synchronized void recordIdentify(int shard, int shardCount, long intents) {
        identifies.add(new Identify(shard, shardCount, intents, Duration.ofNanos(System.nanoTime() - startNanos)));
        notifyAll();
    }

    synchronized void recordResume(boolean accepted) {
        if (accepted) {
            resumed++;
        } else {
            resumesRefused++;
        }
        notifyAll();
    }

    synchronized List<Long> guildsOfShard(int shard, int shardCount) {
        return guilds.keySet().stream().filter(id -> Long.remainderUnsigned(id >>> 22, shardCount) == shard).toList();
    }

    synchronized DataObject botUserJson() {
        return userJson(bot);
    }

    synchronized DataObject guildCreateJson(long guildId) {
        FakeGuild guild = guilds.get(guildId);
        String now = timestamp();
        DataArray members = DataArray.empty().add(memberJson(bot, List.of(botRoleId(guild)), now));
        guild.members.values().forEach(member -> members.add(memberJson(member, List.of(), now)));
        DataArray roles = DataArray.empty()
                .add(roleJson(guild.id, "@everyone", 0, FakeGuild.EVERYONE))
                .add(roleJson(botRoleId(guild), bot.name(), 1, FakeGuild.BOT_ROLE));
        DataArray channels = DataArray.empty();
        int position = 0;
        for (Map.Entry<Long, String> channel : guild.textChannels.entrySet()) {
            DataArray overwrites = DataArray.empty();
            EnumSet<Permission> denied = guild.botDenied.get(channel.getKey());
            if (denied != null) {
                overwrites.add(DataObject.empty().put("id", id(bot.id())).put("type", 1).put("allow", "0")
                        .put("deny", Long.toString(Permission.getRaw(denied))));
            }
            channels.add(DataObject.empty()
                    .put("id", id(channel.getKey())).put("type", 0).put("guild_id", id(guild.id)).put("name", channel.getValue())
                    .put("position", position++).put("permission_overwrites", overwrites).put("nsfw", false).put("topic", null)
                    .put("last_message_id", null).put("rate_limit_per_user", 0).put("parent_id", null));
        }
        DataArray threads = DataArray.empty();
        guild.threads.values().forEach(thread -> threads.add(threadJson(guild.id, thread)));
        return DataObject.empty()
                .put("id", id(guild.id)).put("name", guild.name).put("icon", null).put("owner_id", id(guild.members.isEmpty()
                        ? bot.id() : guild.members.keySet().iterator().next()))
                .put("afk_timeout", 300).put("verification_level", 0).put("default_message_notifications", 0)
                .put("explicit_content_filter", 0).put("mfa_level", 0).put("nsfw_level", 0).put("premium_tier", 0)
                .put("premium_subscription_count", 0).put("preferred_locale", "en-US").put("system_channel_flags", 0)
                .put("premium_progress_bar_enabled", false).put("features", DataArray.empty()).put("large", false)
                .put("unavailable", false).put("joined_at", now)
                .put("member_count", members.length()).put("members", members).put("roles", roles).put("channels", channels)
                .put("threads", threads).put("emojis", DataArray.empty()).put("stickers", DataArray.empty())
                .put("voice_states", DataArray.empty()).put("presences", DataArray.empty())
                .put("guild_scheduled_events", DataArray.empty()).put("soundboard_sounds", DataArray.empty());
    }

    // ---------------------------------------------------------------- REST

    private void serve(HttpExchange exchange) throws IOException {
        Answer answer;
        try (exchange) {
            try {
                answer = route(exchange);
            } catch (RuntimeException e) {
                synchronized (this) {
                    unexpected.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " failed in the fake: " + e);
                    notifyAll();
                }
                answer = error(500, 0, "the fake failed: " + e);
            }
            byte[] body = answer.json == null ? new byte[0] : answer.json;
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            answer.headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status, answer.status == 204 ? -1 : body.length);
            if (answer.status != 204) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private record Answer(int status, byte[] json, Map<String, String> headers) {

        Answer(int status, byte[] json) {
            this(status, json, Map.of());
        }
    }

    private Answer route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        if (!path.startsWith(API_PREFIX)) {
            return unknown(method, path);
        }
        String[] p = path.substring(API_PREFIX.length()).split("/");
        // Webhook execution and deletion with the token authenticate with the webhook's token in the path, not the bot's.
        if (p.length == 3 && p[0].equals("webhooks") && method.equals("POST")) {
            return executeWebhook(Long.parseUnsignedLong(p[1]), p[2], query, DataObject.fromJson(raw));
        }
        if (p.length == 3 && p[0].equals("webhooks") && method.equals("DELETE")) {
            return deleteWebhook(Long.parseUnsignedLong(p[1]), p[2]);
        }
        if (!("Bot " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return error(401, 0, "401: Unauthorized");
        }
        if (method.equals("GET") && p.length == 2 && p[0].equals("users") && p[1].equals("@me")) {
            return ok(botUserJson());
        }
        if (method.equals("GET") && p.length == 2 && p[0].equals("gateway") && p[1].equals("bot")) {
            return ok(DataObject.empty().put("url", gatewayUrl()).put("shards", shards).put("session_start_limit", DataObject.empty()
                    .put("total", 1000).put("remaining", 1000).put("reset_after", 0).put("max_concurrency", maxConcurrency)));
        }
        if (method.equals("GET") && p.length == 1 && p[0].equals("gateway")) {
            return ok(DataObject.empty().put("url", gatewayUrl()));
        }
        if (p.length >= 3 && p[0].equals("channels")) {
            long channel = Long.parseUnsignedLong(p[1]);
            if (p.length == 3 && p[2].equals("webhooks") && method.equals("POST")) {
                return createWebhook(channel, DataObject.fromJson(raw));
            }
            if (p.length == 3 && p[2].equals("webhooks") && method.equals("GET")) {
                return listWebhooks(channel);
            }
            if (p.length == 3 && p[2].equals("messages") && method.equals("GET")) {
                return history(channel, query);
            }
            if (p.length == 5 && p[2].equals("messages") && p[4].equals("threads") && method.equals("POST")) {
                return startThread(channel, Long.parseUnsignedLong(p[3]), DataObject.fromJson(raw));
            }
        }
        if (p.length == 2 && p[0].equals("webhooks") && method.equals("DELETE")) {
            return deleteWebhook(Long.parseUnsignedLong(p[1]), null);
        }
        return unknown(method, path);
    }

    private synchronized Answer unknown(String method, String path) {
        unexpected.add(method + " " + path);
        notifyAll();
        return error(404, 0, "404: Not Found");
    }

    private synchronized Answer createWebhook(long channel, DataObject body) {
        Long guild = guildOfChannel.get(channel);
        if (guild == null || !guilds.get(guild).textChannels.containsKey(channel)) {
            return error(404, UNKNOWN_CHANNEL, "Unknown Channel");
        }
        if (!botMay(guilds.get(guild), channel, Permission.MANAGE_WEBHOOKS)) {
            return error(403, MISSING_PERMISSIONS, "Missing Permissions");
        }
        FakeWebhook webhook = new FakeWebhook(nextId(), channel, "wh-" + UUID.randomUUID().toString().replace("-", ""),
                body.getString("name", "webhook"));
        webhooks.put(webhook.id(), webhook);
        createdWebhooks.add(new CreatedWebhook(webhook.id(), channel, webhook.name()));
        notifyAll();
        return ok(webhookJson(webhook));
    }

    private synchronized Answer listWebhooks(long channel) {
        Long guild = guildOfChannel.get(channel);
        if (guild == null) {
            return error(404, UNKNOWN_CHANNEL, "Unknown Channel");
        }
        if (!botMay(guilds.get(guild), channel, Permission.MANAGE_WEBHOOKS)) {
            return error(403, MISSING_PERMISSIONS, "Missing Permissions");
        }
        DataArray list = DataArray.empty();
        webhooks.values().stream().filter(w -> w.channelId() == channel).forEach(w -> list.add(webhookJson(w)));
        return okArray(list);
    }

    /** Deletes a webhook; {@code webhookToken} is null when the bot's token authorised it. */
    private synchronized Answer deleteWebhook(long webhookId, String webhookToken) {
        FakeWebhook webhook = webhooks.get(webhookId);
        if (webhook == null || (webhookToken != null && !webhook.token().equals(webhookToken))) {
            return error(404, UNKNOWN_WEBHOOK, "Unknown Webhook");
        }
        webhooks.remove(webhookId);
        deletedWebhooks.add(webhookId);
        notifyAll();
        return new Answer(204, null);
    }

    private Answer executeWebhook(long webhookId, String webhookToken, Map<String, String> query, DataObject body) {
        DataObject message;
        long shardGuild;
        synchronized (this) {
            FakeWebhook webhook = webhooks.get(webhookId);
            if (webhook == null || !webhook.token().equals(webhookToken)) {
                return error(404, UNKNOWN_WEBHOOK, "Unknown Webhook");
            }
            if (rateLimitedPostsLeft > 0) {
                rateLimitedPostsLeft--;
                rateLimitedPosts++;
                notifyAll();
                // As Discord answers a rate-limited route: retry after a second, this route only.
                return new Answer(429, DataObject.empty().put("message", "You are being rate limited.").put("retry_after", 1.0)
                        .put("global", false).toJson(), Map.of("Retry-After", "1", "X-RateLimit-Scope", "user",
                        "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset-After", "1",
                        "X-RateLimit-Bucket", "fake-webhook-bucket",
                        // Discord's answers come through its proxy; without this JDA takes the 429 for Cloudflare's ban.
                        "Via", "1.1 google"));
            }
            long target = webhook.channelId();
            long threadId = 0;
            if (query.containsKey("thread_id")) {
                threadId = Long.parseUnsignedLong(query.get("thread_id"));
                FakeThread thread = guilds.get(guildOfChannel.getOrDefault(threadId, -1L)) == null ? null
                        : guilds.get(guildOfChannel.get(threadId)).threads.get(threadId);
                if (thread == null || thread.parent() != webhook.channelId()) {
                    return error(400, UNKNOWN_CHANNEL, "Unknown Channel");
                }
                target = threadId;
            }
            String username = body.getString("username", webhook.name());
            String avatarUrl = body.getString("avatar_url", null);
            String content = body.getString("content", "");
            DataObject allowed = body.isNull("allowed_mentions") ? null : body.getObject("allowed_mentions");
            FakeUser author = new FakeUser(webhookId, username, true);
            long id = nextId();
            message = messageJson(id, target, author, content, List.of(), 0L, webhookId);
            history.computeIfAbsent(target, c -> new ArrayList<>()).add(message);
            webhookPosts.add(new WebhookPost(webhookId, webhook.channelId(), threadId, username, avatarUrl, content, allowed,
                    "true".equals(query.get("wait")), id));
            shardGuild = guildOfChannel.get(webhook.channelId());
            notifyAll();
        }
        // Discord echoes every post over the gateway: the bot must not take its own posts for triggers.
        dispatchToOwner(shardGuild, "MESSAGE_CREATE", gatewayMessage(message, shardGuild, null));
        return ok(message);
    }

    private Answer startThread(long channel, long messageId, DataObject body) {
        DataObject thread;
        long guildId;
        synchronized (this) {
            Long guild = guildOfChannel.get(channel);
            if (guild == null || !guilds.get(guild).textChannels.containsKey(channel)) {
                return error(404, UNKNOWN_CHANNEL, "Unknown Channel");
            }
            guildId = guild;
            FakeGuild fakeGuild = guilds.get(guild);
            boolean known = history.getOrDefault(channel, List.of()).stream().anyMatch(m -> m.getLong("id") == messageId);
            if (!known) {
                return error(404, UNKNOWN_MESSAGE, "Unknown Message");
            }
            if (fakeGuild.threads.containsKey(messageId)) {
                return error(400, THREAD_ALREADY_CREATED, "A thread has already been created for this message");
            }
            if (!botMay(fakeGuild, channel, Permission.CREATE_PUBLIC_THREADS)) {
                return error(403, MISSING_PERMISSIONS, "Missing Permissions");
            }
            FakeThread created = new FakeThread(messageId, channel, body.getString("name", "thread"), bot.id());
            fakeGuild.threads.put(messageId, created);
            guildOfChannel.put(messageId, guild);
            createdThreads.add(new CreatedThread(messageId, channel, created.name()));
            thread = threadJson(guild, created);
            notifyAll();
        }
        dispatchToOwner(guildId, "THREAD_CREATE", DataObject.fromJson(thread.toJson()).put("newly_created", true));
        return new Answer(201, thread.toJson());
    }

    private synchronized Answer history(long channel, Map<String, String> query) {
        if (!guildOfChannel.containsKey(channel)) {
            return error(404, UNKNOWN_CHANNEL, "Unknown Channel");
        }
        int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
        long before = query.containsKey("before") ? Long.parseUnsignedLong(query.get("before")) : -1L;
        List<DataObject> earlier = history.getOrDefault(channel, List.of()).stream()
                .filter(m -> Long.compareUnsigned(m.getLong("id"), before) < 0).toList();
        DataArray newestFirst = DataArray.empty();
        for (int i = earlier.size() - 1; i >= 0 && newestFirst.length() < limit; i--) {
            newestFirst.add(earlier.get(i));
        }
        return okArray(newestFirst);
    }

    // ---------------------------------------------------------------- delivering messages

    private long deliver(long channel, FakeUser author, String content, List<Long> mentions, long replyTo, long webhookId) {
        DataObject message;
        long guild;
        synchronized (this) {
            Long known = guildOfChannel.get(channel);
            if (known == null) {
                throw new IllegalArgumentException("no channel or thread " + channel + " in any guild of the fake");
            }
            guild = known;
            List<FakeUser> mentioned = mentions.stream().map(this::user).toList();
            message = messageJson(nextId(), channel, author, content, mentioned, replyTo, webhookId);
            history.computeIfAbsent(channel, c -> new ArrayList<>()).add(message);
        }
        dispatchToOwner(guild, "MESSAGE_CREATE", gatewayMessage(message, guild, webhookId == 0 ? author : null));
        return message.getLong("id");
    }

    private void dispatchToOwner(long guild, String type, DataObject data) {
        int total = gatewayShardCount();
        gateway.dispatch((int) Long.remainderUnsigned(guild >>> 22, total), type, data);
    }

    /** The shard count clients identified with (all agree), else the recommended one. */
    private synchronized int gatewayShardCount() {
        return identifies.isEmpty() ? shards : identifies.getLast().shardCount();
    }

    private synchronized FakeUser user(long id) {
        FakeUser user = users.get(id);
        if (user == null) {
            throw new IllegalArgumentException("no user " + id + " in any guild of the fake: add it with FakeGuild.member");
        }
        return user;
    }

    // ---------------------------------------------------------------- JSON

    private DataObject messageJson(long id, long channel, FakeUser author, String content, Collection<FakeUser> mentions, long replyTo,
            long webhookId) {
        DataArray mentioned = DataArray.empty();
        mentions.forEach(user -> mentioned.add(userJson(user)));
        DataObject message = DataObject.empty()
                .put("id", id(id)).put("type", replyTo != 0 ? 19 : 0).put("channel_id", id(channel)).put("author", userJson(author))
                .put("content", content).put("timestamp", OffsetDateTime.ofInstant(Instant.ofEpochMilli((id >>> 22) + DISCORD_EPOCH),
                        ZoneOffset.UTC).toString())
                .put("edited_timestamp", null).put("tts", false).put("mention_everyone", false).put("mentions", mentioned)
                .put("mention_roles", DataArray.empty()).put("attachments", DataArray.empty()).put("embeds", DataArray.empty())
                .put("components", DataArray.empty()).put("pinned", false).put("flags", 0);
        if (webhookId != 0) {
            message.put("webhook_id", id(webhookId));
        }
        if (replyTo != 0) {
            message.put("message_reference", DataObject.empty().put("type", 0).put("message_id", id(replyTo)).put("channel_id", id(channel)));
        }
        return message;
    }

    /** A stored message as MESSAGE_CREATE carries it: with the guild, and the author's member unless a webhook posted it. */
    private synchronized DataObject gatewayMessage(DataObject message, long guild, FakeUser member) {
        DataObject event = DataObject.fromJson(message.toJson()).put("guild_id", id(guild));
        if (member != null) {
            // The member's real roles: JDA updates its cache from them (empty roles would strip the bot of its own).
            DataArray roles = DataArray.empty();
            if (member.id() == bot.id()) {
                roles.add(id(botRoleId(guilds.get(guild))));
            }
            event.put("member", DataObject.empty().put("roles", roles).put("joined_at", timestamp()).put("deaf", false)
                    .put("mute", false).put("flags", 0));
        }
        return event;
    }

    private static DataObject userJson(FakeUser user) {
        return DataObject.empty().put("id", id(user.id())).put("username", user.name()).put("discriminator", "0")
                .put("global_name", null).put("avatar", null).put("bot", user.bot()).put("system", false).put("public_flags", 0);
    }

    private static DataObject memberJson(FakeUser user, List<Long> roles, String joined) {
        DataArray roleIds = DataArray.empty();
        roles.forEach(role -> roleIds.add(id(role)));
        return DataObject.empty().put("user", userJson(user)).put("roles", roleIds).put("joined_at", joined).put("deaf", false)
                .put("mute", false).put("flags", 0).put("nick", null).put("avatar", null).put("pending", false);
    }

    private static DataObject roleJson(long id, String name, int position, Set<Permission> permissions) {
        return DataObject.empty().put("id", id(id)).put("name", name).put("position", position)
                .put("permissions", Long.toString(Permission.getRaw(permissions))).put("color", 0)
                .put("colors", DataObject.empty().put("primary_color", 0).put("secondary_color", null).put("tertiary_color", null))
                .put("hoist", false).put("managed", false).put("mentionable", false).put("icon", null).put("unicode_emoji", null)
                .put("flags", 0);
    }

    private DataObject threadJson(long guild, FakeThread thread) {
        String created = OffsetDateTime.ofInstant(Instant.ofEpochMilli((thread.id() >>> 22) + DISCORD_EPOCH), ZoneOffset.UTC)
                .toString();
        return DataObject.empty()
                .put("id", id(thread.id())).put("type", 11).put("guild_id", id(guild)).put("parent_id", id(thread.parent()))
                .put("owner_id", id(thread.owner() == 0 ? bot.id() : thread.owner())).put("name", thread.name())
                .put("last_message_id", null).put("member_count", 1).put("message_count", 0).put("total_message_sent", 0)
                .put("rate_limit_per_user", 0).put("flags", 0)
                .put("thread_metadata", DataObject.empty().put("archived", false).put("auto_archive_duration", 1440)
                        .put("archive_timestamp", created).put("locked", false).put("invitable", false).put("create_timestamp", created));
    }

    private DataObject webhookJson(FakeWebhook webhook) {
        return DataObject.empty().put("id", id(webhook.id())).put("type", 1).put("guild_id", id(guildOfChannel.get(webhook.channelId())))
                .put("channel_id", id(webhook.channelId())).put("name", webhook.name()).put("avatar", null).put("token", webhook.token())
                .put("application_id", null).put("user", userJson(bot));
    }

    private static long botRoleId(FakeGuild guild) {
        return guild.id + 1;
    }

    private boolean botMay(FakeGuild guild, long channel, Permission permission) {
        EnumSet<Permission> denied = guild.botDenied.getOrDefault(channel, EnumSet.noneOf(Permission.class));
        return (FakeGuild.BOT_ROLE.contains(permission) || FakeGuild.EVERYONE.contains(permission)) && !denied.contains(permission);
    }

    private synchronized long nextId() {
        long candidate = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
        lastId = Math.max(lastId + 1, candidate);
        return lastId;
    }

    private static String id(long value) {
        return Long.toUnsignedString(value);
    }

    private static String timestamp() {
        return OffsetDateTime.now(ZoneOffset.UTC).toString();
    }

    private static Answer ok(DataObject body) {
        return new Answer(200, body.toJson());
    }

    private static Answer okArray(DataArray array) {
        return new Answer(200, array.toJson());
    }

    private static Answer error(int status, int code, String message) {
        return new Answer(status, DataObject.empty().put("code", code).put("message", message).toJson());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(key, value);
        }
        return values;
    }
}
