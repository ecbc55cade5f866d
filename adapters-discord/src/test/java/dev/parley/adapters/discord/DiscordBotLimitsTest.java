package dev.parley.adapters.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bot's limits: a ready wait that grows with the shards, a per-channel bound inside the global one. */
class DiscordBotLimitsTest {

    @Test
    void theReadyWaitGrowsByOneIdentifyWindowPerShard() {
        DiscordBot.Limits limits = DiscordBot.Limits.defaults();

        assertThat(limits.readyTimeoutFor(1)).isEqualTo(Duration.ofSeconds(65));
        // 16 shards of one identify bucket identify 5 s apart: the last starts 75 s after the first,
        // past a fixed 60 s wait.
        assertThat(limits.readyTimeoutFor(16)).isEqualTo(Duration.ofSeconds(140));
        assertThat(limits.readyTimeoutFor(16)).isGreaterThan(Duration.ofSeconds(5 * 15));
        assertThat(limits.withReadyTimeout(Duration.ofMinutes(3)).readyTimeoutFor(2)).isEqualTo(Duration.ofSeconds(190));
    }

    @Test
    void twentyOfOneChannelsMessagesAreInHandByDefaultAndNeverMoreThanInAll() {
        assertThat(DiscordBot.Limits.defaults().maxMessagesPerChannel()).isEqualTo(20);
        assertThat(DiscordBot.Limits.defaults().maxMessagesInHand()).isEqualTo(1_000);
        assertThat(new DiscordBot.Limits(Duration.ofSeconds(1), Duration.ofSeconds(1), 5).maxMessagesPerChannel()).isEqualTo(5);
        assertThatThrownBy(() -> new DiscordBot.Limits(Duration.ofSeconds(1), Duration.ofSeconds(1), 5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxMessagesPerChannel");
    }
}
