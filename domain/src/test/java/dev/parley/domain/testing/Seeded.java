package dev.parley.domain.testing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Runs a check on many generated cases, as plain JUnit code: each case draws its values from a
 * {@link Generated} seeded from one base seed, so a failure is replayed by running again with
 * that seed. The first failing case is reported with the base seed and, when the caller says how
 * to make an input smaller, the smallest failing input found by dropping parts of it.
 *
 * <p>The base seed is random unless the system property {@value #SEED_PROPERTY} sets it; the
 * system property {@value #CASES_PROPERTY} replaces every property's number of cases. Surefire
 * passes both from the Maven command line: {@code ./mvnw -B verify -pl domain -am
 * -Dtest=ReplyChunksPropertiesTest -Dsurefire.failIfNoSpecifiedTests=false -Dparley.seed=42}.
 *
 * <pre>{@code
 * Seeded.cases(200).forAll(
 *         generated -> generated.string(0, 40, Generated.ALPHA),
 *         text -> assertThat(Slug.of(text)).doesNotContain(" "));
 * }</pre>
 */
public final class Seeded {

    public static final String SEED_PROPERTY = "parley.seed";
    public static final String CASES_PROPERTY = "parley.cases";
    /** How many smaller inputs a shrink tries at most, so a failure is reported in bounded time. */
    static final int MAX_SHRINK_RUNS = 2_000;
    /** How much of a failing input's description a report shows. */
    private static final int MAX_DESCRIPTION = 20_000;

    private final int cases;
    private final long baseSeed;

    private Seeded(int cases, long baseSeed) {
        this.cases = cases;
        this.baseSeed = baseSeed;
    }

    /**
     * Properties run on {@code cases} generated cases (or the number {@value #CASES_PROPERTY}
     * sets), from the base seed {@value #SEED_PROPERTY} sets or a random one.
     */
    public static Seeded cases(int cases) {
        if (cases < 1) {
            throw new IllegalArgumentException("cases must be at least 1, got " + cases);
        }
        Long seed = longProperty(SEED_PROPERTY);
        Long override = longProperty(CASES_PROPERTY);
        if (override != null && (override < 1 || override > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("-D" + CASES_PROPERTY + " must be a positive int, got " + override);
        }
        return new Seeded(override == null ? cases : override.intValue(), seed == null ? new SplittableRandom().nextLong() : seed);
    }

    /** The same number of cases from the given base seed, whatever {@value #SEED_PROPERTY} says. */
    public Seeded withBaseSeed(long seed) {
        return new Seeded(cases, seed);
    }

    public int count() {
        return cases;
    }

    public long baseSeed() {
        return baseSeed;
    }

    /**
     * Runs {@code check} on {@code generate}'s input for every case and fails on the first case
     * it fails, naming the base seed and the input.
     */
    public <T> void forAll(Function<Generated, T> generate, Consumer<? super T> check) {
        forAll(generate, input -> Stream.empty(), check);
    }

    /**
     * As {@link #forAll(Function, Consumer)}, and on a failure shrinks the input: of the inputs
     * {@code smaller} offers, the first that still fails replaces it, until none does (or
     * {@value #MAX_SHRINK_RUNS} runs have been tried); the smallest failing input is reported.
     */
    public <T> void forAll(Function<Generated, T> generate, Function<T, Stream<T>> smaller, Consumer<? super T> check) {
        Objects.requireNonNull(generate, "generate == null");
        Objects.requireNonNull(smaller, "smaller == null");
        Objects.requireNonNull(check, "check == null");
        SplittableRandom caseSeeds = new SplittableRandom(baseSeed);
        for (int i = 0; i < cases; i++) {
            long caseSeed = caseSeeds.nextLong();
            T input = generate.apply(new Generated(caseSeed));
            Throwable failure = failureOf(check, input);
            if (failure != null) {
                throw report(i, caseSeed, input, failure, smaller, check);
            }
        }
    }

    /**
     * Shorter lists than {@code list}, for shrinking: without one half, then without each quarter,
     * and so on down to without each single element, in that order.
     */
    public static <E> Stream<List<E>> shorter(List<E> list) {
        int n = list.size();
        if (n == 0) {
            return Stream.empty();
        }
        return Stream.iterate(Math.max(1, n / 2), chunk -> chunk >= 1, chunk -> chunk / 2)
                .flatMap(chunk -> IntStream.iterate(0, start -> start < n, start -> start + chunk)
                        .mapToObj(start -> without(list, start, Math.min(n, start + chunk))));
    }

    private static <E> List<E> without(List<E> list, int from, int to) {
        List<E> rest = new ArrayList<>(list.size() - (to - from));
        rest.addAll(list.subList(0, from));
        rest.addAll(list.subList(to, list.size()));
        return rest;
    }

    private <T> AssertionError report(int index, long caseSeed, T input, Throwable failure, Function<T, Stream<T>> smaller,
                                      Consumer<? super T> check) {
        T smallest = input;
        Throwable smallestFailure = failure;
        int runs = 0;
        int steps = 0;
        boolean shrunk = true;
        while (shrunk && runs < MAX_SHRINK_RUNS) {
            shrunk = false;
            Iterator<T> candidates = smaller.apply(smallest).iterator();
            while (candidates.hasNext() && runs < MAX_SHRINK_RUNS) {
                T candidate = candidates.next();
                runs++;
                Throwable candidateFailure = failureOf(check, candidate);
                if (candidateFailure != null) {
                    smallest = candidate;
                    smallestFailure = candidateFailure;
                    steps++;
                    shrunk = true;
                    break;
                }
            }
        }
        StringBuilder message = new StringBuilder()
                .append("failed on case ").append(index + 1).append(" of ").append(cases)
                .append(" with base seed ").append(baseSeed)
                .append(" (case seed ").append(caseSeed).append("); replay with -D").append(SEED_PROPERTY).append('=').append(baseSeed)
                .append('\n');
        if (steps > 0) {
            message.append("shrunk in ").append(steps).append(" steps (").append(runs).append(" runs")
                    .append(runs >= MAX_SHRINK_RUNS ? ", stopped at the limit" : "").append(") to the smallest failing input:\n");
        } else {
            message.append(runs > 0 ? "no smaller input fails; failing input:\n" : "failing input:\n");
        }
        message.append(shortened(String.valueOf(smallest))).append('\n').append("failure: ").append(smallestFailure);
        AssertionError error = new AssertionError(message.toString(), smallestFailure);
        if (smallestFailure != failure) {
            error.addSuppressed(failure);
        }
        return error;
    }

    private static String shortened(String description) {
        return description.length() <= MAX_DESCRIPTION ? description
                : description.substring(0, MAX_DESCRIPTION) + "… (" + (description.length() - MAX_DESCRIPTION) + " more characters)";
    }

    private static <T> Throwable failureOf(Consumer<? super T> check, T input) {
        try {
            check.accept(input);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e;
        }
    }

    private static Long longProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + name + " must be a whole number, got \"" + value + "\"", e);
        }
    }

    @Override
    public String toString() {
        return cases + " cases from base seed " + baseSeed;
    }
}
