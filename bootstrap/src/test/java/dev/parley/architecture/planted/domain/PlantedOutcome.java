package dev.parley.architecture.planted.domain;

/** A sealed result type of the domain: a value, not a port. */
public sealed interface PlantedOutcome permits PlantedOutcome.Done {

    /** The one outcome. */
    record Done() implements PlantedOutcome {
    }
}
