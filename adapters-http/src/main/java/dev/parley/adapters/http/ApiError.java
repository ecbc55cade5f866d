package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Every error the API answers: a stable machine-readable code and a sentence saying what was wrong
 * and how to fix it. Never carries a stack trace, a token or a server path beyond the archive's own.
 */
@Schema(name = "Error")
public record ApiError(@JsonProperty("error") String error, @JsonProperty("message") String message) {
}
