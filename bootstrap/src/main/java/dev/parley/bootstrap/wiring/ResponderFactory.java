package dev.parley.bootstrap.wiring;

import dev.parley.adapters.file.avatars.CatalogueFileException;
import dev.parley.adapters.file.avatars.YamlAvatarCatalogue;
import dev.parley.adapters.llm.OpenAiLanguageModel;
import dev.parley.adapters.memory.InMemoryAvatarJournal;
import dev.parley.adapters.memory.InMemoryChannelSummaries;
import dev.parley.adapters.memory.InMemoryModelCallBudget;
import dev.parley.adapters.redis.RedisAvatarJournal;
import dev.parley.adapters.redis.RedisBudgetOptions;
import dev.parley.adapters.redis.RedisChannelSummaries;
import dev.parley.adapters.redis.RedisModelCallBudget;
import dev.parley.application.port.in.RollOverConversation;
import dev.parley.application.responder.AvatarDirectory;
import dev.parley.application.responder.ChannelSummarizer;
import dev.parley.application.responder.NarrativeWriter;
import dev.parley.application.responder.Pause;
import dev.parley.application.responder.Responder;
import dev.parley.application.responder.ResponderPorts;
import dev.parley.bootstrap.config.InvalidConfigurationException;
import dev.parley.bootstrap.config.ParleySettings;
import dev.parley.bootstrap.config.RedisSettings;
import dev.parley.bootstrap.config.ResponderConfiguration;
import dev.parley.bootstrap.config.ResponderSettingsFactory;
import dev.parley.bootstrap.metrics.ParleyMetrics;
import dev.parley.domain.avatar.AvatarCatalogue;
import dev.parley.domain.avatar.AvatarRoster;
import dev.parley.domain.avatar.Avatars;
import dev.parley.domain.conversation.ConversationStore;
import dev.parley.domain.llm.ModelCallBudget;
import dev.parley.domain.llm.ModelCallQuota;
import dev.parley.domain.narrative.AvatarJournal;
import dev.parley.domain.reply.ReplyGate;
import dev.parley.domain.reply.ReplyRules;
import dev.parley.domain.summary.ChannelSummaries;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Constructs the responder: the avatar catalogue ({@code parley.avatars.catalogue}), the language
 * model with its shared call budget, the avatar journal and the channel summaries on the storage
 * {@code parley.storage} names, and the use cases over them. The background threads (summaries,
 * catalogue reloads, narratives) are {@link ResponderSchedules}'.
 */
@Factory
final class ResponderFactory {

    /** How many of an avatar's latest replies its journal keeps for its narratives. */
    static final int JOURNAL_REPLIES_KEPT = 20;
    /** How long journals and summaries outlive their last write: avatars and channels gone quiet for good do not hold memory. */
    static final Duration RETENTION = Duration.ofDays(30);

    /** The catalogue file read at start (a bad one stops the start, naming the file, line and field); none configured: no avatars. */
    @Singleton
    AvatarCatalogue avatarCatalogue(ResponderConfiguration configuration) {
        if (configuration.catalogue().isEmpty()) {
            return Avatars.none();
        }
        try {
            return YamlAvatarCatalogue.load(configuration.catalogue().get());
        } catch (CatalogueFileException e) {
            throw new InvalidConfigurationException(ResponderSettingsFactory.CATALOGUE, e.getMessage());
        }
    }

    @Singleton
    ModelCallBudget modelCallBudget(ResponderConfiguration configuration, ParleySettings settings, Clock clock,
            BeanProvider<SharedRedis> redis, BeanProvider<RedisSettings> redisSettings, ParleyMetrics metrics) {
        if (configuration.maxCallsPerHour() == 0) {
            return ModelCallBudget.unlimited();
        }
        ModelCallQuota quota = ModelCallQuota.perHour(configuration.maxCallsPerHour());
        return metrics.budget(switch (settings.storage()) {
            case MEMORY -> new InMemoryModelCallBudget(quota, clock);
            case REDIS -> new RedisModelCallBudget(redis.get().live(), quota, RedisBudgetOptions.sharingPrefixWith(redisSettings.get().store()));
        }, quota);
    }

    @Singleton
    @Bean(preDestroy = "close")
    LanguageModels languageModels(ResponderConfiguration configuration, ModelCallBudget budget, ParleyMetrics metrics) {
        return new LanguageModels(configuration.model().map(OpenAiLanguageModel::new), budget, metrics::model);
    }

    @Singleton
    AvatarJournal avatarJournal(ResponderConfiguration configuration, ParleySettings settings, BeanProvider<SharedRedis> redis,
            BeanProvider<RedisSettings> redisSettings) {
        return switch (settings.storage()) {
            case MEMORY -> new InMemoryAvatarJournal(JOURNAL_REPLIES_KEPT, configuration.narrativesKept());
            case REDIS -> new RedisAvatarJournal(redis.get().live(), redisSettings.get().store().keyPrefix(), JOURNAL_REPLIES_KEPT,
                    configuration.narrativesKept(), RETENTION);
        };
    }

    @Singleton
    ChannelSummaries channelSummaries(ParleySettings settings, Clock clock, BeanProvider<SharedRedis> redis,
            BeanProvider<RedisSettings> redisSettings) {
        return switch (settings.storage()) {
            case MEMORY -> new InMemoryChannelSummaries(RETENTION, clock);
            case REDIS -> new RedisChannelSummaries(redis.get().live(), redisSettings.get().store().keyPrefix(), RETENTION);
        };
    }

    /** Each avatar's summaries of the channels; regenerated on the schedules' background executor. */
    @Singleton
    ChannelSummarizer channelSummarizer(ChannelSummaries summaries, ConversationStore store, AvatarCatalogue catalogue,
            LanguageModels models, ResponderConfiguration configuration, Clock clock, ResponderSchedules schedules) {
        return new ChannelSummarizer(summaries, store, catalogue, models.model(), configuration.responder(), clock, schedules.background());
    }

    /** Handle a channel message; respond now. Paced replies sleep their (virtual) thread. */
    @Singleton
    Responder responder(AvatarCatalogue catalogue, ConversationStore store, AvatarRoster roster, ReplyGate gate, AvatarJournal journal,
            LanguageModels models, RollOverConversation rollOver, ChannelSummarizer summarizer, ReplyRules rules,
            ResponderConfiguration configuration, ParleySettings settings, Clock clock) {
        return new Responder(new ResponderPorts(catalogue, store, roster, gate, journal, models.model()), rollOver, summarizer, rules,
                configuration.responder(), settings.idleTime(), settings.conversations().limits(), clock, Pause.sleeping());
    }

    /** Write the next narrative; read an avatar's narratives. */
    @Singleton
    NarrativeWriter narrativeWriter(AvatarCatalogue catalogue, AvatarJournal journal, ReplyGate gate, LanguageModels models,
            ReplyRules rules, Clock clock) {
        return new NarrativeWriter(catalogue, journal, gate, models.model(), rules, clock);
    }

    /** List the avatars. */
    @Singleton
    AvatarDirectory avatarDirectory(AvatarCatalogue catalogue) {
        return new AvatarDirectory(catalogue);
    }

    /** What the start-up line says of the responder. */
    static String describe(ResponderConfiguration configuration, AvatarCatalogue catalogue) {
        return "model " + configuration.describeModel() + ", " + catalogue.current().size() + " avatars"
                + configuration.catalogue().map(path -> " from " + path).orElse(" (no catalogue)");
    }
}
