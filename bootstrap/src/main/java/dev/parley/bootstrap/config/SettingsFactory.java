package dev.parley.bootstrap.config;

import dev.parley.adapters.http.ApiToken;
import dev.parley.application.conversation.CleanupStrategy;
import dev.parley.application.conversation.IdleSweeper;
import dev.parley.application.conversation.ConversationSettings;
import dev.parley.domain.conversation.ConversationLimits;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and checks Parley's configuration once, at start-up ({@link Context}: a mistake stops the
 * start before the server binds). Every failure is an {@link InvalidConfigurationException} naming its key.
 */
@Factory
public final class SettingsFactory {

    public static final String STORAGE = "parley.storage";
    public static final String IDLE_TIME = "parley.conversations.idle-time";
    public static final String CLEANUP = "parley.conversations.cleanup";
    public static final String SWEEP_INTERVAL = "parley.conversations.sweep-interval";
    public static final String SWEEP_BATCH = "parley.conversations.sweep-batch";
    public static final String CLAIM_LEASE = "parley.conversations.claim-lease";
    public static final String MESSAGE_BYTES = "parley.limits.message-bytes";
    public static final String JSON_DEPTH = "parley.limits.json-depth";
    public static final String CONVERSATION_MESSAGES = "parley.limits.conversation-messages";
    public static final String CONVERSATION_BYTES = "parley.limits.conversation-bytes";
    public static final String ARCHIVE_DIRECTORY = "parley.archive.directory";
    public static final String API_TOKEN = "parley.api.token";
    public static final String HOST = "micronaut.server.host";
    public static final String PORT = "micronaut.server.port";
    /** Extra listeners: each {@code micronaut.server.netty.listeners.<name>} binds its own {@code host}, {@code port} or unix socket. */
    public static final String LISTENERS = "micronaut.server.netty.listeners";

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    /** Where archives go unless {@link #ARCHIVE_DIRECTORY} says otherwise. */
    static final String DEFAULT_ARCHIVE_DIRECTORY = "./archive";

    /**
     * A key that is not set keeps its default, written once in the code that owns it:
     * {@link ConversationSettings#defaults()} (its limits: {@link ConversationLimits#defaults()}), {@link IdleSweeper#DEFAULT_INTERVAL}, memory storage and
     * {@link #DEFAULT_ARCHIVE_DIRECTORY} here. The server's own keys keep Micronaut's, set in {@code application.properties}.
     */
    @Context
    ParleySettings parleySettings(Environment environment) {
        ConversationSettings defaults = ConversationSettings.defaults();
        StorageKind storage = value(environment, STORAGE, StorageKind::parse).orElse(StorageKind.MEMORY);
        Duration idleTime = value(environment, IDLE_TIME, Durations::parsePositive).orElse(defaults.idleTime());
        CleanupStrategy cleanup = value(environment, CLEANUP, (key, text) -> cleanup(text)).orElse(defaults.cleanup());
        Duration sweepInterval = value(environment, SWEEP_INTERVAL, Durations::parsePositive).orElse(IdleSweeper.DEFAULT_INTERVAL);
        int sweepBatch = value(environment, SWEEP_BATCH, SettingsFactory::positiveInt).orElse(defaults.sweepBatch());
        Duration claimLease = value(environment, CLAIM_LEASE, Durations::parsePositive).orElse(defaults.claimLease());
        ConversationLimits limits = limits(environment, defaults.limits());
        Optional<ApiToken> token = environment.getProperty(API_TOKEN, String.class)
                .filter(value -> !value.isBlank())
                .map(ApiToken::new);
        String host = environment.getProperty(HOST, String.class).orElse("");
        environment.getProperty(PORT, String.class).ifPresent(SettingsFactory::port);
        if (token.isEmpty()) {
            requireLoopback(HOST, host);
            for (String listener : environment.getPropertyEntries(LISTENERS)) {
                String prefix = LISTENERS + "." + listener + ".";
                boolean unixSocket = environment.getProperty(prefix + "family", String.class).orElse("TCP").trim().equalsIgnoreCase("UNIX");
                if (!unixSocket) {
                    requireLoopback(prefix + "host", environment.getProperty(prefix + "host", String.class).orElse(""));
                }
            }
        }
        // Last: the only check that touches the disk, so a mistake above leaves no directory behind.
        Path archiveDirectory = writableDirectory(environment.getProperty(ARCHIVE_DIRECTORY, String.class).orElse(DEFAULT_ARCHIVE_DIRECTORY));
        ConversationSettings conversations = new ConversationSettings(idleTime, cleanup, sweepBatch, claimLease, limits);
        return new ParleySettings(storage, conversations, sweepInterval, archiveDirectory, token, host.isEmpty() ? "0.0.0.0" : host);
    }

    /** The limits on messages and conversations, each key defaulting to {@code defaults}' value. */
    private static ConversationLimits limits(Environment environment, ConversationLimits defaults) {
        int messageBytes = value(environment, MESSAGE_BYTES, SettingsFactory::positiveInt).orElse(defaults.maxMessageBytes());
        int jsonDepth = value(environment, JSON_DEPTH, SettingsFactory::positiveInt).orElse(defaults.maxJsonDepth());
        int messages = value(environment, CONVERSATION_MESSAGES, SettingsFactory::positiveInt).orElse(defaults.maxMessages());
        long bytes = value(environment, CONVERSATION_BYTES, SettingsFactory::positiveLong).orElse(defaults.maxBytes());
        if (bytes < messageBytes) {
            throw new InvalidConfigurationException(CONVERSATION_BYTES, "must be at least " + MESSAGE_BYTES + " (" + messageBytes
                    + "), or no conversation could hold its largest message; got " + bytes);
        }
        return new ConversationLimits(messageBytes, jsonDepth, messages, bytes);
    }

    /** Without an API token, every TCP address the server binds must be a loopback one. */
    private static void requireLoopback(String key, String host) {
        if (!isLoopback(host)) {
            throw new InvalidConfigurationException(key, "refusing to listen on \"" + (host.isEmpty() ? "every interface" : host)
                    + "\" without an API token: anyone who can reach it could read and change conversations."
                    + " Set " + API_TOKEN + " (PARLEY_API_TOKEN) or bind to 127.0.0.1");
        }
    }

    private static <T> Optional<T> value(Environment environment, String key, BiFunction<String, String, T> parse) {
        return environment.getProperty(key, String.class).map(text -> parse.apply(key, text));
    }

    private static CleanupStrategy cleanup(String value) {
        for (CleanupStrategy strategy : CleanupStrategy.values()) {
            if (cleanupName(strategy).equalsIgnoreCase(value.trim())) {
                return strategy;
            }
        }
        throw new InvalidConfigurationException(CLEANUP, "unknown cleanup \"" + value + "\"; accepted: archive, discard");
    }

    /** How {@link #CLEANUP} names a strategy: {@code archive}, {@code discard}. */
    public static String cleanupName(CleanupStrategy strategy) {
        return strategy.name().toLowerCase(Locale.ROOT);
    }

    /** A TCP port; -1 asks Micronaut for a random free one (tests), 0 lets the system pick. Checked here, used by Micronaut. */
    private static int port(String value) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= -1 && parsed <= 65_535) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigurationException(PORT, "must be a port number from 0 to 65535, got \"" + value + "\"");
    }

    static int positiveInt(String key, String value) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigurationException(key, "must be a whole number of at least 1, got \"" + value + "\"");
    }

    static long positiveLong(String key, String value) {
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigurationException(key, "must be a whole number of at least 1, got \"" + value + "\"");
    }

    /** Creates the archive directory if needed and proves it writable by writing and deleting a file. */
    private static Path writableDirectory(String value) {
        Path directory;
        try {
            directory = Path.of(value.trim()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new InvalidConfigurationException(ARCHIVE_DIRECTORY, "\"" + value + "\" is not a valid path: " + e.getReason());
        }
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".parley-write-check-", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new InvalidConfigurationException(ARCHIVE_DIRECTORY, "the archive directory " + directory
                    + " cannot be created or written to (" + describe(e) + "); choose a writable directory");
        }
        return directory;
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /**
     * Whether {@code host} is a loopback name or address. Only literals and {@code localhost} count:
     * any other name is treated as public (resolving it would depend on DNS at start-up).
     */
    static boolean isLoopback(String host) {
        String h = host.trim();
        if (h.isEmpty()) {
            return false; // Micronaut binds every interface when no host is set
        }
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        Matcher ipv4 = IPV4.matcher(h);
        if (ipv4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(ipv4.group(i)) > 255) {
                    return false;
                }
            }
            return ipv4.group(1).equals("127");
        }
        if (!h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // an IPv6 literal: no DNS lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
