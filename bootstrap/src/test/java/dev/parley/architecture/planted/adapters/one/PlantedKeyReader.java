package dev.parley.architecture.planted.adapters.one;

/** A deliberate violation: an adapter naming configuration keys, which only the bootstrap may. */
public final class PlantedKeyReader {

    public String storage() {
        return System.getProperty("parley.storage", System.getenv("PARLEY_API_TOKEN"));
    }

    /** A package name is no configuration key. */
    public String packageName() {
        return "dev.parley.architecture.planted";
    }
}
