package dev.parley.adapters.file.avatars;

import dev.parley.domain.avatar.AvatarCatalogue;
import dev.parley.domain.avatar.Avatars;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The avatar catalogue in a YAML file ({@code docs/avatars.md} describes the format):
 *
 * <pre>{@code
 * avatars:
 *   - id: ava
 *     name: Ava
 *     emoji: 🦊
 *     image-url: https://example.com/ava.png
 *     personality: You are Ava, a cheerful guide who ...
 *     temperature: 0.8
 * }</pre>
 *
 * <p>{@link #load} reads the file and fails with a {@link CatalogueFileException} naming the file,
 * the line and the field of the first problem. {@link #reloadIfChanged()}, which the application
 * calls periodically, reads the file again and swaps in the new avatars when its content changed;
 * a changed file that cannot be used is refused with one WARNING line and the previous avatars
 * stay. Readers never wait: {@link #current()} is a volatile read of an immutable snapshot.
 * Replace the file atomically (write a copy, then {@code mv} it over) for safe edits: a reload that
 * sees the file change while reading it skips that round.
 *
 * <pre>{@code
 * YamlAvatarCatalogue catalogue = YamlAvatarCatalogue.load(Path.of("avatars.yml"));
 * scheduler.scheduleWithFixedDelay(catalogue::reloadIfChanged, 5, 5, TimeUnit.SECONDS);
 * }</pre>
 */
public final class YamlAvatarCatalogue implements AvatarCatalogue {

    /** The largest catalogue file read: far more than any real catalogue, far less than a mistake could be. */
    public static final int MAX_FILE_SIZE = 1 << 20;

    private static final System.Logger LOG = System.getLogger(YamlAvatarCatalogue.class.getName());

    private final Path file;
    private final String label;
    private volatile Avatars current;
    /** The digest of the content last read, accepted or refused; guarded by {@code this}. */
    private byte[] lastSeen;

    private YamlAvatarCatalogue(Path file, Avatars avatars, byte[] digest) {
        this.file = file;
        this.label = file.toString();
        this.current = avatars;
        this.lastSeen = digest;
    }

    /**
     * Reads the catalogue in {@code file}.
     *
     * @throws CatalogueFileException if the file cannot be read or breaks a rule
     */
    public static YamlAvatarCatalogue load(Path file) {
        Objects.requireNonNull(file, "file == null");
        byte[] content = read(file, file.toString());
        Avatars avatars = AvatarCatalogueReader.read(file.toString(), content);
        return new YamlAvatarCatalogue(file, avatars, digest(content));
    }

    @Override
    public Avatars current() {
        return current;
    }

    /** The file this catalogue is read from. */
    public Path file() {
        return file;
    }

    /** What {@link #reloadIfChanged()} did. */
    public sealed interface Reload {

        /** The file holds what was last read (accepted, or already refused and logged). */
        record Unchanged() implements Reload {
        }

        /** The file changed and its avatars replaced the previous ones. */
        record Reloaded(Avatars avatars) implements Reload {
        }

        /** The file changed but cannot be used; the previous avatars stay. */
        record Refused(String problem) implements Reload {
        }
    }

    /**
     * Reads the file again and, if its content changed since it was last read, replaces the
     * avatars with the new ones, or refuses the change (one WARNING line naming the problem) and
     * keeps the previous ones. A refused content is not refused again: it is only logged once.
     */
    public synchronized Reload reloadIfChanged() {
        byte[] content;
        try {
            FileStamp before = FileStamp.of(file);
            content = read(file, label);
            if (!before.equals(FileStamp.of(file))) {
                // Written to while being read: look again next time rather than use half a file.
                return new Reload.Unchanged();
            }
        } catch (CatalogueFileException e) {
            return refuse(e, digest(e.getMessage().getBytes(StandardCharsets.UTF_8)));
        }
        byte[] digest = digest(content);
        if (Arrays.equals(digest, lastSeen)) {
            return new Reload.Unchanged();
        }
        Avatars avatars;
        try {
            avatars = AvatarCatalogueReader.read(label, content);
        } catch (CatalogueFileException e) {
            return refuse(e, digest);
        }
        lastSeen = digest;
        current = avatars;
        LOG.log(System.Logger.Level.INFO, "Avatar catalogue {0} reloaded: {1} avatars", label, avatars.size());
        return new Reload.Reloaded(avatars);
    }

    private Reload refuse(CatalogueFileException problem, byte[] digest) {
        if (Arrays.equals(digest, lastSeen)) {
            return new Reload.Unchanged();
        }
        lastSeen = digest;
        LOG.log(System.Logger.Level.WARNING, "Avatar catalogue change refused, keeping the previous {0} avatars: {1}",
                current.size(), problem.getMessage());
        return new Reload.Refused(problem.getMessage());
    }

    /** A file's size and modification time, to notice a write that overlapped a read. */
    private record FileStamp(long size, FileTime modified) {
        static FileStamp of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new FileStamp(attributes.size(), attributes.lastModifiedTime());
            } catch (IOException e) {
                return new FileStamp(-1, FileTime.fromMillis(0));
            }
        }
    }

    private static byte[] read(Path file, String label) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(MAX_FILE_SIZE + 1);
            if (content.length > MAX_FILE_SIZE) {
                throw new CatalogueFileException(label, 0, "is larger than " + MAX_FILE_SIZE + " bytes; a catalogue file is far smaller");
            }
            return content;
        } catch (NoSuchFileException e) {
            throw new CatalogueFileException(label, 0, "does not exist (the avatar catalogue file)", e);
        } catch (IOException e) {
            throw new CatalogueFileException(label, 0, "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    private static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "YamlAvatarCatalogue[" + label + ", " + current.size() + " avatars]";
    }
}
