package dev.parley.bootstrap.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.adapters.discord.testing.FakeDiscord;
import dev.parley.adapters.discord.testing.FakeDiscord.WebhookPost;
import dev.parley.adapters.discord.testing.FakeGuild;
import dev.parley.adapters.llm.testing.FakeOpenAi;
import dev.parley.adapters.llm.testing.FakeResponse;
import dev.parley.adapters.redis.testing.RedisServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two Parley processes (the real jar) run the bot as shards 0 and 1 of 2 on one Redis, against one
 * fake Discord with a guild on each shard. Every message is handled exactly once, by the process
 * that owns its guild's shard. The two processes load catalogues that differ in one thing only, the
 * image of the avatar, so each post tells which process made it.
 */
class DiscordShardsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final long GUILD_ON_0 = FakeDiscord.guildIdOnShard(0, 2, 0);
    private static final long GUILD_ON_1 = FakeDiscord.guildIdOnShard(1, 2, 0);
    private static final long[] CHANNELS_ON_0 = {1100, 1101, 1102};
    private static final long[] CHANNELS_ON_1 = {2100, 2101, 2102};
    private static final long ALICE = 500;
    private static final int MESSAGES_PER_CHANNEL = 4;

    private ParleyProcesses parley;

    @AfterEach
    void stopEverything() throws IOException {
        if (parley != null) {
            parley.close();
        }
    }

    @Test
    void everyMessageIsHandledOnceByTheProcessOwningItsGuildsShard() throws Exception {
        parley = new ParleyProcesses("parley-discord-shards");
        FakeGuild zero = FakeGuild.withId(GUILD_ON_0).named("Zero").member(ALICE, "alice");
        FakeGuild one = FakeGuild.withId(GUILD_ON_1).named("One").member(ALICE, "alice");
        for (long channel : CHANNELS_ON_0) {
            zero.textChannel(channel, "zero-" + channel);
        }
        for (long channel : CHANNELS_ON_1) {
            one.textChannel(channel, "one-" + channel);
        }
        try (RedisServer redis = RedisServer.startLocal(RedisServer.Persistence.NONE, null);
                FakeDiscord discord = FakeDiscord.builder().shards(2).guild(zero).guild(one).start();
                FakeOpenAi model = FakeOpenAi.start()) {
            model.respondWith(request -> FakeResponse.text(request.lastUserText().contains("last message") ? "Last noted." : "Noted."));
            URI a = start("a", 0, redis, discord, model);
            URI b = start("b", 1, redis, discord, model);
            parley.awaitHealthy(a, PATIENCE);
            parley.awaitHealthy(b, PATIENCE);
            parley.awaitLogLine("a", "Discord bot ready", PATIENCE);
            parley.awaitLogLine("b", "Discord bot ready", PATIENCE);

            Map<Long, List<Long>> sent = new HashMap<>();
            for (int i = 0; i < MESSAGES_PER_CHANNEL; i++) {
                for (long channel : allChannels()) {
                    long id = discord.message(channel).from(ALICE).content("Ava, message " + i).send();
                    sent.computeIfAbsent(channel, c -> new ArrayList<>()).add(id);
                }
            }
            int total = allChannels().size() * MESSAGES_PER_CHANNEL;
            discord.awaitWebhookPosts(total, PATIENCE);
            // A duplicate (a message handled twice) could still be on its way. A last message per channel,
            // answered in the channel's lane after every message before it, is answered only once those are done.
            for (long channel : allChannels()) {
                long id = discord.message(channel).from(ALICE).content("Ava, last message").send();
                sent.get(channel).add(id);
            }
            int withLast = total + allChannels().size();
            for (long channel : allChannels()) {
                discord.await(() -> postsIn(discord.webhookPosts(), channel).stream().anyMatch(post -> post.content().equals("Last noted.")),
                        PATIENCE, () -> "the reply to channel " + channel + "'s last message");
            }
            List<WebhookPost> posts = discord.webhookPosts();

            assertThat(posts).as("one reply per message, no duplicate").hasSize(withLast);
            assertThat(model.callCount()).as("one model call per message").isEqualTo(withLast);
            for (long channel : CHANNELS_ON_0) {
                assertThat(postsIn(posts, channel)).as("channel %s of shard 0", channel).hasSize(MESSAGES_PER_CHANNEL + 1)
                        .extracting(WebhookPost::avatarUrl).containsOnly(image("a"));
            }
            for (long channel : CHANNELS_ON_1) {
                assertThat(postsIn(posts, channel)).as("channel %s of shard 1", channel).hasSize(MESSAGES_PER_CHANNEL + 1)
                        .extracting(WebhookPost::avatarUrl).containsOnly(image("b"));
            }
            for (Map.Entry<Long, List<Long>> entry : sent.entrySet()) {
                // Read through the other process than the one that handled it: the record is in the shared Redis.
                URI reader = isOnShard0(entry.getKey()) ? b : a;
                List<String> triggers = new ArrayList<>();
                List<String> replies = new ArrayList<>();
                for (JsonNode message : parley.get(reader, "/conversations/" + entry.getKey()).path("history")) {
                    (message.at("/meta/avatar_id").isMissingNode() ? triggers : replies).add(message.path("message_id").asText());
                }
                assertThat(triggers).as("channel %s: each message recorded once, in order", entry.getKey())
                        .containsExactlyElementsOf(entry.getValue().stream().map(String::valueOf).toList());
                assertThat(replies).as("channel %s: one reply each", entry.getKey()).hasSize(MESSAGES_PER_CHANNEL + 1);
            }
            assertThat(discord.createdWebhooks()).as("one webhook per channel, shared through Redis").hasSize(allChannels().size());
            assertThat(discord.identifies()).extracting(FakeDiscord.Identify::shard).containsExactlyInAnyOrder(0, 1);
            assertThat(discord.unexpectedRequests()).isEmpty();
        }
    }

    @Test
    void aTokenDiscordRefusesEndsTheProcessWithOneErrorLineWithoutTheToken() throws Exception {
        parley = new ParleyProcesses("parley-discord-refused");
        try (FakeDiscord discord = FakeDiscord.builder().guild(FakeGuild.withId(GUILD_ON_0).textChannel(1100, "general")).start()) {
            String token = "refused-token-3b9d";
            // The token through the environment, as an operator gives it.
            Process refused = parley.launch("refused", List.of("-Dparley.archive.directory=" + parley.directory().resolve("archive"),
                    "-Dparley.discord.api-url=" + discord.restUrl(), "-Dparley.discord.gateway-url=" + discord.gatewayUrl()),
                    Map.of("DISCORD_TOKEN", token));

            assertThat(refused.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the process ends").isTrue();
            assertThat(refused.exitValue()).isEqualTo(4);
            String log = Files.readString(parley.log("refused"));
            assertThat(log).doesNotContain(token);
            assertThat(log.lines().filter(line -> line.contains("ERROR"))).singleElement().asString()
                    .contains("Parley cannot start").contains("401").contains("DISCORD_TOKEN");
        }
    }

    private static List<WebhookPost> postsIn(List<WebhookPost> posts, long channel) {
        return posts.stream().filter(post -> post.channelId() == channel).toList();
    }

    private static List<Long> allChannels() {
        List<Long> all = new ArrayList<>();
        for (long channel : CHANNELS_ON_0) {
            all.add(channel);
        }
        for (long channel : CHANNELS_ON_1) {
            all.add(channel);
        }
        return all;
    }

    private static boolean isOnShard0(long channel) {
        for (long c : CHANNELS_ON_0) {
            if (c == channel) {
                return true;
            }
        }
        return false;
    }

    private static String image(String process) {
        return "https://images.example/ava-" + process + ".png";
    }

    private URI start(String name, int shard, RedisServer redis, FakeDiscord discord, FakeOpenAi model) throws IOException {
        Path catalogue = parley.directory().resolve(name + "-avatars.yml");
        Files.writeString(catalogue, """
                avatars:
                  - id: ava
                    name: Ava
                    image-url: %s
                    personality: You are Ava.
                """.formatted(image(name)));
        return parley.start(name, List.of("-Dparley.storage=redis", "-Dredis.uri=" + redis.uri(),
                "-Dparley.archive.directory=" + parley.directory().resolve("archive"),
                "-Dparley.discord.api-url=" + discord.restUrl(), "-Dparley.discord.gateway-url=" + discord.gatewayUrl(),
                "-Dparley.discord.shards.total=2", "-Dparley.discord.shards.ids=" + shard,
                "-Dparley.llm.base-url=" + model.baseUrl(), "-Dparley.llm.model=fake-model",
                "-Dparley.avatars.catalogue=" + catalogue,
                // Every message gets its reply at once: the test counts replies, not pacing.
                "-Dparley.cooldowns.avatar-response=0", "-Dparley.cooldowns.bot-reply=0"),
                Map.of("DISCORD_TOKEN", discord.token()));
    }
}
