package dev.parley.bootstrap.discord;

import static dev.parley.bootstrap.discord.DiscordParley.ALICE;
import static dev.parley.bootstrap.discord.DiscordParley.CHANNELS;
import static dev.parley.bootstrap.discord.DiscordParley.GENERAL;
import static dev.parley.bootstrap.discord.DiscordParley.QUIET;
import static dev.parley.bootstrap.discord.DiscordParley.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.adapters.discord.testing.FailOnErrorLogs;
import dev.parley.adapters.discord.testing.FakeDiscord;
import dev.parley.adapters.discord.testing.FakeDiscord.WebhookPost;
import dev.parley.adapters.llm.testing.FakeResponse;
import dev.parley.bootstrap.http.ApiClient;
import dev.parley.bootstrap.http.TempArchive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bot end to end with the real responder: Parley's application in this JVM on memory storage,
 * JDA against the fake Discord, LangChain4j against the fake model. Each test talks in its own
 * channel, so the channels' cooldowns stay apart; what the adapter's own tests prove with a
 * stand-in responder (names Discord refuses, webhook races, refused resumes) is not repeated here.
 */
@ExtendWith(FailOnErrorLogs.class)
class DiscordEndToEndTest {

    /** The channel's bot-reply cooldown: long enough to measure, short enough to wait out. */
    private static final Duration BOT_REPLY = Duration.ofSeconds(2);
    /** Idle time of a conversation: longer than a test's exchange takes, short enough to wait for. */
    private static final Duration IDLE = Duration.ofSeconds(6);

    private static DiscordParley bot;
    private static FakeDiscord discord;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        bot = DiscordParley.start(Map.of(
                "parley.cooldowns.bot-reply", BOT_REPLY.toMillis() + "ms",
                "parley.discord.default-avatar", "echo",
                "parley.conversations.idle-time", IDLE.toSeconds() + "s",
                "parley.conversations.sweep-interval", "100ms"));
        discord = bot.discord;
        api = bot.parley.client();
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @BeforeEach
    void resetTheModel() {
        bot.model.reset();
    }

    @AfterEach
    void everyPostRestrictsItsMentions() {
        assertThat(discord.unexpectedRequests()).as("requests the fake does not serve").isEmpty();
        for (WebhookPost post : discord.webhookPosts()) {
            assertThat(post.allowedParse()).as("parsed mentions").containsOnly("users");
        }
    }

    @Test
    void anAvatarNamedInAChannelAnswersThroughTheWebhookWithItsNameAndImage() {
        long channel = CHANNELS[0];
        bot.model.respondWith(request -> FakeResponse.text("Ava: Hello Alice, welcome aboard."));

        long trigger = discord.message(channel).from(ALICE).content("Hi Ava, are you there?").send();

        WebhookPost post = awaitPosts(channel, 1).getFirst();
        assertThat(post.username()).isEqualTo("Ava");
        assertThat(post.avatarUrl()).isEqualTo("https://images.example/ava.png");
        assertThat(post.content()).as("the name prefix is stripped").isEqualTo("Hello Alice, welcome aboard.");
        assertThat(post.threadId()).isZero();
        JsonNode history = awaitHistory(channel, 2);
        assertThat(history.get(0).path("message_id").asText()).isEqualTo(Long.toString(trigger));
        assertThat(history.get(0).at("/meta/requester").asText()).isEqualTo(Long.toString(ALICE));
        assertThat(history.get(1).at("/meta/avatar_id").asText()).isEqualTo("ava");
        assertThat(history.get(1).at("/meta/message_ids/0").asText()).isEqualTo(Long.toString(post.messageId()));
    }

    @Test
    void aSecondNamedAvatarAnswersNoSoonerThanTheBotReplyCooldown() {
        long channel = CHANNELS[1];
        bot.model.respondWith(request -> FakeResponse.text("Indeed."));

        long trigger = discord.message(channel).from(ALICE).content("Ava and Bob, what do you think?").send();

        List<WebhookPost> posts = awaitPosts(channel, 2);
        assertThat(posts).extracting(WebhookPost::username).containsExactlyInAnyOrder("Ava", "Bob");
        // The cooldown runs from the first reply's admission, which follows the trigger and precedes its post.
        long first = millisOf(posts.get(0).messageId());
        long second = millisOf(posts.get(1).messageId());
        assertThat(second - millisOf(trigger)).as("the second reply waited out the channel's cooldown")
                .isGreaterThanOrEqualTo(BOT_REPLY.toMillis());
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void mentioningTheBotOpensAThreadWhereTheDefaultAvatarAnswersUntilTheConversationGoesIdle() throws Exception {
        long channel = CHANNELS[2];
        bot.model.respondWith(request -> FakeResponse.text("Tides follow the moon."));

        long opening = discord.message(channel).from(ALICE).content("tell me about tides").mentioning(discord.botId()).send();

        WebhookPost first = awaitPosts(channel, 1).getFirst();
        assertThat(discord.createdThreads()).anySatisfy(thread -> {
            assertThat(thread.threadId()).isEqualTo(opening);
            assertThat(thread.parentId()).isEqualTo(channel);
        });
        assertThat(first.threadId()).as("the reply goes into the thread").isEqualTo(opening);
        assertThat(first.username()).isEqualTo("Echo");

        long later = discord.message(opening).from(ALICE).content("and the sun?").send();
        JsonNode history = awaitHistory(opening, 3);
        assertThat(history.get(0).at("/meta/requester").asText()).isEqualTo(Long.toString(ALICE));
        assertThat(history).extracting(m -> m.path("message_id").asText()).contains(Long.toString(opening), Long.toString(later));
        String createdAt = api.get("/conversations/" + opening).json().path("created_at").asText();
        assertThat(createdAt).isNotEmpty();

        awaitUntil(() -> api.head("/conversations/" + opening).status() == 404, "the thread's conversation to be archived");
        awaitUntil(() -> TempArchive.files(bot.parley.archive()).stream().anyMatch(name -> archivedThread(name) == opening),
                "its archive file");

        String archivedCreatedAt = createdAt;

        long afterIdle = discord.message(opening).from(ALICE).content("Echo, still there?").send();
        awaitUntil(() -> lastMessageOf(opening).equals(Long.toString(afterIdle)), "the new message in a conversation");
        JsonNode fresh = api.get("/conversations/" + opening).json();
        assertThat(fresh.path("created_at").asText()).as("a new conversation, not the archived one revived")
                .isGreaterThan(archivedCreatedAt);
        assertThat(TempArchive.files(bot.parley.archive()).stream().filter(name -> archivedThread(name) == opening)).hasSize(1);
    }

    @Test
    void modelOutputWithEveryoneAndARoleMentionPingsNeither() {
        long channel = CHANNELS[3];
        bot.model.respondWith(request -> FakeResponse.text("Attention @everyone and <@&4242>: tea is ready."));

        discord.message(channel).from(ALICE).content("Ava, announce tea").send();

        WebhookPost post = awaitPosts(channel, 1).getFirst();
        assertThat(post.allowedParse()).containsExactly("users");
        assertThat(post.allowedRoles()).isEmpty();
        assertThat(post.allowsRepliedUser()).isFalse();
        assertThat(post.content()).doesNotContain("@everyone").contains("tea is ready");
    }

    @Test
    void aLongReplyIsThreePostsInOrderWithTheirIdsInTheRepliesMeta() {
        long channel = CHANNELS[4];
        String reply = ("A sentence of some length goes here. ".repeat(122)).strip();
        assertThat(reply.length()).isBetween(4_400, 4_600);
        bot.model.respondWith(request -> FakeResponse.text(reply));

        discord.message(channel).from(ALICE).content("Ava, tell me everything").send();

        List<WebhookPost> posts = awaitPosts(channel, 3);
        assertThat(posts).allSatisfy(post -> assertThat(post.content().length()).isLessThanOrEqualTo(2_000));
        assertThat(String.join(" ", posts.stream().map(WebhookPost::content).toList()).replaceAll("\\s+", " "))
                .isEqualTo(reply.replaceAll("\\s+", " "));
        JsonNode recorded = awaitHistory(channel, 2).get(1);
        assertThat(recorded.at("/meta/message_ids")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(posts.stream().map(p -> Long.toString(p.messageId())).toList());
    }

    @Test
    void afterTheGatewayDropsTheBotResumesAndKeepsAnswering() {
        long channel = CHANNELS[5];
        bot.model.respondWith(request -> FakeResponse.text("Still here."));
        int resumesBefore = discord.resumes();

        assertThat(discordHealth()).isEqualTo("connected");

        discord.dropGatewayConnections();
        discord.await(() -> discord.resumes() > resumesBefore, WAIT, () -> "a RESUME");
        discord.message(channel).from(ALICE).content("Ava, are you back?").send();

        assertThat(awaitPosts(channel, 1).getFirst().content()).isEqualTo("Still here.");
        awaitUntil(() -> discordHealth().equals("connected"), "/health to show the bot connected again");
        assertThat(api.get("/health").status()).isEqualTo(200);
    }

    @Test
    void withoutManageWebhooksNothingIsPostedAndOneWarningNamesIt() throws Exception {
        long channel = CHANNELS[6];
        bot.model.respondWith(request -> FakeResponse.text("Hello."));
        try (CapturedLogs warnings = CapturedLogs.of("dev.parley.adapters.discord.bot.PermissionWarnings")) {
            discord.message(QUIET).from(ALICE).content("Ava?").send();
            assertThat(warnings.await(Long.toString(QUIET), 1, WAIT).getFirst()).startsWith("WARN").contains("Manage Webhooks")
                    .doesNotContain("Ava?");

            discord.message(QUIET).from(ALICE).content("Ava??").send();
            // One shard judges messages in order: once this later one is answered, the one before was refused.
            discord.message(channel).from(ALICE).content("Ava, hello").send();
            awaitPosts(channel, 1);

            assertThat(warnings.lines()).filteredOn(line -> line.contains(Long.toString(QUIET))).hasSize(1);
            assertThat(discord.webhookPosts()).extracting(WebhookPost::channelId).doesNotContain(QUIET);
            assertThat(api.get("/conversations/" + QUIET).status()).as("nothing recorded either").isEqualTo(404);
            assertThat(bot.model.callCount()).as("no model call for the refused channel").isEqualTo(1);
        }
    }

    private static List<WebhookPost> awaitPosts(long channel, int count) {
        discord.await(() -> posts(channel).size() >= count, WAIT, () -> count + " post(s) in channel " + channel + "; all posts: "
                + discord.webhookPosts());
        return posts(channel);
    }

    private static List<WebhookPost> posts(long channel) {
        return discord.webhookPosts().stream().filter(post -> post.channelId() == channel).toList();
    }

    private static JsonNode awaitHistory(long channel, int count) {
        return bot.awaitHistory(channel, count);
    }

    private static String discordHealth() {
        return api.get("/health").json().at("/details/discord/details/state").asText();
    }

    private static String lastMessageOf(long channel) {
        ApiClient.Reply reply = api.get("/conversations/" + channel);
        if (reply.status() != 200) {
            return "";
        }
        JsonNode history = reply.json().path("history");
        String last = "";
        for (JsonNode message : history) {
            if (message.at("/meta/avatar_id").isMissingNode()) {
                last = message.path("message_id").asText();
            }
        }
        return last;
    }

    private static long archivedThread(String fileName) {
        return bot.archivedThread(fileName);
    }

    private static void awaitUntil(BooleanSupplier condition, String what) {
        bot.awaitUntil(condition, what);
    }

    /** When Discord made the message: the snowflake's timestamp. */
    private static long millisOf(long snowflake) {
        return (snowflake >>> 22) + 1_420_070_400_000L;
    }
}
