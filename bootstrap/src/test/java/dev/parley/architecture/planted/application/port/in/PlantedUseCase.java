package dev.parley.architecture.planted.application.port.in;

import dev.parley.architecture.planted.domain.PlantedOutcome;

/** An incoming port: what a driving adapter may call. */
public interface PlantedUseCase {

    PlantedOutcome run(String value);
}
