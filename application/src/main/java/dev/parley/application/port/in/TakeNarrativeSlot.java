package dev.parley.application.port.in;

import dev.parley.domain.reply.GateDecision;

/** Take the global narrative slot before generating a narrative, so at most one runs per narrative cooldown. */
public interface TakeNarrativeSlot {

    /** Admitted, or denied with the time left on the narrative cooldown; fails closed like {@link DecideReply}. */
    GateDecision take();
}
