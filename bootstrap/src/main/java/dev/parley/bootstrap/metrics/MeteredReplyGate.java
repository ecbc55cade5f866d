package dev.parley.bootstrap.metrics;

import dev.parley.domain.reply.DenialReason;
import dev.parley.domain.reply.GateDecision;
import dev.parley.domain.reply.ReplyGate;
import dev.parley.domain.reply.ReplyRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Objects;

/**
 * The reply gate, counted: every decision by kind (a reply, the narrative slot), outcome and
 * denial reason, and the admissions given back after a failed reply.
 */
final class MeteredReplyGate implements ReplyGate {

    private static final String DECISIONS = "parley.gate.decisions";
    private static final String DESCRIPTION = "Reply-gate decisions, by kind, outcome and denial reason";

    private final ReplyGate gate;
    private final Counter replyAdmitted;
    private final EnumMap<DenialReason, Counter> replyDenied;
    private final Counter narrativeAdmitted;
    private final EnumMap<DenialReason, Counter> narrativeDenied;
    private final Counter releases;

    MeteredReplyGate(ReplyGate gate, MeterRegistry registry) {
        this.gate = Objects.requireNonNull(gate, "gate == null");
        this.replyAdmitted = admitted("reply", registry);
        this.replyDenied = Meters.countersPer(DenialReason.class, reason -> denied("reply", reason), registry);
        this.narrativeAdmitted = admitted("narrative", registry);
        this.narrativeDenied = new EnumMap<>(DenialReason.class);
        for (DenialReason reason : new DenialReason[] {DenialReason.NARRATIVE_COOLDOWN, DenialReason.STORAGE_UNAVAILABLE}) {
            narrativeDenied.put(reason, denied("narrative", reason).register(registry));
        }
        this.releases = Counter.builder("parley.gate.releases")
                .description("Admissions given back because the reply was never delivered").register(registry);
    }

    private static Counter admitted(String kind, MeterRegistry registry) {
        return Counter.builder(DECISIONS).description(DESCRIPTION)
                .tags("kind", kind, "outcome", "admitted", "reason", "none").register(registry);
    }

    private static Counter.Builder denied(String kind, DenialReason reason) {
        return Counter.builder(DECISIONS).description(DESCRIPTION)
                .tags("kind", kind, "outcome", "denied", "reason", Meters.label(reason));
    }

    @Override
    public GateDecision decide(ReplyRequest request) {
        GateDecision decision = gate.decide(request);
        count(decision, replyAdmitted, replyDenied);
        return decision;
    }

    @Override
    public void release(ReplyRequest request, GateDecision.Admitted admission) {
        gate.release(request, admission);
        releases.increment();
    }

    @Override
    public GateDecision tryTakeNarrativeSlot() {
        GateDecision decision = gate.tryTakeNarrativeSlot();
        count(decision, narrativeAdmitted, narrativeDenied);
        return decision;
    }

    private static void count(GateDecision decision, Counter admitted, EnumMap<DenialReason, Counter> denied) {
        switch (decision) {
            case GateDecision.Admitted a -> admitted.increment();
            case GateDecision.Denied d -> {
                Counter counter = denied.get(d.reason());
                if (counter != null) {
                    counter.increment();
                }
            }
        }
    }
}
