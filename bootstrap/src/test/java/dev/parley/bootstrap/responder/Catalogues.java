package dev.parley.bootstrap.responder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Avatar catalogue files for the tests, written as an operator should: a copy moved over the file. */
final class Catalogues {

    static final String THREE = """
            avatars:
              - id: ava
                name: Ava
                emoji: 🦊
                image-url: https://images.example/ava.png
                personality: You are Ava, a cheerful guide.
                temperature: 0.8
              - id: bob
                name: Bob
                personality: You are Bob, a grumpy librarian.
                max-tokens: 300
              - id: cy
                name: Cy
                personality: You are Cy, a poet.
            """;

    static final String FOUR = THREE + """
              - id: dee
                name: Dee
                personality: You are Dee, a detective.
            """;

    private Catalogues() {
    }

    /** Writes {@code yaml} to {@code file} atomically (a temporary copy, then a move over it). */
    static Path write(Path file, String yaml) {
        try {
            Path part = file.resolveSibling(file.getFileName() + ".part");
            Files.writeString(part, yaml);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path temporary(String yaml) {
        try {
            Path directory = Files.createTempDirectory("parley-catalogue-");
            directory.toFile().deleteOnExit();
            return write(directory.resolve("avatars.yml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
