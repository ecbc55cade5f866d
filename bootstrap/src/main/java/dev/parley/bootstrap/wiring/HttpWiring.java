package dev.parley.bootstrap.wiring;

import dev.parley.adapters.http.ApiAccess;
import dev.parley.bootstrap.config.ParleySettings;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** What the HTTP adapter needs from the configuration: who may call the API. */
@Factory
final class HttpWiring {

    @Singleton
    ApiAccess apiAccess(ParleySettings settings) {
        return settings.apiToken().map(ApiAccess::requiring).orElseGet(ApiAccess::open);
    }
}
