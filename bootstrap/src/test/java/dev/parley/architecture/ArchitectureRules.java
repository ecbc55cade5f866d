package dev.parley.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Parley's hexagon as ArchUnit rules. Each rule takes its package names, so the same rule that
 * guards the real code can be run against planted violations to prove that it catches them.
 */
final class ArchitectureRules {

    static final String[] FRAMEWORKS = {"io.micronaut..", "jakarta.inject..", "jakarta.annotation..", "javax.inject..",
            "org.springframework.."};

    private ArchitectureRules() {
    }

    /** The domain is plain Java: the JDK and itself, and not even the JDK's I/O. */
    static ArchRule domainUsesOnlyTheJdk(String domain) {
        return classes().that().resideInAPackage(domain)
                .should().onlyDependOnClassesThat().resideInAnyPackage(domain, "java..")
                .andShould().onlyDependOnClassesThat().resideOutsideOfPackages("java.io..", "java.nio.file..", "java.net..")
                .because("the domain holds rules, not I/O (architecture.md)");
    }

    /** Time reaches the domain through a Clock or an argument, never from the wall clock. */
    static ArchRule domainNeverReadsTheWallClock(String domain) {
        return noClasses().that().resideInAPackage(domain)
                .should().callMethodWhere(readsTheWallClock())
                .because("time comes through a java.time.Clock or an argument, so tests control it");
    }

    /** The application drives the domain and nothing else. */
    static ArchRule applicationUsesOnlyTheDomainAndTheJdk(String application, String domain) {
        return classes().that().resideInAPackage(application)
                .should().onlyDependOnClassesThat().resideInAnyPackage(application, domain, "java..")
                .because("use cases talk to the world only through the domain's ports");
    }

    /** Only the bootstrap knows the framework; everything else is constructed by its factories. */
    static ArchRule noFrameworkOutside(String bootstrap, String root) {
        return noClasses().that().resideInAPackage(root).and().resideOutsideOfPackage(bootstrap)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("domain, application and adapters are plain Java wired by the bootstrap");
    }

    /** Adapters never depend on each other: each sees the domain (and, for drivers, the application) only. */
    static ArchRule adaptersAreIndependent(String adaptersPattern) {
        return slices().matching(adaptersPattern).should().notDependOnEachOther()
                .because("swapping one storage adapter must not touch another");
    }

    /** Inner layers never reach outward. */
    static ArchRule innerLayersDoNotDependOnOuterOnes(String inner, String... outer) {
        return noClasses().that().resideInAPackage(inner)
                .should().dependOnClassesThat().resideInAnyPackage(outer)
                .because("dependencies point inward");
    }

    private static DescribedPredicate<JavaCall<?>> readsTheWallClock() {
        return DescribedPredicate.describe("reads the wall clock", call -> {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            boolean timeNow = owner.startsWith("java.time.") && name.equals("now") && call.getTarget().getRawParameterTypes().isEmpty();
            boolean systemClock = owner.equals("java.time.Clock") && name.startsWith("system");
            boolean systemTime = owner.equals("java.lang.System") && (name.equals("currentTimeMillis") || name.equals("nanoTime"));
            return timeNow || systemClock || systemTime;
        });
    }
}
