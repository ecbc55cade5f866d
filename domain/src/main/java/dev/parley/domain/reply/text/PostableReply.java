package dev.parley.domain.reply.text;

import dev.parley.domain.avatar.Avatar;
import java.util.List;
import java.util.Objects;

/**
 * A model's text made fit to post as an avatar: reasoning taken out ({@link ExtractedReasoning}),
 * the avatar's name prefix removed ({@link NamePrefix}), mass mentions made inert
 * ({@link MassMentions}), and the result split into messages ({@link ReplyChunks}).
 *
 * @param text      the whole reply as it is posted (what the conversation records)
 * @param reasoning the reasoning found in the text, in order (recorded, never posted)
 * @param chunks    {@code text} split into messages of at most 2,000 characters; empty when
 *                  nothing is left to post
 *
 * <pre>{@code
 * PostableReply reply = PostableReply.of(modelReply.text(), avatar);
 * reply.chunks().forEach(chat::post);
 * }</pre>
 */
public record PostableReply(String text, List<String> reasoning, List<String> chunks) {

    public PostableReply {
        Objects.requireNonNull(text, "text == null");
        reasoning = List.copyOf(Objects.requireNonNull(reasoning, "reasoning == null"));
        chunks = List.copyOf(Objects.requireNonNull(chunks, "chunks == null"));
    }

    /** Cleans and splits {@code modelText}, as {@code avatar} answered it. */
    public static PostableReply of(String modelText, Avatar avatar) {
        return of(modelText, avatar, ReplyChunks.DISCORD_LIMIT);
    }

    /** As {@link #of(String, Avatar)}, with chunks of at most {@code limit} characters. */
    public static PostableReply of(String modelText, Avatar avatar, int limit) {
        ExtractedReasoning extracted = ExtractedReasoning.from(modelText);
        String text = MassMentions.neutralise(NamePrefix.strip(extracted.visible(), avatar));
        return new PostableReply(text, extracted.reasoning(), ReplyChunks.split(text, limit));
    }

    /** Whether anything is left to post. */
    public boolean isEmpty() {
        return chunks.isEmpty();
    }
}
