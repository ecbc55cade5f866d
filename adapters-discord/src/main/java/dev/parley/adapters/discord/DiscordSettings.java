package dev.parley.adapters.discord;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the Discord bot needs to know, read once at start (the bootstrap fills it from the
 * {@code parley.discord.*} keys and names the key of a failed check; docs/discord.md describes
 * each). Every check names the setting it guards in words (the bot token, the API URL, ...). The token is a secret: {@link #toString()} and every error message leave it out.
 *
 * <pre>{@code
 * DiscordSettings settings = DiscordSettings.of(System.getenv("DISCORD_TOKEN"))
 *         .withShards(4, DiscordSettings.parseShardIds("0-1"))
 *         .withDefaultAvatar(AvatarId.of("echo")).withThreadFlow(true);
 * }</pre>
 *
 * @param token        the bot token ({@code parley.discord.token}, env {@code DISCORD_TOKEN})
 * @param apiUrl       the REST base URL, ending in {@code /} ({@code parley.discord.api-url}); Discord's by default
 * @param gatewayUrl   the gateway URL ({@code parley.discord.gateway-url}); empty: the one Discord's
 *                     {@code GET /gateway/bot} names
 * @param shardsTotal  how many shards the bot has in all ({@code parley.discord.shards.total}); empty:
 *                     as many as Discord recommends
 * @param shardIds     the shards this instance runs, ascending ({@code parley.discord.shards.ids}); empty: all
 * @param channels     the channels the bot answers in ({@code parley.discord.channels}); a thread is
 *                     allowed when it or its parent is listed; empty: every channel the bot can see
 * @param replyToBots  whether messages of other bots (and of webhooks not Parley's) trigger replies
 *                     ({@code parley.discord.reply-to-bots})
 * @param threadFlow   whether mentioning the bot in a channel opens a thread the default avatar answers
 *                     in ({@code parley.discord.thread-flow}); needs {@code defaultAvatar}
 * @param defaultAvatar the avatar summoned into such a thread ({@code parley.discord.default-avatar})
 */
public record DiscordSettings(
        String token,
        URI apiUrl,
        Optional<URI> gatewayUrl,
        OptionalInt shardsTotal,
        List<Integer> shardIds,
        Set<ChannelId> channels,
        boolean replyToBots,
        boolean threadFlow,
        Optional<AvatarId> defaultAvatar) {

    /** Discord's REST API, the version JDA 6 speaks. */
    public static final URI DISCORD_API = URI.create("https://discord.com/api/v10/");
    /** Discord allows at most this many shards per bot without special arrangement; a larger total is surely a typo. */
    static final int MAX_SHARDS = 65_536;

    public DiscordSettings {
        requireToken(token);
        apiUrl = normalisedApiUrl(Objects.requireNonNull(apiUrl, "apiUrl == null"));
        gatewayUrl = Objects.requireNonNull(gatewayUrl, "gatewayUrl == null");
        gatewayUrl.ifPresent(DiscordSettings::requireGatewayUrl);
        shardsTotal = Objects.requireNonNull(shardsTotal, "shardsTotal == null");
        shardIds = List.copyOf(new TreeSet<>(Objects.requireNonNull(shardIds, "shardIds == null")));
        channels = Set.copyOf(Objects.requireNonNull(channels, "channels == null"));
        defaultAvatar = Objects.requireNonNull(defaultAvatar, "defaultAvatar == null");
        requireShards(shardsTotal, shardIds);
        if (threadFlow && defaultAvatar.isEmpty()) {
            throw new IllegalArgumentException("the thread flow is on, so a default avatar must be named: the avatar that answers "
                    + "in the threads it opens (or turn the thread flow off)");
        }
    }

    /**
     * Settings with {@code token} and every default: Discord's API and gateway, Discord's
     * recommended shard count (all shards here), every channel, replies to other bots, no thread flow.
     */
    public static DiscordSettings of(String token) {
        return new DiscordSettings(token, DISCORD_API, Optional.empty(), OptionalInt.empty(), List.of(), Set.of(), true, false,
                Optional.empty());
    }

    public DiscordSettings withApiUrl(String url) {
        return new DiscordSettings(token, parse(url, "the API URL"), gatewayUrl, shardsTotal, shardIds, channels,
                replyToBots, threadFlow, defaultAvatar);
    }

    public DiscordSettings withGatewayUrl(String url) {
        return new DiscordSettings(token, apiUrl, Optional.of(parse(url, "the gateway URL")), shardsTotal, shardIds,
                channels, replyToBots, threadFlow, defaultAvatar);
    }

    /** This instance runs {@code ids} (all when empty) of {@code total} shards. */
    public DiscordSettings withShards(int total, List<Integer> ids) {
        return new DiscordSettings(token, apiUrl, gatewayUrl, OptionalInt.of(total), ids, channels, replyToBots, threadFlow,
                defaultAvatar);
    }

    public DiscordSettings withChannels(Set<ChannelId> allowed) {
        return new DiscordSettings(token, apiUrl, gatewayUrl, shardsTotal, shardIds, allowed, replyToBots, threadFlow,
                defaultAvatar);
    }

    public DiscordSettings withReplyToBots(boolean reply) {
        return new DiscordSettings(token, apiUrl, gatewayUrl, shardsTotal, shardIds, channels, reply, threadFlow, defaultAvatar);
    }

    public DiscordSettings withThreadFlow(boolean on) {
        return new DiscordSettings(token, apiUrl, gatewayUrl, shardsTotal, shardIds, channels, replyToBots, on, defaultAvatar);
    }

    public DiscordSettings withDefaultAvatar(AvatarId avatar) {
        return new DiscordSettings(token, apiUrl, gatewayUrl, shardsTotal, shardIds, channels, replyToBots, threadFlow,
                Optional.of(avatar));
    }

    /**
     * Parses {@code parley.discord.shards.ids}: shard numbers and inclusive ranges separated by
     * commas, such as {@code 0-3} or {@code 0,2,5-7}; blank means none given (all shards).
     */
    public static List<Integer> parseShardIds(String text) {
        Objects.requireNonNull(text, "text == null");
        Set<Integer> ids = new TreeSet<>();
        if (text.isBlank()) {
            return List.of();
        }
        for (String part : text.split(",", -1)) {
            String item = part.strip();
            int dash = item.indexOf('-');
            if (dash < 0) {
                ids.add(shardNumber(item, text));
            } else {
                int from = shardNumber(item.substring(0, dash).strip(), text);
                int to = shardNumber(item.substring(dash + 1).strip(), text);
                if (from > to) {
                    throw new IllegalArgumentException("the shard ids: the range " + item + " runs backwards, in \""
                            + text + "\"");
                }
                if (to - from >= MAX_SHARDS) {
                    throw new IllegalArgumentException("the shard ids: the range " + item + " is larger than "
                            + MAX_SHARDS + " shards");
                }
                for (int id = from; id <= to; id++) {
                    ids.add(id);
                }
            }
        }
        return List.copyOf(ids);
    }

    /** Parses {@code parley.discord.channels}: channel ids separated by commas; blank means every channel. */
    public static Set<ChannelId> parseChannels(String text) {
        Objects.requireNonNull(text, "text == null");
        Set<ChannelId> channels = new LinkedHashSet<>();
        if (text.isBlank()) {
            return Set.of();
        }
        for (String part : text.split(",", -1)) {
            try {
                channels.add(ChannelId.of(part.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the channel allow-list: " + e.getMessage(), e);
            }
        }
        return Set.copyOf(channels);
    }

    /** How many shards this instance runs, once the total is known. */
    public int shardCount(int total) {
        return shardIds.isEmpty() ? total : shardIds.size();
    }

    @Override
    public String toString() {
        return "DiscordSettings[token=[redacted], apiUrl=" + apiUrl + ", gatewayUrl=" + gatewayUrl.map(URI::toString).orElse("(Discord's)")
                + ", shardsTotal=" + (shardsTotal.isPresent() ? shardsTotal.getAsInt() : "(Discord's)") + ", shardIds="
                + (shardIds.isEmpty() ? "(all)" : shardIds) + ", channels=" + (channels.isEmpty() ? "(all)" : channels)
                + ", replyToBots=" + replyToBots + ", threadFlow=" + threadFlow + ", defaultAvatar="
                + defaultAvatar.map(AvatarId::value).orElse("(none)") + "]";
    }

    private static void requireToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the bot token must be set (it is empty)");
        }
        if (token.codePoints().anyMatch(cp -> Character.isWhitespace(cp) || Character.isISOControl(cp))) {
            // Never repeat the token: say what is wrong with it only.
            throw new IllegalArgumentException("the bot token contains whitespace or control characters: "
                    + "copy the token again from the developer portal");
        }
    }

    private static URI normalisedApiUrl(URI url) {
        String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("the API URL must be an http(s) URL such as " + DISCORD_API + ", got \""
                    + url + "\"");
        }
        return url.toString().endsWith("/") ? url : URI.create(url + "/");
    }

    private static void requireGatewayUrl(URI url) {
        String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("ws") || scheme.equals("wss"))) {
            throw new IllegalArgumentException("the gateway URL must be a ws(s) URL such as wss://gateway.discord.gg/, got \""
                    + url + "\"");
        }
    }

    private static void requireShards(OptionalInt total, List<Integer> ids) {
        if (total.isPresent() && (total.getAsInt() < 1 || total.getAsInt() > MAX_SHARDS)) {
            throw new IllegalArgumentException("the shard total must be 1 to " + MAX_SHARDS + ", got " + total.getAsInt());
        }
        if (ids.isEmpty()) {
            return;
        }
        if (total.isEmpty()) {
            throw new IllegalArgumentException("shard ids need the shard total: every instance must agree on the total");
        }
        List<Integer> outside = new ArrayList<>();
        for (int id : ids) {
            if (id < 0 || id >= total.getAsInt()) {
                outside.add(id);
            }
        }
        if (!outside.isEmpty()) {
            throw new IllegalArgumentException("the shard ids must lie in 0 to " + (total.getAsInt() - 1)
                    + " (the shard total is " + total.getAsInt() + "), got " + outside);
        }
    }

    private static int shardNumber(String item, String whole) {
        try {
            int value = Integer.parseInt(item);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the shard ids must be shard numbers or ranges such as 0-3 or 0,2, got \""
                    + whole + "\"", e);
        }
    }

    private static URI parse(String url, String what) {
        Objects.requireNonNull(url, what + " == null");
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a URL: \"" + url + "\"", e);
        }
    }
}
