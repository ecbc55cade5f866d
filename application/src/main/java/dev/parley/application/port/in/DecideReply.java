package dev.parley.application.port.in;

import dev.parley.domain.reply.GateDecision;
import dev.parley.domain.reply.ReplyRequest;

/** Ask whether an avatar may reply to a trigger message in a channel now (decisions.md 10–13). */
public interface DecideReply {

    /**
     * Decides atomically, taking the cooldowns and the responder's place on admission. Never
     * throws for a storage failure: the gate fails closed with {@code STORAGE_UNAVAILABLE}.
     */
    GateDecision decide(ReplyRequest request);
}
