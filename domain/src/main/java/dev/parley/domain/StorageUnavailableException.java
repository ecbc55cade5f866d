package dev.parley.domain;

/**
 * A storage port could not do its work because its backing service (Redis, the disk) failed or
 * is unreachable. Nothing was changed by the failed call unless the port says otherwise; the
 * caller may retry later.
 */
public final class StorageUnavailableException extends RuntimeException {

    private final boolean logged;

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
        this.logged = false;
    }

    public StorageUnavailableException(String message) {
        this(message, false);
    }

    private StorageUnavailableException(String message, boolean logged) {
        super(message);
        this.logged = logged;
    }

    /**
     * A failure its thrower has already logged in its one line: whoever answers it (the HTTP API)
     * answers without logging it again.
     */
    public static StorageUnavailableException alreadyLogged(String message) {
        return new StorageUnavailableException(message, true);
    }

    /** Whether the thrower already logged this failure. */
    public boolean logged() {
        return logged;
    }
}
