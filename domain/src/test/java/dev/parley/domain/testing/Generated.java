package dev.parley.domain.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Random test values drawn from one seeded {@link SplittableRandom}: the same seed gives the same
 * values, so a generated case can be replayed. {@link Seeded} hands one to each case it runs.
 *
 * <pre>{@code
 * String word = generated.string(1, 12, Generated.LOWER);
 * Duration wait = generated.oneOf(
 *         Generated.weighted(4, () -> Duration.ofMillis(generated.between(1, 999))),
 *         Generated.weighted(1, () -> Duration.ofMinutes(generated.between(2, 40))));
 * }</pre>
 */
public final class Generated {

    public static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    public static final String ALPHA = LOWER + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public static final String ALPHANUMERIC = ALPHA + "0123456789";

    private final SplittableRandom random;

    public Generated(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** An int in [min, max], every value as likely. */
    public int between(int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("min > max: " + min + " > " + max);
        }
        return (int) between((long) min, max);
    }

    /** A long in [min, max], every value as likely. */
    public long between(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min > max: " + min + " > " + max);
        }
        if (max < Long.MAX_VALUE) {
            return random.nextLong(min, max + 1);
        }
        return min == Long.MIN_VALUE ? random.nextLong() : random.nextLong(min - 1, max) + 1;
    }

    /**
     * A length or count in [min, max], spread like the sizes that find bugs: exactly {@code min}
     * or {@code max} one time in ten each, a small size (up to min + 10) one time in four,
     * otherwise any size in the range.
     */
    public int size(int min, int max) {
        if (min < 0 || min > max) {
            throw new IllegalArgumentException("sizes need 0 <= min <= max, got " + min + " and " + max);
        }
        int roll = random.nextInt(20);
        if (roll < 2) {
            return min;
        }
        if (roll < 4) {
            return max;
        }
        if (roll < 9) {
            return between(min, (int) Math.min(max, min + 10L));
        }
        return between(min, max);
    }

    /** True with the given probability. */
    public boolean chance(double probability) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
        }
        return random.nextDouble() < probability;
    }

    /** One of {@code values}, each as likely (list a value twice to make it twice as likely). */
    public <T> T pick(List<T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("nothing to pick from");
        }
        return values.get(random.nextInt(values.size()));
    }

    /** One of {@code values}, each as likely (list a value twice to make it twice as likely). */
    @SafeVarargs
    public final <T> T pick(T... values) {
        return pick(List.of(values));
    }

    /** Null with the given probability, otherwise a value from {@code value}. */
    public <T> T orNull(double nullProbability, Supplier<T> value) {
        return chance(nullProbability) ? null : value.get();
    }

    /** A list of {@link #size(int, int)} elements, each from {@code element}. */
    public <T> List<T> list(int minSize, int maxSize, Supplier<T> element) {
        int size = size(minSize, maxSize);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    /** A string of {@link #size(int, int)} characters, each one of {@code alphabet}'s. */
    public String string(int minLength, int maxLength, String alphabet) {
        if (alphabet.isEmpty()) {
            throw new IllegalArgumentException("empty alphabet");
        }
        int length = size(minLength, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** A value from one of {@code choices}, each chosen in proportion to its weight. */
    @SafeVarargs
    public final <T> T oneOf(Weighted<? extends T>... choices) {
        return oneOf(List.of(choices));
    }

    /** A value from one of {@code choices}, each chosen in proportion to its weight. */
    public <T> T oneOf(List<? extends Weighted<? extends T>> choices) {
        int total = choices.stream().mapToInt(Weighted::weight).sum();
        if (total < 1) {
            throw new IllegalArgumentException("no choice with a positive weight");
        }
        int roll = random.nextInt(total);
        for (Weighted<? extends T> choice : choices) {
            roll -= choice.weight();
            if (roll < 0) {
                return choice.value().get();
            }
        }
        throw new IllegalStateException("unreachable: roll beyond the total weight");
    }

    /** A choice for {@link #oneOf}: {@code value} makes the value when this choice is taken. */
    public static <T> Weighted<T> weighted(int weight, Supplier<T> value) {
        return new Weighted<>(weight, value);
    }

    /** A choice for {@link #oneOf} and its weight (0 leaves it out). */
    public record Weighted<T>(int weight, Supplier<T> value) {

        public Weighted {
            if (weight < 0) {
                throw new IllegalArgumentException("weight must not be negative, got " + weight);
            }
            Objects.requireNonNull(value, "value == null");
        }
    }
}
