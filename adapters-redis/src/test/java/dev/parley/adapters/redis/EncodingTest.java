package dev.parley.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.testing.EchoExamples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the adapter writes into Redis reads back as exactly what was written. */
class EncodingTest {

    @Test
    void everyKindOfMessageSurvivesTheRoundTrip() {
        for (Message message : EchoExamples.oneOfEachType()) {
            assertThat(MessageCodec.decode(MessageCodec.encode(message))).isEqualTo(message);
        }
    }

    @Test
    void conversationMetadataSurvivesTheRoundTripWithParticipantsInOrder() {
        Conversation c = EchoExamples.documentConversation();
        List<String> history = c.history().stream().map(MessageCodec::encode).toList();

        assertThat(ConversationHash.decode(new ArrayList<Object>(ConversationHash.fields(c)), history)).isEqualTo(c);
    }

    @Test
    void updatedAtIsTheLatestOfTheStoredTimeAndTheMessages() {
        Conversation started = EchoExamples.newConversation();
        Message late = Message.chat(started.createdAt().plusSeconds(90), "late");
        Message early = Message.chat(started.createdAt().plusSeconds(30), "early");
        List<String> history = List.of(MessageCodec.encode(late), MessageCodec.encode(early));

        Conversation read = ConversationHash.decode(new ArrayList<Object>(ConversationHash.fields(started)), history);

        assertThat(read).isEqualTo(started.append(late).conversation().append(early).conversation());
        assertThat(read.updatedAt()).isEqualTo(late.createdAt());
    }

    @Test
    void everyKeyOfAThreadCarriesItsShardsHashTag() {
        RedisKeys keys = new RedisKeys("parley", 5);
        ThreadId thread = ThreadId.of("1234567890");
        String tag = "{" + keys.shardOf(thread) + "}";

        assertThat(List.of(keys.conversation(thread), keys.history(thread), keys.seenIds(thread), keys.due(thread)))
                .allSatisfy(key -> assertThat(key).startsWith("parley:" + tag + ":"));
        ClaimKey claim = ClaimKey.parse(keys.shardOf(thread) + ":1234567890:7", 5).orElseThrow();
        assertThat(keys.sealedConversation(claim)).isEqualTo("parley:" + tag + ":sealed:1234567890:7");
        assertThat(keys.sealedHistory(claim)).isEqualTo("parley:" + tag + ":sealed-msgs:1234567890:7");
    }
}
