package dev.parley.domain;

import java.util.Locale;

/**
 * Which input an {@link InvalidInputException} is about, in the domain's own terms. Adapters map
 * each to their own name for it (a JSON key, a configuration key); the domain never uses theirs.
 */
public enum InputField {
    THREAD_ID,
    GUILD_ID,
    GUILD_NAME,
    USER_ID,
    CHANNEL_ID,
    MESSAGE_ID,
    MESSAGE_TYPE,
    MESSAGE_CONTENT,
    /** A message as a whole (the size of all its text). */
    MESSAGE,
    /** A conversation's summary. */
    SUMMARY,
    ATTACHMENTS,
    /** The display name of who wrote a message (a person, a bot or an avatar). */
    AUTHOR_NAME,
    TOOL_CALL,
    TOOL_PARAMETERS,
    AVATAR_ID,
    AVATAR_NAME,
    AVATAR_EMOJI,
    AVATAR_IMAGE_URL,
    AVATAR_PERSONALITY,
    /** The first day an archive query covers (its last day is checked against it). */
    FIRST_DAY,
    ARCHIVE_FILE_NAME,
    /** The words a full-text archive search looks for. */
    SEARCH_TEXT,
    /** How many results one page holds. */
    PAGE_LIMIT,
    /** Where the next page of a search starts. */
    PAGE_CURSOR,
    /** An id {@link dev.parley.domain.conversation.ConversationStore#claimIdle} handed out. */
    CLAIM_ID,
    /** The id a caller gives a request so that a retry of it is answered, not run, again. */
    REQUEST_ID,
    WEBHOOK_ID,
    WEBHOOK_TOKEN,
    /** Who holds an identify slot of the Discord gateway. */
    IDENTIFY_TICKET,
    AVATAR_RESPONSE_COOLDOWN,
    BOT_REPLY_COOLDOWN,
    NARRATIVE_COOLDOWN,
    MAX_RESPONDERS_PER_MESSAGE,
    MAX_WAIT,
    MAX_ACTIVE_AVATARS_PER_CHANNEL,
    TRIGGER_MEMORY;

    /** The field in words, for messages that reach no adapter: {@code THREAD_ID} is "thread id". */
    public String inWords() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
