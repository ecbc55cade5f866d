package dev.parley.architecture.planted.adapters.two;

/** The adapter the planted violation reaches into. */
public final class PlantedAdapterTwo {
}
