package dev.parley.domain.archive;

/** A file in the archive directory that looks like an archive but could not be read, and why. */
public record UnreadableArchive(String fileName, String reason) {
}
