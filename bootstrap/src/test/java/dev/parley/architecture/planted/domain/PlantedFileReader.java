package dev.parley.architecture.planted.domain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** A deliberate violation: a "domain" class doing file I/O and reading the wall clock. */
public final class PlantedFileReader {

    public String read(Path path) throws IOException {
        return Files.readString(path) + Instant.now();
    }
}
