package dev.parley.bootstrap.responder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.parley.application.responder.ResponderSettings;
import dev.parley.bootstrap.config.InvalidConfigurationException;
import dev.parley.bootstrap.config.ResponderConfiguration;
import dev.parley.bootstrap.http.TempArchive;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The responder's settings: defaults, mistakes that stop the start naming their key, and a key that never shows. */
class ResponderConfigurationTest {

    private final Path archive = TempArchive.create();

    @AfterEach
    void removeArchive() {
        TempArchive.delete(archive);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "parley.llm.timeout, soon, must be a duration such as",
            "parley.llm.max-concurrent, 0, at least 1",
            "parley.llm.max-calls-per-hour, -1, 0 (unlimited) or more",
            "parley.context.messages, 0, at least 1",
            "parley.context.messages, 5000, at most 1000",
            "parley.replies.max-chain, none, at least 1",
            "parley.summaries.every, 0, at least 1",
            "parley.narratives.interval, 0s, must be a positive duration",
            "parley.narratives.keep, 0, at least 1",
    })
    void anInvalidValueStopsTheStartNamingItsKey(String key, String value, String explanation) {
        InvalidConfigurationException failure = startFailure(Map.of(key, value, "parley.llm.base-url", "http://127.0.0.1:1/v1",
                "parley.llm.model", "m"));

        assertThat(failure.key()).isEqualTo(key);
        assertThat(failure.getMessage()).contains(explanation);
    }

    @Test
    void aBaseUrlNeedsAModelAndAValidUrl() {
        assertThat(startFailure(Map.of("parley.llm.base-url", "http://127.0.0.1:1/v1")).key()).isEqualTo("parley.llm.model");
        assertThat(startFailure(Map.of("parley.llm.base-url", "ftp://example.com", "parley.llm.model", "m")).key())
                .isEqualTo("parley.llm.base-url");
    }

    @Test
    void aBadCatalogueStopsTheStartNamingTheFileTheLineAndTheField() {
        Path file = Catalogues.temporary(Catalogues.THREE.replace("name: Bob", "name: " + "B".repeat(81)));

        InvalidConfigurationException failure = startFailure(Map.of("parley.avatars.catalogue", file.toString()));

        assertThat(failure.key()).isEqualTo("parley.avatars.catalogue");
        assertThat(failure.getMessage()).contains(file.toString()).contains("line 9").contains("avatars[1].name")
                .contains("must be 1 to 80 characters, got 81");
        assertThat(startFailure(Map.of("parley.avatars.catalogue", file.resolveSibling("missing.yml").toString())).getMessage())
                .contains("does not exist");
    }

    @Test
    void defaultsAreTheDocumentedOnesAndTheKeyNeverShows() {
        try (ApplicationContext context = ApplicationContext.run(properties(Map.of("parley.llm.base-url", "http://127.0.0.1:1/v1",
                "parley.llm.model", "m", "parley.llm.api-key", "sk-secret-value")), "test")) {
            ResponderConfiguration configuration = context.getBean(ResponderConfiguration.class);
            assertThat(configuration.responder().contextMessages()).isEqualTo(50);
            assertThat(configuration.responder().maxChain()).isEqualTo(3);
            assertThat(configuration.responder().summariesEvery()).isEqualTo(50);
            assertThat(configuration.responder().summaryLease()).isEqualTo(ResponderSettings.DEFAULT_SUMMARY_LEASE);
            assertThat(configuration.narrativeInterval()).isEqualTo(Duration.ofMinutes(5));
            assertThat(configuration.narrativesKept()).isEqualTo(5);
            assertThat(configuration.maxCallsPerHour()).isZero();
            assertThat(configuration.model().orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(configuration.model().orElseThrow().maxConcurrent()).isEqualTo(8);
            assertThat(configuration.model().orElseThrow().apiKey()).contains("sk-secret-value");
            assertThat(configuration.toString()).doesNotContain("sk-secret-value");
            assertThat(configuration.describeModel()).isEqualTo("m at 127.0.0.1:1");
        }
    }

    private InvalidConfigurationException startFailure(Map<String, Object> overrides) {
        Throwable thrown = catchThrowable(() -> ApplicationContext.run(properties(overrides), "test").close());
        assertThat(thrown).as("the start should have failed").isNotNull();
        InvalidConfigurationException failure = InvalidConfigurationException.findIn(thrown);
        assertThat(failure).as("cause chain of %s", thrown).isNotNull();
        return failure;
    }

    private Map<String, Object> properties(Map<String, Object> overrides) {
        Map<String, Object> all = new HashMap<>();
        all.put("parley.archive.directory", archive.toString());
        all.putAll(overrides);
        return all;
    }
}
