package dev.parley.application.port.in;

/** Receives what {@link HandleChannelMessage} does, step by step, on the handling thread. */
@FunctionalInterface
public interface ChannelEvents {

    void on(ChannelEvent event);

    /** Ignores every event. */
    static ChannelEvents ignore() {
        return event -> { };
    }
}
