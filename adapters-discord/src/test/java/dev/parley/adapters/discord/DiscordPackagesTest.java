package dev.parley.adapters.discord;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.parley.adapters.discord.bot.ChannelMessageHandling;
import org.junit.jupiter.api.Test;

/**
 * The adapter's two sides kept apart: {@code ..discord.bot} drives the application and may not
 * touch a driven port, {@code ..discord.platform} is driven and may not touch the application; the
 * incoming port is used in one class (plus the composition root that is handed it).
 */
class DiscordPackagesTest {

    private static final String BOT = "dev.parley.adapters.discord.bot..";
    private static final String PLATFORM = "dev.parley.adapters.discord.platform..";
    private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.parley.adapters.discord");

    @Test
    void bothSidesHaveClasses() {
        assertThat(CLASSES.stream().filter(c -> c.getPackageName().endsWith(".bot"))).isNotEmpty();
        assertThat(CLASSES.stream().filter(c -> c.getPackageName().endsWith(".platform"))).isNotEmpty();
    }

    @Test
    void theDrivingSideNeverUsesADrivenPort() {
        noClasses().that().resideInAPackage(BOT)
                .should().dependOnClassesThat().resideInAnyPackage("dev.parley.domain.platform..", PLATFORM)
                .because("the listener drives the use case; posting and the registries belong to the driven side")
                .check(CLASSES);
    }

    @Test
    void theDrivenSideNeverUsesTheApplication() {
        noClasses().that().resideInAPackage(PLATFORM)
                .should().dependOnClassesThat().resideInAnyPackage("dev.parley.application..")
                .check(CLASSES);
    }

    @Test
    void theIncomingPortIsUsedInOneClass() {
        classes().that().resideInAPackage("dev.parley.adapters.discord..")
                .and().doNotBelongToAnyOf(ChannelMessageHandling.class, DiscordBot.class)
                .should().onlyDependOnClassesThat().resideOutsideOfPackage("dev.parley.application..")
                .check(CLASSES);
    }
}
