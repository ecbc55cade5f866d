package dev.parley.application.port.in;

import dev.parley.domain.avatar.Avatar;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.reply.GateDecision;
import java.util.List;
import java.util.Objects;

/** What {@link RespondInChannel} did: the avatar answered, or the gate said no. */
public sealed interface RespondOutcome {

    /** The reply, cleaned and split into chunks for the caller to post, and the message recorded for it. */
    record Responded(Avatar avatar, List<String> chunks, Message recorded) implements RespondOutcome {
        public Responded {
            Objects.requireNonNull(avatar, "avatar == null");
            chunks = List.copyOf(chunks);
            Objects.requireNonNull(recorded, "recorded == null");
        }
    }

    /** The gate denied the avatar; nothing was generated or recorded. */
    record NotAdmitted(GateDecision.Denied denial) implements RespondOutcome {
        public NotAdmitted {
            Objects.requireNonNull(denial, "denial == null");
        }
    }
}
