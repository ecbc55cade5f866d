package dev.parley.application.responder;

import dev.parley.application.port.in.AvatarNotFoundException;
import dev.parley.application.port.in.NarrativeOutcome;
import dev.parley.application.port.in.ReadNarratives;
import dev.parley.application.port.in.SkipReason;
import dev.parley.application.port.in.WriteNarrative;
import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.avatar.AvatarCatalogue;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.avatar.AvatarProfile;
import dev.parley.domain.avatar.Avatars;
import dev.parley.domain.llm.LanguageModel;
import dev.parley.domain.llm.ModelCallException;
import dev.parley.domain.narrative.AvatarJournal;
import dev.parley.domain.narrative.Narrative;
import dev.parley.domain.reply.GateDecision;
import dev.parley.domain.reply.ReplyGate;
import dev.parley.domain.reply.ReplyRules;
import dev.parley.domain.reply.text.ExtractedReasoning;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Narratives: an avatar's reflection on its recent replies, written by the model now and then and
 * fed into its system prompt. One run ({@link #writeNext()}) picks the most recently active avatar
 * of the catalogue (by the journal) whose latest narrative is older than the narrative cooldown,
 * takes the global narrative slot (so at most one narrative is written per cooldown across all
 * instances), and writes it from the avatar's personality, previous narrative and recent replies.
 * The slot is taken only when someone is due, and before the model is asked.
 */
public final class NarrativeWriter implements WriteNarrative, ReadNarratives {

    /** How many of the most recently active avatars are looked at for one that is due. */
    static final int CANDIDATES = 20;
    private static final Logger LOG = System.getLogger(NarrativeWriter.class.getName());

    private final AvatarCatalogue catalogue;
    private final AvatarJournal journal;
    private final ReplyGate gate;
    private final Optional<LanguageModel> model;
    private final ReplyRules rules;
    private final Clock clock;

    public NarrativeWriter(AvatarCatalogue catalogue, AvatarJournal journal, ReplyGate gate, Optional<LanguageModel> model, ReplyRules rules,
            Clock clock) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue == null");
        this.journal = Objects.requireNonNull(journal, "journal == null");
        this.gate = Objects.requireNonNull(gate, "gate == null");
        this.model = Objects.requireNonNull(model, "model == null");
        this.rules = Objects.requireNonNull(rules, "rules == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public List<Narrative> narratives(AvatarId avatar) {
        if (catalogue.current().find(Objects.requireNonNull(avatar, "avatar == null")).isEmpty()) {
            throw new AvatarNotFoundException(avatar);
        }
        return journal.narratives(avatar);
    }

    @Override
    public NarrativeOutcome writeNext() {
        if (model.isEmpty()) {
            return new NarrativeOutcome.NoneDue();
        }
        Avatars avatars = catalogue.current();
        Optional<AvatarProfile> due;
        try {
            due = nextDue(avatars, clock.instant());
        } catch (StorageUnavailableException e) {
            LOG.log(Level.WARNING, "Narratives: cannot read the avatar journal: {0}", e.getMessage());
            return new NarrativeOutcome.NoneDue();
        }
        if (due.isEmpty()) {
            return new NarrativeOutcome.NoneDue();
        }
        GateDecision slot = gate.tryTakeNarrativeSlot();
        if (slot instanceof GateDecision.Denied denied) {
            return new NarrativeOutcome.SlotTaken(denied.retryAfter());
        }
        AvatarProfile avatar = due.get();
        try {
            Optional<Narrative> previous = journal.latestNarrative(avatar.id());
            String text = ExtractedReasoning.from(model.get().complete(
                    Prompts.narrative(avatar, previous, journal.recentReplies(avatar.id()))).text()).visible();
            if (text.isBlank()) {
                return failed(avatar, SkipReason.EMPTY_REPLY, "the model's answer was empty");
            }
            Narrative narrative = new Narrative(avatar.id(), text, clock.instant());
            journal.addNarrative(narrative);
            return new NarrativeOutcome.Written(narrative);
        } catch (ModelCallException e) {
            return failed(avatar, SkipReason.of(e.kind()), e.getMessage());
        } catch (StorageUnavailableException e) {
            return failed(avatar, SkipReason.STORAGE_UNAVAILABLE, e.getMessage());
        }
    }

    /** The most recently active avatar of the catalogue whose latest narrative is older than the cooldown. */
    private Optional<AvatarProfile> nextDue(Avatars avatars, Instant now) {
        Instant dueBefore = now.minus(rules.narrativeCooldown());
        for (AvatarId id : journal.mostRecentlyActive(CANDIDATES)) {
            Optional<AvatarProfile> profile = avatars.find(id);
            if (profile.isPresent() && journal.latestNarrative(id).map(n -> !n.createdAt().isAfter(dueBefore)).orElse(true)) {
                return profile;
            }
        }
        return Optional.empty();
    }

    private static NarrativeOutcome failed(AvatarProfile avatar, SkipReason reason, String detail) {
        LOG.log(Level.WARNING, "Narrative of avatar {0} not written: {1} ({2})", avatar.id(), reason, detail);
        return new NarrativeOutcome.Failed(avatar.id(), reason);
    }
}
