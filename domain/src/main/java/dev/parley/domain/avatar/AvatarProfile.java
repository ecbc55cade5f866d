package dev.parley.domain.avatar;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.llm.ModelOptions;
import java.util.Objects;

/**
 * An avatar as the catalogue defines it: who it is on the platform ({@link Avatar}: id, name,
 * emoji, image), its personality (the system prompt, which should say who the avatar is: "You are
 * Ava, …"), and the model options it asks for, each left empty for the configured default.
 *
 * <pre>{@code
 * AvatarProfile ava = new AvatarProfile(Avatar.named(AvatarId.of("ava"), "Ava"),
 *         "You are Ava, a cheerful guide.", ModelOptions.defaults().withTemperature(0.8));
 * }</pre>
 */
public record AvatarProfile(Avatar avatar, String personality, ModelOptions modelOptions) {

    /** The longest personality accepted: a system prompt, not a document. */
    public static final int MAX_PERSONALITY_LENGTH = 20_000;

    public AvatarProfile {
        Objects.requireNonNull(avatar, "avatar == null");
        Objects.requireNonNull(modelOptions, "modelOptions == null");
        if (personality == null || personality.isBlank()) {
            throw new InvalidInputException(InputField.AVATAR_PERSONALITY, "is required and must not be blank");
        }
        if (personality.length() > MAX_PERSONALITY_LENGTH) {
            throw new InvalidInputException(InputField.AVATAR_PERSONALITY,
                    "must be at most " + MAX_PERSONALITY_LENGTH + " characters, got " + personality.length());
        }
    }

    public AvatarId id() {
        return avatar.id();
    }

    public String name() {
        return avatar.name();
    }
}
