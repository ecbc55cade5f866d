package dev.parley.architecture.planted.adapters.driving;

import dev.parley.architecture.planted.adapters.two.PlantedAdapterTwo;
import dev.parley.architecture.planted.application.PlantedInjectedService;
import dev.parley.architecture.planted.application.port.in.PlantedUseCase;
import dev.parley.architecture.planted.domain.PlantedOutcome;
import dev.parley.architecture.planted.domain.PlantedStore;
import dev.parley.architecture.planted.domain.clean.PlantedCleanValue;
import java.util.List;

/**
 * Deliberate violations: a driving adapter calling a driven port, an application service and
 * another adapter, beside what it may use (an incoming port, a sealed result, a domain value, the framework).
 */
@jakarta.inject.Singleton
public final class PlantedController {

    private final PlantedUseCase useCase;
    private final PlantedStore store;
    private final PlantedInjectedService service;

    public PlantedController(PlantedUseCase useCase, PlantedStore store, PlantedInjectedService service) {
        this.useCase = useCase;
        this.store = store;
        this.service = service;
    }

    public String handle(String value) {
        PlantedOutcome outcome = useCase.run(value);
        store.save(value);
        return outcome + " " + service + " " + new PlantedAdapterTwo() + new PlantedCleanValue(List.of(value));
    }
}
