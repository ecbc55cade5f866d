package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parley.domain.summary.ChannelSummary;
import io.swagger.v3.oas.annotations.media.Schema;

/** An avatar's latest summary of a channel's conversation, and when it was written (UTC). */
@Schema(name = "ChannelSummary")
@JsonPropertyOrder({"channel_id", "avatar_id", "summary", "created_at"})
public record ChannelSummaryJson(
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("avatar_id") String avatarId,
        @JsonProperty("summary") String summary,
        @JsonProperty("created_at") String createdAt) {

    static ChannelSummaryJson fromDomain(ChannelSummary summary) {
        return new ChannelSummaryJson(summary.channel().value(), summary.avatar().value(), summary.text(),
                WireTime.format(summary.createdAt()));
    }
}
