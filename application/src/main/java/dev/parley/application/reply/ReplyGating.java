package dev.parley.application.reply;

import dev.parley.application.port.in.DecideReply;
import dev.parley.application.port.in.TakeNarrativeSlot;
import dev.parley.domain.reply.GateDecision;
import dev.parley.domain.reply.ReplyGate;
import dev.parley.domain.reply.ReplyRequest;
import java.util.Objects;

/** The reply and narrative decisions, made by the reply gate (the {@code ReplyPolicy}, atomically, on shared state). */
public final class ReplyGating implements DecideReply, TakeNarrativeSlot {

    private final ReplyGate gate;

    public ReplyGating(ReplyGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate == null");
    }

    @Override
    public GateDecision decide(ReplyRequest request) {
        return gate.decide(Objects.requireNonNull(request, "request == null"));
    }

    @Override
    public GateDecision take() {
        return gate.tryTakeNarrativeSlot();
    }
}
