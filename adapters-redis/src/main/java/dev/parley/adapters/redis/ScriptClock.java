package dev.parley.adapters.redis;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Where the scripts' "now" comes from. In production always the server's {@code TIME}
 * ({@link #SERVER}): instances with skewed clocks then agree. A test that must move time (the
 * property test comparing these adapters with the memory ones step by step) builds the adapters
 * on a {@link #controlledBy controlled} clock: each script call then carries "now" as its last
 * argument and runs a variant of the script whose {@code TIME} answers it
 * ({@link LuaScript#onControlledTime()}). The production scripts themselves are unchanged.
 */
sealed interface ScriptClock {

    ScriptClock SERVER = new Server();

    static ScriptClock controlledBy(Clock clock) {
        return new Controlled(Objects.requireNonNull(clock, "clock == null"));
    }

    /** The script to send for {@code script} on this clock. */
    LuaScript variant(LuaScript script);

    /** The argument to append to each script call, or null for none. */
    String nowArgument();

    /** Redis's own clock: the scripts call {@code TIME}. */
    record Server() implements ScriptClock {

        @Override
        public LuaScript variant(LuaScript script) {
            return script;
        }

        @Override
        public String nowArgument() {
            return null;
        }
    }

    /** A clock the caller moves; "now" is sent in microseconds since the epoch. */
    record Controlled(Clock clock) implements ScriptClock {

        @Override
        public LuaScript variant(LuaScript script) {
            return script.onControlledTime();
        }

        @Override
        public String nowArgument() {
            Instant now = clock.instant();
            return Long.toString(Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000L));
        }
    }
}
