package dev.parley.application.port.in;

/** A use case needs the language model and none is configured; thrown before anything is recorded or decided. */
public final class ModelNotConfiguredException extends RuntimeException {

    public ModelNotConfiguredException() {
        super("no language model is configured", null, false, false);
    }
}
