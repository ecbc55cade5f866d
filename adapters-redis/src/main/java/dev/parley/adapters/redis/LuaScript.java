package dev.parley.adapters.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One of the Redis adapters' Lua scripts (a resource next to this class) and its SHA-1, the EVALSHA name. */
record LuaScript(String name, String source, String sha) {

    static final LuaScript CREATE = load("create");
    static final LuaScript APPEND = load("append");
    static final LuaScript SUMMARY = load("summary");
    static final LuaScript REMOVE = load("remove");
    static final LuaScript FIND = load("find");
    static final LuaScript COUNT = load("count");
    static final LuaScript CLAIM = load("claim");
    static final LuaScript ACKNOWLEDGE = load("ack");
    static final LuaScript ADMIT = load("admit");
    static final LuaScript NARRATIVE = load("narrative");
    static final LuaScript ACTIVATE = load("activate", "roster-lib");
    static final LuaScript ACTIVE = load("active", "roster-lib");
    static final LuaScript JOURNAL_REPLY = load("journal-reply");
    static final LuaScript JOURNAL_NARRATIVE = load("journal-narrative");
    static final LuaScript SUMMARY_SAVE = load("summary-save");
    static final LuaScript SUMMARY_RELEASE = load("summary-release");

    static final LuaScript[] ALL = {CREATE, APPEND, SUMMARY, REMOVE, FIND, COUNT, CLAIM, ACKNOWLEDGE, ADMIT, NARRATIVE, ACTIVATE, ACTIVE,
        JOURNAL_REPLY, JOURNAL_NARRATIVE, SUMMARY_SAVE, SUMMARY_RELEASE};

    /**
     * The script {@code name.lua}, preceded by the text of each library named (Redis scripts cannot
     * include one another, so shared functions are put in front; the SHA-1 is of the whole).
     */
    private static LuaScript load(String name, String... libraries) {
        StringBuilder source = new StringBuilder();
        for (String library : libraries) {
            source.append(read(library + ".lua"));
        }
        source.append(read(name + ".lua"));
        return new LuaScript(name, source.toString(), sha1(source.toString()));
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
}
