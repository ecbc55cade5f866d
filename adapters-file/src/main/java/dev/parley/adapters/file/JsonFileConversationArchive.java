package dev.parley.adapters.file;

import dev.parley.adapters.file.ArchiveJsonReader.Identity;
import dev.parley.adapters.file.ArchiveJsonReader.MalformedArchiveException;
import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.archive.ArchiveListing;
import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.archive.ArchivedConversation;
import dev.parley.domain.archive.ArchivedTranscript;
import dev.parley.domain.archive.ConversationArchive;
import dev.parley.domain.archive.UnreadableArchive;
import dev.parley.domain.archive.UnreadableArchiveException;
import dev.parley.domain.conversation.Conversation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The conversation archive as JSON files in one directory, in the Echo document's format
 * (docs/json-format.md).
 *
 * <p>Saving resolves the file name under a lock held across threads and processes, so two saves
 * can never pick the same name for different conversations, and writes through a temporary file
 * and an atomic rename, so a reader or a crash never sees half a file. Reading and listing need no
 * lock: a file is always either its previous or its new version. Only regular files are read:
 * a symbolic link named like an archive file is reported as unreadable, never followed out of the
 * directory.
 *
 * <p>Opened with {@link ArchiveIndexSettings}, the archive keeps a search index beside the files
 * ({@link ArchiveIndex}): every save updates it, and {@link #index()} searches it. Without them,
 * there is no index and {@link #list} is the only way to find files.
 *
 * <pre>{@code
 * ConversationArchive archive = new JsonFileConversationArchive(Path.of("archive"));
 * String name = archive.save(conversation);  // 2025-11-25_conversation-with-…-in-….json
 * archive.load(name).flatMap(ArchivedTranscript::conversation);  // the same conversation
 *
 * try (var indexed = new JsonFileConversationArchive(Path.of("archive"), ArchiveIndexSettings.defaults())) {
 *     ArchiveSearch search = indexed.index().orElseThrow();
 *     search.search(ArchiveQuery.ALL.containing("deploy failed"), ArchivePageRequest.first());
 * }
 * }</pre>
 */
public final class JsonFileConversationArchive implements ConversationArchive, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JsonFileConversationArchive.class.getName());

    /** Never matches the archive name pattern, so listings skip files being written (or left by a crash). */
    static final String TEMP_PREFIX = ".tmp-";
    static final String TEMP_SUFFIX = ".part";

    private final Path directory;
    private final DirectoryLock lock;
    private final Optional<ArchiveIndex> index;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Opens the archive in {@code directory}, creating it (and its parents) if missing, and its
     * lock file {@value DirectoryLock#LOCK_FILE_NAME}.
     *
     * @throws StorageUnavailableException if the directory cannot be created or does not accept new files
     */
    public JsonFileConversationArchive(Path directory) {
        this(directory, Optional.empty(), ArchiveIndex.PassObserver.NONE);
    }

    /**
     * Opens the archive in {@code directory} as {@link #JsonFileConversationArchive(Path)} does, with
     * its search index in {@value ArchiveIndex#DIRECTORY_NAME} inside it. The index opens (and, if
     * needed, builds itself) in the background: this returns at once. Close the archive to commit
     * and close the index.
     *
     * @throws StorageUnavailableException if the directory cannot be created or does not accept new files
     */
    public JsonFileConversationArchive(Path directory, ArchiveIndexSettings indexSettings) {
        this(directory, Optional.of(Objects.requireNonNull(indexSettings, "indexSettings == null")), ArchiveIndex.PassObserver.NONE);
    }

    /** For tests: {@code observer} sees every file of the index's full scans. */
    JsonFileConversationArchive(Path directory, Optional<ArchiveIndexSettings> indexSettings, ArchiveIndex.PassObserver observer) {
        this.directory = Objects.requireNonNull(directory, "directory == null").toAbsolutePath().normalize();
        Path realDirectory;
        try {
            Files.createDirectories(this.directory);
            realDirectory = this.directory.toRealPath();
            this.lock = new DirectoryLock(realDirectory);
            lock.touch();
        } catch (IOException e) {
            throw new StorageUnavailableException("archive directory " + this.directory + " cannot be used: " + describe(e), e);
        }
        removeCrashLeftovers();
        this.index = indexSettings.map(settings -> ArchiveIndex.acquire(realDirectory, settings, observer));
    }

    /** The archive's search index, if it was opened with one. */
    public Optional<ArchiveIndex> index() {
        return index;
    }

    /** Commits and closes the index (when this is its last archive in the JVM); saving after closing is not indexed. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            index.ifPresent(ArchiveIndex::release);
        }
    }

    /**
     * Deletes the temporary files a save interrupted by a crash left behind. Every save holds the
     * directory's lock from creating its temporary file to renaming it, so a temporary file present
     * while this holds the lock belongs to no running save, in this process or any other. A file
     * that cannot be deleted is only logged: it is harmless (listings skip it).
     */
    private void removeCrashLeftovers() {
        try {
            int removed = lock.holding(() -> {
                int count = 0;
                try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
                    for (Path leftover : leftovers) {
                        if (Files.isRegularFile(leftover, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(leftover)) {
                            count++;
                        }
                    }
                }
                return count;
            });
            if (removed > 0) {
                LOG.log(System.Logger.Level.INFO, "removed {0} temporary file(s) left in archive directory {1} by an interrupted save",
                        removed, directory);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove temporary files left in archive directory {0}: {1}",
                    directory, describe(e));
        } catch (DirectoryIteratorException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove temporary files left in archive directory {0}: {1}",
                    directory, describe(e.getCause()));
        }
    }

    /**
     * The exact bytes {@link #save} writes for {@code conversation} (docs/json-format.md), for tools
     * that prepare archive directories in bulk without a save's locking and {@code fsync}s, such as
     * the scale benchmark's generator.
     */
    public static byte[] fileContent(Conversation conversation) {
        return ArchiveJsonWriter.conversationBytes(Objects.requireNonNull(conversation, "conversation == null"));
    }

    /** The archive directory, absolute. */
    public Path directory() {
        return directory;
    }

    @Override
    public String save(Conversation conversation) {
        Objects.requireNonNull(conversation, "conversation == null");
        byte[] json = ArchiveJsonWriter.conversationBytes(conversation);
        // FileChannel calls fail at once on an interrupted thread, and a shutdown that interrupts its
        // workers still wants their conversations saved: set a pending interrupt aside, restore it after.
        boolean interrupted = Thread.interrupted();
        try {
            return lock.holding(() -> {
                Target target = resolve(conversation);
                if (target.holdsLaterVersion()) {
                    LOG.log(System.Logger.Level.INFO, "kept {0}: it already holds a longer history of thread {1} than this save",
                            target.name(), conversation.threadId());
                } else {
                    writeAtomically(target.name(), json);
                    LOG.log(System.Logger.Level.DEBUG, "archived thread {0} as {1}", conversation.threadId(), target.name());
                    if (!closed.get()) {
                        // Still under the lock: no other save can replace the file before the index reads its version.
                        index.ifPresent(i -> i.saved(target.name(), ArchivedTranscript.of(target.name(), conversation)));
                    }
                }
                return target.name();
            });
        } catch (IOException e) {
            throw unavailable("cannot save the conversation of thread " + conversation.threadId(), e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public Optional<ArchivedTranscript> load(String fileName) {
        String name = ArchiveFileNames.requireArchiveName(fileName);
        Path file = directory.resolve(name);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            // A directory, FIFO, socket or symbolic link is not an archive file Parley wrote: none by that name.
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(ArchiveJsonReader.read(in, true).toDomain(name));
        } catch (NoSuchFileException e) {
            if (!Files.isDirectory(directory)) {
                throw unavailable("cannot read " + name, e);
            }
            return Optional.empty();
        } catch (MalformedArchiveException e) {
            throw new UnreadableArchiveException(name, e.getMessage(), e);
        } catch (IOException e) {
            throw unavailable("cannot read " + name, e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reads every file, whether or not the archive has an index: the cost grows with the archive
     * (see docs/json-format.md); {@link ArchiveIndex#search} answers a page at a time.
     *
     * @throws InvalidInputException if the query filters by text or message type, which needs the index
     */
    @Override
    public ArchiveListing list(ArchiveQuery query) {
        Objects.requireNonNull(query, "query == null");
        if (query.filtersContent()) {
            throw new InvalidInputException(query.text().isPresent() ? InputField.SEARCH_TEXT : InputField.MESSAGE_TYPE,
                    "listing filters by guild, participant, requester and dates only; text and message type need the archive index");
        }
        List<ArchivedConversation> found = new ArrayList<>();
        List<UnreadableArchive> unreadable = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path file : entries) {
                String name = file.getFileName().toString();
                if (ArchiveFileNames.isArchiveName(name)) {
                    readForListing(file, name, found, unreadable);
                }
            }
        } catch (IOException e) {
            throw unavailable("cannot list", e);
        } catch (DirectoryIteratorException e) {
            throw unavailable("cannot list", e.getCause());
        }
        found.removeIf(archived -> !query.matches(archived));
        found.sort(Comparator.comparing(ArchivedConversation::createdAt).thenComparing(ArchivedConversation::fileName));
        unreadable.sort(Comparator.comparing(UnreadableArchive::fileName));
        return new ArchiveListing(found, unreadable);
    }

    /** Adds the file's listing line, or why it cannot be read; a file deleted meanwhile is simply gone. */
    private static void readForListing(Path file, String name, List<ArchivedConversation> found, List<UnreadableArchive> unreadable) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            unreadable.add(new UnreadableArchive(name, "not a regular file"));
            return;
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            found.add(ArchiveJsonReader.read(in, false).toListing(name));
        } catch (NoSuchFileException e) {
            // Deleted between the directory scan and the read: not part of the archive any more.
        } catch (MalformedArchiveException e) {
            unreadable.add(new UnreadableArchive(name, e.getMessage()));
        } catch (IOException e) {
            unreadable.add(new UnreadableArchive(name, "cannot read: " + describe(e)));
        }
    }

    /** Where a save goes; {@code holdsLaterVersion} when that file already has more of the same conversation. */
    private record Target(String name, boolean holdsLaterVersion) {
    }

    /**
     * The collision rule (decisions.md 4), run under the lock: the conversation's own file wherever it
     * already is; otherwise the first free name of: plain, {@code _thread-T}, {@code _thread-T-2}, ….
     */
    private Target resolve(Conversation conversation) throws IOException {
        String plain = conversation.fileName();
        String threaded = conversation.fileNameWithThread();
        Occupant atPlain = occupant(plain, conversation);
        if (atPlain.isSame()) {
            return atPlain.target(plain);
        }
        String free = atPlain == Occupant.ABSENT ? plain : null;
        Occupant atThreaded = occupant(threaded, conversation);
        if (atThreaded.isSame()) {
            return atThreaded.target(threaded);
        }
        if (atThreaded == Occupant.ABSENT) {
            return new Target(free != null ? free : threaded, false);
        }
        // The thread already held another conversation archived that day: look among the numbered names.
        TreeSet<Integer> taken = numbersInUse(conversation);
        for (int n : taken) {
            String numbered = ArchiveFileNames.numbered(conversation, n);
            Occupant atNumbered = occupant(numbered, conversation);
            if (atNumbered.isSame()) {
                return atNumbered.target(numbered);
            }
        }
        if (free != null) {
            return new Target(free, false);
        }
        int n = 2;
        while (taken.contains(n)) {
            n++;
        }
        return new Target(ArchiveFileNames.numbered(conversation, n), false);
    }

    /**
     * Who holds a name: nobody; this conversation (same thread and creation time), with a history
     * no longer than the one being saved or, when a late save of an older version arrives, longer;
     * or anything else, including a file without {@code thread_id} (the Python bot's) or one that
     * cannot be parsed.
     */
    private enum Occupant {
        ABSENT, SAME, SAME_WITH_LONGER_HISTORY, OTHER;

        boolean isSame() {
            return this == SAME || this == SAME_WITH_LONGER_HISTORY;
        }

        Target target(String name) {
            return new Target(name, this == SAME_WITH_LONGER_HISTORY);
        }
    }

    private Occupant occupant(String name, Conversation conversation) throws IOException {
        Path file = directory.resolve(name);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Occupant.ABSENT;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Occupant.OTHER;
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            Identity identity = ArchiveJsonReader.identify(in);
            boolean same = identity.threadId().equals(Optional.of(conversation.threadId()))
                    && identity.createdAt().map(at -> at.truncatedTo(ChronoUnit.MICROS)).equals(Optional.of(conversation.createdAt()));
            if (!same) {
                return Occupant.OTHER;
            }
            // Histories only grow, so a longer one on disk is a later state: never roll it back.
            return identity.messageCount() > conversation.history().size() ? Occupant.SAME_WITH_LONGER_HISTORY : Occupant.SAME;
        } catch (MalformedArchiveException e) {
            return Occupant.OTHER;
        }
    }

    private TreeSet<Integer> numbersInUse(Conversation conversation) throws IOException {
        String threaded = conversation.fileNameWithThread();
        String glob = threaded.substring(0, threaded.length() - ".json".length()) + "-*.json";
        TreeSet<Integer> numbers = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, glob)) {
            for (Path file : entries) {
                OptionalInt n = ArchiveFileNames.numberOf(conversation, file.getFileName().toString());
                n.ifPresent(numbers::add);
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        return numbers;
    }

    /** Temporary file in the same directory, forced to disk, then renamed over the target in one step. */
    private void writeAtomically(String name, byte[] json) throws IOException {
        Path target = directory.resolve(name);
        Path temp = directory.resolve(TEMP_PREFIX + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(json);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        syncDirectory();
    }

    /** Makes the rename itself durable; not every platform can open a directory, so this is best effort. */
    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot sync archive directory " + directory + ": " + describe(e));
        }
    }

    private StorageUnavailableException unavailable(String what, IOException e) {
        String problem = Files.isDirectory(directory)
                ? describe(e)
                : "the directory is missing or is not a directory";
        return new StorageUnavailableException(what + " in archive directory " + directory + ": " + problem, e);
    }

    private static String describe(IOException e) {
        if (e instanceof FileSystemException fs) {
            String kind = switch (fs) {
                case NoSuchFileException ignored -> "no such file or directory";
                case AccessDeniedException ignored -> "permission denied";
                case NotDirectoryException ignored -> "not a directory";
                case FileAlreadyExistsException ignored -> "already exists";
                default -> fs.getReason() != null ? fs.getReason() : fs.getClass().getSimpleName();
            };
            return fs.getFile() == null ? kind : kind + " (" + fs.getFile() + ")";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
