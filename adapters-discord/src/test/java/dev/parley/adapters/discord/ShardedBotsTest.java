package dev.parley.adapters.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapters.discord.testing.FailOnErrorLogs;
import dev.parley.adapters.discord.testing.FakeDiscord;
import dev.parley.adapters.discord.testing.FakeDiscord.Identify;
import dev.parley.adapters.discord.testing.FakeGuild;
import dev.parley.adapters.discord.platform.PacedSessionController;
import dev.parley.adapters.memory.InMemoryChannelWebhooks;
import dev.parley.adapters.memory.InMemoryIdentifyPacing;
import dev.parley.domain.id.UserId;
import dev.parley.domain.platform.ChannelWebhooks;
import dev.parley.domain.platform.IdentifyBucket;
import dev.parley.domain.platform.IdentifyPacing;
import dev.parley.domain.platform.IdentifySlot;
import dev.parley.domain.platform.IdentifyTicket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two bots as two instances of Parley, each running one shard of two against one fake Discord with
 * a guild on each shard. They share their identify pacing and webhook registry as instances share
 * Redis (here the memory adapters, shared within the test JVM).
 */
@ExtendWith(FailOnErrorLogs.class)
class ShardedBotsTest {

    /** Generous: a cold start of JDA on a loaded two-core machine was seen to take half a minute. */
    static final Duration WAIT = Duration.ofSeconds(90);
    static final long GUILD_ON_0 = FakeDiscord.guildIdOnShard(0, 2, 0);
    static final long GUILD_ON_1 = FakeDiscord.guildIdOnShard(1, 2, 0);
    static final long CHANNEL_ON_0 = 100;
    static final long CHANNEL_ON_1 = 300;
    static final long ALICE = 500;
    static final long BOB = 501;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private FakeDiscord discord(int maxConcurrency) {
        FakeDiscord discord = FakeDiscord.builder().shards(2).maxConcurrency(maxConcurrency)
                .guild(FakeGuild.withId(GUILD_ON_0).named("Zero").textChannel(CHANNEL_ON_0, "zero").member(ALICE, "alice"))
                .guild(FakeGuild.withId(GUILD_ON_1).named("One").textChannel(CHANNEL_ON_1, "one").member(BOB, "bob"))
                .start();
        toClose.add(discord);
        return discord;
    }

    private DiscordBot instance(FakeDiscord discord, int shard, StandInResponder responder, IdentifyPacing pacing,
            ChannelWebhooks webhooks) {
        DiscordSettings settings = DiscordSettings.of(discord.token()).withApiUrl(discord.restUrl()).withGatewayUrl(discord.gatewayUrl())
                .withShards(2, List.of(shard));
        DiscordBot bot = new DiscordBot(settings, responder, webhooks, pacing, Clock.systemUTC(),
                new DiscordBot.Limits(WAIT, Duration.ofSeconds(10), 100));
        toClose.add(0, bot);
        return bot;
    }

    /** Starts both bots at once, as instances started together, and waits until both are ready. */
    private static void startTogether(DiscordBot first, DiscordBot second) throws Exception {
        CompletableFuture<Void> a = CompletableFuture.runAsync(first::start);
        CompletableFuture<Void> b = CompletableFuture.runAsync(second::start);
        CompletableFuture.allOf(a, b).get(WAIT.toSeconds() * 2, TimeUnit.SECONDS);
    }

    @Test
    void eachMessageIsHandledOnceByTheInstanceRunningItsGuildsShard() throws Exception {
        FakeDiscord discord = discord(1);
        IdentifyPacing sharedPacing = new InMemoryIdentifyPacing(Clock.systemUTC());
        ChannelWebhooks sharedWebhooks = new InMemoryChannelWebhooks();
        StandInResponder zero = new StandInResponder();
        StandInResponder one = new StandInResponder();
        DiscordBot instanceZero = instance(discord, 0, zero, sharedPacing, sharedWebhooks);
        DiscordBot instanceOne = instance(discord, 1, one, sharedPacing, sharedWebhooks);
        startTogether(instanceZero, instanceOne);

        List<Long> sentToZero = new ArrayList<>();
        List<Long> sentToOne = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sentToZero.add(discord.message(CHANNEL_ON_0).from(ALICE).content("Zoe, message " + i).send());
            sentToOne.add(discord.message(CHANNEL_ON_1).from(BOB).content("Zoe, message " + i).send());
        }
        discord.awaitWebhookPosts(6, WAIT);
        instanceZero.close();
        instanceOne.close();

        assertThat(zero.handled()).extracting(h -> Long.parseLong(h.message().id().value())).containsExactlyInAnyOrderElementsOf(sentToZero);
        assertThat(one.handled()).extracting(h -> Long.parseLong(h.message().id().value())).containsExactlyInAnyOrderElementsOf(sentToOne);
        assertThat(discord.webhookPosts()).hasSize(6);
        assertThat(discord.identifies()).extracting(Identify::shard).containsExactlyInAnyOrder(0, 1);
        assertThat(discord.identifies()).extracting(Identify::shardCount).containsOnly(2);
    }

    @Test
    void instancesSharingThePacingNeverIdentifyInOneBucketWithinFiveSeconds() throws Exception {
        FakeDiscord discord = discord(1);
        IdentifyPacing sharedPacing = new InMemoryIdentifyPacing(Clock.systemUTC());
        ChannelWebhooks sharedWebhooks = new InMemoryChannelWebhooks();

        startTogether(instance(discord, 0, new StandInResponder(), sharedPacing, sharedWebhooks),
                instance(discord, 1, new StandInResponder(), sharedPacing, sharedWebhooks));

        List<Identify> identifies = discord.awaitIdentifies(2, WAIT).stream().sorted(Comparator.comparing(Identify::at)).toList();
        Duration gap = identifies.get(1).at().minus(identifies.get(0).at());
        assertThat(gap).as("shards 0 and 1 share bucket 0 (max_concurrency 1)").isGreaterThanOrEqualTo(PacedSessionController.IDENTIFY_WINDOW);
    }

    @Test
    void aHeldBucketHoldsBackOnlyTheShardsThatIdentifyInIt() throws Exception {
        FakeDiscord discord = discord(2);
        IdentifyPacing memory = new InMemoryIdentifyPacing(Clock.systemUTC());
        // Another instance is identifying in bucket 0 (max_concurrency 2: shard 0 is in bucket 0, shard 1 in bucket 1).
        IdentifyBucket bucketZero = new IdentifyBucket(UserId.of(Long.toString(discord.botId())), 0);
        IdentifyTicket elsewhere = new IdentifyTicket("another-instance");
        assertThat(memory.hold(bucketZero, elsewhere, Duration.ofMinutes(5)).taken()).isTrue();
        AtomicInteger toldToWait = new AtomicInteger();
        IdentifyPacing sharedPacing = (bucket, ticket, duration) -> {
            IdentifySlot slot = memory.hold(bucket, ticket, duration);
            if (bucket.equals(bucketZero) && !slot.taken()) {
                toldToWait.incrementAndGet();
            }
            return slot;
        };
        ChannelWebhooks sharedWebhooks = new InMemoryChannelWebhooks();
        DiscordBot instanceZero = instance(discord, 0, new StandInResponder(), sharedPacing, sharedWebhooks);
        DiscordBot instanceOne = instance(discord, 1, new StandInResponder(), sharedPacing, sharedWebhooks);

        // Zero's start blocks a common-pool thread while it waits: the bot must not need that pool (it once did, for JDA's callbacks).
        CompletableFuture<Void> zeroStarted = CompletableFuture.runAsync(instanceZero::start);
        instanceOne.start();
        discord.await(() -> toldToWait.get() > 0, WAIT, () -> "shard 0 to ask for bucket 0");

        assertThat(discord.identifies()).extracting(Identify::shard).as("bucket 0 is held elsewhere").containsExactly(1);
        assertThat(zeroStarted).isNotDone();

        memory.hold(bucketZero, elsewhere, Duration.ofMillis(1));
        zeroStarted.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(discord.identifies()).extracting(Identify::shard).containsExactly(1, 0);
    }
}
