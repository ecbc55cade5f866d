package dev.parley.domain.reply;

import dev.parley.domain.avatar.AvatarId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The reply planner's rule (pure): which avatars answer one channel message, in the order they ask
 * the gate.
 *
 * <ol>
 *   <li>The avatars the message names (or the platform summons), in order of first mention;</li>
 *   <li>then the avatar whose message it replies to;</li>
 *   <li>if neither gives anyone, and no avatar wrote the message: the channel's most recently
 *       active avatar. An avatar's own message triggers only the avatars it names or replies to,
 *       so avatars do not answer each other by default.</li>
 * </ol>
 * The author never answers itself (an avatar naming itself, or replying to its own message), each
 * avatar appears once, and at most {@code maxResponders} are chosen. A message in a chain of
 * {@code maxChain} or more bot replies without a human message between gets no responder: that is
 * the bound on bot-to-bot cascades besides the gate's cooldowns.
 *
 * <pre>{@code
 * ResponderChoice.Input in = new ResponderChoice.Input(List.of(ava), Optional.empty(), List.of(bob, ava), Optional.empty(), 0);
 * ResponderChoice.choose(in, 2, 3); // [ava]
 * }</pre>
 */
public final class ResponderChoice {

    private ResponderChoice() {
    }

    /**
     * What the planner knows about one message.
     *
     * @param named avatars named in its text or summoned, in order
     * @param repliedTo the avatar whose message it replies to, if any
     * @param activeByRecency the channel's active avatars, most recently active first
     * @param author the avatar that wrote it, when an avatar did
     * @param chainLength how many bot or avatar messages in a row end with this one (0 for a human's message)
     */
    public record Input(List<AvatarId> named, Optional<AvatarId> repliedTo, List<AvatarId> activeByRecency,
            Optional<AvatarId> author, int chainLength) {

        public Input {
            named = List.copyOf(Objects.requireNonNull(named, "named == null"));
            Objects.requireNonNull(repliedTo, "repliedTo == null");
            activeByRecency = List.copyOf(Objects.requireNonNull(activeByRecency, "activeByRecency == null"));
            Objects.requireNonNull(author, "author == null");
            if (chainLength < 0) {
                throw new IllegalArgumentException("chainLength must not be negative, got " + chainLength);
            }
        }
    }

    /** The result: who answers, in order, or nobody because the chain is too long. */
    public record Choice(List<AvatarId> responders, boolean chainLimited) {

        public Choice {
            responders = List.copyOf(responders);
        }
    }

    /**
     * Chooses the responders of {@code input}.
     *
     * @param maxResponders the most avatars that may answer one message (at least 1)
     * @param maxChain the longest run of bot replies that may still be answered (at least 1)
     */
    public static Choice choose(Input input, int maxResponders, int maxChain) {
        Objects.requireNonNull(input, "input == null");
        if (maxResponders < 1 || maxChain < 1) {
            throw new IllegalArgumentException("maxResponders and maxChain must be at least 1, got " + maxResponders + " and " + maxChain);
        }
        if (input.chainLength() >= maxChain) {
            return new Choice(List.of(), true);
        }
        Set<AvatarId> chosen = new LinkedHashSet<>(input.named());
        input.repliedTo().ifPresent(chosen::add);
        input.author().ifPresent(chosen::remove);
        if (chosen.isEmpty() && input.author().isEmpty()) {
            input.activeByRecency().stream().findFirst().ifPresent(chosen::add);
        }
        List<AvatarId> ordered = new ArrayList<>(chosen);
        return new Choice(ordered.subList(0, Math.min(maxResponders, ordered.size())), false);
    }
}
