package dev.parley.application.responder;

import dev.parley.domain.avatar.AvatarCatalogue;
import dev.parley.domain.avatar.AvatarRoster;
import dev.parley.domain.conversation.ConversationStore;
import dev.parley.domain.llm.LanguageModel;
import dev.parley.domain.narrative.AvatarJournal;
import dev.parley.domain.reply.ReplyGate;
import java.util.Objects;
import java.util.Optional;

/**
 * The driven ports the {@link Responder} works through. {@code model} is empty when no language
 * model is configured: the responder then refuses every request before recording anything.
 * Put a {@link dev.parley.domain.llm.BudgetedLanguageModel} here so every reply, summary and
 * narrative takes from the one shared call budget.
 */
public record ResponderPorts(AvatarCatalogue catalogue, ConversationStore store, AvatarRoster roster, ReplyGate gate,
        AvatarJournal journal, Optional<LanguageModel> model) {

    public ResponderPorts {
        Objects.requireNonNull(catalogue, "catalogue == null");
        Objects.requireNonNull(store, "store == null");
        Objects.requireNonNull(roster, "roster == null");
        Objects.requireNonNull(gate, "gate == null");
        Objects.requireNonNull(journal, "journal == null");
        Objects.requireNonNull(model, "model == null");
    }
}
