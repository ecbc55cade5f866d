package dev.parley.bootstrap.discord;

import static dev.parley.bootstrap.discord.DiscordParley.ALICE;
import static dev.parley.bootstrap.discord.DiscordParley.GENERAL;
import static dev.parley.bootstrap.discord.DiscordParley.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.adapters.discord.DiscordStartException;
import dev.parley.adapters.discord.testing.FailOnErrorLogs;
import dev.parley.adapters.discord.testing.FakeDiscord;
import dev.parley.adapters.llm.testing.FakeOpenAi;
import dev.parley.adapters.llm.testing.FakeResponse;
import dev.parley.bootstrap.config.DiscordConfiguration;
import dev.parley.bootstrap.config.FailureCauses;
import dev.parley.bootstrap.config.InvalidConfigurationException;
import dev.parley.bootstrap.http.RunningParley;
import dev.parley.bootstrap.http.TempArchive;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bootstrap runs the Discord bot from the parley.discord.* keys: off without a token, stopped before the shutdown save. */
@ExtendWith(FailOnErrorLogs.class)
class DiscordWiringTest {

    private static final String PARLEY_LOG = "dev.parley.bootstrap.Parley";

    @Test
    void withoutATokenTheBotIsOffInOneLineAndTheHttpApiServes() throws Exception {
        try (CapturedLogs logs = CapturedLogs.of(PARLEY_LOG); RunningParley parley = RunningParley.start(Map.of())) {
            assertThat(parley.client().get("/health").status()).isEqualTo(200);
            assertThat(parley.client().get("/health").json().at("/details/discord/details/state").asText()).isEqualTo("off");
            assertThat(logs.await("Discord bot off", 1, WAIT)).singleElement().asString().startsWith("INFO")
                    .contains("parley.discord.token").contains("DISCORD_TOKEN");
        }
    }

    @Test
    void aTokenDiscordRefusesStopsTheStartSayingSoWithoutTheToken() {
        try (FakeDiscord discord = DiscordParley.fakeDiscord(); FakeOpenAi model = FakeOpenAi.start()) {
            Map<String, Object> properties = new HashMap<>(DiscordParley.properties(discord, model, Map.of()));
            properties.put("parley.discord.token", "not-the-token-7c1e");

            assertThatThrownBy(() -> RunningParley.start(properties)).satisfies(failure -> {
                DiscordStartException refused = FailureCauses.first(failure, DiscordStartException.class);
                assertThat(refused).isNotNull();
                assertThat(refused.reason()).isEqualTo(DiscordStartException.Reason.TOKEN_REFUSED);
                assertThat(refused.getMessage()).contains("401").doesNotContain("not-the-token-7c1e");
            });
            assertThat(discord.identifies()).isEmpty();
        }
    }

    @Test
    void anUnreachableDiscordStopsTheStartNamingTheAddress() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String apiUrl = "http://127.0.0.1:" + closedPort + "/api/v10/";
        Map<String, Object> properties = Map.of("parley.discord.token", "a-token-never-shown", "parley.discord.api-url", apiUrl);

        assertThatThrownBy(() -> RunningParley.start(TempArchive.create(), properties)).satisfies(failure -> {
            DiscordStartException unreachable = FailureCauses.first(failure, DiscordStartException.class);
            assertThat(unreachable).isNotNull();
            assertThat(unreachable.reason()).isEqualTo(DiscordStartException.Reason.UNREACHABLE);
            assertThat(unreachable.getMessage()).contains(apiUrl).doesNotContain("a-token-never-shown");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "parley.discord.api-url      | ws://nope/     | parley.discord.api-url",
        "parley.discord.gateway-url  | https://nope/  | parley.discord.gateway-url",
        "parley.discord.shards.total | zero           | parley.discord.shards.total",
        "parley.discord.shards.ids   | 0-1            | parley.discord.shards.ids",
        "parley.discord.channels     | general        | parley.discord.channels",
        "parley.discord.reply-to-bots| maybe          | parley.discord.reply-to-bots",
        "parley.discord.thread-flow  | on             | parley.discord.thread-flow",
        "parley.discord.default-avatar | not an id    | parley.discord.default-avatar",
        "parley.discord.ready-timeout | soon          | parley.discord.ready-timeout",
        "parley.discord.ready-timeout | 0s            | parley.discord.ready-timeout",
    })
    void aBadDiscordSettingStopsTheStartNamingItsKey(String key, String value, String named) {
        Map<String, Object> properties = Map.of("parley.discord.token", "a-token-never-shown", key, value);
        assertThatThrownBy(() -> RunningParley.start(TempArchive.create(), properties)).satisfies(failure -> {
            InvalidConfigurationException invalid = InvalidConfigurationException.findIn(failure);
            assertThat(invalid).isNotNull();
            assertThat(invalid.key()).isEqualTo(named);
            assertThat(invalid.getMessage()).doesNotContain("a-token-never-shown");
        });
    }

    @Test
    void onShutdownTheGatewayIsClosedBeforeTheConversationsAreSavedAndAnObserverBeanHearsTheBot() throws Exception {
        try (CapturedLogs logs = CapturedLogs.of(PARLEY_LOG);
                DiscordParley bot = DiscordParley.start(Map.of("test-only.count-bot-events", "true"))) {
            bot.model.respondWith(request -> FakeResponse.text("Hello there."));
            bot.discord.message(GENERAL).from(ALICE).content("Ava, are you in?").send();
            bot.discord.awaitWebhookPosts(1, WAIT);
            CountingBotObserver observer = bot.parley.context().getBean(CountingBotObserver.class);
            bot.discord.await(() -> observer.handled.get() == 1, WAIT, () -> "the observer bean to hear of the handled message");
            assertThat(observer.posted).hasValue(1);
            assertThat(observer.messageEvents.get()).as("the trigger and the webhook's echo").isGreaterThanOrEqualTo(1);

            bot.parley.stop();

            // The socket's close reaches the fake a moment after JDA's shutdown returns.
            bot.discord.await(() -> bot.discord.openGatewayConnections() == 0, WAIT, () -> "the gateway connection to close");
            List<String> lines = logs.lines();
            int closed = indexOf(lines, "Discord bot stopped");
            int saved = indexOf(lines, "Parley stopping: saved 1 of 1");
            assertThat(closed).as("gateway closed, in %s", lines).isNotNegative();
            assertThat(saved).as("conversation saved, in %s", lines).isGreaterThan(closed);
            assertThat(TempArchive.files(bot.parley.archive())).hasSize(1);
        }
    }

    @Test
    void theReadyTimeoutKeySetsTheBaseOfTheBotsWaitForItsShards() throws Exception {
        try (DiscordParley bot = DiscordParley.start(Map.of("parley.discord.ready-timeout", "90s"))) {
            DiscordConfiguration configuration = bot.parley.context().getBean(DiscordConfiguration.class);
            assertThat(configuration.limits().readyTimeout()).isEqualTo(Duration.ofSeconds(90));
            assertThat(configuration.limits().readyTimeoutFor(4)).isEqualTo(Duration.ofSeconds(110));
        }
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
