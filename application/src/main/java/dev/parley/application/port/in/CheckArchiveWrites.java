package dev.parley.application.port.in;

/** Which conversations this instance could not write to the archive (for health checks). */
public interface CheckArchiveWrites {

    /**
     * The conversations whose latest archive write here failed and that no later write saved: each
     * is still held (live, or claimed by the idle sweep, which retries it every claim lease).
     *
     * @param max how many thread ids to list at most; the count is always complete
     */
    UnsavedConversations unsaved(int max);
}
