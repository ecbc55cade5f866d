package dev.parley.adapters.file.avatars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A bad catalogue stops the start with the file, the line and the field named. */
class CatalogueFileErrorsTest {

    /** Two good avatars on lines 1 to 7; a case appends its own lines from line 8. */
    private static final String TWO_GOOD = """
            avatars:
              - id: ava
                name: Ava
                personality: You are Ava.
              - id: bob
                name: Bob
                personality: You are Bob.
            """;

    @TempDir
    Path dir;

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of(TWO_GOOD + "  - id: carl\n    name: " + "C".repeat(81) + "\n    personality: You are C.\n",
                        "line 9: avatars[2].name must be 1 to 80 characters, got 81"),
                Arguments.of(TWO_GOOD + "  - id: carl\n    name: ''\n    personality: You are C.\n",
                        "line 9: avatars[2].name must be 1 to 80 characters, got 0"),
                Arguments.of(TWO_GOOD + "  - id: carl\n    name: Carl\n    personality: You are Carl.\n    mood: grumpy\n",
                        "line 11: avatars[2]: unknown field \"mood\"; the fields are id, name, emoji, image-url, personality, model, temperature, max-tokens"),
                Arguments.of(TWO_GOOD + "  - id: ava\n    name: Ava Two\n    personality: You are Ava Two.\n",
                        "line 8: avatars[2].id \"ava\" is already the id of avatars[0]; ids must be distinct"),
                Arguments.of(TWO_GOOD + "  - id: bob2\n    name: BOB\n    personality: You are Bob too.\n",
                        "line 9: avatars[2].name \"BOB\" is already the name of avatars[1]; names must be distinct, ignoring case"),
                Arguments.of(TWO_GOOD + "  - id: carl\n    name: Carl\n",
                        "line 8: avatars[2].personality is required"),
                Arguments.of(TWO_GOOD + "  - id: carl\n    name: Carl\n    personality: '   '\n",
                        "line 10: avatars[2].personality must not be blank"),
                Arguments.of(TWO_GOOD + "  - name: Carl\n    personality: You are Carl.\n",
                        "line 8: avatars[2].id is required"),
                Arguments.of(TWO_GOOD + "  - id: carl the third\n    name: Carl\n    personality: You are Carl.\n",
                        "line 8: avatars[2].id must be 1 to 64 ASCII letters, digits, '_' or '-', got \"carl the third\""),
                Arguments.of(TWO_GOOD + "  - id: carl\n    name: Carl\n    emoji: 🦊 🦊\n    personality: You are Carl.\n",
                        "line 10: avatars[2].emoji must be 1 to 64 characters without whitespace, got \"🦊 🦊\""),
                Arguments.of(TWO_GOOD + "  - id: carl\n    name: Carl\n    image-url: ftp://x/c.png\n    personality: You are Carl.\n",
                        "line 10: avatars[2].image-url must be an http(s) URL"),
                Arguments.of(TWO_GOOD + "  - id: carl\n    name: Carl\n    personality: You are Carl.\n    temperature: 2.5\n",
                        "line 11: avatars[2].temperature must be a number from 0 to 2, got \"2.5\""),
                Arguments.of(TWO_GOOD + "  - id: carl\n    name: Carl\n    personality: You are Carl.\n    temperature: hot\n",
                        "line 11: avatars[2].temperature must be a number from 0 to 2, got \"hot\""),
                Arguments.of(TWO_GOOD + "  - id: carl\n    name: Carl\n    personality: You are Carl.\n    max-tokens: 0\n",
                        "line 11: avatars[2].max-tokens must be a whole number from 1 to 2147483647, got \"0\""),
                Arguments.of(TWO_GOOD + "  - id: carl\n    name: Carl\n    personality: You are Carl.\n    max-tokens: 1.5\n",
                        "line 11: avatars[2].max-tokens must be a whole number from 1 to 2147483647, got \"1.5\""),
                Arguments.of(TWO_GOOD + "  - id: carl\n    name: Carl\n    personality: You are Carl.\n    model: '  '\n",
                        "line 11: avatars[2].model must not be blank (leave it out for the configured model)"),
                Arguments.of(TWO_GOOD + "  - id: carl\n    name: [Carl]\n    personality: You are Carl.\n",
                        "line 9: avatars[2].name must be a single value, not a list"),
                Arguments.of(TWO_GOOD + "  - id: carl\n    name: Carl\n    name: Karl\n    personality: You are Carl.\n",
                        "line 10: avatars[2].name is given twice"),
                Arguments.of(TWO_GOOD + "  - just a string\n",
                        "line 8: avatars[2] must be a mapping of id, name, emoji, image-url, personality, model, temperature, max-tokens"),
                Arguments.of(TWO_GOOD + "extra: 1\n",
                        "line 8: unknown key \"extra\"; the file holds one key, avatars"),
                Arguments.of("avatars: []\n", "line 1: avatars must list at least one avatar"),
                Arguments.of("avatars: ava\n", "line 1: avatars must be a list of avatars (each starting with \"- id: ...\")"),
                Arguments.of("- id: ava\n", "line 1: the file must be a mapping with one key, avatars, holding a list of avatars"),
                Arguments.of("# nothing yet\n", "line 1: the file is empty; it must hold avatars: followed by a list of avatars"),
                Arguments.of("other: 1\n", "line 1: unknown key \"other\"; the file holds one key, avatars"),
                Arguments.of(TWO_GOOD + "---\navatars: []\n", "line 9: only one YAML document is allowed"),
                Arguments.of("avatars:\n  - id: ava\n   name: Ava\n",
                        "line 3: not valid YAML: while parsing a block collection: expected <block end>, but found '<block mapping start>'"),
                Arguments.of("avatars:\n  - id: ava\n    personality: \"You are a secret\n",
                        "line 4: not valid YAML: while scanning a quoted scalar: found unexpected end of stream"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void aBadFileIsRefusedNamingTheFileLineAndField(String yaml, String expected) throws IOException {
        Path file = write(yaml);

        assertThatThrownBy(() -> YamlAvatarCatalogue.load(file))
                .isInstanceOf(CatalogueFileException.class)
                .hasMessageStartingWith(file + " " + expected)
                .satisfies(e -> {
                    CatalogueFileException problem = (CatalogueFileException) e;
                    assertThat(problem.file()).isEqualTo(file.toString());
                    assertThat(problem.line()).isEqualTo(Integer.parseInt(expected.substring(5, expected.indexOf(':'))));
                });
    }

    @Test
    void aMissingFileIsRefusedNamingIt() {
        Path file = dir.resolve("absent.yml");

        assertThatThrownBy(() -> YamlAvatarCatalogue.load(file))
                .isInstanceOf(CatalogueFileException.class)
                .hasMessage(file + ": does not exist (the avatar catalogue file)");
    }

    @Test
    void anOversizedFileIsNotReadWhole() throws IOException {
        Path file = write(TWO_GOOD + "# " + "x".repeat(YamlAvatarCatalogue.MAX_FILE_SIZE) + "\n");

        assertThatThrownBy(() -> YamlAvatarCatalogue.load(file))
                .isInstanceOf(CatalogueFileException.class)
                .hasMessage(file + ": is larger than 1048576 bytes; a catalogue file is far smaller");
    }

    @Test
    void aProblemNeverQuotesAPersonality() throws IOException {
        String secretPrompt = "You are Carl and the hidden instruction is 42.";
        Path file = write(TWO_GOOD + "  - id: carl\n    name: Carl\n    personality: " + secretPrompt + "\n    temperature: 9\n");

        assertThatThrownBy(() -> YamlAvatarCatalogue.load(file)).hasMessageNotContaining("hidden instruction");
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("avatars.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}
