package dev.parley.bootstrap.responder;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.parley.adapters.file.avatars.YamlAvatarCatalogue;
import dev.parley.bootstrap.http.ApiClient;
import dev.parley.bootstrap.http.RunningParley;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** An edited catalogue file is picked up while Parley runs; a broken edit is refused (logged) and the previous avatars stay. */
class CatalogueReloadTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aChangedCatalogueIsPickedUpAndABrokenOneRefused() throws Exception {
        Path file = Catalogues.temporary(Catalogues.THREE);
        Logger catalogueLog = (Logger) LoggerFactory.getLogger(YamlAvatarCatalogue.class.getName());
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        catalogueLog.addAppender(logged);
        try (RunningParley parley = RunningParley.start(Map.of("parley.avatars.catalogue", file.toString()))) {
            ApiClient api = parley.client();
            assertThat(api.get("/avatars").json().path("avatars")).hasSize(3);

            Catalogues.write(file, Catalogues.FOUR);
            await(() -> api.get("/avatars").json().path("avatars").size() == 4, "the fourth avatar");
            assertThat(api.get("/avatars/dee").json().path("name").asText()).isEqualTo("Dee");

            Catalogues.write(file, Catalogues.FOUR.replace("name: Dee", "name: \"\""));
            await(() -> messages(logged).stream().anyMatch(m -> m.startsWith("Avatar catalogue change refused")), "the refusal");

            assertThat(messages(logged)).filteredOn(m -> m.startsWith("Avatar catalogue change refused")).singleElement()
                    .satisfies(line -> assertThat(line).contains("keeping the previous 4 avatars").contains("avatars.yml line 16")
                            .contains("avatars[3].name"));
            assertThat(api.get("/avatars").json().path("avatars")).hasSize(4);
            assertThat(api.get("/avatars/dee").json().path("name").asText()).isEqualTo("Dee");
        } finally {
            catalogueLog.detachAppender(logged);
        }
    }

    private static List<String> messages(ListAppender<ILoggingEvent> logged) {
        synchronized (logged) {
            return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE + " for " + what);
            }
            Thread.sleep(100);
        }
    }
}
