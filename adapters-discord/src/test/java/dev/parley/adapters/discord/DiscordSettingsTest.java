package dev.parley.adapters.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiscordSettingsTest {

    private static final String TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.secret-part_of-the-token";

    @Test
    void defaultsAreDiscordsApiAndGatewayEveryShardEveryChannelAndRepliesToBots() {
        DiscordSettings settings = DiscordSettings.of(TOKEN);

        assertThat(settings.apiUrl()).isEqualTo(URI.create("https://discord.com/api/v10/"));
        assertThat(settings.gatewayUrl()).isEmpty();
        assertThat(settings.shardsTotal()).isEmpty();
        assertThat(settings.shardIds()).isEmpty();
        assertThat(settings.channels()).isEmpty();
        assertThat(settings.replyToBots()).isTrue();
        assertThat(settings.threadFlow()).isFalse();
    }

    @Test
    void theTokenNeverShowsInToStringNorInErrors() {
        DiscordSettings settings = DiscordSettings.of(TOKEN).withDefaultAvatar(AvatarId.of("echo"));

        assertThat(settings.toString()).doesNotContain(TOKEN).doesNotContain("secret").contains("token=[redacted]");
        assertThatThrownBy(() -> DiscordSettings.of(TOKEN + " trailing")).hasMessageContaining("bot token")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> DiscordSettings.of(" ")).hasMessageContaining("bot token must be set");
    }

    @Test
    void shardIdsAreNumbersAndRanges() {
        assertThat(DiscordSettings.parseShardIds("0-3")).containsExactly(0, 1, 2, 3);
        assertThat(DiscordSettings.parseShardIds("0,2")).containsExactly(0, 2);
        assertThat(DiscordSettings.parseShardIds(" 5, 0-1 ,3 ")).containsExactly(0, 1, 3, 5);
        assertThat(DiscordSettings.parseShardIds("")).isEmpty();
        assertThatThrownBy(() -> DiscordSettings.parseShardIds("3-1")).hasMessageContaining("backwards");
        assertThatThrownBy(() -> DiscordSettings.parseShardIds("a")).hasMessageContaining("shard ids");
        assertThatThrownBy(() -> DiscordSettings.parseShardIds("-1")).hasMessageContaining("shard ids");
        assertThatThrownBy(() -> DiscordSettings.parseShardIds("0,,1")).hasMessageContaining("shard ids");
    }

    @Test
    void shardIdsNeedATotalTheyFitIn() {
        assertThat(DiscordSettings.of(TOKEN).withShards(4, List.of(3, 1)).shardIds()).containsExactly(1, 3);
        assertThatThrownBy(() -> DiscordSettings.of(TOKEN).withShards(2, List.of(2)))
                .hasMessageContaining("shard ids").hasMessageContaining("0 to 1");
        assertThatThrownBy(() -> DiscordSettings.of(TOKEN).withShards(0, List.of()))
                .hasMessageContaining("shard total");
        assertThat(DiscordSettings.of(TOKEN).withShards(4, List.of()).shardCount(4)).isEqualTo(4);
        assertThat(DiscordSettings.of(TOKEN).withShards(4, List.of(0, 1)).shardCount(4)).isEqualTo(2);
    }

    @Test
    void theThreadFlowNeedsADefaultAvatar() {
        assertThatThrownBy(() -> DiscordSettings.of(TOKEN).withThreadFlow(true))
                .hasMessageContaining("thread flow").hasMessageContaining("default avatar");
        assertThat(DiscordSettings.of(TOKEN).withDefaultAvatar(AvatarId.of("echo")).withThreadFlow(true).threadFlow()).isTrue();
    }

    @Test
    void urlsAreCheckedAndTheApiUrlEndsInASlash() {
        assertThat(DiscordSettings.of(TOKEN).withApiUrl("http://proxy.internal:8080/api/v10").apiUrl())
                .isEqualTo(URI.create("http://proxy.internal:8080/api/v10/"));
        assertThatThrownBy(() -> DiscordSettings.of(TOKEN).withApiUrl("ws://nope/")).hasMessageContaining("API URL");
        assertThatThrownBy(() -> DiscordSettings.of(TOKEN).withGatewayUrl("https://nope/")).hasMessageContaining("gateway URL");
        assertThat(DiscordSettings.of(TOKEN).withGatewayUrl("wss://gateway.example/").gatewayUrl()).contains(URI.create("wss://gateway.example/"));
    }

    @Test
    void channelsAreSnowflakes() {
        assertThat(DiscordSettings.parseChannels("100, 200")).containsExactlyInAnyOrder(ChannelId.of("100"), ChannelId.of("200"));
        assertThat(DiscordSettings.parseChannels(" ")).isEmpty();
        assertThatThrownBy(() -> DiscordSettings.parseChannels("100,general")).hasMessageContaining("channel allow-list");
        assertThat(DiscordSettings.of(TOKEN).withChannels(Set.of(ChannelId.of("1"))).channels()).containsExactly(ChannelId.of("1"));
    }
}
