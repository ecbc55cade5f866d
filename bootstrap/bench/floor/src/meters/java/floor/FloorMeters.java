package floor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

/** Creates the meter registry, and with it the JVM's meters, at start, as Parley's own meters do. */
@Context
public final class FloorMeters {

    public FloorMeters(MeterRegistry registry) {
        registry.counter("floor_starts_total").increment();
    }
}
