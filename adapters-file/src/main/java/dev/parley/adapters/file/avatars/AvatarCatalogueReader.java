package dev.parley.adapters.file.avatars;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.avatar.Avatar;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.avatar.AvatarProfile;
import dev.parley.domain.avatar.Avatars;
import dev.parley.domain.llm.ModelOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the catalogue's YAML token by token, so every problem can be reported with the line it is
 * on: the file holds one mapping with one key, {@code avatars}, a list of mappings whose keys are
 * the fields below, each a single value.
 */
final class AvatarCatalogueReader {

    static final String ID = "id";
    static final String NAME = "name";
    static final String EMOJI = "emoji";
    static final String IMAGE_URL = "image-url";
    static final String PERSONALITY = "personality";
    static final String MODEL = "model";
    static final String TEMPERATURE = "temperature";
    static final String MAX_TOKENS = "max-tokens";
    static final Set<String> FIELDS = Set.of(ID, NAME, EMOJI, IMAGE_URL, PERSONALITY, MODEL, TEMPERATURE, MAX_TOKENS);
    private static final String KNOWN = "id, name, emoji, image-url, personality, model, temperature, max-tokens";

    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    private final String file;

    private AvatarCatalogueReader(String file) {
        this.file = file;
    }

    /** The avatars {@code content} (the text of {@code file}) defines. */
    static Avatars read(String file, byte[] content) {
        return new AvatarCatalogueReader(file).parse(content);
    }

    /** One scalar as written, with the line of its key. */
    private record Value(JsonToken token, String text, int line) {
        boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }
    }

    /** One entry of the list: its index, its first line and its fields. */
    private record Entry(int index, int line, Map<String, Value> fields) {
        String path(String field) {
            return "avatars[" + index + "]." + field;
        }

        /** An optional field's value; left empty ({@code emoji:}) it counts as not given. */
        Optional<Value> present(String field) {
            Value value = fields.get(field);
            return value == null || value.isNull() || value.text().isEmpty() ? Optional.empty() : Optional.of(value);
        }
    }

    private Avatars parse(byte[] content) {
        List<Entry> entries;
        try (JsonParser parser = YAML.createParser(content)) {
            entries = entries(parser);
        } catch (JsonProcessingException e) {
            throw notYaml(e);
        } catch (IOException e) {
            throw new CatalogueFileException(file, 0, "cannot be read: " + e.getMessage(), e);
        }
        List<AvatarProfile> profiles = new ArrayList<>(entries.size());
        Map<String, Entry> ids = new HashMap<>();
        Map<String, Entry> names = new HashMap<>();
        for (Entry entry : entries) {
            AvatarProfile profile = profile(entry);
            Entry sameId = ids.putIfAbsent(profile.id().value(), entry);
            if (sameId != null) {
                throw problem(entry.fields().get(ID).line(), entry.path(ID) + " \"" + profile.id() + "\" is already the id of avatars["
                        + sameId.index() + "]; ids must be distinct");
            }
            Entry sameName = names.putIfAbsent(profile.name().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT), entry);
            if (sameName != null) {
                throw problem(entry.fields().get(NAME).line(), entry.path(NAME) + " " + InvalidInputException.quoted(profile.name())
                        + " is already the name of avatars[" + sameName.index() + "]; names must be distinct, ignoring case");
            }
            profiles.add(profile);
        }
        try {
            return Avatars.of(profiles);
        } catch (InvalidInputException e) {
            // The checks above match Avatars' own; this only guards against the two drifting apart.
            throw new CatalogueFileException(file, 0, e.getMessage(), e);
        }
    }

    private List<Entry> entries(JsonParser parser) throws IOException {
        JsonToken root = parser.nextToken();
        if (root == null) {
            throw problem(1, "the file is empty; it must hold avatars: followed by a list of avatars");
        }
        if (root != JsonToken.START_OBJECT) {
            throw problem(line(parser), "the file must be a mapping with one key, avatars, holding a list of avatars");
        }
        List<Entry> entries = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int keyLine = line(parser);
            if (!"avatars".equals(key)) {
                throw problem(keyLine, "unknown key " + InvalidInputException.quoted(key) + "; the file holds one key, avatars");
            }
            if (entries != null) {
                throw problem(keyLine, "avatars is given twice");
            }
            entries = list(parser, keyLine);
        }
        if (entries == null) {
            throw problem(line(parser), "avatars is missing; the file must hold avatars: followed by a list of avatars");
        }
        if (parser.nextToken() != null) {
            throw problem(line(parser), "only one YAML document is allowed");
        }
        return entries;
    }

    private List<Entry> list(JsonParser parser, int keyLine) throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw problem(line(parser), "avatars must be a list of avatars (each starting with \"- id: ...\")");
        }
        List<Entry> entries = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            int index = entries.size();
            if (token != JsonToken.START_OBJECT) {
                throw problem(line(parser), "avatars[" + index + "] must be a mapping of " + KNOWN);
            }
            entries.add(entry(parser, index));
        }
        if (entries.isEmpty()) {
            throw problem(keyLine, "avatars must list at least one avatar");
        }
        return entries;
    }

    private Entry entry(JsonParser parser, int index) throws IOException {
        int entryLine = line(parser);
        Map<String, Value> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            int fieldLine = line(parser);
            String path = "avatars[" + index + "]." + field;
            if (!FIELDS.contains(field)) {
                throw problem(fieldLine, "avatars[" + index + "]: unknown field " + InvalidInputException.quoted(field) + "; the fields are " + KNOWN);
            }
            if (fields.containsKey(field)) {
                throw problem(fieldLine, path + " is given twice");
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                throw problem(fieldLine, path + " must be a single value, not a " + (token == JsonToken.START_OBJECT ? "mapping" : "list"));
            }
            fields.put(field, new Value(token, token == JsonToken.VALUE_NULL ? null : parser.getText(), fieldLine));
        }
        return new Entry(index, entryLine, fields);
    }

    private AvatarProfile profile(Entry entry) {
        Value idValue = required(entry, ID);
        AvatarId id = domain(idValue, entry.path(ID), () -> AvatarId.of(idValue.text()));
        Value nameValue = required(entry, NAME);
        String name = nameValue.text();
        if (name.isEmpty() || name.length() > Avatar.MAX_NAME_LENGTH) {
            throw problem(nameValue.line(), entry.path(NAME) + " must be 1 to " + Avatar.MAX_NAME_LENGTH + " characters, got " + name.length());
        }
        if (!name.equals(name.strip())) {
            throw problem(nameValue.line(), entry.path(NAME) + " must not start or end with whitespace");
        }
        Optional<Value> emoji = entry.present(EMOJI);
        Optional<Value> image = entry.present(IMAGE_URL);
        Avatar avatar;
        try {
            avatar = new Avatar(id, name, emoji.map(Value::text), image.map(Value::text));
        } catch (InvalidInputException e) {
            Value culprit = switch (e.field()) {
                case AVATAR_EMOJI -> emoji.orElseThrow();
                case AVATAR_IMAGE_URL -> image.orElseThrow();
                default -> nameValue;
            };
            String field = switch (e.field()) {
                case AVATAR_EMOJI -> EMOJI;
                case AVATAR_IMAGE_URL -> IMAGE_URL;
                default -> NAME;
            };
            throw problem(culprit.line(), rename(e, entry.path(field)));
        }
        Value personality = required(entry, PERSONALITY);
        if (personality.text().isBlank()) {
            throw problem(personality.line(), entry.path(PERSONALITY) + " must not be blank");
        }
        if (personality.text().length() > AvatarProfile.MAX_PERSONALITY_LENGTH) {
            throw problem(personality.line(), entry.path(PERSONALITY) + " must be at most " + AvatarProfile.MAX_PERSONALITY_LENGTH
                    + " characters, got " + personality.text().length());
        }
        return new AvatarProfile(avatar, personality.text(), modelOptions(entry));
    }

    private ModelOptions modelOptions(Entry entry) {
        Optional<String> model = entry.present(MODEL).map(value -> {
            if (value.text().isBlank()) {
                throw problem(value.line(), entry.path(MODEL) + " must not be blank (leave it out for the configured model)");
            }
            return value.text();
        });
        OptionalDouble temperature = OptionalDouble.empty();
        Optional<Value> t = entry.present(TEMPERATURE);
        if (t.isPresent()) {
            Value value = t.get();
            double number = number(value) ? Double.parseDouble(value.text()) : Double.NaN;
            if (!(number >= 0 && number <= ModelOptions.MAX_TEMPERATURE)) {
                throw problem(value.line(), entry.path(TEMPERATURE) + " must be a number from 0 to 2, got " + InvalidInputException.quoted(value.text()));
            }
            temperature = OptionalDouble.of(number);
        }
        OptionalInt maxTokens = OptionalInt.empty();
        Optional<Value> m = entry.present(MAX_TOKENS);
        if (m.isPresent()) {
            Value value = m.get();
            int tokens = wholeNumber(value);
            if (tokens < 1) {
                throw problem(value.line(), entry.path(MAX_TOKENS) + " must be a whole number from 1 to " + Integer.MAX_VALUE + ", got "
                        + InvalidInputException.quoted(value.text()));
            }
            maxTokens = OptionalInt.of(tokens);
        }
        return new ModelOptions(model, temperature, maxTokens);
    }

    private static boolean number(Value value) {
        return value.token() == JsonToken.VALUE_NUMBER_INT || value.token() == JsonToken.VALUE_NUMBER_FLOAT;
    }

    /** The value as an int, or 0 if it is none. */
    private static int wholeNumber(Value value) {
        if (value.token() != JsonToken.VALUE_NUMBER_INT) {
            return 0;
        }
        try {
            return Integer.parseInt(value.text());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Value required(Entry entry, String field) {
        Value value = entry.fields().get(field);
        if (value == null || value.isNull()) {
            throw problem(value == null ? entry.line() : value.line(), entry.path(field) + " is required");
        }
        return value;
    }

    private <T> T domain(Value value, String path, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidInputException e) {
            throw problem(value.line(), rename(e, path));
        }
    }

    /** The domain's problem, said of the file's path ({@code avatars[2].id must be ...}). */
    private static String rename(InvalidInputException e, String path) {
        return path + " " + e.problem();
    }

    /**
     * A YAML syntax error, at the line of the problem, in SnakeYAML's words without the excerpt
     * of the file it appends (which could be a personality).
     */
    private CatalogueFileException notYaml(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            Mark mark = marked.getProblemMark();
            String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
            return new CatalogueFileException(file, mark == null ? 0 : mark.getLine() + 1, "not valid YAML: " + context + marked.getProblem(), e);
        }
        JsonLocation at = e.getLocation();
        return new CatalogueFileException(file, at == null ? 0 : at.getLineNr(), "not valid YAML: " + firstLine(e.getOriginalMessage()), e);
    }

    private CatalogueFileException problem(int line, String problem) {
        return new CatalogueFileException(file, line, problem);
    }

    private static int line(JsonParser parser) {
        JsonLocation location = parser.currentTokenLocation();
        return location == null ? 0 : location.getLineNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
