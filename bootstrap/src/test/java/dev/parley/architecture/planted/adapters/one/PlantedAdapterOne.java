package dev.parley.architecture.planted.adapters.one;

import dev.parley.architecture.planted.adapters.two.PlantedAdapterTwo;

/** A deliberate violation: one adapter importing another. */
public final class PlantedAdapterOne {

    public String borrow() {
        return new PlantedAdapterTwo().toString();
    }
}
