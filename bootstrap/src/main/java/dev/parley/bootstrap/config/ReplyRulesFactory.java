package dev.parley.bootstrap.config;

import dev.parley.domain.InvalidInputException;
import dev.parley.domain.reply.ReplyRules;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the reply gate's and the roster's rules ({@code parley.cooldowns.*}, {@code parley.replies.*},
 * {@code parley.avatars.*}) at start. The avatar document's environment variables are honoured as
 * aliases: {@code BOT_REPLY_COOLDOWN_MS} (milliseconds) and {@code MAX_ACTIVE_AVATARS_PER_CHANNEL};
 * a {@code parley.*} key, when set, wins over its alias.
 */
@Factory
final class ReplyRulesFactory {

    static final String AVATAR_RESPONSE = "parley.cooldowns.avatar-response";
    static final String BOT_REPLY = "parley.cooldowns.bot-reply";
    static final String BOT_REPLY_ALIAS = "BOT_REPLY_COOLDOWN_MS";
    static final String NARRATIVE = "parley.cooldowns.narrative";
    static final String MAX_RESPONDERS = "parley.replies.max-responders-per-message";
    static final String MAX_WAIT = "parley.replies.max-wait";
    static final String TRIGGER_MEMORY = "parley.replies.trigger-memory";
    static final String MAX_ACTIVE = "parley.avatars.max-active-per-channel";
    static final String MAX_ACTIVE_ALIAS = "MAX_ACTIVE_AVATARS_PER_CHANNEL";

    @Context
    ReplyRules replyRules(Environment environment) {
        try {
            return read(environment);
        } catch (InvalidInputException e) {
            // A combination the rules refuse (trigger memory not longer than the max wait, say): the message names the keys.
            throw new InvalidConfigurationException(e.field(), e.getMessage());
        }
    }

    /** Every value first, then one construction: the rules check them together, whatever order they were given in. */
    private static ReplyRules read(Environment environment) {
        ReplyRules d = ReplyRules.defaults();
        return new ReplyRules(
                duration(environment, AVATAR_RESPONSE).orElse(d.avatarResponseCooldown()),
                botReplyCooldown(environment).orElse(d.botReplyCooldown()),
                duration(environment, NARRATIVE).orElse(d.narrativeCooldown()),
                count(environment, MAX_RESPONDERS).orElse(d.maxRespondersPerMessage()),
                duration(environment, MAX_WAIT).orElse(d.maxWait()),
                count(environment, MAX_ACTIVE).or(() -> aliasCount(MAX_ACTIVE_ALIAS)).orElse(d.maxActiveAvatarsPerChannel()),
                duration(environment, TRIGGER_MEMORY).orElse(d.triggerMemory()));
    }

    private static Optional<Duration> botReplyCooldown(Environment environment) {
        Optional<Duration> configured = duration(environment, BOT_REPLY);
        if (configured.isPresent()) {
            return configured;
        }
        return Optional.ofNullable(System.getenv(BOT_REPLY_ALIAS)).filter(v -> !v.isBlank()).map(value -> {
            try {
                return ReplyRules.botReplyCooldownFromMillis(Long.parseLong(value.trim()));
            } catch (NumberFormatException | InvalidInputException e) {
                throw new InvalidConfigurationException(BOT_REPLY_ALIAS,
                        "must be a positive whole number of milliseconds, got \"" + value + "\"");
            }
        });
    }

    private static Optional<Duration> duration(Environment environment, String key) {
        return environment.getProperty(key, String.class).filter(v -> !v.isBlank()).map(v -> Durations.parsePositive(key, v));
    }

    private static Optional<Integer> count(Environment environment, String key) {
        return environment.getProperty(key, String.class).filter(v -> !v.isBlank()).map(v -> SettingsFactory.positiveInt(key, v));
    }

    private static Optional<Integer> aliasCount(String variable) {
        return Optional.ofNullable(System.getenv(variable)).filter(v -> !v.isBlank()).map(v -> SettingsFactory.positiveInt(variable, v));
    }
}
