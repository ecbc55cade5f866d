package dev.parley.adapters.http;

import dev.parley.domain.InvalidInputException;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import java.util.Optional;

/** Parses ids from requests, naming each by the request's own field ({@code requester}, not {@code user_id}). */
final class Ids {

    private Ids() {
    }

    /** A query filter's value; an empty one ({@code ?guild_id=}) means no filter, as if it were absent. */
    static Optional<String> present(String queryValue) {
        return Optional.ofNullable(queryValue).filter(value -> !value.isEmpty());
    }

    static ThreadId thread(String value) {
        return ThreadId.of(value);
    }

    static GuildId guild(String value) {
        return GuildId.of(value);
    }

    static UserId user(String field, String value) {
        try {
            return UserId.of(value);
        } catch (InvalidInputException e) {
            throw named(field, e);
        }
    }

    static MessageId message(String field, String value) {
        try {
            return MessageId.of(value);
        } catch (InvalidInputException e) {
            throw named(field, e);
        }
    }

    /** The domain's refusal of an id, named by the request's own field. */
    private static ApiException named(String field, InvalidInputException e) {
        return ApiException.invalid(ErrorCodes.forInvalidField(e.field()), field + " " + e.problem());
    }
}
