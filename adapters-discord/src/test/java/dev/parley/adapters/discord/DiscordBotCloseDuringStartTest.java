package dev.parley.adapters.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapters.discord.testing.FakeDiscord;
import dev.parley.adapters.discord.testing.FakeGuild;
import dev.parley.adapters.memory.InMemoryChannelWebhooks;
import dev.parley.adapters.memory.InMemoryIdentifyPacing;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A close while the bot starts (SIGTERM during a start) does not wait for the start: the start
 * holds the bot's lifecycle lock while it waits for Discord, for up to its timeouts.
 */
class DiscordBotCloseDuringStartTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Far longer than the test waits: a close that waited for it would fail the test. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    @Test
    void aCloseWhileTheShardsNeverGetReadyEndsTheStartAtOnce() throws Exception {
        FakeDiscord discord = FakeDiscord.builder().guild(FakeGuild.withId(FakeDiscord.guildIdOnShard(0, 1, 0)).named("Alpha")).start();
        toClose.add(discord);
        SilentServer gateway = new SilentServer();
        toClose.add(0, gateway);
        DiscordBot bot = bot(DiscordSettings.of(discord.token()).withApiUrl(discord.restUrl()).withGatewayUrl("ws://127.0.0.1:" + gateway.port()));

        CompletableFuture<Throwable> start = startInBackground(bot);
        assertThat(gateway.connected.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the shard connects to a gateway that never says READY")
                .isTrue();

        assertClosesPromptlyEndingTheStart(bot, start);
    }

    @Test
    void aCloseWhileDiscordDoesNotAnswerTheCheckBeforeTheStartEndsItAtOnce() throws Exception {
        SilentServer api = new SilentServer();
        toClose.add(api);
        DiscordBot bot = bot(DiscordSettings.of("a-token").withApiUrl("http://127.0.0.1:" + api.port() + "/api/v10/"));

        CompletableFuture<Throwable> start = startInBackground(bot);
        assertThat(api.connected.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the check reaches an API that never answers").isTrue();

        assertClosesPromptlyEndingTheStart(bot, start);
    }

    private void assertClosesPromptlyEndingTheStart(DiscordBot bot, CompletableFuture<Throwable> start) throws Exception {
        CompletableFuture<Void> close = CompletableFuture.runAsync(bot::close);
        // Without the close waking the start, both wait out the start's timeouts (3 minutes, or the check's 10 s).
        close.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        Throwable failure = start.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(DiscordStartException.class);
        assertThat(((DiscordStartException) failure).reason()).isEqualTo(DiscordStartException.Reason.CLOSED);
        assertThat(bot.connected()).isFalse();
    }

    private DiscordBot bot(DiscordSettings settings) {
        DiscordBot bot = new DiscordBot(settings, new StandInResponder(), new InMemoryChannelWebhooks(),
                new InMemoryIdentifyPacing(Clock.systemUTC()), Clock.systemUTC(), new DiscordBot.Limits(READY_TIMEOUT, Duration.ofSeconds(5), 10));
        toClose.add(0, bot);
        return bot;
    }

    private static CompletableFuture<Throwable> startInBackground(DiscordBot bot) {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread.ofPlatform().name("test-bot-start").start(() -> {
            try {
                bot.start();
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        return outcome;
    }

    /** Accepts TCP connections on loopback and never says a word: an API or gateway that hangs. */
    private static final class SilentServer implements AutoCloseable {

        final CountDownLatch connected = new CountDownLatch(1);
        private final ServerSocket server;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        SilentServer() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        accepted.add(server.accept());
                        connected.countDown();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
