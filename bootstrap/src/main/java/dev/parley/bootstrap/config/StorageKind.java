package dev.parley.bootstrap.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where live conversations are kept ({@code parley.storage}). */
public enum StorageKind {
    /** In this process's memory: one instance, nothing to install. */
    MEMORY,
    /** In a shared Redis: several instances. */
    REDIS;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static StorageKind parse(String key, String value) {
        for (StorageKind kind : values()) {
            if (kind.configName().equalsIgnoreCase(value.trim())) {
                return kind;
            }
        }
        throw new InvalidConfigurationException(key, "unknown storage \"" + value + "\"; accepted: "
                + Arrays.stream(values()).map(StorageKind::configName).collect(Collectors.joining(", ")));
    }
}
