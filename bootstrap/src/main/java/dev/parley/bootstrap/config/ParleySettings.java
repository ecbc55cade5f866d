package dev.parley.bootstrap.config;

import dev.parley.adapters.http.ApiToken;
import dev.parley.application.conversation.CleanupStrategy;
import dev.parley.application.conversation.ConversationSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Parley's validated configuration: what {@link SettingsFactory} read from {@code application.properties},
 * system properties and environment variables. {@link #toString()} never shows the API token.
 *
 * @param storage where live conversations are kept ({@code parley.storage})
 * @param conversations idle time, cleanup strategy, sweep batch and claim lease
 * @param sweepInterval how often the idle sweeper looks for idle conversations
 * @param archiveDirectory where archived conversations are written, absolute and normalised
 * @param apiToken the bearer token API calls must carry; empty means no authentication
 * @param host the address the HTTP server binds to
 */
public record ParleySettings(
        StorageKind storage,
        ConversationSettings conversations,
        Duration sweepInterval,
        Path archiveDirectory,
        Optional<ApiToken> apiToken,
        String host) {

    public ParleySettings {
        Objects.requireNonNull(storage, "storage == null");
        Objects.requireNonNull(conversations, "conversations == null");
        Objects.requireNonNull(sweepInterval, "sweepInterval == null");
        Objects.requireNonNull(archiveDirectory, "archiveDirectory == null");
        Objects.requireNonNull(apiToken, "apiToken == null");
        Objects.requireNonNull(host, "host == null");
    }

    public Duration idleTime() {
        return conversations.idleTime();
    }

    public CleanupStrategy cleanup() {
        return conversations.cleanup();
    }

    @Override
    public String toString() {
        return "ParleySettings[storage=" + storage.configName()
                + ", idleTime=" + Durations.format(idleTime())
                + ", cleanup=" + SettingsFactory.cleanupName(cleanup())
                + ", sweepInterval=" + Durations.format(sweepInterval)
                + ", sweepBatch=" + conversations.sweepBatch()
                + ", claimLease=" + Durations.format(conversations.claimLease())
                + ", limits=" + conversations.limits()
                + ", archiveDirectory=" + archiveDirectory
                + ", apiToken=" + (apiToken.isPresent() ? "[redacted]" : "none")
                + ", host=" + host + "]";
    }
}
