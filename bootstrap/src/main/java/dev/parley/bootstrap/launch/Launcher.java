package dev.parley.bootstrap.launch;

import java.lang.reflect.InvocationTargetException;

/**
 * The jar's entry point: compiled for Java 8 so that an older {@code java} says which Java Parley
 * needs instead of failing with {@code UnsupportedClassVersionError}, then hands over to
 * {@code dev.parley.bootstrap.Application}.
 */
public final class Launcher {

    private static final int REQUIRED_JAVA = 21;

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        int running = featureVersion(System.getProperty("java.specification.version", "0"));
        if (running < REQUIRED_JAVA) {
            System.err.println("Parley needs Java " + REQUIRED_JAVA + " or newer; this is Java " + running + " ("
                    + System.getProperty("java.home") + "). Run it with a newer java, e.g. \"$JAVA_HOME/bin/java\" -jar ...");
            System.exit(1);
        }
        try {
            Class.forName("dev.parley.bootstrap.Application").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** {@code 1.8} is 8, {@code 17} is 17. */
    static int featureVersion(String specification) {
        String feature = specification.startsWith("1.") ? specification.substring(2) : specification;
        int dot = feature.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? feature : feature.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
