package dev.parley.adapters.discord.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * The {@link FakeDiscord}'s gateway: a WebSocket server on loopback speaking Discord's gateway
 * protocol as far as JDA needs it. HELLO on connect; heartbeats acknowledged; IDENTIFY answered
 * with READY and a GUILD_CREATE per guild the identified shard owns ({@code (guild_id >> 22) %
 * shards}); RESUME answered with RESUMED, or with INVALID_SESSION when resumes are refused.
 * Events for a shard whose session is not connected wait and are delivered after its next
 * READY or RESUMED, as Discord replays them.
 */
final class FakeGateway implements AutoCloseable {

    /** Discord's gateway opcodes. */
    private static final int DISPATCH = 0;
    private static final int HEARTBEAT = 1;
    private static final int IDENTIFY = 2;
    private static final int RESUME = 6;
    private static final int INVALID_SESSION = 9;
    private static final int HELLO = 10;
    private static final int HEARTBEAT_ACK = 11;
    private static final int HEARTBEAT_INTERVAL_MS = 41_250;

    private final FakeDiscord discord;
    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<WebSocketConnection> connections = ConcurrentHashMap.newKeySet();
    private final Map<Integer, ShardSession> shards = new ConcurrentHashMap<>();
    private volatile boolean refuseResumes;
    private volatile boolean closed;

    FakeGateway(FakeDiscord discord) throws IOException {
        this.discord = discord;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.acceptor = Thread.ofPlatform().daemon().name("fake-discord-gateway-accept").start(this::acceptLoop);
    }

    String url() {
        return "ws://127.0.0.1:" + server.getLocalPort() + "/";
    }

    void refuseResumes(boolean refuse) {
        refuseResumes = refuse;
    }

    /** Sends event {@code type} to {@code shard}, now if its session is up, else after it is back. */
    void dispatch(int shard, String type, DataObject data) {
        ShardSession session = shards.computeIfAbsent(shard, ShardSession::new);
        synchronized (session) {
            if (session.live != null && session.ready) {
                session.send(type, data);
            } else {
                session.pending.add(new Object[] {type, data});
            }
        }
    }

    /** Closes every connection at once, without a close frame, as a network failure would. */
    void dropConnections() {
        for (ShardSession session : shards.values()) {
            synchronized (session) {
                session.live = null;
                session.ready = false;
            }
        }
        connections.forEach(WebSocketConnection::close);
    }

    int openConnections() {
        return (int) connections.stream().filter(c -> !c.isClosed()).count();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // Closing the listening socket: nothing else to do.
        }
        connections.forEach(WebSocketConnection::close);
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            Thread.ofVirtual().name("fake-discord-gateway-connection").start(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        WebSocketConnection connection;
        try {
            connection = WebSocketConnection.accept(socket);
        } catch (IOException e) {
            return;
        }
        connections.add(connection);
        ShardSession attached = null;
        try {
            send(connection, DataObject.empty().put("op", HELLO).put("d", DataObject.empty().put("heartbeat_interval", HEARTBEAT_INTERVAL_MS)));
            String text;
            while ((text = connection.next()) != null) {
                DataObject payload = DataObject.fromJson(text);
                switch (payload.getInt("op", -1)) {
                    case HEARTBEAT -> send(connection, DataObject.empty().put("op", HEARTBEAT_ACK));
                    case IDENTIFY -> attached = identify(connection, payload.getObject("d"));
                    case RESUME -> attached = resume(connection, payload.getObject("d"));
                    default -> {
                        // Presence updates, member requests and the like: the fake does not need them.
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // The connection broke (or was dropped on purpose): the client will come back.
        } finally {
            connection.close();
            connections.remove(connection);
            if (attached != null) {
                synchronized (attached) {
                    if (attached.live == connection) {
                        attached.live = null;
                        attached.ready = false;
                    }
                }
            }
        }
    }

    private ShardSession identify(WebSocketConnection connection, DataObject data) {
        if (!discord.token().equals(data.getString("token", ""))) {
            connection.closeWith(4004, "Authentication failed.");
            return null;
        }
        int shard = 0;
        int total = 1;
        if (!data.isNull("shard")) {
            DataArray pair = data.getArray("shard");
            shard = pair.getInt(0);
            total = pair.getInt(1);
        }
        discord.recordIdentify(shard, total, data.getLong("intents", 0));
        if (!discord.intentsAllowed(data.getLong("intents", 0))) {
            connection.closeWith(4014, "Disallowed intent(s).");
            return null;
        }
        ShardSession session = shards.computeIfAbsent(shard, ShardSession::new);
        synchronized (session) {
            session.total = total;
            session.sessionId = UUID.randomUUID().toString().replace("-", "");
            session.sequence = 0;
            session.live = connection;
            List<Long> owned = discord.guildsOfShard(shard, total);
            DataArray unavailable = DataArray.empty();
            owned.forEach(id -> unavailable.add(DataObject.empty().put("id", Long.toUnsignedString(id)).put("unavailable", true)));
            session.send("READY", DataObject.empty()
                    .put("v", 10)
                    .put("user", discord.botUserJson())
                    .put("guilds", unavailable)
                    .put("session_id", session.sessionId)
                    .put("resume_gateway_url", url())
                    .put("private_channels", DataArray.empty())
                    .put("application", DataObject.empty().put("id", Long.toUnsignedString(discord.botId())).put("flags", 0))
                    .put("shard", DataArray.empty().add(shard).add(total)));
            for (long guild : owned) {
                session.send("GUILD_CREATE", discord.guildCreateJson(guild));
            }
            session.ready = true;
            session.flush();
        }
        return session;
    }

    private ShardSession resume(WebSocketConnection connection, DataObject data) {
        String sessionId = data.getString("session_id", "");
        ShardSession session = shards.values().stream().filter(s -> sessionId.equals(s.sessionId)).findFirst().orElse(null);
        if (session == null || refuseResumes || !discord.token().equals(data.getString("token", ""))) {
            discord.recordResume(false);
            send(connection, DataObject.empty().put("op", INVALID_SESSION).put("d", false));
            return null;
        }
        synchronized (session) {
            session.live = connection;
            session.send("RESUMED", DataObject.empty());
            session.ready = true;
            session.flush();
        }
        discord.recordResume(true);
        return session;
    }

    private static void send(WebSocketConnection connection, DataObject payload) {
        try {
            connection.sendText(payload.toJson());
        } catch (IOException e) {
            connection.close();
        }
    }

    /** What the gateway knows of one shard's session: its id, sequence, connection, and the events it has yet to get. */
    private static final class ShardSession {

        final int shard;
        int total;
        String sessionId;
        int sequence;
        WebSocketConnection live;
        boolean ready;
        final List<Object[]> pending = new ArrayList<>();

        ShardSession(int shard) {
            this.shard = shard;
        }

        /** Sends a dispatch on the live connection (the caller holds this session's lock). */
        void send(String type, DataObject data) {
            sequence++;
            FakeGateway.send(live, DataObject.empty().put("op", DISPATCH).put("t", type).put("s", sequence).put("d", data));
        }

        void flush() {
            for (Object[] event : pending) {
                send((String) event[0], (DataObject) event[1]);
            }
            pending.clear();
        }
    }
}
