package dev.parley.adapters.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.adapters.discord.bot.BotObserver;
import dev.parley.adapters.discord.testing.FailOnErrorLogs;
import dev.parley.adapters.discord.testing.FakeDiscord;
import dev.parley.adapters.discord.testing.FakeDiscord.WebhookPost;
import dev.parley.adapters.discord.testing.FakeGuild;
import dev.parley.adapters.memory.InMemoryChannelWebhooks;
import dev.parley.adapters.memory.InMemoryIdentifyPacing;
import dev.parley.application.port.in.ChannelMessage;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.UserId;
import dev.parley.domain.id.WebhookId;
import dev.parley.domain.platform.ChannelWebhook;
import dev.parley.domain.platform.ChannelWebhooks;
import dev.parley.domain.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bot against the fake Discord with the real JDA, driving a stand-in for the responder. */
@ExtendWith(FailOnErrorLogs.class)
class DiscordBotTest {

    /** Generous: a cold start of JDA on a loaded two-core machine was seen to take half a minute. */
    static final Duration WAIT = Duration.ofSeconds(60);
    static final long GUILD = FakeDiscord.guildIdOnShard(0, 1, 0);
    static final long GENERAL = 100;
    static final long QUIET = 200;
    static final long RANDOM = 300;
    static final long NO_THREADS = 400;
    static final long SIDE_THREAD = 150;
    static final long ALICE = 500;
    static final long ROBOT = 600;

    private final StandInResponder responder = new StandInResponder();
    private final InMemoryChannelWebhooks webhooks = new InMemoryChannelWebhooks();
    private final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private FakeDiscord discord;

    private FakeDiscord discord() {
        discord = FakeDiscord.builder()
                .guild(FakeGuild.withId(GUILD).named("Alpha")
                        .textChannel(GENERAL, "general").thread(SIDE_THREAD, GENERAL, "side talk")
                        .textChannel(QUIET, "quiet").denyBot(QUIET, Permission.MANAGE_WEBHOOKS)
                        .textChannel(RANDOM, "random")
                        .textChannel(NO_THREADS, "no-threads").denyBot(NO_THREADS, Permission.CREATE_PUBLIC_THREADS)
                        .member(ALICE, "alice").botMember(ROBOT, "robot"))
                .start();
        toClose.add(discord);
        return discord;
    }

    private DiscordBot startBot(UnaryOperator<DiscordSettings> tweak) {
        return startBot(tweak, BotObserver.NONE);
    }

    private DiscordBot startBot(UnaryOperator<DiscordSettings> tweak, BotObserver observer) {
        DiscordSettings settings = tweak.apply(DiscordSettings.of(discord.token()).withApiUrl(discord.restUrl())
                .withGatewayUrl(discord.gatewayUrl()));
        DiscordBot bot = new DiscordBot(settings, responder, webhooks, new InMemoryIdentifyPacing(Clock.systemUTC()), clock,
                new DiscordBot.Limits(WAIT, Duration.ofSeconds(10), 100), observer);
        toClose.add(0, bot);
        bot.start();
        return bot;
    }

    @AfterEach
    void closeAndCheckTheFake() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        if (discord != null) {
            assertThat(discord.unexpectedRequests()).as("requests the fake does not serve").isEmpty();
            for (WebhookPost post : discord.webhookPosts()) {
                assertThat(post.allowedMentions()).as("every post restricts its mentions").isNotNull();
                assertThat(post.allowedParse()).as("parsed mentions").containsOnly("users");
            }
        }
    }

    @Test
    void aNamedAvatarAnswersThroughTheChannelsWebhookWithItsNameAndImage() throws Exception {
        discord();
        DiscordBot bot = startBot(s -> s);
        assertThat(bot.connected()).isTrue();

        long trigger = discord.message(GENERAL).from(ALICE).content("hello Zoe").send();

        WebhookPost post = discord.awaitWebhookPosts(1, WAIT).getFirst();
        assertThat(post.channelId()).isEqualTo(GENERAL);
        assertThat(post.threadId()).isZero();
        assertThat(post.username()).isEqualTo("Zoe");
        assertThat(post.avatarUrl()).isEqualTo("https://images.example/zoe.png");
        assertThat(post.content()).isEqualTo("Zoe hears you");
        assertThat(post.waited()).isTrue();
        assertThat(discord.createdWebhooks()).singleElement().satisfies(created -> {
            assertThat(created.channelId()).isEqualTo(GENERAL);
            assertThat(created.name()).isEqualTo("Parley");
        });
        StandInResponder.Handled handled = responder.awaitHandled(1, WAIT).getFirst();
        assertThat(handled.message().id()).isEqualTo(MessageId.of(Long.toString(trigger)));
        assertThat(handled.posted()).containsExactly(List.of(MessageId.of(Long.toString(post.messageId()))));
        assertThat(webhooks.find(ChannelId.of(Long.toString(GENERAL)))).get()
                .extracting(w -> w.id().value()).isEqualTo(Long.toString(post.webhookId()));
        bot.close();
        assertThat(bot.connected()).isFalse();
    }

    @Test
    void anInstanceThatLosesTheRaceForAChannelsWebhookDeletesItsOwnAndPostsThroughTheWinners() throws Exception {
        discord();
        // Another instance records its webhook between this one's look-up and its own record.
        ChannelWebhooks racing = new ChannelWebhooks() {
            private boolean lost;

            @Override
            public Optional<ChannelWebhook> find(ChannelId channel) {
                return webhooks.find(channel);
            }

            @Override
            public synchronized ChannelWebhook putIfAbsent(ChannelWebhook webhook) {
                if (!lost) {
                    lost = true;
                    webhooks.putIfAbsent(rivalWebhook(webhook.channel()));
                }
                return webhooks.putIfAbsent(webhook);
            }

            @Override
            public boolean forget(ChannelWebhook webhook) {
                return webhooks.forget(webhook);
            }
        };
        DiscordSettings settings = DiscordSettings.of(discord.token()).withApiUrl(discord.restUrl()).withGatewayUrl(discord.gatewayUrl());
        DiscordBot bot = new DiscordBot(settings, responder, racing, new InMemoryIdentifyPacing(Clock.systemUTC()));
        toClose.add(0, bot);
        bot.start();

        discord.message(GENERAL).from(ALICE).content("Zoe, hi").send();

        WebhookPost post = discord.awaitWebhookPosts(1, WAIT).getFirst();
        ChannelWebhook winner = webhooks.find(ChannelId.of(Long.toString(GENERAL))).orElseThrow();
        assertThat(Long.toString(post.webhookId())).isEqualTo(winner.id().value());
        discord.await(() -> discord.deletedWebhooks().size() == 1, WAIT, () -> "the surplus webhook to be deleted");
        long surplus = discord.deletedWebhooks().getFirst();
        assertThat(surplus).isNotEqualTo(post.webhookId());
        assertThat(discord.createdWebhooks()).extracting(FakeDiscord.CreatedWebhook::webhookId).contains(surplus);
    }

    /** A webhook created on the fake as another instance would have, outside the bot under test. */
    private ChannelWebhook rivalWebhook(ChannelId channel) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(discord.restUrl() + "channels/" + channel.value() + "/webhooks"))
                    .header("Authorization", "Bot " + discord.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Parley\"}")).build(), HttpResponse.BodyHandlers.ofString());
            DataObject created = DataObject.fromJson(response.body());
            return new ChannelWebhook(channel, WebhookId.of(created.getString("id")), created.getString("token"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aThreadsReplyGoesThroughItsParentsWebhookWithTheThreadId() throws Exception {
        discord();
        startBot(s -> s);

        discord.message(SIDE_THREAD).from(ALICE).content("Zoe, in here?").send();

        WebhookPost post = discord.awaitWebhookPosts(1, WAIT).getFirst();
        assertThat(post.channelId()).isEqualTo(GENERAL);
        assertThat(post.threadId()).isEqualTo(SIDE_THREAD);
        assertThat(discord.createdWebhooks()).singleElement().extracting(FakeDiscord.CreatedWebhook::channelId).isEqualTo(GENERAL);
        assertThat(responder.awaitHandled(1, WAIT).getFirst().message().channel()).isEqualTo(ChannelId.of(Long.toString(SIDE_THREAD)));
    }

    @Test
    void aThreeChunkReplyIsThreePostsInOrderAndTheirIdsComeBackInOrder() throws Exception {
        discord();
        startBot(s -> s);

        discord.message(GENERAL).from(ALICE).content("Zoe, tell me everything #chunks=3").send();

        List<WebhookPost> posts = discord.awaitWebhookPosts(3, WAIT);
        assertThat(posts).extracting(WebhookPost::content).containsExactly("part one", "part two", "part three");
        assertThat(posts).extracting(WebhookPost::username).containsOnly("Zoe");
        List<MessageId> returned = responder.awaitHandled(1, WAIT).getFirst().posted().getFirst();
        assertThat(returned).containsExactlyElementsOf(posts.stream().map(p -> MessageId.of(Long.toString(p.messageId()))).toList());
    }

    @Test
    void repliesNeverAllowEveryoneHereOrRoleMentions() throws Exception {
        discord();
        startBot(s -> s);

        discord.message(GENERAL).from(ALICE).content("Zoe #ping").send();

        WebhookPost post = discord.awaitWebhookPosts(1, WAIT).getFirst();
        assertThat(post.content()).contains("@everyone", "@here", StandInResponder.ROLE_MENTION);
        assertThat(post.allowedParse()).containsExactly("users");
        assertThat(post.allowedRoles()).isEmpty();
        assertThat(post.allowsRepliedUser()).isFalse();
    }

    @Test
    void anAvatarsNameIsMadeAcceptableToDiscord() throws Exception {
        discord();
        startBot(s -> s);

        discord.message(GENERAL).from(ALICE).content("Clyde, are you there?").send();

        WebhookPost post = discord.awaitWebhookPosts(1, WAIT).getFirst();
        assertThat(post.username()).isEqualTo("C\u200Alyde the D\u200Aiscord fan");
        assertThat(post.avatarUrl()).as("an avatar without an image posts with the webhook's").isNull();
    }

    @Test
    void mentioningTheBotOpensAThreadOnTheMessageWhereTheDefaultAvatarAnswers() throws Exception {
        discord();
        startBot(s -> s.withDefaultAvatar(StandInResponder.ECHO.id()).withThreadFlow(true));

        long trigger = discord.message(GENERAL).from(ALICE).content("can we talk about tides?").mentioning(discord.botId()).send();

        WebhookPost post = discord.awaitWebhookPosts(1, WAIT).getFirst();
        assertThat(discord.createdThreads()).singleElement().satisfies(thread -> {
            assertThat(thread.threadId()).isEqualTo(trigger);
            assertThat(thread.parentId()).isEqualTo(GENERAL);
            assertThat(thread.name()).isEqualTo("can we talk about tides?");
        });
        assertThat(post.channelId()).isEqualTo(GENERAL);
        assertThat(post.threadId()).isEqualTo(trigger);
        assertThat(post.username()).isEqualTo("Echo");
        ChannelMessage opened = responder.awaitHandled(1, WAIT).getFirst().message();
        assertThat(opened.channel()).isEqualTo(ChannelId.of(Long.toString(trigger)));
        assertThat(opened.id()).isEqualTo(MessageId.of(Long.toString(trigger)));
        assertThat(opened.summoned()).containsExactly(StandInResponder.ECHO.id());
        assertThat(opened.author()).isEqualTo(UserId.of(Long.toString(ALICE)));

        long later = discord.message(trigger).from(ALICE).content("and the moon?").send();

        ChannelMessage followUp = responder.awaitHandled(2, WAIT).get(1).message();
        assertThat(followUp.id()).isEqualTo(MessageId.of(Long.toString(later)));
        assertThat(followUp.channel()).isEqualTo(ChannelId.of(Long.toString(trigger)));
        assertThat(followUp.summoned()).isEmpty();
        assertThat(discord.createdThreads()).hasSize(1);
    }

    @Test
    void aThreadsNextMessageWaitsUntilTheMessageThatOpenedItIsHandled() throws Exception {
        discord();
        startBot(s -> s.withDefaultAvatar(StandInResponder.ECHO.id()).withThreadFlow(true));

        long opening = discord.message(GENERAL).from(ALICE).content("#block tides").mentioning(discord.botId()).send();
        responder.awaitBlocking(WAIT);
        long later = discord.message(opening).from(ALICE).content("Zoe, and the moon?").send();
        discord.message(RANDOM).from(ALICE).content("Zoe, elsewhere").send();

        assertThat(responder.awaitHandled(1, WAIT).getFirst().message().content()).as("another channel is not held up")
                .isEqualTo("Zoe, elsewhere");
        responder.release();
        List<MessageId> thread = responder.awaitHandled(3, WAIT).stream().map(StandInResponder.Handled::message)
                .filter(m -> m.channel().equals(ChannelId.of(Long.toString(opening)))).map(ChannelMessage::id).toList();
        assertThat(thread).as("the thread's messages, in the order they were handled")
                .containsExactly(MessageId.of(Long.toString(opening)), MessageId.of(Long.toString(later)));
    }

    @Test
    void withTheThreadFlowOffAMentionIsAnOrdinaryMessage() throws Exception {
        discord();
        startBot(s -> s.withDefaultAvatar(StandInResponder.ECHO.id()).withThreadFlow(false));

        discord.message(GENERAL).from(ALICE).content("Zoe, look").mentioning(discord.botId()).send();

        WebhookPost post = discord.awaitWebhookPosts(1, WAIT).getFirst();
        assertThat(post.threadId()).isZero();
        assertThat(responder.awaitHandled(1, WAIT).getFirst().message().summoned()).isEmpty();
        assertThat(discord.createdThreads()).isEmpty();
    }

    @Test
    void aFullConversationIsWarnedAboutOnceAnHourPerChannelNotForEveryMessage() throws Exception {
        discord();
        try (CapturedLog warnings = CapturedLog.of("dev.parley.adapters.discord.bot.ChannelMessageHandling")) {
            DiscordBot bot = startBot(s -> s);

            discord.message(GENERAL).from(ALICE).content("Zoe? #full").send();
            assertThat(warnings.awaitLines(1, WAIT).getFirst()).startsWith("WARNING").contains(Long.toString(GENERAL))
                    .contains("limit of").doesNotContain("Zoe?");

            discord.message(GENERAL).from(ALICE).content("Zoe?? #full").send();
            discord.message(GENERAL).from(ALICE).content("Zoe??? #full").send();
            // One lane per channel: once this later message is answered, the two before it were handled.
            discord.message(GENERAL).from(ALICE).content("Zoe, hello").send();
            discord.awaitWebhookPosts(1, WAIT);
            assertThat(warnings.lines()).as("within the hour").hasSize(1);

            clock.advance(Duration.ofHours(1));
            discord.message(GENERAL).from(ALICE).content("Zoe!? #full").send();
            assertThat(warnings.awaitLines(2, WAIT).get(1)).contains(Long.toString(GENERAL)).contains("limit of");
            bot.close();
        }
    }

    @Test
    void aChannelWithoutManageWebhooksGetsNothingPostedAndOneWarningAnHourNamingIt() throws Exception {
        discord();
        try (CapturedLog warnings = CapturedLog.of("dev.parley.adapters.discord.bot.PermissionWarnings")) {
            DiscordBot bot = startBot(s -> s);

            discord.message(QUIET).from(ALICE).content("Zoe?").send();
            assertThat(warnings.awaitLines(1, WAIT).getFirst()).startsWith("WARNING").contains(Long.toString(QUIET))
                    .contains("Manage Webhooks").doesNotContain("View Channel", "Zoe?");

            discord.message(QUIET).from(ALICE).content("Zoe??").send();
            // Checks run in order on the shard's event thread: once this later message is answered, the one before was judged.
            discord.message(GENERAL).from(ALICE).content("Zoe, hello").send();
            discord.awaitWebhookPosts(1, WAIT);
            assertThat(warnings.lines()).as("within the hour").hasSize(1);

            clock.advance(Duration.ofHours(1));
            discord.message(QUIET).from(ALICE).content("Zoe???").send();
            assertThat(warnings.awaitLines(2, WAIT).get(1)).contains(Long.toString(QUIET)).contains("Manage Webhooks");

            bot.close();
            assertThat(discord.webhookPosts()).extracting(WebhookPost::channelId).containsOnly(GENERAL);
            assertThat(discord.createdWebhooks()).extracting(FakeDiscord.CreatedWebhook::channelId).containsOnly(GENERAL);
            assertThat(responder.handled()).extracting(h -> h.message().channel().value()).containsOnly(Long.toString(GENERAL));
        }
    }

    @Test
    void theBotIgnoresItsOwnMessagesAndItsWebhooksButAnswersOtherWebhooks() throws Exception {
        discord();
        DiscordBot bot = startBot(s -> s);
        discord.message(GENERAL).from(ALICE).content("Zoe, hi").send();
        long parleysWebhook = discord.awaitWebhookPosts(1, WAIT).getFirst().webhookId();

        discord.message(GENERAL).from(discord.botId()).content("Zoe, from the bot itself").send();
        discord.message(GENERAL).fromWebhook(parleysWebhook, "Zoe").content("Zoe, from Parley's webhook").send();
        long foreign = discord.message(GENERAL).fromWebhook(777, "Someone else's hook").content("Zoe, from another webhook").send();

        discord.awaitWebhookPosts(2, WAIT);
        bot.close();
        List<StandInResponder.Handled> handled = responder.handled();
        assertThat(handled).extracting(h -> h.message().content()).containsExactlyInAnyOrder("Zoe, hi", "Zoe, from another webhook");
        ChannelMessage fromForeignHook = handled.stream().filter(h -> h.message().id().value().equals(Long.toString(foreign)))
                .findFirst().orElseThrow().message();
        assertThat(fromForeignHook.authorIsBot()).isTrue();
        assertThat(fromForeignHook.authorName()).isEqualTo("Someone else's hook");
        assertThat(discord.webhookPosts()).hasSize(2);
    }

    @Test
    void withReplyToBotsOffOtherBotsAndWebhooksAreIgnored() throws Exception {
        discord();
        DiscordBot bot = startBot(s -> s.withReplyToBots(false));

        discord.message(GENERAL).from(ROBOT).content("Zoe, beep").send();
        discord.message(GENERAL).fromWebhook(777, "hook").content("Zoe, boop").send();
        discord.message(GENERAL).from(ALICE).content("Zoe, hello").send();

        discord.awaitWebhookPosts(1, WAIT);
        bot.close();
        assertThat(responder.handled()).extracting(h -> h.message().content()).containsExactly("Zoe, hello");
    }

    @Test
    void onlyAllowedChannelsAndTheirThreadsAreHandled() throws Exception {
        discord();
        DiscordBot bot = startBot(s -> s.withChannels(Set.of(ChannelId.of(Long.toString(GENERAL)))));

        discord.message(RANDOM).from(ALICE).content("Zoe, over here").send();
        discord.message(SIDE_THREAD).from(ALICE).content("Zoe, in the thread").send();
        discord.message(GENERAL).from(ALICE).content("Zoe, in general").send();

        discord.awaitWebhookPosts(2, WAIT);
        bot.close();
        assertThat(responder.handled()).extracting(h -> h.message().content())
                .containsExactlyInAnyOrder("Zoe, in the thread", "Zoe, in general");
    }

    @Test
    void historyIsReadFromDiscordOldestFirst() throws Exception {
        discord();
        startBot(s -> s);
        long first = discord.message(GENERAL).from(ALICE).content("the tide is low").send();
        long second = discord.message(GENERAL).from(ROBOT).content("beep").send();
        responder.awaitHandled(2, WAIT);

        discord.message(GENERAL).from(ALICE).content("Zoe, what did we say? #history").send();

        List<ChannelMessage> history = responder.awaitHandled(3, WAIT).get(2).history();
        assertThat(history).extracting(ChannelMessage::id)
                .containsExactly(MessageId.of(Long.toString(first)), MessageId.of(Long.toString(second)));
        assertThat(history.getFirst().content()).isEqualTo("the tide is low");
        assertThat(history.getFirst().authorIsBot()).isFalse();
        assertThat(history.getFirst().guildName()).isEqualTo("Alpha");
        assertThat(history.get(1).authorIsBot()).isTrue();
        assertThat(history.get(1).authorName()).isEqualTo("robot");
    }

    @Test
    void aWebhookDeletedOnDiscordIsReplacedAndTheReplyStillPosted() throws Exception {
        discord();
        startBot(s -> s);
        discord.message(GENERAL).from(ALICE).content("Zoe, one").send();
        long first = discord.awaitWebhookPosts(1, WAIT).getFirst().webhookId();

        discord.deleteWebhookOnDiscord(first);
        discord.message(GENERAL).from(ALICE).content("Zoe, two").send();

        WebhookPost second = discord.awaitWebhookPosts(2, WAIT).get(1);
        assertThat(second.webhookId()).isNotEqualTo(first);
        assertThat(second.content()).isEqualTo("Zoe hears you");
        assertThat(discord.createdWebhooks()).hasSize(2);
        assertThat(webhooks.find(ChannelId.of(Long.toString(GENERAL)))).get()
                .extracting(w -> w.id().value()).isEqualTo(Long.toString(second.webhookId()));
    }

    @Test
    void afterTheGatewayDropsTheBotResumesAndKeepsAnswering() throws Exception {
        discord();
        startBot(s -> s);
        discord.message(GENERAL).from(ALICE).content("Zoe, before").send();
        discord.awaitWebhookPosts(1, WAIT);

        discord.dropGatewayConnections();
        discord.await(() -> discord.resumes() >= 1, WAIT, () -> "a RESUME");
        discord.message(GENERAL).from(ALICE).content("Zoe, after").send();

        assertThat(discord.awaitWebhookPosts(2, WAIT)).hasSize(2);
        assertThat(discord.identifies()).hasSize(1);
    }

    @Test
    void afterARefusedResumeTheBotIdentifiesAgainAndStillKnowsItsThreads() throws Exception {
        discord();
        startBot(s -> s);
        discord.refuseResumes(true);

        discord.dropGatewayConnections();
        discord.awaitIdentifies(2, WAIT);
        discord.message(SIDE_THREAD).from(ALICE).content("Zoe, still there?").send();

        WebhookPost post = discord.awaitWebhookPosts(1, WAIT).getFirst();
        assertThat(post.threadId()).isEqualTo(SIDE_THREAD);
        assertThat(discord.refusedResumes()).isPositive();
    }

    @Test
    void aChannelsMessagesAreHandledInArrivalOrderWhileOtherChannelsGoOn() throws Exception {
        discord();
        startBot(s -> s);

        discord.message(GENERAL).from(ALICE).content("Zoe #block").send();
        responder.awaitBlocking(WAIT);
        discord.message(GENERAL).from(ALICE).content("Zoe, second").send();
        discord.message(RANDOM).from(ALICE).content("Zoe, elsewhere").send();

        assertThat(responder.awaitHandled(1, WAIT).getFirst().message().content()).as("another channel is not held up")
                .isEqualTo("Zoe, elsewhere");
        responder.release();
        List<String> general = responder.awaitHandled(3, WAIT).stream().map(h -> h.message().content())
                .filter(content -> !content.contains("elsewhere")).toList();
        assertThat(general).containsExactly("Zoe #block", "Zoe, second");
    }

    @Test
    void theObserverHearsOfEventsHandlingPostsRateLimitsAndMissingPermissions() throws Exception {
        discord();
        Counting observer = new Counting();
        DiscordBot bot = startBot(s -> s, observer);
        discord.rateLimitWebhookPosts(1);

        discord.message(QUIET).from(ALICE).content("Zoe?").send();
        discord.message(GENERAL).from(ALICE).content("Zoe, tell me everything #chunks=3").send();

        assertThat(discord.awaitWebhookPosts(3, WAIT)).extracting(WebhookPost::content).containsExactly("part one", "part two", "part three");
        discord.await(() -> observer.handled.get() == 1, WAIT, () -> "the handled message to be observed");
        bot.close();
        assertThat(discord.rateLimitedPosts()).isEqualTo(1);
        assertThat(observer.rateLimited).hasValue(1);
        assertThat(observer.posted).hasValue(3);
        assertThat(observer.failed).hasValue(0);
        assertThat(observer.took).singleElement().satisfies(took -> assertThat(took).isPositive());
        assertThat(observer.missing).containsExactly(Set.of("Manage Webhooks"));
        assertThat(observer.events).contains("READY", "GUILD_CREATE", "MESSAGE_CREATE");
    }

    /** Counts what the bot reports. */
    private static final class Counting implements BotObserver {
        final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
        final AtomicInteger handled = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final ConcurrentLinkedQueue<Duration> took = new ConcurrentLinkedQueue<>();
        final AtomicInteger posted = new AtomicInteger();
        final AtomicInteger rateLimited = new AtomicInteger();
        final ConcurrentLinkedQueue<Set<String>> missing = new ConcurrentLinkedQueue<>();

        @Override
        public void gatewayEvent(String type) {
            events.add(type);
        }

        @Override
        public void messageHandled(Duration duration, boolean failure) {
            took.add(duration);
            (failure ? failed : handled).incrementAndGet();
        }

        @Override
        public void chunkPosted() {
            posted.incrementAndGet();
        }

        @Override
        public void rateLimited() {
            rateLimited.incrementAndGet();
        }

        @Override
        public void permissionsMissing(Set<String> names) {
            missing.add(names);
        }
    }

    @Test
    void aRefusedTokenFailsTheStartNamingTheSettingNotTheToken() {
        discord();
        DiscordSettings settings = DiscordSettings.of("wrong-token").withApiUrl(discord.restUrl()).withGatewayUrl(discord.gatewayUrl());
        DiscordBot bot = new DiscordBot(settings, responder, webhooks, new InMemoryIdentifyPacing(Clock.systemUTC()));
        toClose.add(0, bot);

        assertThatThrownBy(bot::start).isInstanceOf(DiscordStartException.class)
                .hasMessageContaining("401").hasMessageContaining("token").hasMessageNotContaining("wrong-token")
                .extracting(e -> ((DiscordStartException) e).reason()).isEqualTo(DiscordStartException.Reason.TOKEN_REFUSED);
        assertThat(discord.identifies()).isEmpty();
    }

    @Test
    void closeIsBoundedAndClosesTheGatewayEvenWhileAMessageIsInHand() throws Exception {
        discord();
        DiscordSettings settings = DiscordSettings.of(discord.token()).withApiUrl(discord.restUrl()).withGatewayUrl(discord.gatewayUrl());
        DiscordBot bot = new DiscordBot(settings, responder, webhooks, new InMemoryIdentifyPacing(Clock.systemUTC()), clock,
                new DiscordBot.Limits(WAIT, Duration.ofSeconds(2), 100));
        toClose.add(0, bot);
        bot.start();
        discord.message(GENERAL).from(ALICE).content("Zoe #block").send();
        responder.awaitBlocking(WAIT);

        long began = System.nanoTime();
        bot.close();
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        assertThat(took).isLessThan(Duration.ofSeconds(2).plus(Duration.ofSeconds(3)));
        discord.await(() -> discord.openGatewayConnections() == 0, WAIT, () -> "the gateway connection to close");
        responder.release();
    }

    @Test
    void theThreadFlowNeedsCreatePublicThreadsAndSaysSo() throws Exception {
        discord();
        try (CapturedLog warnings = CapturedLog.of("dev.parley.adapters.discord.bot.PermissionWarnings")) {
            DiscordBot bot = startBot(s -> s.withDefaultAvatar(StandInResponder.ECHO.id()).withThreadFlow(true));

            discord.message(NO_THREADS).from(ALICE).content("a thread, please").mentioning(discord.botId()).send();

            assertThat(warnings.awaitLines(1, WAIT).getFirst()).contains(Long.toString(NO_THREADS)).contains("Create Public Threads")
                    .doesNotContain("Manage Webhooks");
            bot.close();
            assertThat(discord.createdThreads()).isEmpty();
            assertThat(discord.webhookPosts()).isEmpty();
            assertThat(responder.handled()).isEmpty();
        }
    }

    @Test
    void aRefusedMessageContentIntentFailsTheStartSayingWhereToEnableIt() {
        discord = FakeDiscord.builder().withoutMessageContentIntent()
                .guild(FakeGuild.withId(GUILD).textChannel(GENERAL, "general")).start();
        toClose.add(discord);
        DiscordSettings settings = DiscordSettings.of(discord.token()).withApiUrl(discord.restUrl()).withGatewayUrl(discord.gatewayUrl());
        DiscordBot bot = new DiscordBot(settings, responder, webhooks, new InMemoryIdentifyPacing(Clock.systemUTC()));
        toClose.add(0, bot);

        assertThatThrownBy(bot::start).isInstanceOf(DiscordStartException.class)
                .hasMessageContaining("Message Content intent").hasMessageContaining("developer portal")
                .extracting(e -> ((DiscordStartException) e).reason()).isEqualTo(DiscordStartException.Reason.INTENTS_REFUSED);
        // JDA reports the refusal as an error of its own: expected here, so it does not fail the test.
        assertThat(FailOnErrorLogs.drain()).anySatisfy(line -> assertThat(line).contains("DISALLOWED_INTENTS"));
    }
}
