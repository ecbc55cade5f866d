package dev.parley.bootstrap.discord;

import static dev.parley.bootstrap.discord.DiscordParley.ALICE;
import static dev.parley.bootstrap.discord.DiscordParley.CHANNELS;
import static dev.parley.bootstrap.discord.DiscordParley.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.adapters.discord.testing.FailOnErrorLogs;
import dev.parley.adapters.discord.testing.FakeDiscord;
import dev.parley.adapters.llm.testing.FakeResponse;
import dev.parley.bootstrap.http.TempArchive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A channel that keeps talking past its conversation's limit, end to end (the application, JDA
 * against the fake Discord, the fake model): each full conversation is archived at once and the
 * channel goes on in a new one, so every message is answered. Conversations hold 3 messages here.
 */
@ExtendWith(FailOnErrorLogs.class)
class DiscordRolloverTest {

    private static DiscordParley bot;
    private static FakeDiscord discord;

    @BeforeAll
    static void start() {
        bot = DiscordParley.start(Map.of(
                "parley.limits.conversation-messages", "3",
                "parley.cooldowns.bot-reply", "0ms",
                "parley.cooldowns.avatar-response", "0ms"));
        discord = bot.discord;
    }

    @AfterAll
    static void stop() {
        bot.close();
    }

    @Test
    void aFullConversationIsArchivedAtOnceAndTheChannelGoesOnInANewOneWithEveryMessageAnswered() {
        long channel = CHANNELS[0];
        bot.model.respondWith(request -> FakeResponse.text("Noted."));

        for (int i = 1; i <= 4; i++) {
            discord.message(channel).from(ALICE).content("Ava, note " + i).send();
            int answered = i;
            discord.await(() -> posts(channel) >= answered, WAIT, () -> answered + " answer(s) in channel " + channel);
        }

        // note 2 filled the first conversation, so its answer opened the second; note 4 found the second full.
        bot.awaitUntil(() -> archived(channel).size() == 2, "two archived conversations of channel " + channel);
        assertThat(archived(channel)).containsExactlyInAnyOrder(
                List.of("Ava, note 1", "Noted.", "Ava, note 2"),
                List.of("Noted.", "Ava, note 3", "Noted."));
        assertThat(bot.awaitHistory(channel, 2)).extracting(message -> message.path("message_content").asText())
                .as("the live conversation: just the last exchange")
                .containsExactly("Ava, note 4", "Noted.");
        assertThat(bot.parley.client().get("/prometheus").body()).contains("parley_conversations_rolled_over_total 2.0");
    }

    private static int posts(long channel) {
        return (int) discord.webhookPosts().stream().filter(post -> post.channelId() == channel).count();
    }

    /** The message texts of each archived conversation of {@code channel}. */
    private static List<List<String>> archived(long channel) {
        List<List<String>> conversations = new ArrayList<>();
        for (String name : TempArchive.files(bot.parley.archive())) {
            if (bot.archivedThread(name) != channel) {
                continue;
            }
            try {
                JsonNode file = new ObjectMapper().readTree(bot.parley.archive().resolve(name).toFile());
                List<String> texts = new ArrayList<>();
                file.path("history").forEach(message -> texts.add(message.path("message_content").asText()));
                conversations.add(texts);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return conversations;
    }
}
