package dev.parley.adapters.discord.testing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.Permission;

/**
 * A guild of the {@link FakeDiscord}, described before the fake starts: its text channels and
 * threads, its human and bot members, and channel permission overwrites against Parley's bot.
 * Everyone may view, send, read history and use threads; the bot's own member (added by the fake)
 * also has Manage Webhooks, through its role, unless a channel denies it.
 *
 * <pre>{@code
 * FakeGuild guild = FakeGuild.withId(FakeDiscord.guildIdOnShard(0, 1, 0)).named("Alpha")
 *         .textChannel(100, "general").thread(150, 100, "side talk").member(500, "alice")
 *         .textChannel(200, "quiet").denyBot(200, Permission.MANAGE_WEBHOOKS);
 * }</pre>
 */
public final class FakeGuild {

    static final Set<Permission> EVERYONE = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_HISTORY,
            Permission.CREATE_PUBLIC_THREADS, Permission.MESSAGE_SEND_IN_THREADS);
    static final Set<Permission> BOT_ROLE = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_HISTORY,
            Permission.MANAGE_WEBHOOKS, Permission.CREATE_PUBLIC_THREADS, Permission.MESSAGE_SEND_IN_THREADS);

    final long id;
    String name;
    final Map<Long, String> textChannels = new LinkedHashMap<>();
    final Map<Long, FakeThread> threads = new LinkedHashMap<>();
    final Map<Long, FakeUser> members = new LinkedHashMap<>();
    final Map<Long, EnumSet<Permission>> botDenied = new LinkedHashMap<>();

    private FakeGuild(long id) {
        this.id = id;
        this.name = "Guild " + id;
    }

    public static FakeGuild withId(long id) {
        return new FakeGuild(id);
    }

    public long id() {
        return id;
    }

    public FakeGuild named(String guildName) {
        this.name = guildName;
        return this;
    }

    public FakeGuild textChannel(long channelId, String channelName) {
        textChannels.put(channelId, channelName);
        return this;
    }

    /** An active public thread in {@code parentId}, opened by a member before the bot connected. */
    public FakeGuild thread(long threadId, long parentId, String threadName) {
        threads.put(threadId, new FakeThread(threadId, parentId, threadName, 0L));
        return this;
    }

    public FakeGuild member(long userId, String userName) {
        members.put(userId, new FakeUser(userId, userName, false));
        return this;
    }

    /** A member that is another bot (messages with {@code author.bot: true}). */
    public FakeGuild botMember(long userId, String userName) {
        members.put(userId, new FakeUser(userId, userName, true));
        return this;
    }

    /** A permission overwrite on {@code channelId} denying Parley's bot {@code permissions}. */
    public FakeGuild denyBot(long channelId, Permission... permissions) {
        botDenied.computeIfAbsent(channelId, c -> EnumSet.noneOf(Permission.class)).addAll(List.of(permissions));
        return this;
    }

    List<Long> channelIds() {
        return new ArrayList<>(textChannels.keySet());
    }

    /** A thread: its parent channel, name, and the user who opened it (0 when unknown). */
    record FakeThread(long id, long parent, String name, long owner) {
    }

    /** A user the fake knows: a guild member, the bot, or a webhook's author. */
    record FakeUser(long id, String name, boolean bot) {
    }
}
