package dev.parley.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.id.WebhookId;
import dev.parley.domain.platform.ChannelWebhook;
import dev.parley.domain.platform.ChannelWebhooks;
import dev.parley.domain.platform.ChannelWebhooksContract;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The webhook registry contract against a real Redis, the second instance on a second client. */
@Execution(ExecutionMode.CONCURRENT)
class RedisChannelWebhooksTest extends ChannelWebhooksContract {

    private final RedisPlatformOptions options = RedisPlatformOptions.defaults().withKeyPrefix("webhooks-test-" + UUID.randomUUID());

    @Override
    protected ChannelWebhooks newRegistry() {
        return new RedisChannelWebhooks(TestConnections.shared(), options);
    }

    @Override
    protected ChannelWebhooks sharingStateWith(ChannelWebhooks registry) {
        return new RedisChannelWebhooks(TestConnections.second(), options);
    }

    @Test
    void aWebhookIsOneKeyUnderThePrefixKeptForTheConfiguredTime() {
        RedisPlatformOptions shortLived = options.withWebhookTtl(Duration.ofHours(2));
        ChannelWebhooks registry = new RedisChannelWebhooks(TestConnections.shared(), shortLived);
        RedisClusterCommands<String, String> sync = TestConnections.shared().sync();

        registry.putIfAbsent(HOOK);

        String key = new PlatformKeys(options.keyPrefix()).webhook(CHANNEL);
        assertThat(key).isEqualTo(options.keyPrefix() + ":{wh:3100}:webhook");
        assertThat(sync.get(key)).isEqualTo("7001:tok-en_1");
        assertThat(sync.pttl(key)).isBetween(Duration.ofHours(2).minusMinutes(1).toMillis(), Duration.ofHours(2).toMillis());
    }

    @Test
    void forgettingComparesTheWholeIdNotAPrefixOfIt() {
        ChannelWebhooks registry = newRegistry();
        registry.putIfAbsent(HOOK);

        assertThat(registry.forget(new ChannelWebhook(CHANNEL, WebhookId.of("700"), "x"))).isFalse();
        assertThat(registry.find(CHANNEL)).contains(HOOK);
    }
}
