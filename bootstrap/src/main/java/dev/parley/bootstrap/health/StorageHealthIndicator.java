package dev.parley.bootstrap.health;

import dev.parley.domain.conversation.ConversationStore;
import dev.parley.bootstrap.config.ParleySettings;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/** {@code /health}'s {@code storage} check: the live-conversation store answers. */
@Singleton
final class StorageHealthIndicator implements HealthIndicator {

    private final ConversationStore conversations;
    private final ParleySettings settings;

    StorageHealthIndicator(ConversationStore conversations, ParleySettings settings) {
        this.conversations = conversations;
        this.settings = settings;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", settings.storage().configName());
        HealthStatus status;
        try {
            details.put("live_conversations", conversations.count());
            status = HealthStatus.UP;
        } catch (RuntimeException e) {
            details.put("error", e.getMessage());
            status = HealthStatus.DOWN;
        }
        return Publishers.just(HealthResult.builder("storage", status).details(details).build());
    }
}
