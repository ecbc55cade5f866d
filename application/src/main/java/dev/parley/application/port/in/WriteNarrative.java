package dev.parley.application.port.in;

/**
 * Write the next narrative (driven by the bootstrap's scheduler every
 * {@code parley.narratives.interval}): the most recently active avatar whose latest narrative is
 * older than the narrative cooldown reflects on its recent replies, if the global narrative slot
 * can be taken. Blocks for the model call; never throws for a model or storage failure.
 */
public interface WriteNarrative {

    NarrativeOutcome writeNext();
}
