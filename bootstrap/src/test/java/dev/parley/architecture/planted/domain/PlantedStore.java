package dev.parley.architecture.planted.domain;

/** A driven port: an interface of the domain that adapters implement. */
public interface PlantedStore {

    PlantedOutcome save(String value);
}
