package dev.parley.domain.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SnowflakeIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "1234567890", "12345678901234567890", "18446744073709551615"})
    void acceptsCanonicalSnowflakesUpToTwoToTheSixtyFourMinusOne(String value) {
        assertThat(ThreadId.of(value).value()).isEqualTo(value);
        assertThat(ThreadId.of(value)).hasToString(value);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " 1", "1 ", "123456789012345678901", "12a", "-1", "+1", "1.0", "../etc", "١٢٣", "１２３", "1\n2",
            "00", "042", "00000000000000000000", "18446744073709551616", "99999999999999999999"})
    void rejectsAnythingElseNamingTheField(String value) {
        assertThatThrownBy(() -> GuildId.of(value))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("guild id ")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(InputField.GUILD_ID))
                .satisfies(e -> assertThat(((InvalidInputException) e).problem()).startsWith(value == null ? "is required" : "must be"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"042", "18446744073709551616"})
    void saysWhyAWellFormedButNonCanonicalIdIsRefused(String value) {
        assertThatThrownBy(() -> ThreadId.of(value))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no leading zeros")
                .hasMessageContaining("18446744073709551615")
                .hasMessageContaining("\"" + value + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1\n2", "abc\u0000def"})
    void quotesRejectedValuesWithoutControlCharacters(String value) {
        assertThatThrownBy(() -> UserId.of(value)).hasMessageNotContaining("\n").hasMessageNotContaining("\u0000");
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 10_000})
    void cutsHugeRejectedValuesShort(int length) {
        assertThatThrownBy(() -> ChannelId.of("x".repeat(length))).satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(160));
    }

    @org.junit.jupiter.api.Test
    void ordersNumerically() {
        assertThat(MessageId.of("9")).isLessThan(MessageId.of("10"));
        assertThat(MessageId.of("10")).isLessThan(MessageId.of("11"));
    }
}
