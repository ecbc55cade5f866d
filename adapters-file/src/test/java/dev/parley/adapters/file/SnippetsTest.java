package dev.parley.adapters.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.archive.ArchivedTranscript;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

/**
 * The quick look that skips texts without any of the query's words changes no snippet: for words,
 * phrases, prefixes, alternatives and exclusions, over texts in ASCII and not, in any case, with
 * the words alone, inside other words, split by punctuation, accented and folded.
 */
class SnippetsTest {

    private static final String[] PIECES = {"deploy", "Deploy", "DEPLOY", "deployment", "redeploy", "failed", "FAILED",
        "café", "CAFÉ", "cafe", "Cafés", "night", "ticket-42", "ticket", "42", "naïve", "naive", "über", "uber", "日本語",
        "😀", "the", "to", "-", ",", ".", "'", "x", "fail-over", "deploy_failed", "e\u0301"};
    private static final List<String> QUERIES = List.of("deploy", "\"deploy failed\"", "\"the to\"", "cafe", "café",
        "CAFÉ night", "naive | uber", "ticket-42", "\"ticket 42\"", "deploy*", "fail* -night", "日本語", "the -deploy",
        "\"failed deploy\" | night", "e\u0301", "x");

    @Test
    void theQuickLookChangesNoSnippet() {
        SplittableRandom random = new SplittableRandom(11);
        TextAnalyzer analyzer = new TextAnalyzer();
        int compared = 0;
        for (int t = 0; t < 300; t++) {
            ArchivedTranscript transcript = transcript(random, t);
            for (String words : QUERIES) {
                Query text = IndexQueries.build(ArchiveQuery.ALL.containing(words), analyzer).text().orElseThrow();
                assertThat(new Snippets(text, analyzer, true).of(transcript)).as("%s in %s", words, transcript)
                        .isEqualTo(new Snippets(text, analyzer, false).of(transcript));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(300 * QUERIES.size());
    }

    private static ArchivedTranscript transcript(SplittableRandom random, int t) {
        Instant at = Instant.parse("2025-11-24T10:00:00Z");
        UserId requester = UserId.of("11");
        Conversation conversation = Conversation.start(ThreadId.of(String.valueOf(t)), GuildId.of("1"), "Guild", requester, at);
        MessageType[] types = MessageType.values();
        for (int m = 0; m < 6; m++) {
            MessageType type = types[random.nextInt(types.length)];
            Message message = type == MessageType.CHAT
                    ? Message.chat(at.plusSeconds(m), text(random)).from(requester)
                    : Message.of(at.plusSeconds(m), type, text(random));
            conversation = conversation.append(message).conversation();
        }
        if (random.nextBoolean()) {
            conversation = conversation.withSummary(text(random));
        }
        return ArchivedTranscript.of("t" + t + ".json", conversation);
    }

    /** Pieces joined by a space, by nothing (so words run into each other), or by punctuation. */
    private static String text(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(8);
        for (int p = 0; p < pieces; p++) {
            if (p > 0) {
                text.append(switch (random.nextInt(4)) {
                    case 0 -> "";
                    case 1 -> ", ";
                    default -> " ";
                });
            }
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }
}
