package dev.parley.domain;

/**
 * A storage port could not do its work because its backing service (Redis, the disk) failed or
 * is unreachable. Nothing was changed by the failed call unless the port says otherwise; the
 * caller may retry later.
 */
public final class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageUnavailableException(String message) {
        super(message);
    }
}
