package dev.parley.bootstrap.config;

/** Finds the failure Parley reports among the wrappers a framework puts around it (bean creation, injection). */
public final class FailureCauses {

    private FailureCauses() {
    }

    /** The first throwable of {@code type} in {@code failure}'s cause chain, or null. */
    public static <T extends Throwable> T first(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
