package dev.parley.adapters.memory;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.summary.ChannelSummaries;
import dev.parley.domain.summary.ChannelSummary;
import dev.parley.domain.summary.GenerationLease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link ChannelSummaries} of a single instance. Each (avatar, channel) slot changes only inside
 * {@link ConcurrentHashMap#compute} on its key. A summary is forgotten {@code retention} after it
 * was written, like its Redis key; expired slots are swept at most once a minute of clock time, so
 * memory follows recent activity rather than every channel ever seen.
 */
public final class InMemoryChannelSummaries implements ChannelSummaries {

    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final Duration retention;
    private final Clock clock;
    private final ConcurrentHashMap<Key, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> nextSweep;

    public InMemoryChannelSummaries(Duration retention, Clock clock) {
        this.retention = Objects.requireNonNull(retention, "retention == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        if (retention.toMillis() < 1) {
            throw new IllegalArgumentException("retention must be at least 1 ms, got " + retention);
        }
        this.nextSweep = new AtomicReference<>(clock.instant().plus(SWEEP_INTERVAL));
    }

    @Override
    public Optional<ChannelSummary> find(AvatarId avatar, ChannelId channel) {
        Key key = new Key(avatar, channel);
        Instant now = clock.instant();
        Slot slot = slots.get(key);
        return slot == null || slot.summary == null || !now.isBefore(slot.summaryExpires) ? Optional.empty() : Optional.of(slot.summary);
    }

    @Override
    public Optional<GenerationLease> tryStartGeneration(AvatarId avatar, ChannelId channel, Duration lease) {
        Objects.requireNonNull(lease, "lease == null");
        Key key = new Key(avatar, channel);
        GenerationLease[] taken = new GenerationLease[1];
        slots.compute(key, (k, slot) -> {
            Slot s = slot == null ? new Slot() : slot;
            Instant now = clock.instant();
            if (s.leaseToken == null || !now.isBefore(s.leaseExpires)) {
                taken[0] = new GenerationLease(avatar, channel, UUID.randomUUID().toString());
                s.leaseToken = taken[0].token();
                s.leaseExpires = now.plus(lease);
            }
            return s;
        });
        sweepIfDue();
        return Optional.ofNullable(taken[0]);
    }

    @Override
    public boolean save(ChannelSummary summary, GenerationLease lease) {
        Objects.requireNonNull(summary, "summary == null");
        Objects.requireNonNull(lease, "lease == null");
        boolean[] saved = {false};
        slots.computeIfPresent(new Key(lease.avatar(), lease.channel()), (k, s) -> {
            if (holds(s, lease)) {
                s.summary = summary;
                s.summaryExpires = clock.instant().plus(retention);
                s.leaseToken = null;
                saved[0] = true;
            }
            return s;
        });
        return saved[0];
    }

    @Override
    public void release(GenerationLease lease) {
        Objects.requireNonNull(lease, "lease == null");
        slots.computeIfPresent(new Key(lease.avatar(), lease.channel()), (k, s) -> {
            if (lease.token().equals(s.leaseToken)) {
                s.leaseToken = null;
            }
            return s.isEmpty(clock.instant()) ? null : s;
        });
    }

    /** How many (avatar, channel) slots are held: for tests of the memory bound. */
    int trackedSlots() {
        return slots.size();
    }

    private boolean holds(Slot s, GenerationLease lease) {
        return lease.token().equals(s.leaseToken) && clock.instant().isBefore(s.leaseExpires);
    }

    private void sweepIfDue() {
        Instant now = clock.instant();
        Instant due = nextSweep.get();
        if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL))) {
            return;
        }
        for (Key key : slots.keySet()) {
            slots.computeIfPresent(key, (k, s) -> s.isEmpty(clock.instant()) ? null : s);
        }
    }

    private record Key(AvatarId avatar, ChannelId channel) {
        Key {
            Objects.requireNonNull(avatar, "avatar == null");
            Objects.requireNonNull(channel, "channel == null");
        }
    }

    /** One (avatar, channel)'s summary and generation lease; guarded by its map entry. */
    private static final class Slot {
        ChannelSummary summary;
        Instant summaryExpires;
        String leaseToken;
        Instant leaseExpires;

        boolean isEmpty(Instant now) {
            boolean summaryGone = summary == null || !now.isBefore(summaryExpires);
            boolean leaseGone = leaseToken == null || !now.isBefore(leaseExpires);
            return summaryGone && leaseGone;
        }
    }
}
