package dev.parley.application.port.in;

/** Clean up idle conversations: archive (or discard) each conversation whose idle time has passed, once. */
public interface SweepIdle {

    /**
     * One sweep over the store's idle deadlines (never a timer per conversation, decisions.md 2),
     * batch by batch until none is due; also takes over claims whose earlier sweeper never finished.
     * A conversation whose archive write fails is retried later, never dropped.
     *
     * @return how many conversations were cleaned up
     */
    int sweep();
}
