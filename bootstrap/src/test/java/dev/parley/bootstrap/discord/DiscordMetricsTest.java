package dev.parley.bootstrap.discord;

import static dev.parley.bootstrap.discord.DiscordParley.ALICE;
import static dev.parley.bootstrap.discord.DiscordParley.CHANNELS;
import static dev.parley.bootstrap.discord.DiscordParley.QUIET;
import static dev.parley.bootstrap.discord.DiscordParley.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapters.llm.testing.FakeResponse;
import dev.parley.bootstrap.http.ApiClient;
import dev.parley.bootstrap.metrics.Scrape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bot's meters at {@code /prometheus}, end to end: a message from the fake Discord's gateway,
 * the avatar's reply posted through a webhook after one 429, and a message in a channel where the
 * bot lacks Manage Webhooks.
 */
class DiscordMetricsTest {

    @Test
    void gatewayEventsHandledMessagesPostedChunks429sAndMissingPermissionsAreCounted() throws Exception {
        try (DiscordParley bot = DiscordParley.start(Map.of())) {
            ApiClient api = bot.parley.client();
            bot.model.respondWith(request -> FakeResponse.text("Hello Alice."));
            bot.discord.rateLimitWebhookPosts(1);

            bot.discord.message(CHANNELS[0]).from(ALICE).content("Hi Ava, are you there?").send();
            bot.discord.awaitWebhookPosts(1, WAIT);
            Scrape handled = Scrape.until(api, s -> s.valueOrZero("parley_discord_messages_handled_seconds_count{outcome=\"ok\"}") == 1);

            assertThat(handled.value("parley_discord_gateway_events_total{type=\"message_create\"}"))
                    .as("the trigger, and the avatar's post that the gateway echoes").isEqualTo(2);
            assertThat(handled.value("parley_discord_chunks_posted_total")).isEqualTo(1);
            assertThat(handled.value("parley_discord_rate_limited_total")).isEqualTo(1);
            assertThat(handled.value("parley_discord_messages_dropped_total")).isZero();
            assertThat(handled.value("parley_model_calls_total{outcome=\"ok\"}")).isEqualTo(1);

            bot.discord.message(QUIET).from(ALICE).content("Ava?").send();
            // The permission is counted by the message listener and the dispatch by the raw-event listener, which JDA
            // calls after it: a scrape can fall between the two, so wait for both.
            Scrape refused = Scrape.until(api, s -> s.valueOrZero("parley_discord_permissions_missing_total{permission=\"manage_webhooks\"}") == 1
                    && s.valueOrZero("parley_discord_gateway_events_total{type=\"message_create\"}") >= 3);
            assertThat(refused.value("parley_discord_gateway_events_total{type=\"message_create\"}")).isEqualTo(3);
            assertThat(refused.value("parley_discord_chunks_posted_total")).isEqualTo(1);
        }
    }
}
