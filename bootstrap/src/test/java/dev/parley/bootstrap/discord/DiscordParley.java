package dev.parley.bootstrap.discord;

import dev.parley.adapters.discord.testing.FakeDiscord;
import dev.parley.adapters.discord.testing.FakeGuild;
import dev.parley.adapters.llm.testing.FakeOpenAi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.bootstrap.http.ApiClient;
import dev.parley.bootstrap.http.RunningParley;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import net.dv8tion.jda.api.Permission;

/**
 * A whole Parley in this JVM (the Micronaut application, memory storage) whose bot talks to a
 * {@link FakeDiscord} and whose model is a {@link FakeOpenAi}: what the bot's end-to-end tests
 * start. One guild: {@link #GENERAL}, {@link #RANDOM} and the channels of {@link #CHANNELS} take
 * webhooks (one per test keeps the channels' cooldowns apart), {@link #QUIET} denies the bot Manage
 * Webhooks; {@link #ALICE} is a member.
 */
final class DiscordParley implements AutoCloseable {

    /** Generous: a cold JDA start on a loaded two-core machine was seen to take half a minute. */
    static final Duration WAIT = Duration.ofSeconds(60);
    static final long GUILD = FakeDiscord.guildIdOnShard(0, 1, 0);
    static final long GENERAL = 100;
    static final long QUIET = 200;
    static final long RANDOM = 300;
    static final long ALICE = 500;
    /** More channels that take webhooks. */
    static final long[] CHANNELS = {101, 102, 103, 104, 105, 106, 107, 108};

    static final String AVATARS = """
            avatars:
              - id: ava
                name: Ava
                image-url: https://images.example/ava.png
                personality: You are Ava, a cheerful guide.
              - id: bob
                name: Bob
                image-url: https://images.example/bob.png
                personality: You are Bob, a grumpy librarian.
              - id: echo
                name: Echo
                personality: You repeat things.
            """;

    final FakeDiscord discord;
    final FakeOpenAi model;
    final RunningParley parley;

    private DiscordParley(FakeDiscord discord, FakeOpenAi model, RunningParley parley) {
        this.discord = discord;
        this.model = model;
        this.parley = parley;
    }

    /** The fake guild above. */
    static FakeDiscord fakeDiscord() {
        FakeGuild guild = FakeGuild.withId(GUILD).named("Alpha")
                .textChannel(GENERAL, "general")
                .textChannel(QUIET, "quiet").denyBot(QUIET, Permission.MANAGE_WEBHOOKS)
                .textChannel(RANDOM, "random")
                .member(ALICE, "alice");
        for (long channel : CHANNELS) {
            guild.textChannel(channel, "channel-" + channel);
        }
        return FakeDiscord.builder().guild(guild).start();
    }

    /** Starts the fakes and Parley, the bot pointed at the fake Discord, with {@code properties} on top. */
    static DiscordParley start(Map<String, Object> properties) {
        FakeDiscord discord = fakeDiscord();
        FakeOpenAi model = FakeOpenAi.start();
        try {
            return new DiscordParley(discord, model, RunningParley.start(properties(discord, model, properties)));
        } catch (RuntimeException e) {
            model.close();
            discord.close();
            throw e;
        }
    }

    /** What points Parley's bot at {@code discord} and its model at {@code model}. */
    static Map<String, Object> properties(FakeDiscord discord, FakeOpenAi model, Map<String, Object> extra) {
        Map<String, Object> all = new HashMap<>();
        all.put("parley.discord.token", discord.token());
        all.put("parley.discord.api-url", discord.restUrl());
        all.put("parley.discord.gateway-url", discord.gatewayUrl());
        all.put("parley.llm.base-url", model.baseUrl());
        all.put("parley.llm.model", "fake-model");
        all.put("parley.llm.timeout", "10s");
        all.put("parley.avatars.catalogue", catalogue().toString());
        all.putAll(extra);
        return all;
    }

    static Path catalogue() {
        try {
            Path directory = Files.createTempDirectory("parley-discord-catalogue-");
            directory.toFile().deleteOnExit();
            Path file = directory.resolve("avatars.yml");
            Files.writeString(file, AVATARS);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code condition} holds (at most {@link #WAIT}); fails naming {@code what}. */
    void awaitUntil(BooleanSupplier condition, String what) {
        discord.await(condition, WAIT, () -> what);
    }

    /** The history of {@code channel}'s live conversation once it holds at least {@code count} messages. */
    JsonNode awaitHistory(long channel, int count) {
        ApiClient api = parley.client();
        JsonNode[] history = new JsonNode[1];
        awaitUntil(() -> {
            ApiClient.Reply response = api.get("/conversations/" + channel);
            if (response.status() != 200) {
                return false;
            }
            history[0] = response.json().path("history");
            return history[0].size() >= count;
        }, count + " message(s) in the conversation of " + channel);
        return history[0];
    }

    /** The thread an archive file holds; -1 while it is being written. */
    long archivedThread(String fileName) {
        try {
            return new ObjectMapper().readTree(parley.archive().resolve(fileName).toFile()).path("thread_id").asLong();
        } catch (IOException e) {
            return -1; // being written
        }
    }

    @Override
    public void close() {
        try {
            parley.close();
        } finally {
            model.close();
            discord.close();
        }
    }
}
