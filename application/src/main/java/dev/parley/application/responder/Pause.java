package dev.parley.application.responder;

import java.time.Duration;

/**
 * How a paced reply waits for its turn: the real thing sleeps the thread (a virtual thread, so
 * nothing is held); tests move their clock instead, so a paced reply takes no real time.
 */
@FunctionalInterface
public interface Pause {

    /** Returns once {@code duration} has passed. */
    void pause(Duration duration) throws InterruptedException;

    /** Sleeps the calling thread. */
    static Pause sleeping() {
        return Thread::sleep;
    }
}
