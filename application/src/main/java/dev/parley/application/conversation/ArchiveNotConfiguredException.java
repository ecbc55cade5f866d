package dev.parley.application.conversation;

/** Saving was asked for, but no archive is set (the Echo document's {@code ValueError}). */
public final class ArchiveNotConfiguredException extends RuntimeException {

    public ArchiveNotConfiguredException() {
        super("no conversation archive is set: cannot save conversations (configure an archive directory)");
    }
}
