package dev.parley.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parley's own code keeps the hexagon's rules (architecture.md, "Modules"). */
class ArchitectureTest {

    /** The driving adapters: each calls the application's incoming ports. One line per adapter (the Discord bot's adds one). */
    static final List<String> DRIVING_ADAPTERS = List.of(
            "dev.parley.adapters.http..",
            // The bot's driving side; its platform package (webhooks, identify pacing) is driven.
            "dev.parley.adapters.discord.bot..");
    static final String BOOTSTRAP = "dev.parley.bootstrap..";
    static final String INCOMING_PORTS = "dev.parley.application.port.in..";
    static final String DOMAIN = "dev.parley.domain..";

    private static JavaClasses parley;

    @BeforeAll
    static void importProductionClasses() {
        parley = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // DO_NOT_INCLUDE_TESTS knows test folders, not the test-jars other modules publish (fixtures, harnesses).
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.parley");
    }

    /** A rule aimed at an empty package passes vacuously: every layer must be there to be checked. */
    @ParameterizedTest
    @ValueSource(strings = {"dev.parley.domain", "dev.parley.application", "dev.parley.application.port.in",
            "dev.parley.adapters.memory", "dev.parley.adapters.file", "dev.parley.adapters.redis", "dev.parley.adapters.llm",
            "dev.parley.adapters.http", "dev.parley.adapters.discord", "dev.parley.application.responder",
            "dev.parley.bootstrap"})
    void everyLayerIsImportedSoItsRulesCheckSomething(String layer) {
        assertThat(parley.stream().filter(c -> c.getPackageName().startsWith(layer))).as(layer).isNotEmpty();
    }

    @Test
    void everyDrivingAdapterIsImportedSoItsRuleChecksSomething() {
        for (String adapter : DRIVING_ADAPTERS) {
            PackageMatcher matcher = PackageMatcher.of(adapter);
            assertThat(parley.stream().filter(c -> matcher.matches(c.getPackageName()))).as(adapter).isNotEmpty();
        }
    }

    @Test
    void domainUsesOnlyTheJdkWithoutIo() {
        ArchitectureRules.domainUsesOnlyTheJdk("dev.parley.domain..").check(parley);
    }

    @Test
    void domainNeverReadsTheWallClock() {
        ArchitectureRules.domainNeverReadsTheWallClock("dev.parley.domain..").check(parley);
    }

    @Test
    void applicationUsesOnlyTheDomainAndTheJdk() {
        ArchitectureRules.applicationUsesOnlyTheDomainAndTheJdk("dev.parley.application..", "dev.parley.domain..").check(parley);
    }

    @Test
    void noFrameworkOutsideTheBootstrapAndTheDrivingAdapters() {
        List<String> allowed = new ArrayList<>(DRIVING_ADAPTERS);
        allowed.add(BOOTSTRAP);
        ArchitectureRules.noFrameworkOutside(allowed, "dev.parley..").check(parley);
    }

    @Test
    void drivingAdaptersReachTheCoreOnlyThroughIncomingPortsAndDomainValues() {
        ArchitectureRules.drivingAdaptersUseOnlyIncomingPorts(DRIVING_ADAPTERS, "dev.parley..", INCOMING_PORTS, DOMAIN).check(parley);
    }

    @Test
    void configurationKeysAppearOnlyInTheBootstrap() {
        ArchitectureRules.configurationKeysOnlyIn(BOOTSTRAP, "dev.parley..").check(parley);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        ArchitectureRules.adaptersAreIndependent("dev.parley.adapters.(*)..").check(parley);
    }

    @Test
    void theDomainKnowsNoOuterLayer() {
        ArchitectureRules.innerLayersDoNotDependOnOuterOnes("dev.parley.domain..",
                "dev.parley.application..", "dev.parley.adapters..", "dev.parley.bootstrap..").check(parley);
    }

    @Test
    void theApplicationKnowsNoAdapterNorTheBootstrap() {
        ArchitectureRules.innerLayersDoNotDependOnOuterOnes("dev.parley.application..",
                "dev.parley.adapters..", "dev.parley.bootstrap..").check(parley);
    }
}
