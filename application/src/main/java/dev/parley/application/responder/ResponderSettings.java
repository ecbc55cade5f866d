package dev.parley.application.responder;

import java.time.Duration;
import java.util.Objects;

/**
 * How avatars answer. {@link #defaults()} are Parley's defaults, written here only: the
 * configuration starts from them.
 *
 * @param contextMessages how many of the channel's last messages a reply's prompt holds; fewer in
 *     store also means "first contact": the platform's history is read to fill them
 * @param maxChain the longest run of bot or avatar replies without a person's message that may
 *     still be answered: the bound on bot-to-bot cascades
 * @param summariesEvery how many new messages of a channel make an avatar that just replied there
 *     write a new summary of it
 * @param summaryLease how long one summary generation may hold its (avatar, channel) before
 *     another instance may take over: longer than a model call may take
 */
public record ResponderSettings(int contextMessages, int maxChain, int summariesEvery, Duration summaryLease) {

    public static final int DEFAULT_CONTEXT_MESSAGES = 50;
    public static final int DEFAULT_MAX_CHAIN = 3;
    public static final int DEFAULT_SUMMARIES_EVERY = 50;
    public static final Duration DEFAULT_SUMMARY_LEASE = Duration.ofMinutes(3);
    /** More context than this is a document, not a chat. */
    public static final int MAX_CONTEXT_MESSAGES = 1_000;

    public ResponderSettings {
        Objects.requireNonNull(summaryLease, "summaryLease == null");
        if (contextMessages < 1 || contextMessages > MAX_CONTEXT_MESSAGES) {
            throw new IllegalArgumentException("context messages must be from 1 to " + MAX_CONTEXT_MESSAGES + ", got " + contextMessages);
        }
        if (maxChain < 1) {
            throw new IllegalArgumentException("max chain must be at least 1, got " + maxChain);
        }
        if (summariesEvery < 1) {
            throw new IllegalArgumentException("summaries every must be at least 1, got " + summariesEvery);
        }
        if (summaryLease.toMillis() < 1) {
            throw new IllegalArgumentException("summary lease must be at least 1 ms, got " + summaryLease);
        }
    }

    /** 50 messages of context, chains of 3, a summary every 50 messages, 3-minute summary leases. */
    public static ResponderSettings defaults() {
        return new ResponderSettings(DEFAULT_CONTEXT_MESSAGES, DEFAULT_MAX_CHAIN, DEFAULT_SUMMARIES_EVERY, DEFAULT_SUMMARY_LEASE);
    }

    public ResponderSettings withContextMessages(int value) {
        return new ResponderSettings(value, maxChain, summariesEvery, summaryLease);
    }

    public ResponderSettings withMaxChain(int value) {
        return new ResponderSettings(contextMessages, value, summariesEvery, summaryLease);
    }

    public ResponderSettings withSummariesEvery(int value) {
        return new ResponderSettings(contextMessages, maxChain, value, summaryLease);
    }

    public ResponderSettings withSummaryLease(Duration value) {
        return new ResponderSettings(contextMessages, maxChain, summariesEvery, value);
    }
}
