package dev.parley.adapters.memory;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.narrative.AvatarJournal;
import dev.parley.domain.narrative.Narrative;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link AvatarJournal} of a single instance. Each avatar's entry changes only inside
 * {@link ConcurrentHashMap#compute} on its key; it holds at most the kept numbers of replies and
 * narratives, so memory is bounded by the number of avatars that ever replied (the catalogue's).
 */
public final class InMemoryAvatarJournal implements AvatarJournal {

    private final int keptReplies;
    private final int keptNarratives;
    private final ConcurrentHashMap<AvatarId, Entry> avatars = new ConcurrentHashMap<>();

    /** A journal keeping each avatar's newest {@code keptReplies} replies and {@code keptNarratives} narratives. */
    public InMemoryAvatarJournal(int keptReplies, int keptNarratives) {
        if (keptReplies < 1 || keptNarratives < 1) {
            throw new IllegalArgumentException("kept replies and narratives must be at least 1, got " + keptReplies + " and " + keptNarratives);
        }
        this.keptReplies = keptReplies;
        this.keptNarratives = keptNarratives;
    }

    @Override
    public void recordReply(AvatarId avatar, String text, Instant at) {
        Objects.requireNonNull(avatar, "avatar == null");
        Objects.requireNonNull(text, "text == null");
        Objects.requireNonNull(at, "at == null");
        avatars.compute(avatar, (id, entry) -> {
            Entry e = entry == null ? new Entry() : entry;
            e.replies.addFirst(text);
            while (e.replies.size() > keptReplies) {
                e.replies.removeLast();
            }
            if (e.lastActivity == null || at.isAfter(e.lastActivity)) {
                e.lastActivity = at;
            }
            return e;
        });
    }

    @Override
    public List<String> recentReplies(AvatarId avatar) {
        return read(avatar, e -> List.copyOf(e.replies), List.of());
    }

    @Override
    public List<AvatarId> mostRecentlyActive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        record Seen(AvatarId avatar, Instant at) {
        }
        List<Seen> seen = new java.util.ArrayList<>();
        for (Map.Entry<AvatarId, Entry> entry : avatars.entrySet()) {
            Instant at = read(entry.getKey(), e -> e.lastActivity, null);
            if (at != null) {
                seen.add(new Seen(entry.getKey(), at));
            }
        }
        return seen.stream()
                .sorted(Comparator.comparing(Seen::at).reversed().thenComparing(Seen::avatar))
                .limit(limit)
                .map(Seen::avatar)
                .toList();
    }

    @Override
    public void addNarrative(Narrative narrative) {
        Objects.requireNonNull(narrative, "narrative == null");
        avatars.compute(narrative.avatar(), (id, entry) -> {
            Entry e = entry == null ? new Entry() : entry;
            e.narratives.addFirst(narrative);
            while (e.narratives.size() > keptNarratives) {
                e.narratives.removeLast();
            }
            return e;
        });
    }

    @Override
    public List<Narrative> narratives(AvatarId avatar) {
        return read(avatar, e -> List.copyOf(e.narratives), List.of());
    }

    /** Reads an avatar's entry under its map slot, so a concurrent change is seen whole or not at all. */
    private <T> T read(AvatarId avatar, java.util.function.Function<Entry, T> reader, T absent) {
        Objects.requireNonNull(avatar, "avatar == null");
        Object[] out = {absent};
        avatars.computeIfPresent(avatar, (id, e) -> {
            out[0] = reader.apply(e);
            return e;
        });
        @SuppressWarnings("unchecked")
        T result = (T) out[0];
        return result;
    }

    private static final class Entry {
        final Deque<String> replies = new ArrayDeque<>();
        final Deque<Narrative> narratives = new ArrayDeque<>();
        Instant lastActivity;
    }
}
