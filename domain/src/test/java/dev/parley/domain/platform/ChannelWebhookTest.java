package dev.parley.domain.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.InvalidInputException;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.UserId;
import dev.parley.domain.id.WebhookId;
import org.junit.jupiter.api.Test;

class ChannelWebhookTest {

    private static final String SECRET = "s3cr3t-TOKEN_value";

    @Test
    void theTokenNeverShowsInToString() {
        ChannelWebhook webhook = new ChannelWebhook(ChannelId.of("1"), WebhookId.of("2"), SECRET);

        assertThat(webhook.toString()).doesNotContain(SECRET).contains("[redacted]").contains("2");
    }

    @Test
    void aBadTokenIsRefusedWithoutRepeatingIt() {
        String bad = "has space " + SECRET;

        assertThatThrownBy(() -> new ChannelWebhook(ChannelId.of("1"), WebhookId.of("2"), bad))
                .isInstanceOf(InvalidInputException.class).hasMessageNotContaining(SECRET)
                .hasMessageContaining("webhook token");
        assertThatThrownBy(() -> new ChannelWebhook(ChannelId.of("1"), WebhookId.of("2"), ""))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theSameWebhookIsJudgedByItsId() {
        ChannelWebhook webhook = new ChannelWebhook(ChannelId.of("1"), WebhookId.of("2"), "a");

        assertThat(webhook.sameWebhookAs(new ChannelWebhook(ChannelId.of("1"), WebhookId.of("2"), "b"))).isTrue();
        assertThat(webhook.sameWebhookAs(new ChannelWebhook(ChannelId.of("1"), WebhookId.of("3"), "a"))).isFalse();
    }

    @Test
    void aShardIdentifiesInItsBucket() {
        UserId bot = UserId.of("9");

        assertThat(IdentifyBucket.of(bot, 5, 1)).isEqualTo(new IdentifyBucket(bot, 0));
        assertThat(IdentifyBucket.of(bot, 5, 16)).isEqualTo(new IdentifyBucket(bot, 5));
        assertThat(IdentifyBucket.of(bot, 37, 16)).isEqualTo(new IdentifyBucket(bot, 5));
        assertThatThrownBy(() -> IdentifyBucket.of(bot, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
