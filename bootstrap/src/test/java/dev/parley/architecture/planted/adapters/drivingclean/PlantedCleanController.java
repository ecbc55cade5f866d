package dev.parley.architecture.planted.adapters.drivingclean;

import dev.parley.architecture.planted.application.port.in.PlantedUseCase;
import dev.parley.architecture.planted.domain.PlantedOutcome;
import dev.parley.architecture.planted.domain.clean.PlantedCleanValue;
import java.util.List;

/** A driving adapter as it should be: incoming ports and domain values only. */
public final class PlantedCleanController {

    private final PlantedUseCase useCase;

    public PlantedCleanController(PlantedUseCase useCase) {
        this.useCase = useCase;
    }

    public String handle(String value) {
        PlantedOutcome outcome = useCase.run(value);
        return outcome + " " + new PlantedCleanValue(List.of(value));
    }
}
