package dev.parley.domain.avatar;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One immutable set of avatar profiles: ids distinct, names distinct ignoring case (a name is how
 * people mention an avatar, so two avatars answering to "Ava" and "ava" would be ambiguous). Looks
 * avatars up by id and by name, and finds the ones a message mentions.
 *
 * <pre>{@code
 * Avatars avatars = Avatars.of(List.of(ava, bob));
 * List<AvatarProfile> named = avatars.mentionedIn("hey Ava, what do you think?");
 * }</pre>
 */
public final class Avatars implements AvatarCatalogue {

    private static final Avatars NONE = new Avatars(List.of());

    private final List<AvatarProfile> all;
    private final Map<AvatarId, AvatarProfile> byId;
    private final Map<String, AvatarProfile> byName;
    private final MentionDetector mentions;

    private Avatars(List<AvatarProfile> profiles) {
        Map<AvatarId, AvatarProfile> ids = new LinkedHashMap<>();
        Map<String, AvatarProfile> names = new HashMap<>();
        for (AvatarProfile profile : profiles) {
            Objects.requireNonNull(profile, "profile == null");
            if (ids.putIfAbsent(profile.id(), profile) != null) {
                throw new InvalidInputException(InputField.AVATAR_ID, profile.id() + " is listed twice; avatar ids must be distinct");
            }
            AvatarProfile sameName = names.putIfAbsent(nameKey(profile.name()), profile);
            if (sameName != null) {
                throw new InvalidInputException(InputField.AVATAR_NAME, InvalidInputException.quoted(profile.name())
                        + " of " + profile.id() + " is already the name of " + sameName.id() + " (names are compared ignoring case)");
            }
        }
        this.all = List.copyOf(profiles);
        this.byId = Map.copyOf(ids);
        this.byName = Map.copyOf(names);
        this.mentions = new MentionDetector(profiles.stream().map(AvatarProfile::avatar).toList());
    }

    /**
     * {@code profiles} as one set, in their order.
     *
     * @throws InvalidInputException if two share an id, or a name ignoring case
     */
    public static Avatars of(List<AvatarProfile> profiles) {
        Objects.requireNonNull(profiles, "profiles == null");
        return profiles.isEmpty() ? NONE : new Avatars(new ArrayList<>(profiles));
    }

    /** No avatars at all. */
    public static Avatars none() {
        return NONE;
    }

    @Override
    public Avatars current() {
        return this;
    }

    @Override
    public List<AvatarProfile> all() {
        return all;
    }

    @Override
    public Optional<AvatarProfile> find(AvatarId id) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id == null")));
    }

    /** The avatar called {@code name}, ignoring case and surrounding whitespace (as a model's tool call names it). */
    public Optional<AvatarProfile> named(String name) {
        return Optional.ofNullable(byName.get(nameKey(Objects.requireNonNull(name, "name == null"))));
    }

    /** The detector over these avatars' names and emoji. */
    public MentionDetector mentionDetector() {
        return mentions;
    }

    /** The avatars {@code text} mentions, at most {@value MentionDetector#MAX_MENTIONS}, in order of first mention. */
    public List<AvatarProfile> mentionedIn(String text) {
        return mentions.mentionedIn(text).stream().map(avatar -> byId.get(avatar.id())).toList();
    }

    public int size() {
        return all.size();
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    private static String nameKey(String name) {
        return MentionDetector.canonical(name.strip()).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "Avatars" + all.stream().map(p -> p.id().value()).toList();
    }
}
