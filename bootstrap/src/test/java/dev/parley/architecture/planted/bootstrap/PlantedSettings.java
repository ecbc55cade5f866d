package dev.parley.architecture.planted.bootstrap;

/** The bootstrap names configuration keys: allowed. */
public final class PlantedSettings {

    public String storage() {
        return System.getProperty("parley.storage", "memory");
    }
}
