package dev.parley.adapters.discord.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * The server side of one RFC 6455 WebSocket, as small as the fake gateway needs: the opening
 * handshake, text frames (fragmented or not) in, unmasked text frames out, ping, close. Writes are
 * serialised; {@link #next()} is called by one reader thread.
 */
final class WebSocketConnection implements AutoCloseable {

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private volatile boolean closed;

    private WebSocketConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Reads the client's upgrade request from {@code socket} and answers 101; fails on anything else. */
    static WebSocketConnection accept(Socket socket) throws IOException {
        WebSocketConnection connection = new WebSocketConnection(socket);
        String key = null;
        for (String line : connection.readHeader().split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-key")) {
                key = line.substring(colon + 1).trim();
            }
        }
        if (key == null) {
            connection.writeRaw("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            connection.close();
            throw new IOException("not a WebSocket upgrade request");
        }
        connection.writeRaw("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + acceptKey(key) + "\r\n\r\n");
        return connection;
    }

    /** The next text message, or null when the client closed the connection (or it broke). */
    String next() throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            int first;
            try {
                first = in.readUnsignedByte();
            } catch (EOFException e) {
                return null;
            }
            boolean fin = (first & 0x80) != 0;
            int opcode = first & 0x0F;
            int second = in.readUnsignedByte();
            boolean masked = (second & 0x80) != 0;
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            if (length > MAX_MESSAGE_BYTES || message.size() + length > MAX_MESSAGE_BYTES) {
                throw new IOException("a WebSocket frame of " + length + " bytes is larger than the fake accepts");
            }
            byte[] mask = new byte[4];
            if (masked) {
                in.readFully(mask);
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            if (masked) {
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
            }
            switch (opcode) {
                case 0x8 -> {
                    sendFrame(0x8, payload);
                    return null;
                }
                case 0x9 -> sendFrame(0xA, payload);
                case 0xA -> {
                    // pong: nothing to do
                }
                case 0x0, 0x1, 0x2 -> {
                    message.write(payload);
                    if (fin) {
                        return message.toString(StandardCharsets.UTF_8);
                    }
                }
                default -> throw new IOException("unknown WebSocket opcode " + opcode);
            }
        }
    }

    void sendText(byte[] utf8) throws IOException {
        sendFrame(0x1, utf8);
    }

    /** Sends a close frame with {@code code} and closes the socket. */
    void closeWith(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + text.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, text.length);
        try {
            sendFrame(0x8, payload);
        } catch (IOException e) {
            // The client went first: closing is all that is left.
        }
        close();
    }

    boolean isClosed() {
        return closed;
    }

    /** Closes the TCP connection at once, without a close frame: a dropped connection. */
    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a socket that is already broken.
        }
    }

    private void sendFrame(int opcode, byte[] payload) throws IOException {
        synchronized (out) {
            if (closed) {
                throw new IOException("connection closed");
            }
            out.write(0x80 | opcode);
            if (payload.length < 126) {
                out.write(payload.length);
            } else if (payload.length <= 0xFFFF) {
                out.write(126);
                out.write(payload.length >> 8);
                out.write(payload.length);
            } else {
                out.write(127);
                long length = payload.length;
                for (int shift = 56; shift >= 0; shift -= 8) {
                    out.write((int) (length >> shift));
                }
            }
            out.write(payload);
            out.flush();
        }
    }

    private String readHeader() throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        InputStream raw = in;
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = raw.read();
            if (b < 0 || header.size() > MAX_HEADER_BYTES) {
                throw new IOException("the upgrade request ended early or is too long");
            }
            header.write(b);
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
        return header.toString(StandardCharsets.ISO_8859_1);
    }

    private void writeRaw(String text) throws IOException {
        synchronized (out) {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }

    private static String acceptKey(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
