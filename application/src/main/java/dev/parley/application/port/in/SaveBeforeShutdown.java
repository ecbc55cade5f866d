package dev.parley.application.port.in;

/** What a stopping instance owes its live conversations (decisions.md 8): the one place that decides it. */
public interface SaveBeforeShutdown {

    /**
     * Saves what would otherwise die with this process, and says what it did: nothing under the
     * discard strategy, nothing when conversations live in a shared store (another instance archives
     * each once when it goes idle; saving here would archive them early, and twice), else every live
     * conversation and every idle one whose archive write failed earlier.
     */
    ShutdownSave save();
}
