package dev.parley.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parley's hexagon as ArchUnit rules. Each rule takes its package names, so the same rule that
 * guards the real code can be run against planted violations to prove that it catches them.
 */
final class ArchitectureRules {

    static final String[] FRAMEWORKS = {"io.micronaut..", "jakarta.inject..", "jakarta.annotation..", "javax.inject..",
            "org.springframework..", "io.micrometer.."};

    /**
     * What a configuration key or its environment variable looks like in a class file's strings:
     * {@code parley.storage}, {@code ${parley.api.token}}, {@code PARLEY_API_TOKEN} (not
     * {@code dev.parley.domain}, a package name).
     */
    static final Pattern CONFIGURATION_KEY = Pattern.compile("(?<![\\w./$-])(parley\\.[a-z][\\w.-]*|PARLEY_[A-Z][A-Z_]*)");

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

    /**
     * Only the bootstrap and the driving adapters ({@code allowed}) know the framework; the core and
     * the driven adapters are plain Java, constructed by the bootstrap's factories.
     */
    static ArchRule noFrameworkOutside(List<String> allowed, String root) {
        return noClasses().that().resideInAPackage(root).and().resideOutsideOfPackages(allowed.toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("domain, application and driven adapters are plain Java wired by the bootstrap");
    }

    /**
     * Driving adapters (each a package pattern of {@code drivingAdapters}) reach Parley's core only
     * through the application's incoming ports and the domain's values: within {@code root}, a class
     * of a driving adapter depends only on its own adapter, on {@code incomingPorts}, and on
     * {@code domain} classes other than driven ports (the domain's interfaces that are not sealed
     * result types). So it calls no driven port, no application service and no other adapter.
     */
    static ArchRule drivingAdaptersUseOnlyIncomingPorts(List<String> drivingAdapters, String root, String incomingPorts,
            String domain) {
        return classes().that().resideInAnyPackage(drivingAdapters.toArray(String[]::new))
                .should(reachTheCoreOnlyThrough(drivingAdapters, root, incomingPorts, domain))
                .because("the HTTP API and the Discord bot must run the same use cases, not copy what one of them does");
    }

    /** Configuration keys (and their environment variables) are read and named in {@code bootstrap} only. */
    static ArchRule configurationKeysOnlyIn(String bootstrap, String root) {
        return classes().that().resideInAPackage(root).and().resideOutsideOfPackage(bootstrap)
                .should(mentionNoConfigurationKey())
                .because("the core reports typed fields and adapters take values, so only the bootstrap knows a key's name");
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

    private static ArchCondition<JavaClass> reachTheCoreOnlyThrough(List<String> drivingAdapters, String root, String incomingPorts,
            String domain) {
        PackageMatcher core = PackageMatcher.of(root);
        PackageMatcher ports = PackageMatcher.of(incomingPorts);
        PackageMatcher model = PackageMatcher.of(domain);
        return new ArchCondition<>("depend within " + root + " only on their own adapter, " + incomingPorts + " and "
                + domain + " values") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<PackageMatcher> own = drivingAdapters.stream().map(PackageMatcher::of)
                        .filter(adapter -> adapter.matches(origin.getPackageName())).findFirst();
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    String pkg = target.getPackageName();
                    boolean allowed = !core.matches(pkg)
                            || own.map(adapter -> adapter.matches(pkg)).orElse(false)
                            || ports.matches(pkg)
                            || (model.matches(pkg) && !isDrivenPort(target));
                    if (!allowed) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                + (model.matches(pkg) ? " (a driven port)" : "")));
                    }
                }
            }
        };
    }

    /** A driven port: an interface of the domain that adapters implement, unlike a sealed result type. */
    private static boolean isDrivenPort(JavaClass type) {
        return type.isInterface() && !type.isAnnotation() && !type.reflect().isSealed();
    }

    private static ArchCondition<JavaClass> mentionNoConfigurationKey() {
        return new ArchCondition<>("mention no configuration key (parley.*, PARLEY_*)") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (String text : ClassFileStrings.of(javaClass)) {
                    Matcher key = CONFIGURATION_KEY.matcher(text);
                    if (key.find()) {
                        events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " mentions the configuration key \""
                                + key.group(1) + "\""));
                    }
                }
            }
        };
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
