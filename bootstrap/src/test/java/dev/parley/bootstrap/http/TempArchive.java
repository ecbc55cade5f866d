package dev.parley.bootstrap.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A throw-away archive directory for one test class. */
public final class TempArchive {

    private TempArchive() {
    }

    public static Path create() {
        try {
            return Files.createTempDirectory("parley-archive-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The archive files (not hidden probe files) in {@code directory}, sorted by name. */
    public static List<String> files(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
