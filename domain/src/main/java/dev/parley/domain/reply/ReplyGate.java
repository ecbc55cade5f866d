package dev.parley.domain.reply;

/**
 * Decides whether an avatar may reply now (decisions.md 10–13): driven port, memory for one
 * instance, Redis for many. Every decision is the {@link ReplyPolicy}'s, on the gate's state, made
 * in one atomic step: the check and what an admission takes (the cooldowns, the responder's place)
 * happen together, and racing decisions, from many threads and, for a shared gate, many instances,
 * behave as if made one after another. The adapter is built with the {@link ReplyRules}; its own
 * clock (the injected clock in memory, the server's {@code TIME} in Redis) is the only time it uses.
 * A running cooldown never asks for more than its own length: a deadline further ahead (the gate's
 * clock stepped back) is moved to now plus the cooldown in the same step.
 *
 * <p>The gate fails closed: an adapter whose backing service fails answers
 * {@code Denied(STORAGE_UNAVAILABLE, a short pause)} and never admits blindly; it does not throw.
 */
public interface ReplyGate {

    /** Decides {@code request} as {@link ReplyPolicy#decide} does, taking what an admission takes in the same step. */
    GateDecision decide(ReplyRequest request);

    /**
     * Gives back the cooldowns {@code admission} of {@code request} took, as
     * {@link ReplyPolicy#release} does, in one atomic step: the reply it admitted was never
     * delivered (a model error, a timeout, a failed post), so it must not hold up the channel
     * (decisions.md 24). Cooldowns a later admission took meanwhile are left alone. A gate whose
     * backing service fails logs it and returns: the cooldowns then simply run out.
     */
    void release(ReplyRequest request, GateDecision.Admitted admission);

    /**
     * Takes the global narrative slot, across channels and instances, as
     * {@link ReplyPolicy#takeNarrativeSlot} does: before a narrative is generated, so at most one
     * runs per narrative cooldown (decisions.md 12).
     */
    GateDecision tryTakeNarrativeSlot();
}
