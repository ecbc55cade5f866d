package dev.parley.domain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.WebhookId;
import dev.parley.domain.testing.Concurrently;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ChannelWebhooks} must have (its Javadoc is the specification). An
 * adapter's test extends this class and builds a registry over fresh, empty state.
 */
public abstract class ChannelWebhooksContract {

    protected static final ChannelId CHANNEL = ChannelId.of("3100");
    protected static final ChannelId OTHER_CHANNEL = ChannelId.of("3200");
    protected static final ChannelWebhook HOOK = new ChannelWebhook(CHANNEL, WebhookId.of("7001"), "tok-en_1");
    protected static final ChannelWebhook RIVAL = new ChannelWebhook(CHANNEL, WebhookId.of("7002"), "rival-token");

    /** A registry over fresh, empty state. */
    protected abstract ChannelWebhooks newRegistry();

    /** A registry sharing {@code registry}'s state, as another instance would; one process's adapter returns it as it is. */
    protected ChannelWebhooks sharingStateWith(ChannelWebhooks registry) {
        return registry;
    }

    @Test
    void anUnknownChannelHasNoWebhook() {
        assertThat(newRegistry().find(CHANNEL)).isEmpty();
    }

    @Test
    void aRecordedWebhookIsFoundWithItsToken() {
        ChannelWebhooks registry = newRegistry();

        assertThat(registry.putIfAbsent(HOOK)).isEqualTo(HOOK);

        assertThat(registry.find(CHANNEL)).contains(HOOK);
        assertThat(sharingStateWith(registry).find(CHANNEL)).contains(HOOK);
    }

    @Test
    void theFirstRecordedWebhookStays() {
        ChannelWebhooks registry = newRegistry();
        registry.putIfAbsent(HOOK);

        assertThat(sharingStateWith(registry).putIfAbsent(RIVAL)).isEqualTo(HOOK);
        assertThat(registry.find(CHANNEL)).contains(HOOK);
    }

    @Test
    void channelsAreKeptApart() {
        ChannelWebhooks registry = newRegistry();
        registry.putIfAbsent(HOOK);
        ChannelWebhook other = new ChannelWebhook(OTHER_CHANNEL, WebhookId.of("7003"), "other");

        assertThat(registry.putIfAbsent(other)).isEqualTo(other);
        assertThat(registry.find(CHANNEL)).contains(HOOK);
        assertThat(registry.find(OTHER_CHANNEL)).contains(other);
    }

    @Test
    void aForgottenWebhookMakesRoomForANewOne() {
        ChannelWebhooks registry = newRegistry();
        registry.putIfAbsent(HOOK);

        assertThat(registry.forget(HOOK)).isTrue();

        assertThat(registry.find(CHANNEL)).isEmpty();
        assertThat(registry.putIfAbsent(RIVAL)).isEqualTo(RIVAL);
    }

    @Test
    void forgettingAStaleWebhookKeepsTheNewerOne() {
        ChannelWebhooks registry = newRegistry();
        registry.putIfAbsent(HOOK);
        registry.forget(HOOK);
        sharingStateWith(registry).putIfAbsent(RIVAL);

        assertThat(registry.forget(HOOK)).isFalse();

        assertThat(registry.find(CHANNEL)).contains(RIVAL);
    }

    @Test
    void forgettingMatchesTheWebhookIdNotTheToken() {
        ChannelWebhooks registry = newRegistry();
        registry.putIfAbsent(HOOK);

        assertThat(registry.forget(new ChannelWebhook(CHANNEL, HOOK.id(), "another-token"))).isTrue();
        assertThat(registry.find(CHANNEL)).isEmpty();
    }

    @Test
    void sixteenInstancesRacingWithTheirOwnWebhooksAllGetTheSameOne() throws Exception {
        ChannelWebhooks first = newRegistry();
        ChannelWebhooks[] instances = {first, sharingStateWith(first)};
        Set<ChannelWebhook> answers = ConcurrentHashMap.newKeySet();

        Concurrently.run(16, i -> answers.add(instances[i % 2].putIfAbsent(
                new ChannelWebhook(CHANNEL, WebhookId.of(String.valueOf(8000 + i)), "token-" + i))));

        assertThat(answers).hasSize(1);
        assertThat(first.find(CHANNEL)).contains(answers.iterator().next());
    }
}
