package dev.parley.adapters.file.avatars;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapters.file.avatars.YamlAvatarCatalogue.Reload;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.avatar.AvatarProfile;
import dev.parley.domain.avatar.Avatars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlAvatarCatalogueTest {

    @TempDir
    Path dir;

    private final Logger julLogger = Logger.getLogger(YamlAvatarCatalogue.class.getName());
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        julLogger.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        julLogger.removeHandler(capture);
    }

    private static String avatars(String... names) {
        StringBuilder yaml = new StringBuilder("avatars:\n");
        for (String name : names) {
            yaml.append("  - id: ").append(name.toLowerCase()).append('\n')
                    .append("    name: ").append(name).append('\n')
                    .append("    personality: You are ").append(name).append(".\n");
        }
        return yaml.toString();
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("avatars.yml");
        Path scratch = dir.resolve("avatars.yml.new");
        Files.writeString(scratch, yaml, StandardCharsets.UTF_8);
        Files.move(scratch, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private List<String> warnings() {
        return logged.stream().filter(r -> r.getLevel() == Level.WARNING)
                .map(r -> java.text.MessageFormat.format(r.getMessage(), r.getParameters())).toList();
    }

    @Test
    void theShippedExampleHoldsThreeAvatarsWhoSayWhoTheyAre() {
        YamlAvatarCatalogue catalogue = YamlAvatarCatalogue.load(Path.of("..", "examples", "avatars.yml"));

        List<AvatarProfile> all = catalogue.all();
        assertThat(all).extracting(p -> p.id().value()).containsExactly("ava", "brook", "rex");
        assertThat(all).allSatisfy(p -> assertThat(p.personality()).startsWith("You are " + p.name() + ","));
        assertThat(all).extracting(AvatarProfile::personality).doesNotHaveDuplicates();
        assertThat(catalogue.current().mentionedIn("what does 🦖 think, Brook?")).extracting(AvatarProfile::name)
                .containsExactly("Rex", "Brook");
    }

    @Test
    void everyFieldReachesTheProfile() throws IOException {
        Path file = write("""
                avatars:
                  - id: ava
                    name: Ava Lovelace
                    emoji: 🦊
                    image-url: https://example.com/ava.png
                    personality: |
                      You are Ava.
                      You like engines.
                    model: llama3.1:8b
                    temperature: 0.7
                    max-tokens: 400
                  - id: bob
                    name: Bob
                    personality: You are Bob.
                    temperature: 1
                    emoji:
                """);

        Avatars avatars = YamlAvatarCatalogue.load(file).current();

        AvatarProfile ava = avatars.find(AvatarId.of("ava")).orElseThrow();
        assertThat(ava.name()).isEqualTo("Ava Lovelace");
        assertThat(ava.avatar().emoji()).contains("🦊");
        assertThat(ava.avatar().imageUrl()).contains("https://example.com/ava.png");
        assertThat(ava.personality()).isEqualTo("You are Ava.\nYou like engines.\n");
        assertThat(ava.modelOptions().model()).contains("llama3.1:8b");
        assertThat(ava.modelOptions().temperature()).hasValue(0.7);
        assertThat(ava.modelOptions().maxTokens()).hasValue(400);
        AvatarProfile bob = avatars.find(AvatarId.of("bob")).orElseThrow();
        assertThat(bob.avatar().emoji()).as("an empty value is no value").isEmpty();
        assertThat(bob.avatar().imageUrl()).isEmpty();
        assertThat(bob.modelOptions().model()).isEmpty();
        assertThat(bob.modelOptions().temperature()).hasValue(1.0);
        assertThat(bob.modelOptions().maxTokens()).isEmpty();
    }

    @Test
    void anUnchangedFileIsNotReloaded() throws IOException {
        YamlAvatarCatalogue catalogue = YamlAvatarCatalogue.load(write(avatars("Ava")));
        Avatars before = catalogue.current();

        write(avatars("Ava"));

        assertThat(catalogue.reloadIfChanged()).isEqualTo(new Reload.Unchanged());
        assertThat(catalogue.current()).isSameAs(before);
        assertThat(logged).isEmpty();
    }

    @Test
    void aChangedFileReplacesTheAvatars() throws IOException {
        YamlAvatarCatalogue catalogue = YamlAvatarCatalogue.load(write(avatars("Ava")));

        write(avatars("Ava", "Bob"));
        Reload reload = catalogue.reloadIfChanged();

        assertThat(reload).isInstanceOf(Reload.Reloaded.class);
        assertThat(((Reload.Reloaded) reload).avatars()).isSameAs(catalogue.current());
        assertThat(catalogue.all()).extracting(AvatarProfile::name).containsExactly("Ava", "Bob");
        assertThat(catalogue.find(AvatarId.of("bob"))).isPresent();
        assertThat(logged).singleElement().satisfies(r -> assertThat(r.getLevel()).isEqualTo(Level.INFO));
    }

    @Test
    void aBadChangeIsRefusedWithOneLogLineAndThePreviousAvatarsStay() throws IOException {
        Path file = write(avatars("Ava", "Bob"));
        YamlAvatarCatalogue catalogue = YamlAvatarCatalogue.load(file);
        Avatars before = catalogue.current();

        write(avatars("Ava", "Bob") + "    mood: grumpy\n");
        Reload refused = catalogue.reloadIfChanged();

        assertThat(refused).isEqualTo(new Reload.Refused(file + " line 8: avatars[1]: unknown field \"mood\"; the fields are "
                + "id, name, emoji, image-url, personality, model, temperature, max-tokens"));
        assertThat(catalogue.current()).isSameAs(before);
        assertThat(warnings()).singleElement().asString()
                .startsWith("Avatar catalogue change refused, keeping the previous 2 avatars: " + file + " line 8: avatars[1]: unknown field");

        assertThat(catalogue.reloadIfChanged()).as("the same bad content again").isEqualTo(new Reload.Unchanged());
        assertThat(warnings()).as("refused once, logged once").hasSize(1);

        write(avatars("Ava", "Bob", "Carl"));
        assertThat(catalogue.reloadIfChanged()).isInstanceOf(Reload.Reloaded.class);
        assertThat(catalogue.all()).hasSize(3);
    }

    @Test
    void aDeletedFileIsRefusedAndTheAvatarsStay() throws IOException {
        Path file = write(avatars("Ava"));
        YamlAvatarCatalogue catalogue = YamlAvatarCatalogue.load(file);

        Files.delete(file);

        assertThat(catalogue.reloadIfChanged()).isEqualTo(new Reload.Refused(file + ": does not exist (the avatar catalogue file)"));
        assertThat(catalogue.reloadIfChanged()).isEqualTo(new Reload.Unchanged());
        assertThat(catalogue.all()).extracting(AvatarProfile::name).containsExactly("Ava");
        assertThat(warnings()).hasSize(1);

        write(avatars("Ava"));
        assertThat(catalogue.reloadIfChanged()).as("back to what was accepted").isInstanceOf(Reload.Reloaded.class);
    }

    @Test
    void readersAlwaysSeeOneWholeVersionWhileTheFileIsReloaded() throws Exception {
        YamlAvatarCatalogue catalogue = YamlAvatarCatalogue.load(write(version(0)));
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> readers = java.util.stream.IntStream.range(0, 4).mapToObj(i -> Thread.ofPlatform().start(() -> {
            try {
                while (!done.get()) {
                    Avatars snapshot = catalogue.current();
                    String version = snapshot.all().getFirst().personality();
                    assertThat(snapshot.all()).hasSize(3).allSatisfy(p -> assertThat(p.personality()).isEqualTo(version));
                    assertThat(snapshot.find(AvatarId.of("c")).orElseThrow().personality()).isEqualTo(version);
                    reads.incrementAndGet();
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        })).toList();

        for (int v = 1; v <= 50; v++) {
            write(version(v));
            assertThat(catalogue.reloadIfChanged()).isInstanceOf(Reload.Reloaded.class);
        }
        done.set(true);
        for (Thread reader : readers) {
            reader.join(10_000);
        }

        assertThat(failures).isEmpty();
        assertThat(reads.get()).isPositive();
        assertThat(catalogue.all().getFirst().personality()).isEqualTo("You are version 50.");
    }

    private static String version(int v) {
        StringBuilder yaml = new StringBuilder("avatars:\n");
        for (String id : List.of("a", "b", "c")) {
            yaml.append("  - id: ").append(id).append("\n    name: ").append(id.toUpperCase())
                    .append("\n    personality: You are version ").append(v).append(".\n");
        }
        return yaml.toString();
    }
}
