package dev.parley.domain.reply;

import dev.parley.domain.avatar.AvatarId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The part of a reply gate's state one decision reads and writes: when the asking avatar's
 * cooldown in the channel ends, when the channel's bot-reply cooldown ends, and the avatars holding
 * a place for the trigger message with the instant they are forgotten. A gate keeps these however
 * it likes; {@link ReplyPolicy} decides from them.
 *
 * @param respondersForgottenAt set exactly when {@code responders} is not empty
 */
public record GateState(Optional<Instant> avatarCooldownEnds, Optional<Instant> botReplyCooldownEnds, Set<AvatarId> responders,
        Optional<Instant> respondersForgottenAt) {

    /** Nothing running, nobody holding a place. */
    public static final GateState EMPTY = new GateState(Optional.empty(), Optional.empty(), Set.of(), Optional.empty());

    public GateState {
        Objects.requireNonNull(avatarCooldownEnds, "avatarCooldownEnds == null");
        Objects.requireNonNull(botReplyCooldownEnds, "botReplyCooldownEnds == null");
        responders = Set.copyOf(Objects.requireNonNull(responders, "responders == null"));
        Objects.requireNonNull(respondersForgottenAt, "respondersForgottenAt == null");
        if (responders.isEmpty() != respondersForgottenAt.isEmpty()) {
            throw new IllegalArgumentException("respondersForgottenAt must be set exactly when there are responders");
        }
    }
}
