package dev.parley.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parley's own code keeps the hexagon's rules (architecture.md, "Modules"). */
class ArchitectureTest {

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
    @ValueSource(strings = {"dev.parley.domain", "dev.parley.application", "dev.parley.adapters.memory", "dev.parley.adapters.file",
            "dev.parley.adapters.redis"})
    void everyLayerIsImportedSoItsRulesCheckSomething(String layer) {
        assertThat(parley.stream().filter(c -> c.getPackageName().startsWith(layer))).as(layer).isNotEmpty();
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
    void noFrameworkAnnotationsOutsideTheBootstrap() {
        ArchitectureRules.noFrameworkOutside("dev.parley.bootstrap..", "dev.parley..").check(parley);
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
