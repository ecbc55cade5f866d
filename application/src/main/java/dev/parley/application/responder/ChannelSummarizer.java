package dev.parley.application.responder;

import dev.parley.application.port.in.ReadChannelSummary;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.avatar.AvatarProfile;
import dev.parley.domain.avatar.Avatars;
import dev.parley.domain.conversation.ConversationStore;
import dev.parley.domain.conversation.ConversationTail;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.llm.LanguageModel;
import dev.parley.domain.reply.text.ExtractedReasoning;
import dev.parley.domain.summary.ChannelSummaries;
import dev.parley.domain.summary.ChannelSummary;
import dev.parley.domain.summary.GenerationLease;
import dev.parley.domain.avatar.AvatarCatalogue;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Each avatar's summary of each channel, kept fresh off the reply path: after an avatar replies in
 * a channel, a task on the background executor checks whether {@code summariesEvery} messages
 * arrived there since the avatar's last summary (or, with none yet, whether the channel holds that
 * many); if so it takes the (avatar, channel) generation lease, one at a time across instances,
 * asks the model for a new summary from the previous one and the messages since, and saves it,
 * also as the conversation's {@code summary}. A failure gives the lease back and is logged in one
 * line; the next reply tries again.
 */
public final class ChannelSummarizer implements ReadChannelSummary {

    private static final Logger LOG = System.getLogger(ChannelSummarizer.class.getName());

    private final ChannelSummaries summaries;
    private final ConversationStore store;
    private final AvatarCatalogue catalogue;
    private final Optional<LanguageModel> model;
    private final ResponderSettings settings;
    private final Clock clock;
    private final Executor background;

    public ChannelSummarizer(ChannelSummaries summaries, ConversationStore store, AvatarCatalogue catalogue, Optional<LanguageModel> model,
            ResponderSettings settings, Clock clock, Executor background) {
        this.summaries = Objects.requireNonNull(summaries, "summaries == null");
        this.store = Objects.requireNonNull(store, "store == null");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue == null");
        this.model = Objects.requireNonNull(model, "model == null");
        this.settings = Objects.requireNonNull(settings, "settings == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.background = Objects.requireNonNull(background, "background == null");
    }

    @Override
    public Optional<ChannelSummary> find(ChannelId channel, AvatarId avatar) {
        return summaries.find(Objects.requireNonNull(avatar, "avatar == null"), Objects.requireNonNull(channel, "channel == null"));
    }

    /** {@code avatar} just replied in {@code channel}: checks, off this thread, whether its summary is due. */
    void afterReply(AvatarId avatar, ChannelId channel) {
        if (model.isEmpty()) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    refreshIfDue(avatar, channel);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Summary of channel {0} by avatar {1} failed: {2}", channel, avatar, describe(e));
                }
            });
        } catch (RejectedExecutionException e) {
            // Shutting down: the next reply after a restart checks again.
        }
    }

    /**
     * Writes {@code avatar}'s new summary of {@code channel} if one is due and nobody else is
     * writing it; empty when none was written.
     */
    Optional<ChannelSummary> refreshIfDue(AvatarId avatar, ChannelId channel) {
        if (model.isEmpty()) {
            return Optional.empty();
        }
        Avatars avatars = catalogue.current();
        Optional<AvatarProfile> profile = avatars.find(avatar);
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        ThreadId thread = ThreadId.of(channel.value());
        Optional<ChannelSummary> previous = summaries.find(avatar, channel);
        Optional<ConversationTail> tail = store.tail(thread, settings.summariesEvery());
        if (tail.isEmpty() || !due(tail.get(), previous)) {
            return Optional.empty();
        }
        Optional<GenerationLease> lease = summaries.tryStartGeneration(avatar, channel, settings.summaryLease());
        if (lease.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<Message> since = tail.get().recent().stream()
                    .filter(m -> previous.isEmpty() || m.createdAt().isAfter(previous.get().createdAt())).toList();
            String text = ExtractedReasoning.from(model.get().complete(Prompts.summary(profile.get(), avatars, previous, since)).text())
                    .visible();
            if (text.isBlank()) {
                summaries.release(lease.get());
                LOG.log(Level.WARNING, "Summary of channel {0} by avatar {1} not written: the model's answer was empty", channel, avatar);
                return Optional.empty();
            }
            ChannelSummary summary = new ChannelSummary(avatar, channel, text, clock.instant());
            if (!summaries.save(summary, lease.get())) {
                return Optional.empty();
            }
            store.updateSummary(thread, text);
            return Optional.of(summary);
        } catch (RuntimeException e) {
            summaries.release(lease.get());
            throw e;
        }
    }

    /** Whether the last {@code summariesEvery} messages all came after the previous summary (or there is none and there are that many). */
    private boolean due(ConversationTail tail, Optional<ChannelSummary> previous) {
        if (tail.totalMessages() < settings.summariesEvery() || tail.recent().isEmpty()) {
            return false;
        }
        return previous.isEmpty() || tail.recent().getFirst().createdAt().isAfter(previous.get().createdAt());
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
