package dev.parley.bootstrap.config;

import java.util.Objects;

/** A configuration value that stops Parley from starting; the message names the key and what it accepts. */
public final class InvalidConfigurationException extends RuntimeException {

    private final String key;

    public InvalidConfigurationException(String key, String message) {
        super(key + ": " + Objects.requireNonNull(message, "message == null"));
        this.key = Objects.requireNonNull(key, "key == null");
    }

    /** The configuration key at fault, e.g. {@code parley.conversations.idle-time}. */
    public String key() {
        return key;
    }

    /** The first InvalidConfigurationException in {@code failure}'s cause chain, or null. */
    public static InvalidConfigurationException findIn(Throwable failure) {
        return FailureCauses.first(failure, InvalidConfigurationException.class);
    }
}
