package dev.parley.bootstrap.metrics;

import dev.parley.adapters.discord.bot.BotObserver;
import dev.parley.adapters.file.ArchiveIndex;
import dev.parley.adapters.redis.RedisObserver;
import dev.parley.application.conversation.CleanupStrategy;
import dev.parley.application.port.in.SweepIdle;
import dev.parley.domain.archive.ConversationArchive;
import dev.parley.domain.avatar.AvatarRoster;
import dev.parley.domain.conversation.ConversationStore;
import dev.parley.domain.llm.LanguageModel;
import dev.parley.domain.llm.ModelCallBudget;
import dev.parley.domain.llm.ModelCallQuota;
import dev.parley.domain.reply.ReplyGate;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

/**
 * Parley's own meters, served at {@code /prometheus} (docs/operations.md lists them). The core
 * stays plain Java: the wiring wraps each port or use case in a metered decorator from here, and
 * the Redis adapters report through their {@link RedisObserver}. With metrics switched off
 * ({@code micronaut.metrics.enabled=false}) the decorators record into a registry nobody reads.
 */
@Singleton
public final class ParleyMetrics {

    private final MeterRegistry registry;

    ParleyMetrics(BeanProvider<MeterRegistry> registry) {
        this.registry = registry.isPresent() ? registry.get() : new CompositeMeterRegistry();
    }

    public ConversationStore store(ConversationStore store, CleanupStrategy cleanup) {
        return new MeteredConversationStore(store, cleanup, registry);
    }

    public ConversationArchive archive(ConversationArchive archive) {
        return new MeteredConversationArchive(archive, registry);
    }

    public SweepIdle sweep(SweepIdle sweep) {
        return new MeteredSweep(sweep, registry);
    }

    public ReplyGate gate(ReplyGate gate) {
        return new MeteredReplyGate(gate, registry);
    }

    public AvatarRoster roster(AvatarRoster roster) {
        return new MeteredAvatarRoster(roster, registry);
    }

    public LanguageModel model(LanguageModel model) {
        return new MeteredLanguageModel(model, registry);
    }

    public ModelCallBudget budget(ModelCallBudget budget, ModelCallQuota quota) {
        return new MeteredModelCallBudget(budget, quota, registry);
    }

    public RedisObserver redis() {
        return new RedisMeters(registry);
    }

    public BotObserver discord() {
        return new DiscordMeters(registry);
    }

    public void watch(ArchiveIndex index) {
        ArchiveIndexMeters.watch(index, registry);
    }
}
