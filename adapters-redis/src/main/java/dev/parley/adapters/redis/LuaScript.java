package dev.parley.adapters.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One of the Redis adapters' Lua scripts (a resource next to this class) and its SHA-1, the
 * {@code EVALSHA} name. Scripts are not loaded ahead: the first {@code EVALSHA} on a server that
 * lacks one answers {@code NOSCRIPT} and {@link RedisCalls} sends it with {@code EVAL}, which
 * caches it there (on each cluster master in turn, as it is used).
 *
 * <p>Every script starts with a {@code #!lua} line, optionally with flags: without
 * {@code allow-oom} Redis refuses the whole script while it is over {@code maxmemory} (a
 * {@code noeviction} Redis that is full rejects creates and appends at once instead of letting
 * the first write decide), {@code allow-oom} lets the scripts that free memory (claim, ack,
 * remove) run when it is full, and {@code no-writes} marks the readers. The loader keeps that
 * line first, as Redis requires, and puts any library after it.
 */
final class LuaScript {

    static final LuaScript CREATE = load("create");
    static final LuaScript APPEND = load("append");
    static final LuaScript SUMMARY = load("summary");
    static final LuaScript REMOVE = load("remove");
    static final LuaScript FIND = load("find");
    static final LuaScript TAIL = load("tail");
    static final LuaScript OVERVIEW = load("overview");
    static final LuaScript COUNT = load("count");
    static final LuaScript DUE = load("due");
    static final LuaScript CLAIM = load("claim");
    static final LuaScript PAGE = load("page");
    static final LuaScript RENEW = load("renew");
    static final LuaScript ACKNOWLEDGE = load("ack");
    static final LuaScript ADMIT = load("admit");
    static final LuaScript RELEASE = load("release");
    static final LuaScript NARRATIVE = load("narrative");
    static final LuaScript ACTIVATE = load("activate", "roster-lib");
    static final LuaScript ACTIVE = load("active", "roster-lib");
    static final LuaScript BUDGET = load("budget");
    static final LuaScript IDENTIFY_HOLD = load("identify-hold");
    static final LuaScript WEBHOOK_FORGET = load("webhook-forget");
    static final LuaScript JOURNAL_REPLY = load("journal-reply");
    static final LuaScript JOURNAL_NARRATIVE = load("journal-narrative");
    static final LuaScript SUMMARY_SAVE = load("summary-save");
    static final LuaScript SUMMARY_RELEASE = load("summary-release");

    /**
     * Put after the header of a script run on a clock the caller controls (tests only, see
     * {@link ScriptClock}): the last argument is "now" in microseconds, taken off {@code ARGV}
     * before the script reads it, and {@code redis.call('TIME')} answers it. A local {@code redis}
     * shadows the global one for the rest of the chunk; the server's own table is untouched.
     */
    private static final String CONTROLLED_TIME = """
            local parley_now = tonumber(table.remove(ARGV))
            local parley_redis = redis
            local redis = setmetatable({call = function(command, ...)
              if command == 'TIME' then
                return {string.format('%d', math.floor(parley_now / 1000000)), string.format('%d', parley_now % 1000000)}
              end
              return parley_redis.call(command, ...)
            end}, {__index = parley_redis})
            """;

    private final String name;
    private final String source;
    private final String sha;
    private final String header;
    private final String body;
    private volatile LuaScript onControlledTime;

    private LuaScript(String name, String header, String body) {
        this.name = name;
        this.header = header;
        this.body = body;
        this.source = header + body;
        this.sha = sha1(source);
    }

    String name() {
        return name;
    }

    String source() {
        return source;
    }

    String sha() {
        return sha;
    }

    /** The first line, {@code #!lua} and its flags. */
    String header() {
        return header;
    }

    /** This script reading "now" from its last argument instead of Redis {@code TIME} (a script of its own, with its own SHA-1). */
    LuaScript onControlledTime() {
        LuaScript variant = onControlledTime;
        if (variant == null) {
            variant = new LuaScript(name, header, CONTROLLED_TIME + body);
            onControlledTime = variant;
        }
        return variant;
    }

    /**
     * The script {@code name.lua}: its {@code #!lua} line, then the text of each library named
     * (Redis scripts cannot include one another, so shared functions are put in front; the SHA-1
     * is of the whole), then the rest of the script.
     */
    private static LuaScript load(String name, String... libraries) {
        String text = read(name + ".lua");
        int firstLineEnd = text.indexOf('\n');
        if (!text.startsWith("#!lua") || firstLineEnd < 0) {
            throw new IllegalStateException("script " + name + ".lua must start with a #!lua line");
        }
        StringBuilder body = new StringBuilder();
        for (String library : libraries) {
            body.append(read(library + ".lua"));
        }
        body.append(text, firstLineEnd + 1, text.length());
        return new LuaScript(name, text.substring(0, firstLineEnd + 1), body.toString());
    }

    private static String read(String resource) {
        try (InputStream in = LuaScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("script resource missing from the jar: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read script resource " + resource, e);
        }
    }

    private static String sha1(String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    @Override
    public String toString() {
        return name + ".lua";
    }
}
