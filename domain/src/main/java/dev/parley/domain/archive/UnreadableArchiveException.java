package dev.parley.domain.archive;

/** An archive file exists but is not valid archive JSON; the message names the file and the reason. */
public final class UnreadableArchiveException extends RuntimeException {

    private final String fileName;

    public UnreadableArchiveException(String fileName, String reason, Throwable cause) {
        super(fileName + ": " + reason, cause);
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
