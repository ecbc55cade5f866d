package dev.parley.adapters.http;

import io.micronaut.core.bind.ArgumentBinder;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.security.Principal;
import java.util.Optional;

/**
 * Binds a {@link Principal} argument to the principal {@link BearerTokenFilter} set on the request
 * (Micronaut binds none by itself without micronaut-security). The health endpoint takes one to
 * decide whether to show its checks' details.
 */
@Singleton
final class PrincipalBinder implements TypedRequestArgumentBinder<Principal> {

    @Override
    public Argument<Principal> argumentType() {
        return Argument.of(Principal.class);
    }

    @Override
    public ArgumentBinder.BindingResult<Principal> bind(ArgumentConversionContext<Principal> context, HttpRequest<?> request) {
        Optional<Principal> principal = request.getUserPrincipal();
        return principal.isPresent() ? () -> principal : ArgumentBinder.BindingResult.empty();
    }
}
