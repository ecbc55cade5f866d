package dev.parley.bootstrap.config;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.reply.ReplyRules;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reads the reply gate's and the roster's rules ({@code parley.cooldowns.*}, {@code parley.replies.*},
 * {@code parley.avatars.*}) at start; a key not set keeps the avatar document's default
 * ({@link ReplyRules#defaults()}). The avatar document's environment variables are honoured as
 * aliases: {@code BOT_REPLY_COOLDOWN_MS} (milliseconds) and {@code MAX_ACTIVE_AVATARS_PER_CHANNEL};
 * a {@code parley.*} key, when set, wins over its alias. A cooldown of {@code 0} turns it off.
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
            // A value or combination the rules refuse (trigger memory not longer than the max wait, say).
            String advice = e.field() == InputField.TRIGGER_MEMORY ? "; raise it or lower " + MAX_WAIT : "";
            throw new InvalidConfigurationException(key(e.field()), e.problem() + advice);
        }
    }

    /** The configuration key of a rule. */
    static String key(InputField rule) {
        return switch (rule) {
            case AVATAR_RESPONSE_COOLDOWN -> AVATAR_RESPONSE;
            case BOT_REPLY_COOLDOWN -> BOT_REPLY;
            case NARRATIVE_COOLDOWN -> NARRATIVE;
            case MAX_RESPONDERS_PER_MESSAGE -> MAX_RESPONDERS;
            case MAX_WAIT -> MAX_WAIT;
            case TRIGGER_MEMORY -> TRIGGER_MEMORY;
            case MAX_ACTIVE_AVATARS_PER_CHANNEL -> MAX_ACTIVE;
            default -> throw new IllegalArgumentException(rule + " is not a reply rule");
        };
    }

    /** Every value first, then one construction: the rules check them together, whatever order they were given in. */
    private static ReplyRules read(Environment environment) {
        ReplyRules d = ReplyRules.defaults();
        return new ReplyRules(
                value(environment, AVATAR_RESPONSE, Durations::parseCooldown).orElse(d.avatarResponseCooldown()),
                botReplyCooldown(environment).orElse(d.botReplyCooldown()),
                value(environment, NARRATIVE, Durations::parseCooldown).orElse(d.narrativeCooldown()),
                value(environment, MAX_RESPONDERS, SettingsFactory::positiveInt).orElse(d.maxRespondersPerMessage()),
                value(environment, MAX_WAIT, Durations::parsePositive).orElse(d.maxWait()),
                value(environment, MAX_ACTIVE, SettingsFactory::positiveInt).or(() -> aliasCount(MAX_ACTIVE_ALIAS))
                        .orElse(d.maxActiveAvatarsPerChannel()),
                value(environment, TRIGGER_MEMORY, Durations::parsePositive).orElse(d.triggerMemory()));
    }

    private static Optional<Duration> botReplyCooldown(Environment environment) {
        Optional<Duration> configured = value(environment, BOT_REPLY, Durations::parseCooldown);
        if (configured.isPresent()) {
            return configured;
        }
        return Optional.ofNullable(System.getenv(BOT_REPLY_ALIAS)).filter(v -> !v.isBlank()).map(ReplyRulesFactory::millis);
    }

    /** The alias's milliseconds: 0 (off) or more. */
    static Duration millis(String value) {
        try {
            long millis = Long.parseLong(value.trim());
            if (millis >= 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigurationException(BOT_REPLY_ALIAS, "must be a whole number of milliseconds, 0 (off) or more, got \""
                + value + "\"");
    }

    private static <T> Optional<T> value(Environment environment, String key, BiFunction<String, String, T> parse) {
        return environment.getProperty(key, String.class).filter(v -> !v.isBlank()).map(v -> parse.apply(key, v));
    }

    private static Optional<Integer> aliasCount(String variable) {
        return Optional.ofNullable(System.getenv(variable)).filter(v -> !v.isBlank()).map(v -> SettingsFactory.positiveInt(variable, v));
    }
}
