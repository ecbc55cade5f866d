package dev.parley.domain.reply;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import java.time.Duration;

/**
 * The configurable limits on avatar replies (decisions.md 10–14), defaults from the avatar
 * document. The {@link ReplyPolicy} decides by them; reply gates and rosters are built with them.
 *
 * <table>
 *   <caption>Rules and their defaults</caption>
 *   <tr><th>rule</th><th>default</th></tr>
 *   <tr><td>{@link #avatarResponseCooldown}: per avatar and channel</td><td>5 s</td></tr>
 *   <tr><td>{@link #botReplyCooldown}: per channel, all avatars and instances</td><td>10 s</td></tr>
 *   <tr><td>{@link #narrativeCooldown}: global</td><td>1 h</td></tr>
 *   <tr><td>{@link #maxRespondersPerMessage}: distinct avatars per trigger message</td><td>2</td></tr>
 *   <tr><td>{@link #maxWait}: longest a paced reply may wait</td><td>30 s</td></tr>
 *   <tr><td>{@link #maxActiveAvatarsPerChannel}</td><td>8</td></tr>
 *   <tr><td>{@link #triggerMemory}: how long a trigger's responders are remembered</td><td>15 min</td></tr>
 * </table>
 *
 * <p>A cooldown of zero is off (decisions.md 26); otherwise durations are at least one millisecond
 * (Redis keeps them as milliseconds), and caps at least 1. The trigger memory must outlast the
 * longest paced wait, or a paced responder's place could be forgotten before it comes back.
 */
public record ReplyRules(
        Duration avatarResponseCooldown,
        Duration botReplyCooldown,
        Duration narrativeCooldown,
        int maxRespondersPerMessage,
        Duration maxWait,
        int maxActiveAvatarsPerChannel,
        Duration triggerMemory) {

    private static final ReplyRules DEFAULTS = new ReplyRules(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofHours(1),
            2, Duration.ofSeconds(30), 8, Duration.ofMinutes(15));

    public ReplyRules {
        requireCooldown(avatarResponseCooldown, InputField.AVATAR_RESPONSE_COOLDOWN);
        requireCooldown(botReplyCooldown, InputField.BOT_REPLY_COOLDOWN);
        requireCooldown(narrativeCooldown, InputField.NARRATIVE_COOLDOWN);
        requireAtLeastOne(maxRespondersPerMessage, InputField.MAX_RESPONDERS_PER_MESSAGE);
        requirePositive(maxWait, InputField.MAX_WAIT);
        requireAtLeastOne(maxActiveAvatarsPerChannel, InputField.MAX_ACTIVE_AVATARS_PER_CHANNEL);
        requirePositive(triggerMemory, InputField.TRIGGER_MEMORY);
        if (triggerMemory.compareTo(maxWait) <= 0) {
            throw new InvalidInputException(InputField.TRIGGER_MEMORY, "(" + triggerMemory
                    + ") must be longer than the max wait (" + maxWait + ")");
        }
    }

    /** The avatar document's limits: 5 s, 10 s, 1 h, 2 responders, 30 s wait, 8 active, 15 min trigger memory. */
    public static ReplyRules defaults() {
        return DEFAULTS;
    }

    public ReplyRules withAvatarResponseCooldown(Duration d) {
        return new ReplyRules(d, botReplyCooldown, narrativeCooldown, maxRespondersPerMessage, maxWait,
                maxActiveAvatarsPerChannel, triggerMemory);
    }

    public ReplyRules withBotReplyCooldown(Duration d) {
        return new ReplyRules(avatarResponseCooldown, d, narrativeCooldown, maxRespondersPerMessage, maxWait,
                maxActiveAvatarsPerChannel, triggerMemory);
    }

    public ReplyRules withNarrativeCooldown(Duration d) {
        return new ReplyRules(avatarResponseCooldown, botReplyCooldown, d, maxRespondersPerMessage, maxWait,
                maxActiveAvatarsPerChannel, triggerMemory);
    }

    public ReplyRules withMaxRespondersPerMessage(int n) {
        return new ReplyRules(avatarResponseCooldown, botReplyCooldown, narrativeCooldown, n, maxWait,
                maxActiveAvatarsPerChannel, triggerMemory);
    }

    public ReplyRules withMaxWait(Duration d) {
        return new ReplyRules(avatarResponseCooldown, botReplyCooldown, narrativeCooldown, maxRespondersPerMessage, d,
                maxActiveAvatarsPerChannel, triggerMemory);
    }

    public ReplyRules withMaxActiveAvatarsPerChannel(int n) {
        return new ReplyRules(avatarResponseCooldown, botReplyCooldown, narrativeCooldown, maxRespondersPerMessage, maxWait,
                n, triggerMemory);
    }

    public ReplyRules withTriggerMemory(Duration d) {
        return new ReplyRules(avatarResponseCooldown, botReplyCooldown, narrativeCooldown, maxRespondersPerMessage, maxWait,
                maxActiveAvatarsPerChannel, d);
    }

    private static void requireCooldown(Duration value, InputField field) {
        if (value == null) {
            throw new InvalidInputException(field, "is required: zero (off) or a duration of at least 1 ms");
        }
        if (!value.isZero() && value.compareTo(Duration.ofMillis(1)) < 0) {
            throw new InvalidInputException(field, "must be zero (off) or a duration of at least 1 ms, got " + value);
        }
    }

    private static void requirePositive(Duration value, InputField field) {
        if (value == null) {
            throw new InvalidInputException(field, "is required: a duration of at least 1 ms");
        }
        if (value.compareTo(Duration.ofMillis(1)) < 0) {
            throw new InvalidInputException(field, "must be a duration of at least 1 ms, got " + value);
        }
    }

    private static void requireAtLeastOne(int value, InputField field) {
        if (value < 1) {
            throw new InvalidInputException(field, "must be at least 1, got " + value);
        }
    }
}
