package dev.parley.domain.reply;

import dev.parley.domain.InvalidInputException;
import java.time.Duration;

/**
 * The configurable limits on avatar replies (decisions.md 10–14), defaults from the avatar
 * document. Reply gates and rosters are built with one of these.
 *
 * <table>
 *   <caption>Rules and their configuration keys</caption>
 *   <tr><th>rule</th><th>key</th><th>default</th></tr>
 *   <tr><td>{@link #avatarResponseCooldown}: per avatar and channel</td>
 *       <td>{@code parley.cooldowns.avatar-response}</td><td>5 s</td></tr>
 *   <tr><td>{@link #botReplyCooldown}: per channel, all avatars and instances</td>
 *       <td>{@code parley.cooldowns.bot-reply} (alias {@code BOT_REPLY_COOLDOWN_MS})</td><td>10 s</td></tr>
 *   <tr><td>{@link #narrativeCooldown}: global</td><td>{@code parley.cooldowns.narrative}</td><td>1 h</td></tr>
 *   <tr><td>{@link #maxRespondersPerMessage}: distinct avatars per trigger message</td>
 *       <td>{@code parley.replies.max-responders-per-message}</td><td>2</td></tr>
 *   <tr><td>{@link #maxWait}: longest a paced reply may wait</td><td>{@code parley.replies.max-wait}</td><td>30 s</td></tr>
 *   <tr><td>{@link #maxActiveAvatarsPerChannel}</td>
 *       <td>{@code parley.avatars.max-active-per-channel} (alias {@code MAX_ACTIVE_AVATARS_PER_CHANNEL})</td><td>8</td></tr>
 *   <tr><td>{@link #triggerMemory}: how long a trigger's responders are remembered</td>
 *       <td>{@code parley.replies.trigger-memory}</td><td>15 min</td></tr>
 * </table>
 *
 * <p>Durations are at least one millisecond (Redis keeps them as milliseconds); caps at least 1.
 * The trigger memory must outlast the longest paced wait, or a paced responder's place could be
 * forgotten before it comes back.
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
        requirePositive(avatarResponseCooldown, "avatar_response_cooldown", "parley.cooldowns.avatar-response");
        requirePositive(botReplyCooldown, "bot_reply_cooldown", "parley.cooldowns.bot-reply");
        requirePositive(narrativeCooldown, "narrative_cooldown", "parley.cooldowns.narrative");
        requireAtLeastOne(maxRespondersPerMessage, "max_responders_per_message", "parley.replies.max-responders-per-message");
        requirePositive(maxWait, "max_wait", "parley.replies.max-wait");
        requireAtLeastOne(maxActiveAvatarsPerChannel, "max_active_avatars_per_channel", "parley.avatars.max-active-per-channel");
        requirePositive(triggerMemory, "trigger_memory", "parley.replies.trigger-memory");
        if (triggerMemory.compareTo(maxWait) <= 0) {
            throw new InvalidInputException("trigger_memory", "parley.replies.trigger-memory (" + triggerMemory
                    + ") must be longer than parley.replies.max-wait (" + maxWait + ")");
        }
    }

    /** The avatar document's limits: 5 s, 10 s, 1 h, 2 responders, 30 s wait, 8 active, 15 min trigger memory. */
    public static ReplyRules defaults() {
        return DEFAULTS;
    }

    /**
     * The bot-reply cooldown given in milliseconds, as the {@code BOT_REPLY_COOLDOWN_MS} environment
     * variable of the original bot does.
     */
    public static Duration botReplyCooldownFromMillis(long millis) {
        if (millis < 1) {
            throw new InvalidInputException("bot_reply_cooldown", "BOT_REPLY_COOLDOWN_MS must be a positive number of milliseconds, got "
                    + millis);
        }
        return Duration.ofMillis(millis);
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

    private static void requirePositive(Duration value, String field, String key) {
        if (value == null) {
            throw new InvalidInputException(field, key + " is required: a duration of at least 1 ms");
        }
        if (value.compareTo(Duration.ofMillis(1)) < 0) {
            throw new InvalidInputException(field, key + " must be a duration of at least 1 ms, got " + value);
        }
    }

    private static void requireAtLeastOne(int value, String field, String key) {
        if (value < 1) {
            throw new InvalidInputException(field, key + " must be at least 1, got " + value);
        }
    }
}
