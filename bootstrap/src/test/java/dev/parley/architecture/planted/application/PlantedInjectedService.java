package dev.parley.architecture.planted.application;

/** A deliberate violation: an application class carrying a framework annotation. */
@jakarta.inject.Singleton
public final class PlantedInjectedService {
}
