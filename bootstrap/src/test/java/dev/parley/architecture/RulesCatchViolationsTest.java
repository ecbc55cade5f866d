package dev.parley.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules are run against classes planted with violations (under {@code planted}), so a rule that
 * checks nothing (a typo in a package name, a predicate that never matches) fails here.
 */
class RulesCatchViolationsTest {

    private static final String PLANTED = "dev.parley.architecture.planted";
    private static final String DRIVING = PLANTED + ".adapters.driving..";
    private final JavaClasses planted = new ClassFileImporter().importPackages(PLANTED);

    @Test
    void filesInTheDomainAreCaught() {
        assertThatThrownBy(() -> ArchitectureRules.domainUsesOnlyTheJdk(PLANTED + ".domain..").check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedFileReader")
                .hasMessageContaining("java.nio.file.Files");
    }

    @Test
    void theWallClockInTheDomainIsCaught() {
        assertThatThrownBy(() -> ArchitectureRules.domainNeverReadsTheWallClock(PLANTED + ".domain..").check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Instant.now()");
    }

    @Test
    void anImportBetweenTwoAdaptersIsCaught() {
        assertThatThrownBy(() -> ArchitectureRules.adaptersAreIndependent(PLANTED + ".adapters.(*)..").check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedAdapterOne")
                .hasMessageContaining("PlantedAdapterTwo");
    }

    @Test
    void aFrameworkAnnotationOutsideTheBootstrapAndTheDrivingAdaptersIsCaught() {
        assertThatThrownBy(() -> ArchitectureRules.noFrameworkOutside(List.of(PLANTED + ".bootstrap..", DRIVING), PLANTED + "..")
                .check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedInjectedService")
                .hasMessageNotContaining("PlantedController");
    }

    @Test
    void aDrivingAdapterCallingADrivenPortAServiceOrAnotherAdapterIsCaught() {
        assertThatThrownBy(() -> ArchitectureRules.drivingAdaptersUseOnlyIncomingPorts(List.of(DRIVING), PLANTED + "..",
                PLANTED + ".application.port.in..", PLANTED + ".domain..").check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedStore")
                .hasMessageContaining("(a driven port)")
                .hasMessageContaining("PlantedInjectedService")
                .hasMessageContaining("PlantedAdapterTwo")
                .hasMessageNotContaining("PlantedUseCase.run")
                .hasMessageNotContaining("type <" + PLANTED + ".application.port.in.PlantedUseCase>")
                .hasMessageNotContaining("PlantedOutcome>")
                .hasMessageNotContaining("PlantedCleanValue.<init>");
    }

    @Test
    void aDrivingAdapterUsingIncomingPortsAndDomainValuesOnlyPasses() {
        assertThatCode(() -> ArchitectureRules.drivingAdaptersUseOnlyIncomingPorts(List.of(PLANTED + ".adapters.drivingclean.."),
                PLANTED + "..", PLANTED + ".application.port.in..", PLANTED + ".domain..").check(planted))
                .doesNotThrowAnyException();
    }

    @Test
    void aConfigurationKeyOutsideTheBootstrapIsCaught() {
        assertThatThrownBy(() -> ArchitectureRules.configurationKeysOnlyIn(PLANTED + ".bootstrap..", PLANTED + "..").check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedKeyReader mentions the configuration key \"parley.storage\"")
                .hasMessageContaining("PlantedKeyReader mentions the configuration key \"PARLEY_API_TOKEN\"")
                .hasMessageNotContaining("PlantedSettings")
                .hasMessageNotContaining("dev.parley.architecture.planted\"");
    }

    @Test
    void anApplicationReachingPastTheDomainIsCaught() {
        assertThatThrownBy(() -> ArchitectureRules.applicationUsesOnlyTheDomainAndTheJdk(PLANTED + ".application..",
                PLANTED + ".domain..").check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedInjectedService");
    }

    @Test
    void cleanPlantedCodePasses() {
        assertThatCode(() -> ArchitectureRules.domainUsesOnlyTheJdk(PLANTED + ".domain.clean..").check(planted))
                .doesNotThrowAnyException();
    }
}
