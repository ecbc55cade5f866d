package dev.parley.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.parley.bootstrap.http.TempArchive;
import dev.parley.domain.reply.ReplyRules;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configuration mistakes stop the start, before the server binds, with a message that names the key. */
class StartupConfigurationTest {

    private final Path archive = TempArchive.create();

    @AfterEach
    void removeArchive() {
        TempArchive.delete(archive);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "parley.conversations.idle-time, -5m, must be a positive duration",
            "parley.conversations.idle-time, 0s, must be a positive duration",
            "parley.conversations.idle-time, soon, must be a duration such as",
            "parley.conversations.sweep-interval, 0ms, must be a positive duration",
            "parley.conversations.sweep-batch, 0, at least 1",
            "parley.conversations.claim-lease, forever, must be a duration such as",
            "parley.conversations.cleanup, keep, 'accepted: archive, discard'",
            "parley.storage, cassandra, 'accepted: memory, redis'",
            "parley.cooldowns.avatar-response, -1s, must be 0 (off) or a positive duration",
            "parley.cooldowns.bot-reply, -10s, must be 0 (off) or a positive duration",
            "parley.cooldowns.bot-reply, 500us, must be a duration such as",
            "parley.cooldowns.narrative, hourly, must be a duration such as",
            "parley.replies.max-responders-per-message, 0, at least 1",
            "parley.replies.max-wait, 0ms, must be a positive duration",
            "parley.avatars.max-active-per-channel, eight, at least 1",
            "micronaut.server.port, http, must be a port number",
            "parley.limits.message-bytes, 0, at least 1",
            "parley.limits.json-depth, deep, at least 1",
            "parley.limits.conversation-messages, -1, at least 1",
            "parley.limits.conversation-bytes, 16MiB, at least 1",
    })
    void anInvalidValueStopsTheStartNamingItsKey(String key, String value, String explanation) {
        InvalidConfigurationException failure = startFailure(Map.of(key, value));

        assertThat(failure.key()).isEqualTo(key);
        assertThat(failure.getMessage()).startsWith(key + ": ").contains(explanation);
    }

    @Test
    void aCooldownOfZeroStartsWithThatCooldownOff() {
        try (ApplicationContext context = ApplicationContext.run(properties(Map.of("parley.cooldowns.bot-reply", "0",
                "parley.cooldowns.avatar-response", "0s", "parley.cooldowns.narrative", "0ms")), "test")) {
            ReplyRules rules = context.getBean(ReplyRules.class);
            assertThat(rules.botReplyCooldown()).isZero();
            assertThat(rules.avatarResponseCooldown()).isZero();
            assertThat(rules.narrativeCooldown()).isZero();
        }
    }

    @Test
    void theBotReplyCooldownAliasTakesMillisecondsAndZeroForOff() {
        assertThat(ReplyRulesFactory.millis("0")).isZero();
        assertThat(ReplyRulesFactory.millis(" 10000 ")).isEqualTo(Duration.ofSeconds(10));
        assertThat(catchThrowable(() -> ReplyRulesFactory.millis("-1"))).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("BOT_REPLY_COOLDOWN_MS: ");
    }

    @Test
    void redisStorageWithoutARedisUriNamesTheMissingKey() {
        InvalidConfigurationException failure = startFailure(Map.of("parley.storage", "redis"));

        assertThat(failure.key()).isEqualTo("redis.uri");
        assertThat(failure.getMessage()).contains("is required when parley.storage is redis");
    }

    @Test
    void aTriggerMemoryNoLongerThanTheMaxWaitIsRefused() {
        InvalidConfigurationException failure = startFailure(Map.of("parley.replies.max-wait", "20m",
                "parley.replies.trigger-memory", "10m"));

        assertThat(failure.getMessage()).contains("parley.replies.trigger-memory").contains("parley.replies.max-wait");
    }

    @ParameterizedTest(name = "max-wait {0}, trigger-memory {1}")
    @CsvSource({"20m, 30m", "5s, 10s"})
    void aValidMaxWaitAndTriggerMemoryPairStartsWhicheverWayItMovesFromTheDefaults(String maxWait, String triggerMemory) {
        try (ApplicationContext context = ApplicationContext.run(properties(Map.of("parley.replies.max-wait", maxWait,
                "parley.replies.trigger-memory", triggerMemory)), "test")) {
            ReplyRules rules = context.getBean(ReplyRules.class);
            assertThat(rules.maxWait()).isEqualTo(Durations.parsePositive("k", maxWait));
            assertThat(rules.triggerMemory()).isEqualTo(Durations.parsePositive("k", triggerMemory));
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "parley.redis.shards, 0, from 1 to",
            "parley.redis.key-prefix, '{x}', without braces",
            "parley.redis.command-timeout, 0s, must be a positive duration",
    })
    void anInvalidRedisSettingStopsTheStartBeforeConnecting(String key, String value, String explanation) {
        InvalidConfigurationException failure = startFailure(Map.of("parley.storage", "redis",
                "redis.uri", "redis://127.0.0.1:1", key, value));

        assertThat(failure.key()).isEqualTo(key);
        assertThat(failure.getMessage()).contains(explanation);
    }

    @Test
    void anArchiveDirectoryThatCannotBeCreatedStopsTheStart() throws IOException {
        Path aFile = Files.createFile(archive.resolve("not-a-directory"));

        InvalidConfigurationException failure = startFailure(Map.of("parley.archive.directory", aFile.resolve("archive").toString()));

        assertThat(failure.key()).isEqualTo("parley.archive.directory");
        assertThat(failure.getMessage()).contains("cannot be created or written to");
    }

    @ParameterizedTest
    @CsvSource({"0.0.0.0", "192.168.1.20", "::", "parley.example"})
    void listeningBeyondLoopbackWithoutATokenIsRefused(String host) {
        InvalidConfigurationException failure = startFailure(Map.of("micronaut.server.host", host));

        assertThat(failure.key()).isEqualTo("micronaut.server.host");
        assertThat(failure.getMessage()).contains("without an API token").contains("PARLEY_API_TOKEN").contains("127.0.0.1");
    }

    @ParameterizedTest
    @CsvSource(value = {"0.0.0.0", "192.168.1.20", "''"}, emptyValue = "")
    void anExtraListenerBeyondLoopbackWithoutATokenIsRefused(String host) {
        Map<String, Object> listener = new HashMap<>(Map.of("micronaut.server.netty.listeners.public.port", "8081"));
        if (!host.isEmpty()) {
            listener.put("micronaut.server.netty.listeners.public.host", host);
        }
        InvalidConfigurationException failure = startFailure(listener);

        assertThat(failure.key()).isEqualTo("micronaut.server.netty.listeners.public.host");
        assertThat(failure.getMessage()).contains("without an API token").contains(host.isEmpty() ? "every interface" : host);
    }

    @Test
    void extraListenersOnLoopbackOrAUnixSocketNeedNoToken() {
        try (ApplicationContext context = ApplicationContext.run(properties(Map.of(
                "micronaut.server.netty.listeners.local.host", "127.0.0.2", "micronaut.server.netty.listeners.local.port", "8081",
                "micronaut.server.netty.listeners.socket.family", "UNIX",
                "micronaut.server.netty.listeners.socket.path", "/tmp/parley-test.sock")), "test")) {
            assertThat(context.getBean(ParleySettings.class).apiToken()).isEmpty();
        }
    }

    @Test
    void limitsStartFromTheirDefaultsAndCanBeSet() {
        try (ApplicationContext context = ApplicationContext.run(properties(Map.of()), "test")) {
            assertThat(context.getBean(ParleySettings.class).conversations().limits())
                    .isEqualTo(dev.parley.domain.conversation.ConversationLimits.defaults());
        }
        try (ApplicationContext context = ApplicationContext.run(properties(Map.of("parley.limits.message-bytes", "1000",
                "parley.limits.json-depth", "8", "parley.limits.conversation-messages", "50",
                "parley.limits.conversation-bytes", "5000000000")), "test")) {
            assertThat(context.getBean(ParleySettings.class).conversations().limits())
                    .isEqualTo(new dev.parley.domain.conversation.ConversationLimits(1000, 8, 50, 5_000_000_000L));
        }
    }

    @Test
    void aConversationByteLimitBelowTheMessageByteLimitIsRefused() {
        InvalidConfigurationException failure = startFailure(Map.of("parley.limits.message-bytes", "1000",
                "parley.limits.conversation-bytes", "999"));

        assertThat(failure.key()).isEqualTo("parley.limits.conversation-bytes");
        assertThat(failure.getMessage()).contains("parley.limits.message-bytes");
    }

    @Test
    void listeningBeyondLoopbackWithATokenIsAllowed() {
        try (ApplicationContext context = ApplicationContext.run(properties(Map.of("micronaut.server.host", "0.0.0.0",
                "parley.api.token", "t0ken")), "test")) {
            ParleySettings settings = context.getBean(ParleySettings.class);
            assertThat(settings.host()).isEqualTo("0.0.0.0");
            assertThat(settings.toString()).doesNotContain("t0ken");
        }
    }

    @Test
    void defaultsAreTheIssuesTable() {
        try (ApplicationContext context = ApplicationContext.run(properties(Map.of()), "test")) {
            ParleySettings settings = context.getBean(ParleySettings.class);
            assertThat(settings.storage()).isEqualTo(StorageKind.MEMORY);
            assertThat(settings.idleTime()).isEqualTo(Duration.ofMinutes(5));
            assertThat(SettingsFactory.cleanupName(settings.cleanup())).isEqualTo("archive");
            assertThat(settings.apiToken()).isEmpty();
            assertThat(settings.host()).isEqualTo("127.0.0.1");
            assertThat(settings.sweepInterval()).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void loopbackIsRecognisedWithoutAskingDns() {
        assertThat(SettingsFactory.isLoopback("127.0.0.1")).isTrue();
        assertThat(SettingsFactory.isLoopback("127.1.2.3")).isTrue();
        assertThat(SettingsFactory.isLoopback("localhost")).isTrue();
        assertThat(SettingsFactory.isLoopback("::1")).isTrue();
        assertThat(SettingsFactory.isLoopback("[::1]")).isTrue();
        assertThat(SettingsFactory.isLoopback("")).isFalse();
        assertThat(SettingsFactory.isLoopback("0.0.0.0")).isFalse();
        assertThat(SettingsFactory.isLoopback("127.0.0.256")).isFalse();
        assertThat(SettingsFactory.isLoopback("10.0.0.1")).isFalse();
        assertThat(SettingsFactory.isLoopback("example.org")).isFalse();
    }

    @Test
    void durationsReadTheShortFormsAndIso() {
        assertThat(Durations.parsePositive("k", "200ms")).isEqualTo(Duration.ofMillis(200));
        assertThat(Durations.parsePositive("k", "30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parsePositive("k", "5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parsePositive("k", "2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parsePositive("k", "PT10M")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.format(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
    }

    private InvalidConfigurationException startFailure(Map<String, Object> overrides) {
        Throwable thrown = catchThrowable(() -> ApplicationContext.run(properties(overrides), "test").close());
        assertThat(thrown).as("the start should have failed").isNotNull();
        InvalidConfigurationException failure = InvalidConfigurationException.findIn(thrown);
        assertThat(failure).as("cause chain of %s", thrown).isNotNull();
        return failure;
    }

    private Map<String, Object> properties(Map<String, Object> overrides) {
        Map<String, Object> all = new HashMap<>();
        all.put("parley.archive.directory", archive.toString());
        all.putAll(overrides);
        return all;
    }
}
