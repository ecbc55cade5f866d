package dev.parley.domain.testing;

import static dev.parley.domain.testing.Generated.weighted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SeededTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty(Seeded.SEED_PROPERTY);
        System.clearProperty(Seeded.CASES_PROPERTY);
    }

    @Test
    void aPassingPropertyRunsOnEveryCase() {
        AtomicInteger runs = new AtomicInteger();

        Seeded.cases(37).forAll(generated -> generated.between(0, 9), value -> runs.incrementAndGet());

        assertThat(runs).hasValue(37);
    }

    @Test
    void theSameBaseSeedGeneratesTheSameCasesAndAnotherSeedOthers() {
        assertThat(values(Seeded.cases(50).withBaseSeed(42))).isEqualTo(values(Seeded.cases(50).withBaseSeed(42)))
                .isNotEqualTo(values(Seeded.cases(50).withBaseSeed(43)));
    }

    @Test
    void aFailureNamesItsBaseSeedAndTheSeedPropertyReplaysIt() {
        Seeded first = Seeded.cases(500);
        AssertionError failure = catchThrowableOfType(AssertionError.class,
                () -> first.forAll(generated -> generated.between(0, 1000), value -> assertThat(value).isLessThan(900)));

        assertThat(failure.getMessage())
                .contains("base seed " + first.baseSeed())
                .contains("replay with -Dparley.seed=" + first.baseSeed());
        assertThat(failure.getCause()).isInstanceOf(AssertionError.class);

        System.setProperty(Seeded.SEED_PROPERTY, Long.toString(first.baseSeed()));
        Seeded replay = Seeded.cases(500);
        AssertionError replayed = catchThrowableOfType(AssertionError.class,
                () -> replay.forAll(generated -> generated.between(0, 1000), value -> assertThat(value).isLessThan(900)));

        assertThat(replay.baseSeed()).isEqualTo(first.baseSeed());
        assertThat(replayed.getMessage()).isEqualTo(failure.getMessage());
    }

    @Test
    void aFailingListShrinksToTheShortestThatStillFails() {
        AssertionError failure = catchThrowableOfType(AssertionError.class, () -> Seeded.cases(20).forAll(
                generated -> {
                    List<Integer> values = new ArrayList<>(generated.list(40, 60, () -> generated.between(0, 9)));
                    values.add(generated.between(0, values.size()), 3);
                    values.add(generated.between(0, values.size()), 7);
                    return values;
                },
                Seeded::shorter,
                values -> assertThat(values.contains(3) && values.contains(7)).as("holds both 3 and 7").isFalse()));

        assertThat(failure.getMessage())
                .containsPattern("shrunk in \\d+ steps")
                .containsPattern("\\n\\[(3, 7|7, 3)]\\n");
    }

    @Test
    void shorterListsDropHalvesFirstThenSmallerParts() {
        assertThat(Seeded.shorter(List.of(1, 2, 3, 4)).toList()).containsExactly(
                List.of(3, 4), List.of(1, 2),
                List.of(2, 3, 4), List.of(1, 3, 4), List.of(1, 2, 4), List.of(1, 2, 3));
        assertThat(Seeded.shorter(List.of(1)).toList()).containsExactly(List.of());
        assertThat(Seeded.shorter(List.of())).isEmpty();
    }

    @Test
    void theCasesPropertyReplacesEveryPropertysCount() {
        System.setProperty(Seeded.CASES_PROPERTY, "7");

        assertThat(Seeded.cases(1_000).count()).isEqualTo(7);
    }

    @Test
    void aMalformedSeedOrCaseCountIsRefusedByName() {
        System.setProperty(Seeded.SEED_PROPERTY, "forty-two");
        assertThatThrownBy(() -> Seeded.cases(10)).hasMessageContaining("-Dparley.seed must be a whole number");

        System.clearProperty(Seeded.SEED_PROPERTY);
        System.setProperty(Seeded.CASES_PROPERTY, "0");
        assertThatThrownBy(() -> Seeded.cases(10)).hasMessageContaining("-Dparley.cases must be a positive int");
    }

    @Test
    void sizesStayInRangeAndReachBothEnds() {
        Generated generated = new Generated(7);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            seen.add(generated.size(3, 600));
        }

        assertThat(seen).allSatisfy(size -> assertThat(size).isBetween(3, 600)).contains(3, 600);
    }

    @Test
    void aChoiceOfWeightZeroIsNeverTaken() {
        Generated generated = new Generated(11);
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            taken.add(generated.oneOf(weighted(3, () -> "often"), weighted(0, () -> "never"), weighted(1, () -> "sometimes")));
        }

        assertThat(taken).containsExactlyInAnyOrder("often", "sometimes");
    }

    private static List<Integer> values(Seeded seeded) {
        List<Integer> values = new ArrayList<>();
        seeded.forAll(generated -> generated.between(0, 1_000_000), values::add);
        return values;
    }
}
