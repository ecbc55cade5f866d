package dev.parley.application.port.in;

import dev.parley.domain.id.ThreadId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What {@link SaveBeforeShutdown} did. */
public sealed interface ShutdownSave permits ShutdownSave.Saved, ShutdownSave.NothingToSave {

    /** The live conversations were saved: per thread, whether it was. */
    record Saved(Map<ThreadId, Boolean> results) implements ShutdownSave {

        public Saved {
            results = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(results, "results == null")));
        }

        public long savedCount() {
            return results.values().stream().filter(Boolean::booleanValue).count();
        }
    }

    /** Nothing was saved, and why. */
    record NothingToSave(Why why) implements ShutdownSave {

        public NothingToSave {
            Objects.requireNonNull(why, "why == null");
        }
    }

    /** Why a stopping instance saves nothing. */
    enum Why {
        /** The cleanup strategy is discard: live conversations are dropped, never archived. */
        DISCARD_STRATEGY,
        /** The conversations stay in a store shared with other instances, which archive them when idle. */
        SHARED_STORE
    }
}
