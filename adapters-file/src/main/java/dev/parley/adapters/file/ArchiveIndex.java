package dev.parley.adapters.file;

import dev.parley.adapters.file.ArchiveIndexStatus.State;
import dev.parley.adapters.file.ArchiveJsonReader.MalformedArchiveException;
import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.archive.ArchiveCursor;
import dev.parley.domain.archive.ArchiveHit;
import dev.parley.domain.archive.ArchivePage;
import dev.parley.domain.archive.ArchivePageRequest;
import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.archive.ArchiveSearch;
import dev.parley.domain.archive.ArchiveSnippet;
import dev.parley.domain.archive.ArchivedConversation;
import dev.parley.domain.archive.ArchivedTranscript;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The archive's search index: a Lucene index in {@value #DIRECTORY_NAME} inside the archive
 * directory, derived from the JSON files (which stay the archive) and kept in step with them.
 *
 * <ul>
 *   <li>Every save of this process is indexed inside the save, under the archive's lock, and is
 *       searchable by the next search.</li>
 *   <li>One process per directory maintains the index (it holds Lucene's write lock); other
 *       processes on the same directory search its commits, refreshed every
 *       {@link ArchiveIndexSettings#refreshInterval()}, and take over when it stops. Their saves
 *       reach the index through the maintainer's directory watch (inotify: within milliseconds)
 *       and, as the guarantee, its periodic scan.</li>
 *   <li>The periodic scan costs one {@code stat} per file: only files modified since the previous
 *       scan (less a margin) are compared with the index, by inode, modification time and size,
 *       and only changed files are read. When the directory holds another number of files than the
 *       index, a full scan compares every file and removes the entries of deleted files.</li>
 *   <li>A missing, unfinished, corrupt or older-schema index is rebuilt from the files in the
 *       background, with progress in the log and in {@link #status()}; searches meanwhile answer
 *       from what is indexed so far, marked partial. At every start the maintainer also compares
 *       every file with the index (catching up), since files may have been written while no
 *       process kept it.</li>
 * </ul>
 *
 * <p>Heap use is bounded: searches read one page of results, full scans stream the directory
 * through a bounded queue, and Lucene's indexing buffer is {@value #RAM_BUFFER_MB} MiB. The index
 * never makes a save fail: an indexing failure is logged and repaired by the next full scan.
 *
 * <p>One instance per archive directory and JVM, shared by every {@link JsonFileConversationArchive}
 * opened with an index on that directory (the first one's settings apply).
 */
public final class ArchiveIndex implements ArchiveSearch {

    /** The index's directory, inside the archive directory. Deleting it (Parley stopped) only costs a rebuild. */
    public static final String DIRECTORY_NAME = ".parley-index";

    static final int RAM_BUFFER_MB = 32;
    /** Files written within this much before a scan started are checked again by the next scan. */
    private static final Duration SCAN_MARGIN = Duration.ofMinutes(1);
    /** During a full scan, commit this often so other processes see progress and a crash keeps most of it. */
    private static final Duration PASS_COMMIT_INTERVAL = Duration.ofSeconds(30);
    private static final Duration PROGRESS_LOG_INTERVAL = Duration.ofSeconds(30);
    private static final Duration FAILED_RETRY = Duration.ofSeconds(30);
    private static final int RECENT_VERSIONS = 4096;
    private static final int STRIPES = 64;
    private static final int PASS_BATCH = 64;

    private static final System.Logger LOG = System.getLogger(ArchiveIndex.class.getName());
    private static final Map<Path, ArchiveIndex> OPEN = new HashMap<>();

    private static final String KEY_SCHEMA = "index.schema";
    private static final String KEY_COMPLETE = "index.complete";
    private static final String KEY_WATERMARK = "index.scan_watermark_ms";
    private static final String KEY_DONE = "index.pass_done";
    private static final String KEY_TOTAL = "index.pass_total";
    private static final String KEY_STARTED = "index.pass_started";

    /** Test hook: called before each file of a full scan is looked at. */
    @FunctionalInterface
    interface PassObserver {
        PassObserver NONE = name -> { };

        void beforeFile(String name) throws InterruptedException;
    }

    private enum PassKind {
        REBUILD("rebuild", State.REBUILDING),
        CATCH_UP("catch-up scan", State.CATCHING_UP),
        FULL_SCAN("full scan", State.READY),
        SCAN("scan", State.READY);

        final String label;
        final State state;

        PassKind(String label, State state) {
            this.label = label;
            this.state = state;
        }
    }

    /** A full scan's progress. */
    private record Progress(Instant startedAt, long total, AtomicLong done) {
    }

    private final Path archiveDirectory;
    private final Path indexPath;
    private final ArchiveIndexSettings settings;
    private final PassObserver observer;
    private final TextAnalyzer analyzer = new TextAnalyzer();
    /** Readers: searches, saves, the watch and scans; the writer: switching between maintaining and following. */
    private final ReentrantReadWriteLock mode = new ReentrantReadWriteLock();
    /** One file's check-read-index is one step: a save and a scan of the same name never interleave. */
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final ScheduledExecutorService background;
    /** Versions this process indexed lately, so the watch's echo of its own saves is not read again. */
    private final Map<String, String> recentVersions = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > RECENT_VERSIONS;
        }
    };
    private final AtomicLong filesRead = new AtomicLong();
    /**
     * Names indexed by saves and the watch while a full scan of an index that was empty when the
     * scan started runs: that scan adds documents (faster than updating) for every other name.
     */
    private final java.util.Set<String> indexedBesidesPass = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean trackingBesidesPass;

    private int references;
    private FSDirectory directory;
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    private volatile State state = State.STARTING;
    private volatile boolean complete;
    private volatile boolean dirty;
    private volatile boolean uncommitted;
    private volatile boolean fullScanWanted;
    private volatile boolean closed;
    private volatile Progress progress;
    private volatile long watermarkMillis = Long.MIN_VALUE;
    private volatile long lastCommitNanos = System.nanoTime();
    private volatile long lastScanNanos = System.nanoTime();
    private volatile long failedAtNanos;
    private volatile String problem;
    private volatile Map<String, String> followedCommit = Map.of();
    private volatile Thread watchThread;
    private volatile WatchService watchService;

    private ArchiveIndex(Path archiveDirectory, ArchiveIndexSettings settings, PassObserver observer) {
        this.archiveDirectory = archiveDirectory;
        this.indexPath = archiveDirectory.resolve(DIRECTORY_NAME);
        this.settings = settings;
        this.observer = observer;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
        this.background = Executors.newSingleThreadScheduledExecutor(daemon("parley-archive-index"));
    }

    /** The shared index of {@code realArchiveDirectory}, opened (in the background) by the first caller. */
    static ArchiveIndex acquire(Path realArchiveDirectory, ArchiveIndexSettings settings, PassObserver observer) {
        synchronized (OPEN) {
            ArchiveIndex index = OPEN.computeIfAbsent(realArchiveDirectory, dir -> {
                ArchiveIndex opened = new ArchiveIndex(dir, settings, observer);
                opened.background.execute(opened::start);
                return opened;
            });
            index.references++;
            return index;
        }
    }

    /** Gives up one {@link #acquire}; the last one closes the index (committing what it holds). */
    void release() {
        synchronized (OPEN) {
            if (--references > 0) {
                return;
            }
            OPEN.remove(archiveDirectory);
        }
        close();
    }

    /** The index's directory. */
    public Path indexDirectory() {
        return indexPath;
    }

    /** What the index is doing now. */
    public ArchiveIndexStatus status() {
        Progress current = progress;
        boolean passRunning = state == State.REBUILDING || state == State.CATCHING_UP;
        long indexed;
        long total;
        Optional<Instant> started = Optional.ofNullable(current).map(Progress::startedAt);
        long unreadable = 0;
        IndexSearcher searcher = null;
        SearcherManager manager = searchers;
        try {
            if (manager != null) {
                searcher = manager.acquire();
                unreadable = searcher.count(new TermQuery(new Term(IndexDocuments.KIND, IndexDocuments.UNREADABLE)));
            }
            if (writer == null && state == State.FOLLOWING) {
                Map<String, String> commit = followedCommit;
                boolean ownerPassRunning = !"true".equals(commit.get(KEY_COMPLETE));
                indexed = ownerPassRunning ? parseLong(commit.get(KEY_DONE)) : searcher == null ? 0 : searcher.getIndexReader().numDocs();
                total = parseLong(commit.get(KEY_TOTAL));
                started = Optional.ofNullable(commit.get(KEY_STARTED)).map(millis -> Instant.ofEpochMilli(parseLong(millis)));
            } else if (passRunning && current != null) {
                indexed = current.done().get();
                total = current.total();
            } else {
                indexed = searcher == null ? 0 : searcher.getIndexReader().numDocs();
                total = indexed;
            }
        } catch (IOException | RuntimeException e) {
            indexed = 0;
            total = 0;
        } finally {
            release(manager, searcher);
        }
        return new ArchiveIndexStatus(state, writer != null, isPartial(), indexed, total, started, unreadable,
                filesRead.get(), Optional.ofNullable(problem));
    }

    private boolean isPartial() {
        return switch (state) {
            case STARTING, REBUILDING, CATCHING_UP -> true;
            case FOLLOWING -> !"true".equals(followedCommit.get(KEY_COMPLETE));
            case READY -> !complete;
            case FAILED -> true;
        };
    }

    @Override
    public ArchivePage search(ArchiveQuery query, ArchivePageRequest page) {
        Optional<ArchiveCursor> after = page.positionFor(query);
        IndexQueries.Built built = IndexQueries.build(query, analyzer);
        mode.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the archive index of " + archiveDirectory + " is closed");
            }
            SearcherManager manager = searchers;
            if (manager == null) {
                if (state == State.FAILED) {
                    throw new StorageUnavailableException("cannot search the archive index in " + indexPath + ": " + problem);
                }
                return new ArchivePage(List.of(), Optional.empty(), true);
            }
            boolean partial = isPartial();
            if (writer != null && dirty) {
                dirty = false;
                manager.maybeRefreshBlocking();
            }
            IndexSearcher searcher = manager.acquire();
            try {
                return page(searcher, query, built, after, page.limit(), partial);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            if (isCorruption(e)) {
                LOG.log(System.Logger.Level.WARNING, "archive index in {0} is corrupt ({1}): rebuilding it from the archive files",
                        indexPath, describe(e));
                background.execute(this::recreateAfterCorruption);
            }
            throw new StorageUnavailableException("cannot search the archive index in " + indexPath + ": " + describe(e), e);
        } finally {
            mode.readLock().unlock();
        }
    }

    private ArchivePage page(IndexSearcher searcher, ArchiveQuery query, IndexQueries.Built built, Optional<ArchiveCursor> after,
            int limit, boolean partial) throws IOException {
        TopDocs top = ((SortedIndexSearcher) searcher).page(built.query(),
                after.map(cursor -> fieldDoc(cursor, searcher.getIndexReader().maxDoc())).orElse(null), limit + 1);
        StoredFields stored = searcher.storedFields();
        Optional<Snippets> snippets = built.text().map(text -> new Snippets(text, analyzer));
        List<ArchiveHit> items = new ArrayList<>(Math.min(limit, top.scoreDocs.length));
        for (int i = 0; i < Math.min(limit, top.scoreDocs.length); i++) {
            ArchivedConversation line = IndexDocuments.listing(stored.document(top.scoreDocs[i].doc));
            items.add(new ArchiveHit(line, snippets.map(s -> snippetsOf(line.fileName(), s)).orElse(List.of())));
        }
        Optional<ArchiveCursor> next = top.scoreDocs.length > limit
                ? Optional.of(ArchiveCursor.after(items.getLast().conversation(), query))
                : Optional.empty();
        return new ArchivePage(items, next, partial);
    }

    /**
     * A position after every conversation sorting before or at the cursor, the cursor's own file
     * included: on a tie of both sort values Lucene skips documents numbered up to {@code doc}, and
     * the last document number skips them all (file names are unique, so only the cursor's own file ties).
     */
    private static FieldDoc fieldDoc(ArchiveCursor cursor, int maxDoc) {
        return new FieldDoc(maxDoc - 1, Float.NaN, new Object[] {cursor.createdAtMicros(), new BytesRef(cursor.fileName())});
    }

    /** Snippets from the file as it is now; none if it changed into something unreadable or went away meanwhile. */
    private List<ArchiveSnippet> snippetsOf(String name, Snippets snippets) {
        try (InputStream in = Files.newInputStream(archiveDirectory.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
            return snippets.of(ArchiveJsonReader.read(in, true).toDomain(name));
        } catch (IOException | MalformedArchiveException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "no snippets for {0}: {1}", name, e.getMessage());
            return List.of();
        }
    }

    // ---------------------------------------------------------------- keeping in step with saves

    /**
     * Indexes what a save of this process just wrote as {@code name}. Called under the archive's
     * lock, after the rename, so no other save can change the file before its version is read.
     * Never throws: the file is saved whatever the index does.
     */
    void saved(String name, ArchivedTranscript transcript) {
        mode.readLock().lock();
        try {
            IndexWriter maintaining = writer;
            if (closed || maintaining == null) {
                return; // the maintaining process's watch or scan picks the file up
            }
            ReentrantLock stripe = stripe(name);
            stripe.lock();
            try {
                BasicFileAttributes attributes = Files.readAttributes(archiveDirectory.resolve(name), BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                String version = IndexDocuments.version(name, attributes);
                if (trackingBesidesPass) {
                    indexedBesidesPass.add(name);
                }
                maintaining.updateDocument(new Term(IndexDocuments.FILE, name), IndexDocuments.conversation(name, version, transcript));
                indexed(name, version);
            } finally {
                stripe.unlock();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "archive file {0} was saved but not indexed ({1}); the next full scan indexes it",
                    name, describe(e));
            fullScanWanted = true;
        } finally {
            mode.readLock().unlock();
        }
    }

    private void indexed(String name, String version) {
        synchronized (recentVersions) {
            recentVersions.put(name, version);
        }
        dirty = true;
        uncommitted = true;
    }

    private boolean recentlyIndexed(String name, String version) {
        synchronized (recentVersions) {
            return version.equals(recentVersions.get(name));
        }
    }

    private ReentrantLock stripe(String name) {
        return stripes[Math.floorMod(name.hashCode(), STRIPES)];
    }

    /**
     * Brings one file's entry up to date, as one step under the name's stripe: looks at the file,
     * skips it if {@code current} already holds this version (or it is older than
     * {@code watermarkMillis}), else reads and indexes it. {@code fromEmpty}: a full scan of an
     * index that was empty when it started, which adds instead of updating what nothing else
     * indexed; {@code besidesPass}: the watch, whose names such a scan must update.
     */
    private void refreshFile(String name, IndexReader current, long watermarkMillis, boolean fromEmpty, boolean besidesPass)
            throws IOException {
        IndexWriter maintaining = writer;
        Path file = archiveDirectory.resolve(name);
        ReentrantLock stripe = stripe(name);
        stripe.lock();
        try {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException gone) {
                return;
            } catch (IOException e) {
                // One file the process may not look at must not stop the index: held as unreadable, retried by full scans.
                LOG.log(System.Logger.Level.WARNING, "cannot look at archive file {0} ({1}); the next full scan tries again",
                        name, describe(e));
                maintaining.updateDocument(new Term(IndexDocuments.FILE, name),
                        IndexDocuments.unreadable(name, IndexDocuments.unknownVersion(name), "cannot read: " + describe(e)));
                dirty = true;
                uncommitted = true;
                return;
            }
            if (attributes.lastModifiedTime().toMillis() < watermarkMillis) {
                return;
            }
            String version = IndexDocuments.version(name, attributes);
            if (recentlyIndexed(name, version) || (current != null && holds(current, version))) {
                return;
            }
            Document doc = read(name, file, attributes, version);
            if (doc == null) {
                return;
            }
            if (fromEmpty && !indexedBesidesPass.contains(name)) {
                maintaining.addDocument(doc);
            } else {
                if (besidesPass && trackingBesidesPass) {
                    indexedBesidesPass.add(name);
                }
                maintaining.updateDocument(new Term(IndexDocuments.FILE, name), doc);
            }
            indexed(name, version);
        } finally {
            stripe.unlock();
        }
    }

    /** The document for the file as it is now; null if it went away meanwhile. */
    private Document read(String name, Path file, BasicFileAttributes attributes, String version) {
        if (!attributes.isRegularFile()) {
            return IndexDocuments.unreadable(name, version, "not a regular file");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            filesRead.incrementAndGet();
            return IndexDocuments.conversation(name, version, ArchiveJsonReader.read(in, true).toDomain(name));
        } catch (NoSuchFileException gone) {
            return null;
        } catch (MalformedArchiveException e) {
            LOG.log(System.Logger.Level.WARNING, "archive file {0} is not a readable archive, left out of searches: {1}",
                    name, e.getMessage());
            return IndexDocuments.unreadable(name, version, e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read archive file {0} to index it ({1}); the next full scan tries again",
                    name, describe(e));
            return IndexDocuments.unreadable(name, IndexDocuments.unknownVersion(name), "cannot read: " + describe(e));
        }
    }

    /** Whether {@code reader} holds a live document of exactly this file version. */
    private static boolean holds(IndexReader reader, String version) throws IOException {
        BytesRef term = new BytesRef(version);
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(IndexDocuments.VERSION);
            if (terms == null) {
                continue;
            }
            TermsEnum iterator = terms.iterator();
            if (iterator.seekExact(term) && hasLiveDocument(iterator, leaf.reader().getLiveDocs())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLiveDocument(TermsEnum iterator, Bits live) throws IOException {
        PostingsEnum postings = iterator.postings(null, PostingsEnum.NONE);
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            if (live == null || live.get(doc)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- the background: open, scan, commit, follow

    private void start() {
        try {
            Files.createDirectories(indexPath);
            directory = FSDirectory.open(indexPath);
            if (!tryToMaintain()) {
                state = State.FOLLOWING;
                LOG.log(System.Logger.Level.INFO, "archive index in {0} is maintained by another process; searching its commits",
                        indexPath);
                followQuietly();
            }
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
        long tick = settings.refreshInterval().toMillis();
        background.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        if (closed) {
            return;
        }
        try {
            if (state == State.FAILED) {
                if (System.nanoTime() - failedAtNanos < FAILED_RETRY.toNanos()) {
                    return;
                }
                if (directory == null) {
                    Files.createDirectories(indexPath);
                    directory = FSDirectory.open(indexPath);
                }
                problem = null;
                state = State.STARTING;
            }
            if (writer == null) {
                if (!tryToMaintain()) {
                    state = State.FOLLOWING;
                    followQuietly();
                }
                return;
            }
            if (writer.getTragicException() != null) {
                throw new IOException("the index writer failed", writer.getTragicException());
            }
            if (fullScanWanted) {
                fullScanWanted = false;
                pass(PassKind.FULL_SCAN, Long.MIN_VALUE);
            } else if (System.nanoTime() - lastScanNanos >= settings.scanInterval().toNanos()) {
                pass(PassKind.SCAN, watermarkMillis);
            }
            if (uncommitted && System.nanoTime() - lastCommitNanos >= settings.refreshInterval().toNanos()) {
                commit();
            }
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
    }

    /**
     * Opens the index for writing if no other process holds it, rebuilding it if it is unreadable
     * or of another schema, then brings it in step with the directory. False if another process
     * maintains it.
     */
    private boolean tryToMaintain() throws IOException {
        IndexWriter opened = openWriter();
        if (opened == null) {
            return false;
        }
        Map<String, String> commit = new HashMap<>();
        Iterable<Map.Entry<String, String>> data = opened.getLiveCommitData();
        if (data != null) {
            data.forEach(entry -> commit.put(entry.getKey(), entry.getValue()));
        }
        boolean sameSchema = IndexDocuments.SCHEMA_VERSION.equals(commit.get(KEY_SCHEMA));
        if (!sameSchema && opened.getDocStats().maxDoc > 0) {
            LOG.log(System.Logger.Level.INFO, "archive index in {0} has schema {1}, this version uses {2}: rebuilding it",
                    indexPath, commit.getOrDefault(KEY_SCHEMA, "none"), IndexDocuments.SCHEMA_VERSION);
            opened.deleteAll();
        }
        SearcherManager manager = new SearcherManager(opened, SortedIndexSearcher.FACTORY);
        mode.writeLock().lock();
        try {
            closeSearchers();
            writer = opened;
            searchers = manager;
            complete = sameSchema && "true".equals(commit.get(KEY_COMPLETE));
            followedCommit = Map.of();
        } finally {
            mode.writeLock().unlock();
        }
        startWatch();
        pass(complete ? PassKind.CATCH_UP : PassKind.REBUILD, Long.MIN_VALUE);
        return true;
    }

    /** A writer on the index, or null if another process holds its lock. An unreadable index is wiped and created anew. */
    private IndexWriter openWriter() throws IOException {
        try {
            return new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        } catch (LockObtainFailedException heldElsewhere) {
            return null;
        } catch (IOException | IllegalArgumentException e) {
            if (!isCorruption(e)) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, "archive index in {0} cannot be read ({1}): rebuilding it from the archive files",
                    indexPath, describe(e));
            return wipeAndCreate();
        }
    }

    private IndexWriter wipeAndCreate() throws IOException {
        try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            for (String file : directory.listAll()) {
                if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    directory.deleteFile(file);
                }
            }
        } catch (LockObtainFailedException heldElsewhere) {
            return null;
        }
        try {
            return new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE));
        } catch (LockObtainFailedException heldElsewhere) {
            return null;
        }
    }

    private IndexWriterConfig config(IndexWriterConfig.OpenMode openMode) {
        return new IndexWriterConfig(analyzer)
                .setOpenMode(openMode)
                .setIndexSort(IndexDocuments.ORDER)
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setCommitOnClose(true);
    }

    private static boolean isCorruption(Exception e) {
        return e instanceof CorruptIndexException || e instanceof IndexFormatTooOldException || e instanceof IndexFormatTooNewException
                || e instanceof EOFException || e instanceof NoSuchFileException || e instanceof FileNotFoundException
                || e instanceof IllegalArgumentException;
    }

    /** Run on the background thread when a search met corruption: start over from the files. */
    private void recreateAfterCorruption() {
        if (closed || writer == null) {
            return;
        }
        try {
            mode.writeLock().lock();
            try {
                stopWatch();
                closeSearchers();
                IndexWriter old = writer;
                writer = null;
                old.rollback();
            } finally {
                mode.writeLock().unlock();
            }
            IndexWriter fresh = wipeAndCreate();
            if (fresh == null) {
                state = State.FOLLOWING;
                return;
            }
            fresh.close();
            tryToMaintain();
        } catch (IOException | RuntimeException e) {
            failed(e);
        }
    }

    /**
     * Follows, reopening from scratch next time when the maintainer replaced files under the
     * current view (a rebuild): a follower never fails for what the maintainer does.
     */
    private void followQuietly() {
        try {
            follow();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "archive index in {0}: reopening the maintainer''s commits ({1})", indexPath, describe(e));
            mode.writeLock().lock();
            try {
                closeSearchers();
            } finally {
                mode.writeLock().unlock();
            }
        }
    }

    /** Follows another process's commits; the first follow opens them, if there are any yet. */
    private void follow() throws IOException {
        SearcherManager manager = searchers;
        if (manager == null) {
            if (!DirectoryReader.indexExists(directory)) {
                return;
            }
            SearcherManager opened = new SearcherManager(directory, SortedIndexSearcher.FACTORY);
            mode.writeLock().lock();
            try {
                searchers = opened;
            } finally {
                mode.writeLock().unlock();
            }
            manager = opened;
        } else {
            manager.maybeRefresh();
        }
        IndexSearcher searcher = manager.acquire();
        try {
            followedCommit = Map.copyOf(((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData());
        } finally {
            manager.release(searcher);
        }
    }

    /**
     * Compares the directory with the index and indexes what differs, then removes the entries of
     * files that are gone. Files modified before {@code watermarkMillis} are not looked at (a
     * periodic scan); {@link Long#MIN_VALUE} looks at all (a rebuild, the start-up catch-up, a
     * full scan). If the index then holds another number of files than the directory, a periodic
     * scan continues as a full scan.
     */
    private void pass(PassKind kind, long watermark) throws IOException {
        Instant started = Instant.now();
        long startedNanos = System.nanoTime();
        long total = countArchiveFiles();
        Progress current = new Progress(started, total, new AtomicLong());
        boolean reported = kind != PassKind.SCAN;
        if (reported) {
            progress = current;
            state = kind.state;
            LOG.log(System.Logger.Level.INFO, "archive index {0} started: {1} archive files in {2}", kind.label, total, archiveDirectory);
        }
        writer.setLiveCommitData(commitData(current).entrySet());
        long seen = visitAll(kind, watermark, current, startedNanos);
        if (closed) {
            return;
        }
        searchers.maybeRefreshBlocking();
        long inIndex = numDocs();
        if (inIndex > seen) {
            removeDeleted();
        }
        if (kind == PassKind.SCAN && numDocs() != countArchiveFiles()) {
            pass(PassKind.FULL_SCAN, Long.MIN_VALUE);
            return;
        }
        complete = true;
        watermarkMillis = started.minus(SCAN_MARGIN).toEpochMilli();
        lastScanNanos = System.nanoTime();
        state = State.READY;
        commit();
        if (reported) {
            LOG.log(System.Logger.Level.INFO, "archive index {0} done: {1} archive files indexed in {2} s ({3} read)",
                    kind.label, numDocs(), String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9),
                    current.done().get() > 0 ? filesRead.get() : 0);
        }
    }

    /** Streams the directory's archive names through a bounded queue to the indexing threads; returns how many there were. */
    private long visitAll(PassKind kind, long watermark, Progress current, long startedNanos) throws IOException {
        indexedBesidesPass.clear();
        trackingBesidesPass = true;
        searchers.maybeRefreshBlocking();
        IndexSearcher snapshot = searchers.acquire();
        IndexReader lookup = snapshot.getIndexReader().maxDoc() > 0 ? snapshot.getIndexReader() : null;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(settings.indexingThreads(), settings.indexingThreads(), 1, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.indexingThreads() * 2), daemon("parley-archive-indexing"),
                new ThreadPoolExecutor.CallerRunsPolicy());
        long seen = 0;
        long nextLog = System.nanoTime() + PROGRESS_LOG_INTERVAL.toNanos();
        long nextCommit = System.nanoTime() + PASS_COMMIT_INTERVAL.toNanos();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(archiveDirectory)) {
            List<String> batch = new ArrayList<>(PASS_BATCH);
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!ArchiveFileNames.isArchiveName(name)) {
                    continue;
                }
                seen++;
                batch.add(name);
                if (batch.size() == PASS_BATCH) {
                    submit(workers, List.copyOf(batch), lookup, watermark, current, failure);
                    batch.clear();
                }
                if (closed || failure.get() != null) {
                    break;
                }
                if (kind != PassKind.SCAN && System.nanoTime() >= nextLog) {
                    nextLog = System.nanoTime() + PROGRESS_LOG_INTERVAL.toNanos();
                    logProgress(kind, current, startedNanos);
                }
                if (System.nanoTime() >= nextCommit) {
                    nextCommit = System.nanoTime() + PASS_COMMIT_INTERVAL.toNanos();
                    writer.setLiveCommitData(commitData(current).entrySet());
                    commit();
                }
            }
            submit(workers, List.copyOf(batch), lookup, watermark, current, failure);
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        } finally {
            workers.shutdown();
            awaitQuietly(workers);
            searchers.release(snapshot);
            trackingBesidesPass = false;
            indexedBesidesPass.clear();
        }
        Throwable failed = failure.get();
        if (failed instanceof IOException io) {
            throw io;
        }
        if (failed != null) {
            throw new IOException(failed);
        }
        return seen;
    }

    private void submit(ThreadPoolExecutor workers, List<String> names, IndexReader lookup, long watermark, Progress current,
            AtomicReference<Throwable> failure) {
        boolean fromEmpty = lookup == null;
        if (names.isEmpty()) {
            return;
        }
        workers.execute(() -> {
            for (String name : names) {
                if (closed || failure.get() != null) {
                    return;
                }
                try {
                    observer.beforeFile(name);
                    refreshFile(name, lookup, watermark, fromEmpty, false);
                    current.done().incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure.compareAndSet(null, e);
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        });
    }

    private void logProgress(PassKind kind, Progress current, long startedNanos) {
        long done = current.done().get();
        long percent = current.total() == 0 ? 100 : done * 100 / current.total();
        LOG.log(System.Logger.Level.INFO, "archive index {0}: {1} of {2} files ({3} %), {4} s", kind.label, done, current.total(),
                percent, (System.nanoTime() - startedNanos) / 1_000_000_000L);
    }

    /** Removes the entries of files no longer in the directory. */
    private void removeDeleted() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        long removed = 0;
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(IndexDocuments.FILE);
                if (terms == null) {
                    continue;
                }
                TermsEnum iterator = terms.iterator();
                for (BytesRef term = iterator.next(); term != null && !closed; term = iterator.next()) {
                    if (hasLiveDocument(iterator, leaf.reader().getLiveDocs()) && removeIfGone(term.utf8ToString())) {
                        removed++;
                    }
                }
            }
        } finally {
            searchers.release(searcher);
        }
        if (removed > 0) {
            LOG.log(System.Logger.Level.INFO, "archive index: removed {0} entries of files no longer in {1}", removed, archiveDirectory);
        }
    }

    private boolean removeIfGone(String name) throws IOException {
        ReentrantLock stripe = stripe(name);
        stripe.lock();
        try {
            if (Files.exists(archiveDirectory.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            writer.deleteDocuments(new Term(IndexDocuments.FILE, name));
            synchronized (recentVersions) {
                recentVersions.remove(name);
            }
            dirty = true;
            uncommitted = true;
            return true;
        } finally {
            stripe.unlock();
        }
    }

    private long countArchiveFiles() throws IOException {
        long count = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(archiveDirectory)) {
            for (Path entry : entries) {
                if (ArchiveFileNames.isArchiveName(entry.getFileName().toString())) {
                    count++;
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        return count;
    }

    private long numDocs() throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            searchers.release(searcher);
        }
    }

    private Map<String, String> commitData(Progress current) {
        Map<String, String> data = new HashMap<>();
        data.put(KEY_SCHEMA, IndexDocuments.SCHEMA_VERSION);
        data.put(KEY_COMPLETE, String.valueOf(complete && state != State.REBUILDING));
        data.put(KEY_WATERMARK, String.valueOf(watermarkMillis));
        if (current != null) {
            data.put(KEY_DONE, String.valueOf(current.done().get()));
            data.put(KEY_TOTAL, String.valueOf(current.total()));
            data.put(KEY_STARTED, String.valueOf(current.startedAt().toEpochMilli()));
        }
        return data;
    }

    private void commit() throws IOException {
        uncommitted = false;
        lastCommitNanos = System.nanoTime();
        writer.setLiveCommitData(commitData(progress).entrySet());
        writer.commit();
    }

    // ---------------------------------------------------------------- the directory watch

    /** Watches the directory for files other processes write, where the platform has a native watch. */
    private void startWatch() {
        if (!settings.watch() || watchThread != null) {
            return;
        }
        try {
            WatchService service = archiveDirectory.getFileSystem().newWatchService();
            if (service.getClass().getName().contains("Polling")) {
                // A polling watch would stat every file every few seconds: the periodic scan does better.
                service.close();
                LOG.log(System.Logger.Level.INFO, "no native directory watch on this platform: files of other processes are "
                        + "indexed by the scan every {0}", settings.scanInterval());
                return;
            }
            archiveDirectory.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            watchService = service;
            Thread thread = daemon("parley-archive-watch").newThread(() -> watch(service));
            watchThread = thread;
            thread.start();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot watch archive directory {0} ({1}): files of other processes are indexed "
                    + "by the scan every {2}", archiveDirectory, describe(e), settings.scanInterval());
        }
    }

    private void watch(WatchService service) {
        try {
            while (!closed) {
                WatchKey key = service.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        fullScanWanted = true;
                    } else if (event.context() instanceof Path changed && ArchiveFileNames.isArchiveName(changed.toString())) {
                        watched(changed.toString(), event.kind() == StandardWatchEventKinds.ENTRY_DELETE);
                    }
                }
                if (!key.reset()) {
                    LOG.log(System.Logger.Level.WARNING, "archive directory {0} can no longer be watched", archiveDirectory);
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            // closing
        }
    }

    private void watched(String name, boolean deleted) {
        mode.readLock().lock();
        try {
            if (closed || writer == null) {
                return;
            }
            if (deleted) {
                removeIfGone(name);
            } else {
                refreshFile(name, null, Long.MIN_VALUE, false, true);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot index archive file {0} ({1}); the next full scan does", name, describe(e));
            fullScanWanted = true;
        } finally {
            mode.readLock().unlock();
        }
    }

    private void stopWatch() {
        WatchService service = watchService;
        watchService = null;
        watchThread = null;
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the archive directory watch: {0}", describe(e));
            }
        }
    }

    // ---------------------------------------------------------------- failure and closing

    private void failed(Exception e) {
        if (closed) {
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "archive index in {0} cannot be used ({1}); saving goes on, searching fails; retrying in {2} s",
                indexPath, describe(e), FAILED_RETRY.toSeconds());
        mode.writeLock().lock();
        try {
            stopWatch();
            closeSearchers();
            IndexWriter broken = writer;
            writer = null;
            if (broken != null) {
                try {
                    broken.rollback();
                } catch (IOException | RuntimeException ignored) {
                    // already broken
                }
            }
        } finally {
            mode.writeLock().unlock();
        }
        problem = describe(e);
        failedAtNanos = System.nanoTime();
        state = State.FAILED;
    }

    private void close() {
        closed = true;
        stopWatch();
        // Never interrupt: an interrupted thread closes Lucene's file channels under it (and its lock).
        // A running scan sees `closed` and stops after its current file.
        background.shutdown();
        awaitQuietly(background);
        mode.writeLock().lock();
        try {
            closeSearchers();
            IndexWriter open = writer;
            writer = null;
            if (open != null) {
                // Commit what is indexed, then stop without waiting for background merges.
                open.setLiveCommitData(commitData(progress).entrySet());
                open.commit();
                open.rollback();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the archive index in {0}: {1}", indexPath, describe(e));
        } finally {
            mode.writeLock().unlock();
        }
    }

    private void closeSearchers() {
        SearcherManager open = searchers;
        searchers = null;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing archive index searchers: {0}", describe(e));
            }
        }
    }

    private static void release(SearcherManager manager, IndexSearcher searcher) {
        if (manager != null && searcher != null) {
            try {
                manager.release(searcher);
            } catch (IOException | RuntimeException ignored) {
                // status only
            }
        }
    }

    private static void awaitQuietly(java.util.concurrent.ExecutorService executor) {
        try {
            if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "archive index threads did not stop within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static long parseLong(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
