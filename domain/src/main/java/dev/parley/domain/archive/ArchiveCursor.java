package dev.parley.domain.archive;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Where a page of a search ended: the last conversation's creation time and file name, bound to
 * the query it was given for. Travels as an opaque {@link #token()} (URL-safe Base64, checksummed):
 * a token that was cut or altered is refused by {@link #parse}.
 *
 * <p>The position is the content's own sort key, not an index-internal number, so a cursor stays
 * valid across index refreshes, rebuilds and instances.
 */
public record ArchiveCursor(Instant createdAt, String fileName, int queryFingerprint) {

    private static final byte VERSION = 1;
    /** Longest token accepted: the longest file name (255 bytes) with the header, in Base64. */
    private static final int MAX_TOKEN_LENGTH = 400;
    private static final String REFUSED =
            "is not one this archive gave out (cut, altered or from another version): start again without a cursor";

    public ArchiveCursor {
        Objects.requireNonNull(createdAt, "createdAt == null");
        Objects.requireNonNull(fileName, "fileName == null");
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        if (fileName.isEmpty() || fileName.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("fileName must be 1 to 255 bytes");
        }
    }

    /** The cursor after {@code last}, the last conversation of a page of {@code query}. */
    public static ArchiveCursor after(ArchivedConversation last, ArchiveQuery query) {
        return new ArchiveCursor(last.createdAt(), last.fileName(), query.fingerprint());
    }

    /** Microseconds since the epoch, the resolution archive timestamps have. */
    public long createdAtMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
    }

    /** The opaque text form, safe in a URL query. */
    public String token() {
        byte[] name = fileName.getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = ByteBuffer.allocate(1 + 4 + 8 + name.length + 4);
        body.put(VERSION).putInt(queryFingerprint).putLong(createdAtMicros()).put(name);
        body.putInt(checksum(body.array(), body.position()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(body.array());
    }

    /**
     * Reads a {@link #token()}.
     *
     * @throws InvalidInputException (field {@code cursor}) if {@code token} is not a token this class wrote, unchanged
     */
    public static ArchiveCursor parse(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidInputException(InputField.PAGE_CURSOR, REFUSED);
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidInputException(InputField.PAGE_CURSOR, REFUSED);
        }
        if (bytes.length < 1 + 4 + 8 + 1 + 4) {
            throw new InvalidInputException(InputField.PAGE_CURSOR, REFUSED);
        }
        ByteBuffer body = ByteBuffer.wrap(bytes);
        int bodyLength = bytes.length - 4;
        if (body.get() != VERSION || body.getInt(bodyLength) != checksum(bytes, bodyLength)) {
            throw new InvalidInputException(InputField.PAGE_CURSOR, REFUSED);
        }
        int fingerprint = body.getInt();
        long micros = body.getLong();
        String name;
        try {
            name = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, body.position(), bodyLength - body.position()))
                    .toString();
            return new ArchiveCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), name, fingerprint);
        } catch (CharacterCodingException | IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw new InvalidInputException(InputField.PAGE_CURSOR, REFUSED);
        }
    }

    private static int checksum(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    @Override
    public String toString() {
        return token();
    }
}
