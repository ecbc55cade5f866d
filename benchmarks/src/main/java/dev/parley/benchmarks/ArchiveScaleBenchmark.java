package dev.parley.benchmarks;

import dev.parley.adapters.file.ArchiveIndex;
import dev.parley.adapters.file.ArchiveIndexSettings;
import dev.parley.adapters.file.ArchiveIndexStatus;
import dev.parley.adapters.file.JsonFileConversationArchive;
import dev.parley.domain.archive.ArchivePage;
import dev.parley.domain.archive.ArchivePageRequest;
import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.conversation.ToolCall;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The archive at scale: generates N archive files of about 20 messages (several guilds,
 * requesters and participants, two years of dates, text drawn from a skewed vocabulary), builds
 * the index from them, and measures the index build, the disk used, and p50/p99 of a filtered
 * query, a full-text query (with snippets), the first page of the full listing and a later page
 * through its cursor, beside today's scan ({@code list}, which parses every file) on the same
 * files: on all of them, or on the first {@code --scan-files} of them through hard links.
 *
 * <pre>
 * java -Xmx1g -jar parley-benchmarks.jar archive --files 1000000 --dir /var/tmp/parley-scale [--queries 300]
 *      [--scan-files 100000] [--scan-runs 3] [--threads 2] [--seed 1] [--keep] [--reuse]
 * </pre>
 *
 * Files are written by a fast path that produces the bytes {@link JsonFileConversationArchive#save}
 * writes, without its locking and {@code fsync}s; the first files are also saved through the real
 * archive into a side directory and compared byte for byte, and the run stops if any differs.
 * {@code --dir} must be empty or missing unless {@code --reuse} (then its archive files are used as
 * they are); everything generated is deleted at the end unless {@code --keep}.
 */
final class ArchiveScaleBenchmark {

    private static final Instant FIRST_DAY = Instant.parse("2024-01-01T00:00:00Z");
    private static final long TWO_YEARS_SECONDS = Duration.ofDays(730).toSeconds();
    private static final int GUILDS = 40;
    private static final int REQUESTERS = 3_000;
    private static final int USERS = 8_000;
    private static final int COMPARED_WITH_REAL_SAVES = 200;

    /** Words of everyday Discord talk about software and games, most frequent first (drawn Zipf-like). */
    private static final String[] WORDS = ("""
            the to and a of is it you that in i for this on with be have not are just can but so do what if my at
            was we your me all get like about think know would there one out when how will no up they or from more
            make some now time good need should because work then really any here see want use also could new try
            thanks please help yes right way still maybe sure problem thing people first again last something other
            build deploy server error config file update version bot channel message user role permission token
            test code branch merge release log logs crash restart database query index cache memory disk network
            timeout latency request response api endpoint webhook thread guild avatar model prompt reply summary
            game match team player score level quest raid boss loot patch season map weapon skill ranked queue
            music song playlist album artist stream video voice call meeting event schedule tomorrow tonight weekend
            docker kubernetes redis postgres java python rust javascript typescript gradle maven lint compile
            install upgrade rollback migrate backup restore monitor alert metric dashboard grafana prometheus
            night morning friday monday coffee lunch weather rain holiday birthday party movie book recipe pizza
            """).trim().split("\\s+");
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] TOOLS = {"search_documents", "read_logs", "get_weather", "run_query", "fetch_page", "lookup_user"};

    record Settings(int files, Path directory, int queries, int scanFiles, int scanRuns, int threads, long seed, boolean keep,
            boolean reuse) {
    }

    private final Settings settings;
    private final PrintStream out;
    private final double[] wordWeights;

    ArchiveScaleBenchmark(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.wordWeights = new double[WORDS.length];
        double total = 0;
        for (int i = 0; i < WORDS.length; i++) {
            total += 1.0 / (i + 1);
            wordWeights[i] = total;
        }
        for (int i = 0; i < WORDS.length; i++) {
            wordWeights[i] /= total;
        }
    }

    static void main(String[] args) throws Exception {
        int files = 1_000_000;
        Path directory = Path.of("target", "archive-scale");
        int queries = 300;
        Integer scanFiles = null;
        int scanRuns = 3;
        int threads = Math.min(2, Runtime.getRuntime().availableProcessors());
        long seed = 1;
        boolean keep = false;
        boolean reuse = false;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--files" -> files = Integer.parseInt(value.replace("_", ""));
                case "--dir" -> directory = Path.of(value);
                case "--queries" -> queries = Integer.parseInt(value);
                case "--scan-files" -> scanFiles = Integer.parseInt(value.replace("_", ""));
                case "--scan-runs" -> scanRuns = Integer.parseInt(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--keep" -> {
                    keep = true;
                    i--;
                }
                case "--reuse" -> {
                    reuse = true;
                    i--;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + "; usage: archive [--files 1000000] [--dir DIR] [--queries 300]"
                            + " [--scan-files 100000] [--scan-runs 3] [--threads 2] [--seed 1] [--keep] [--reuse]");
                    System.exit(2);
                }
            }
            i++;
        }
        Settings settings = new Settings(files, directory.toAbsolutePath().normalize(), queries,
                scanFiles == null ? Math.min(files, 100_000) : Math.min(files, scanFiles), scanRuns, threads, seed, keep, reuse);
        new ArchiveScaleBenchmark(settings, System.out).run();
    }

    void run() throws Exception {
        Path directory = settings.directory();
        out.printf("Parley archive at scale: JDK %s, %d cores, max heap %d MiB, %,d files in %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, settings.files(), directory);
        boolean generated = false;
        try {
            if (settings.reuse() && Files.isDirectory(directory)) {
                out.printf("reusing the %,d archive files in %s (and any index there)%n", countArchiveFiles(directory), directory);
            } else {
                requireEmpty(directory);
                checkFastPathMatchesRealSaves();
                generated = true;
                long started = System.nanoTime();
                generate(directory);
                out.printf("generated %,d files in %.1f s%n", settings.files(), seconds(started));
            }
            long files = countArchiveFiles(directory);
            out.printf("%nDisk: archive files %s (%s apparent)%n", du(directory, true), bytes(apparentSize(directory)));

            resetHeapPeaks();
            long buildStart = System.nanoTime();
            long buildCpu = processCpuNanos();
            ArchiveIndexSettings indexSettings = ArchiveIndexSettings.defaults().withIndexingThreads(settings.threads());
            try (JsonFileConversationArchive archive = new JsonFileConversationArchive(directory, indexSettings)) {
                ArchiveIndex index = archive.index().orElseThrow();
                ArchiveIndexStatus status = awaitReady(index);
                double buildSeconds = seconds(buildStart);
                double cpuSeconds = (processCpuNanos() - buildCpu) / 1e9;
                out.printf("Index build (%s, %d indexing threads): %.1f s for %,d files, %,.0f files/s; %,d files read; heap peak %s%n",
                        settings.reuse() ? "rebuild or catch-up of what was there" : "from nothing", settings.threads(),
                        buildSeconds, files, files / buildSeconds, status.filesRead(), bytes(heapPeak()));
                out.printf("  CPU time of the JVM meanwhile: %.1f s (%,.0f files per CPU second; on a quiet %d-core machine the build"
                        + " takes about %.0f s per million files)%n", cpuSeconds, files / cpuSeconds,
                        Runtime.getRuntime().availableProcessors(), 1e6 / (files / cpuSeconds) / Runtime.getRuntime().availableProcessors());
                out.printf("Disk: index %s%n", du(index.indexDirectory(), false));
                measureQueries(index);
            }

            resetHeapPeaks();
            long reopenStart = System.nanoTime();
            long reopenCpu = processCpuNanos();
            try (JsonFileConversationArchive archive = new JsonFileConversationArchive(directory, indexSettings)) {
                ArchiveIndexStatus status = awaitReady(archive.index().orElseThrow());
                out.printf("%nRe-open of the complete index (the start-up catch-up: one stat and one lookup per file): %.1f s "
                        + "(%.1f s CPU), %,d files read, heap peak %s%n", seconds(reopenStart), (processCpuNanos() - reopenCpu) / 1e9,
                        status.filesRead(), bytes(heapPeak()));
            }

            measureScan(directory, files);
        } finally {
            if (generated && !settings.keep()) {
                long started = System.nanoTime();
                deleteRecursively(directory);
                out.printf("%nremoved %s in %.1f s (--keep keeps it)%n", directory, seconds(started));
            }
        }
    }

    // ---------------------------------------------------------------- generating

    /** Conversation {@code i}: the same for a seed, whatever the thread that makes it. */
    Conversation conversation(int i) {
        SplittableRandom random = new SplittableRandom(settings.seed() * 1_000_003L + i);
        int guild = (int) Math.floor(Math.pow(random.nextDouble(), 2) * GUILDS);
        UserId requester = UserId.of(String.valueOf(100_000_000_000_000_000L + skewed(random, REQUESTERS)));
        Instant created = FIRST_DAY.plusSeconds(random.nextLong(TWO_YEARS_SECONDS)).plusNanos(random.nextInt(1_000_000) * 1_000L);
        Conversation conversation = Conversation.start(ThreadId.of(String.valueOf(1_200_000_000_000_000_000L + i)),
                GuildId.of(String.valueOf(900_000_000_000_000_000L + guild)), "Guild number " + guild, requester, created);
        List<UserId> others = new ArrayList<>();
        int extra = random.nextInt(4);
        for (int k = 0; k < extra; k++) {
            others.add(UserId.of(String.valueOf(100_000_000_000_000_000L + skewed(random, USERS))));
        }
        int messages = 16 + random.nextInt(9);
        Instant at = created;
        for (int m = 0; m < messages; m++) {
            at = at.plusSeconds(5 + random.nextInt(120));
            int kind = random.nextInt(20);
            Message message;
            if (m % 2 == 0 || kind == 0) {
                UserId from = others.isEmpty() || random.nextInt(3) > 0 ? requester : others.get(random.nextInt(others.size()));
                message = Message.chat(at, sentence(random, 5, 30)).from(from);
            } else if (kind <= 2) {
                message = Message.of(at, MessageType.THINKING, sentence(random, 10, 40));
            } else if (kind == 3) {
                String tool = TOOLS[random.nextInt(TOOLS.length)];
                message = Message.of(at, MessageType.TOOL_CALL, "Calling " + tool)
                        .withTools(List.of(ToolCall.of(tool, params(sentence(random, 2, 4)))));
            } else if (kind == 4) {
                message = Message.of(at, MessageType.TOOL_CALL_RESPONSE, sentence(random, 8, 30));
            } else {
                message = Message.chat(at, sentence(random, 10, 60));
            }
            conversation = conversation.append(message).conversation();
        }
        return random.nextInt(3) == 0 ? conversation : conversation.withSummary(sentence(random, 8, 20));
    }

    private static Map<String, Object> params(String query) {
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("query", query);
        params.put("limit", 5);
        return params;
    }

    private String sentence(SplittableRandom random, int min, int max) {
        int words = min + random.nextInt(max - min + 1);
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                text.append(' ');
            }
            int rare = random.nextInt(40);
            if (rare == 0) {
                text.append("ticket-").append(random.nextInt(200_000));
            } else {
                String word = WORDS[pick(random.nextDouble())];
                text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            }
        }
        return text.append(random.nextInt(4) == 0 ? "?" : ".").toString();
    }

    private int pick(double u) {
        int index = Arrays.binarySearch(wordWeights, u);
        return Math.min(WORDS.length - 1, index >= 0 ? index : -index - 1);
    }

    /** A skewed choice of {@code n}: a few very active users, many occasional ones. */
    private static int skewed(SplittableRandom random, int n) {
        return (int) Math.floor(Math.pow(random.nextDouble(), 3) * n);
    }

    /** Writes the files on the indexing threads: the bytes a save writes, under the name a save would choose. */
    private void generate(Path directory) throws Exception {
        Files.createDirectories(directory);
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        AtomicLong done = new AtomicLong();
        long nextReport = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < settings.threads(); t++) {
                int part = t;
                parts.add(pool.submit(() -> {
                    for (int i = part; i < settings.files(); i += settings.threads()) {
                        write(directory, conversation(i));
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                while (!part.isDone()) {
                    Thread.sleep(200);
                    if (System.nanoTime() > nextReport) {
                        nextReport = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                        out.printf("  generated %,d of %,d files%n", done.get(), settings.files());
                    }
                }
                part.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The plain name if free, else the name with the thread (thread ids are unique here, so that one
     * is always free): the collision rule's choice for a directory where every conversation is new.
     */
    private static void write(Path directory, Conversation conversation) throws IOException {
        byte[] json = JsonFileConversationArchive.fileContent(conversation);
        try {
            Files.write(directory.resolve(conversation.fileName()), json, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (java.nio.file.FileAlreadyExistsException taken) {
            Files.write(directory.resolve(conversation.fileNameWithThread()), json, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    /** The fast path must write what the archive writes: the first files, both ways, byte for byte. */
    private void checkFastPathMatchesRealSaves() throws IOException {
        Path real = Files.createTempDirectory("parley-scale-real");
        Path fast = Files.createTempDirectory("parley-scale-fast");
        try {
            JsonFileConversationArchive archive = new JsonFileConversationArchive(real);
            int count = Math.min(COMPARED_WITH_REAL_SAVES, settings.files());
            for (int i = 0; i < count; i++) {
                Conversation conversation = conversation(i);
                archive.save(conversation);
                write(fast, conversation);
            }
            List<String> names = archiveNames(real);
            if (!names.equals(archiveNames(fast))) {
                throw new IllegalStateException("the generator names files differently from the archive");
            }
            for (String name : names) {
                if (!Arrays.equals(Files.readAllBytes(real.resolve(name)), Files.readAllBytes(fast.resolve(name)))) {
                    throw new IllegalStateException("the generator's " + name + " differs from what the archive writes");
                }
            }
            out.printf("generator check: %d files written by the fast path are byte-identical to the archive's saves%n", count);
        } finally {
            deleteRecursively(real);
            deleteRecursively(fast);
        }
    }

    // ---------------------------------------------------------------- measuring

    private void measureQueries(ArchiveIndex index) {
        SplittableRandom random = new SplittableRandom(settings.seed());
        int warmup = Math.max(20, settings.queries() / 10);
        out.printf("%nQueries (first page of 50, %d measured after %d warm-up; ms)%n", settings.queries(), warmup);
        out.printf("(cpu: the querying thread's CPU time, steadier than wall time on a busy machine)%n");
        out.printf("%-58s | %8s | %8s | %8s | %8s | %8s | %10s%n", "query", "p50", "p99", "max", "cpu p50", "cpu p99", "hits/page");
        report("filtered: guild + participant + 60 days", index, warmup, () -> {
            Conversation sample = conversation(random.nextInt(settings.files()));
            LocalDate day = LocalDate.ofInstant(sample.createdAt(), ZoneOffset.UTC);
            return ArchiveQuery.ALL.inGuild(sample.guildId()).withParticipant(sample.requester()).between(day.minusDays(30), day.plusDays(30));
        }, random);
        report("filtered: requester + message type tool_call", index, warmup, () -> ArchiveQuery.ALL
                .requestedBy(conversation(random.nextInt(settings.files())).requester()).withMessageType(MessageType.TOOL_CALL), random);
        report("full text: two words (with snippets)", index, warmup, () -> ArchiveQuery.ALL.containing(
                WORDS[40 + random.nextInt(WORDS.length - 40)] + " " + WORDS[40 + random.nextInt(WORDS.length - 40)]), random);
        report("full text: a rare word, in one guild (with snippets)", index, warmup, () -> ArchiveQuery.ALL
                .inGuild(conversation(random.nextInt(settings.files())).guildId()).containing("ticket-" + random.nextInt(200_000)), random);
        report("full text: a phrase (with snippets)", index, warmup, () -> ArchiveQuery.ALL.containing(
                "\"" + WORDS[random.nextInt(30)] + " " + WORDS[random.nextInt(30)] + "\""), random);
        report("full listing: first page", index, warmup, () -> ArchiveQuery.ALL, random);
        ArchivePage page = index.search(ArchiveQuery.ALL, ArchivePageRequest.first());
        long[] pageNanos = new long[settings.queries()];
        long[] pageCpu = new long[settings.queries()];
        int pages = 0;
        long hits = 0;
        while (pages < settings.queries() && page.next().isPresent()) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            page = index.search(ArchiveQuery.ALL, ArchivePageRequest.after(page.next().get(), 50));
            pageNanos[pages] = System.nanoTime() - started;
            pageCpu[pages++] = THREADS.getCurrentThreadCpuTime() - cpu;
            hits += page.items().size();
        }
        if (pages > 0) {
            printRow("full listing: pages 2.." + (pages + 1) + " by cursor", Arrays.copyOf(pageNanos, pages),
                    Arrays.copyOf(pageCpu, pages), (double) hits / pages);
        }
    }

    private void report(String name, ArchiveIndex index, int warmup, java.util.function.Supplier<ArchiveQuery> queries,
            SplittableRandom random) {
        for (int q = 0; q < warmup; q++) {
            index.search(queries.get(), ArchivePageRequest.first());
        }
        long[] nanos = new long[settings.queries()];
        long[] cpuNanos = new long[settings.queries()];
        long hits = 0;
        for (int q = 0; q < settings.queries(); q++) {
            ArchiveQuery query = queries.get();
            long cpu = THREADS.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            ArchivePage page = index.search(query, ArchivePageRequest.first());
            nanos[q] = System.nanoTime() - started;
            cpuNanos[q] = THREADS.getCurrentThreadCpuTime() - cpu;
            hits += page.items().size();
        }
        printRow(name, nanos, cpuNanos, (double) hits / settings.queries());
    }

    private void printRow(String name, long[] nanos, long[] cpuNanos, double hitsPerPage) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        long[] cpu = cpuNanos.clone();
        Arrays.sort(cpu);
        out.printf("%-58s | %8.2f | %8.2f | %8.2f | %8.2f | %8.2f | %10.1f%n", name, percentile(sorted, 50), percentile(sorted, 99),
                sorted[sorted.length - 1] / 1e6, percentile(cpu, 50), percentile(cpu, 99), hitsPerPage);
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** Today's listing: every file parsed, the whole result in memory; on hard links to the first files when asked for fewer. */
    private void measureScan(Path directory, long files) throws IOException {
        Path scanned = directory;
        Path links = null;
        if (settings.scanFiles() < files) {
            links = Files.createDirectories(directory.resolveSibling(directory.getFileName() + "-scan"));
            int linked = 0;
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.json")) {
                for (Path entry : entries) {
                    if (linked == settings.scanFiles()) {
                        break;
                    }
                    Files.createLink(links.resolve(entry.getFileName()), entry);
                    linked++;
                }
            }
            scanned = links;
        }
        try {
            JsonFileConversationArchive plain = new JsonFileConversationArchive(scanned);
            Conversation sample = conversation(0);
            ArchiveQuery filtered = ArchiveQuery.ALL.inGuild(sample.guildId());
            long[] nanos = new long[settings.scanRuns()];
            int found = 0;
            resetHeapPeaks();
            for (int run = 0; run < settings.scanRuns(); run++) {
                long started = System.nanoTime();
                found = plain.list(filtered).conversations().size();
                nanos[run] = System.nanoTime() - started;
            }
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            out.printf("%nToday's scan (list, every file parsed, whole listing in memory) on %,d files: median %.0f ms, "
                    + "fastest %.0f ms of %d runs (%,d conversations in one guild); heap peak %s%n", settings.scanFiles(),
                    percentile(sorted, 50), sorted[0] / 1e6, settings.scanRuns(), found, bytes(heapPeak()));
            if (settings.scanFiles() < files) {
                out.printf("  extrapolated to %,d files: about %.0f s per listing%n", files,
                        percentile(sorted, 50) / 1000 * files / settings.scanFiles());
            }
        } finally {
            if (links != null) {
                deleteRecursively(links);
            }
        }
    }

    private static ArchiveIndexStatus awaitReady(ArchiveIndex index) throws InterruptedException {
        long nextReport = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            ArchiveIndexStatus status = index.status();
            if (status.state() == ArchiveIndexStatus.State.READY) {
                return status;
            }
            if (status.state() == ArchiveIndexStatus.State.FAILED) {
                throw new IllegalStateException("the index failed: " + status.problem().orElse("?"));
            }
            if (System.nanoTime() > nextReport) {
                nextReport = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                System.out.printf("  index %s: %,d of %,d files%n", status.state(), status.filesIndexed(), status.filesTotal());
            }
            Thread.sleep(100);
        }
    }

    // ---------------------------------------------------------------- files and memory

    private static void requireEmpty(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(directory + " is not empty: choose an empty --dir, or --reuse its files");
                }
            }
        }
    }

    private static long countArchiveFiles(Path directory) throws IOException {
        return archiveNames(directory).size();
    }

    private static List<String> archiveNames(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.startsWith(".")).sorted().toList();
        }
    }

    private static long apparentSize(Path directory) throws IOException {
        long total = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.json")) {
            for (Path entry : entries) {
                total += Files.size(entry);
            }
        }
        return total;
    }

    /** Disk blocks used, as {@code du} counts them (the files alone, or the whole directory). */
    private static String du(Path path, boolean jsonOnly) {
        try {
            List<String> command = jsonOnly
                    ? List.of("sh", "-c", "cd \"$0\" && find . -maxdepth 1 -name '*.json' -print0 | du -c -k --files0-from=- | tail -1", path.toString())
                    : List.of("du", "-sk", path.toString());
            Process du = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            du.waitFor();
            return bytes(Long.parseLong(output.split("\\s+")[0]) * 1024) + " on disk";
        } catch (IOException | RuntimeException | InterruptedException e) {
            return "(du unavailable: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static void resetHeapPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since the last reset: an upper bound of the heap in use at any one time. */
    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static String bytes(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
