package dev.parley.adapters.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Lua scripts of the Discord platform ports, as {@link LuaScript}s (read here because
 * {@link LuaScript}'s own loader is private to it). {@link RedisCalls} sends each on first use,
 * and again after a {@code NOSCRIPT}.
 */
final class PlatformScripts {

    static final LuaScript IDENTIFY_HOLD = load("identify-hold");
    static final LuaScript WEBHOOK_FORGET = load("webhook-forget");

    private PlatformScripts() {
    }

    private static LuaScript load(String name) {
        String resource = name + ".lua";
        String source;
        try (InputStream in = PlatformScripts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("script resource missing from the jar: " + resource);
            }
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read script resource " + resource, e);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            return new LuaScript(name, source, HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
