package dev.parley.agreement;

import dev.parley.agreement.Operations.Step;
import dev.parley.domain.testing.Generated;
import dev.parley.domain.testing.Seeded;
import java.util.List;
import java.util.stream.Stream;

/**
 * A generated sequence of {@link Operations}, run step by step on a fresh {@link Both}; a failing
 * one shrinks by dropping steps, and describes itself one numbered step per line.
 */
record Sequence(List<Step> steps) {

    /** Steps per generated sequence. */
    static final int LENGTH = 40;

    static Sequence generate(Generated generated) {
        return new Sequence(Operations.sequence(generated, LENGTH));
    }

    /** Runs every step on {@code both}; the first disagreement (or unexpected failure) fails naming its step. */
    void runOn(Both both) {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            try {
                step.run().accept(both);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("step " + (i + 1) + " (" + step + "): " + e.getMessage(), e);
            }
        }
    }

    Stream<Sequence> shorter() {
        return Seeded.shorter(steps).map(Sequence::new);
    }

    @Override
    public String toString() {
        StringBuilder listing = new StringBuilder().append(steps.size()).append(steps.size() == 1 ? " step:" : " steps:");
        for (int i = 0; i < steps.size(); i++) {
            listing.append("\n  ").append(i + 1).append(". ").append(steps.get(i));
        }
        return listing.toString();
    }
}
