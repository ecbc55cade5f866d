package dev.parley.adapters.http;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The HTTP API as a whole, for the OpenAPI document generated at compile time
 * ({@code META-INF/swagger/parley.yml}, served at {@code /openapi/parley.yml}).
 */
@OpenAPIDefinition(info = @Info(title = "Parley", version = "0.1",
        description = "Conversation manager for Discord AI bots: live conversations, idle expiry and the JSON archive."
                + " Errors are {\"error\": code, \"message\": text}; docs/http-api.md lists the codes."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "Required on every route but /health when an API token is configured")
public final class ParleyApi {

    private ParleyApi() {
    }
}
