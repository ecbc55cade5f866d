package dev.parley.bootstrap.config;

import dev.parley.adapters.discord.DiscordSettings;
import dev.parley.domain.avatar.AvatarId;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Reads and checks the Discord bot's keys ({@code parley.discord.*}) at start. The token comes
 * from {@code parley.discord.token} or, when that is not set, the environment variable
 * {@code DISCORD_TOKEN}; without either the bot is off. A key not set keeps the default written
 * in {@link DiscordSettings#of(String)} (Discord's API and gateway, its recommended shard count,
 * every channel, replies to other bots); the thread flow is on exactly when a default avatar is
 * named, unless {@code parley.discord.thread-flow} says otherwise. Every mistake is an
 * {@link InvalidConfigurationException} naming its key; the token is never repeated.
 */
@Factory
public final class DiscordSettingsFactory {

    public static final String TOKEN = "parley.discord.token";
    /** {@code DISCORD_TOKEN} as Micronaut maps environment variables to properties. */
    static final String TOKEN_FROM_ENVIRONMENT = "discord.token";
    public static final String API_URL = "parley.discord.api-url";
    public static final String GATEWAY_URL = "parley.discord.gateway-url";
    public static final String SHARDS_TOTAL = "parley.discord.shards.total";
    public static final String SHARDS_IDS = "parley.discord.shards.ids";
    public static final String CHANNELS = "parley.discord.channels";
    public static final String REPLY_TO_BOTS = "parley.discord.reply-to-bots";
    public static final String THREAD_FLOW = "parley.discord.thread-flow";
    public static final String DEFAULT_AVATAR = "parley.discord.default-avatar";
    public static final String READY_TIMEOUT = "parley.discord.ready-timeout";

    @Context
    DiscordConfiguration discordConfiguration(Environment environment) {
        Optional<String> token = text(environment, TOKEN).or(() -> text(environment, TOKEN_FROM_ENVIRONMENT));
        if (token.isEmpty()) {
            return DiscordConfiguration.off();
        }
        DiscordSettings settings = checked(TOKEN, () -> DiscordSettings.of(token.get()));
        settings = apply(settings, environment, API_URL, (s, v) -> s.withApiUrl(v));
        settings = apply(settings, environment, GATEWAY_URL, (s, v) -> s.withGatewayUrl(v));
        settings = shards(settings, environment);
        settings = apply(settings, environment, CHANNELS, (s, v) -> s.withChannels(DiscordSettings.parseChannels(v)));
        settings = apply(settings, environment, REPLY_TO_BOTS, (s, v) -> s.withReplyToBots(onOff(REPLY_TO_BOTS, v)));
        Optional<AvatarId> avatar = text(environment, DEFAULT_AVATAR).map(v -> checked(DEFAULT_AVATAR, () -> AvatarId.of(v)));
        Optional<Boolean> threadFlow = text(environment, THREAD_FLOW).map(v -> onOff(THREAD_FLOW, v));
        if (threadFlow.orElse(false) && avatar.isEmpty()) {
            throw new InvalidConfigurationException(THREAD_FLOW, "is on, so " + DEFAULT_AVATAR + " must name the avatar that answers "
                    + "in the threads the bot opens (PARLEY_DISCORD_DEFAULT_AVATAR), or turn the thread flow off");
        }
        if (avatar.isPresent()) {
            settings = settings.withDefaultAvatar(avatar.get());
        }
        boolean flow = threadFlow.orElse(avatar.isPresent());
        Optional<Duration> readyTimeout = text(environment, READY_TIMEOUT).map(v -> Durations.parsePositive(READY_TIMEOUT, v));
        DiscordConfiguration configuration = new DiscordConfiguration(Optional.of(settings.withThreadFlow(flow)));
        return readyTimeout.map(timeout -> new DiscordConfiguration(configuration.settings(), timeout)).orElse(configuration);
    }

    private static DiscordSettings shards(DiscordSettings settings, Environment environment) {
        OptionalInt total = text(environment, SHARDS_TOTAL).map(v -> OptionalInt.of(shardTotal(v))).orElse(OptionalInt.empty());
        List<Integer> ids = text(environment, SHARDS_IDS).map(v -> checked(SHARDS_IDS, () -> DiscordSettings.parseShardIds(v)))
                .orElse(List.of());
        if (total.isEmpty()) {
            if (!ids.isEmpty()) {
                throw new InvalidConfigurationException(SHARDS_IDS, "needs " + SHARDS_TOTAL + " (PARLEY_DISCORD_SHARDS_TOTAL): every "
                        + "instance must agree on the total");
            }
            return settings;
        }
        return checked(SHARDS_IDS, () -> settings.withShards(total.getAsInt(), ids));
    }

    private static int shardTotal(String value) {
        try {
            return checkedTotal(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(SHARDS_TOTAL, "must be a whole number of shards, got \"" + value + "\"");
        }
    }

    private static int checkedTotal(int total) {
        checked(SHARDS_TOTAL, () -> DiscordSettings.of("probe").withShards(total, List.of()));
        return total;
    }

    /** {@code true}/{@code false}, also {@code on}/{@code off} and {@code yes}/{@code no}. */
    static boolean onOff(String key, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw new InvalidConfigurationException(key, "must be on or off (true or false), got \"" + value + "\"");
        };
    }

    private interface Setting {
        DiscordSettings apply(DiscordSettings settings, String value);
    }

    private static DiscordSettings apply(DiscordSettings settings, Environment environment, String key, Setting setting) {
        Optional<String> value = text(environment, key);
        return value.isEmpty() ? settings : checked(key, () -> setting.apply(settings, value.get()));
    }

    /** Runs {@code check}, reporting the adapter's refusal under {@code key}; the adapter's messages never repeat the token. */
    private static <T> T checked(String key, Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(key, e.getMessage());
        }
    }

    private static Optional<String> text(Environment environment, String key) {
        return environment.getProperty(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }
}
