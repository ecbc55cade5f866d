package dev.parley.domain.llm;

/** Tokens a call used, as the provider reported them (zero when it reported none). */
public record TokenUsage(long input, long output) {

    public static final TokenUsage NONE = new TokenUsage(0, 0);

    public TokenUsage {
        if (input < 0 || output < 0) {
            throw new IllegalArgumentException("token counts must not be negative, got " + input + " and " + output);
        }
    }
}
