package dev.parley.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reply gate, the narrative slot and the roster over HTTP (memory storage, the avatar document's defaults). */
class ReplyGateApiTest {

    private static RunningParley parley;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        parley = RunningParley.start(Map.of());
        api = parley.client();
    }

    @AfterAll
    static void stop() {
        parley.close();
    }

    private static String ask(String avatar, String trigger, boolean override) {
        return "{\"avatar_id\": \"" + avatar + "\", \"trigger_message_id\": \"" + trigger + "\", \"override_cooldown\": " + override + "}";
    }

    @Test
    void aSecondAvatarIsPacedByTheBotReplyCooldownAndAThirdFindsTheRespondersFull() {
        JsonNode first = api.post("/channels/100/replies", ask("alice", "5001", false)).json();
        JsonNode second = api.post("/channels/100/replies", ask("bob", "5001", false)).json();
        JsonNode third = api.post("/channels/100/replies", ask("carol", "5001", false)).json();
        JsonNode thirdOverriding = api.post("/channels/100/replies", ask("carol", "5001", true)).json();

        assertThat(first.get("admitted").asBoolean()).isTrue();
        assertThat(first.has("reason")).isFalse();
        assertThat(second.get("admitted").asBoolean()).isFalse();
        assertThat(second.get("reason").asText()).isEqualTo("bot_reply_cooldown");
        assertThat(second.get("retry_after_ms").asLong()).isBetween(1L, 10_000L);
        assertThat(third.get("reason").asText()).isEqualTo("responders_full");
        assertThat(third.get("retry_after_ms").asLong()).isZero();
        assertThat(thirdOverriding.get("reason").asText()).as("override never skips the responder cap").isEqualTo("responders_full");
    }

    @Test
    void overrideSkipsTheTimeCooldowns() {
        assertThat(api.post("/channels/200/replies", ask("alice", "6001", false)).json().get("admitted").asBoolean()).isTrue();

        JsonNode again = api.post("/channels/200/replies", ask("alice", "6002", false)).json();
        JsonNode overriding = api.post("/channels/200/replies", ask("alice", "6002", true)).json();

        assertThat(again.get("reason").asText()).isEqualTo("avatar_cooldown");
        assertThat(overriding.get("admitted").asBoolean()).isTrue();
    }

    @Test
    void theNarrativeSlotIsTakenOncePerCooldown() {
        JsonNode first = api.post("/narratives/slot", "").json();
        JsonNode second = api.post("/narratives/slot", "").json();

        assertThat(first.get("admitted").asBoolean()).isTrue();
        assertThat(second.get("admitted").asBoolean()).isFalse();
        assertThat(second.get("reason").asText()).isEqualTo("narrative_cooldown");
        assertThat(second.get("retry_after_ms").asLong()).isBetween(3_500_000L, 3_600_000L);
    }

    @Test
    void activatingANinthAvatarRotatesOutTheStalest() {
        List<JsonNode> activations = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            activations.add(api.post("/channels/300/avatars/avatar-" + i + "/activate", "").json());
        }
        JsonNode ninth = activations.getLast();

        assertThat(ninth.get("newly_active").asBoolean()).isTrue();
        assertThat(ninth.get("active")).hasSize(8);
        assertThat(ninth.get("deactivated")).hasSize(1);
        assertThat(ninth.at("/deactivated/0/avatar_id").asText()).isEqualTo("avatar-1");
        assertThat(ninth.at("/deactivated/0/deactivated_at").isTextual()).isTrue();
        assertThat(activations.subList(0, 8)).allSatisfy(a -> assertThat(a.get("deactivated")).isEmpty());

        JsonNode listed = api.get("/channels/300/avatars").json();
        assertThat(listed.get("active")).hasSize(8);
        assertThat(listed.at("/active/0/avatar_id").asText()).as("most recently active first").isEqualTo("avatar-9");
        assertThat(listed.at("/active/0/deactivated_at").isNull()).isTrue();
    }

    @Test
    void touchingAnActiveAvatarKeepsItFromBeingRotatedOut() {
        for (int i = 1; i <= 8; i++) {
            api.post("/channels/400/avatars/avatar-" + i + "/activate", "");
        }
        JsonNode touched = api.post("/channels/400/avatars/avatar-1/touch", "").json();
        JsonNode ninth = api.post("/channels/400/avatars/avatar-9/activate", "").json();

        assertThat(touched.get("newly_active").asBoolean()).isFalse();
        assertThat(ninth.at("/deactivated/0/avatar_id").asText()).isEqualTo("avatar-2");
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
    @CsvSource(delimiter = '|', value = {
            "POST | /channels/abc/replies | {\"avatar_id\": \"a\", \"trigger_message_id\": \"1\"} | 400 | invalid_id",
            "POST | /channels/1/replies | {\"avatar_id\": \"no spaces\", \"trigger_message_id\": \"1\"} | 400 | invalid_id",
            "POST | /channels/1/replies | {\"trigger_message_id\": \"1\"} | 400 | missing_field",
            "POST | /channels/1/replies | {\"avatar_id\": \"a\"} | 400 | missing_field",
            "POST | /channels/1/replies | {\"avatar_id\": \"a\", \"trigger_message_id\": \"x1\"} | 400 | invalid_id",
            "POST | /channels/1/replies | {\"avatar_id\": \"a\", \"trigger_message_id\": \"1\", \"override_cooldown\": \"yes\"} | 400 | wrong_type",
            "POST | /channels/1/replies | {\"avatar_id\": | 400 | malformed_json",
            "POST | /channels/1/avatars/-too-long-" + "-------------------------------------------------------------------/activate | | 400 | invalid_id",
            "POST | /channels/1/avatars/a%20b/touch | | 400 | invalid_id",
            "GET | /channels/12345678901234567890123/avatars | | 400 | invalid_id",
            "GET | /channels/1/replies | | 405 | method_not_allowed",
    })
    void badRequestsGetAClearErrorAndChangeNothing(String method, String path, String body, int status, String code) {
        ApiClient.Reply reply = api.send(method, path, "application/json", body == null ? "" : body);

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.errorCode()).isEqualTo(code);
        assertThat(reply.json().get("message").asText()).isNotBlank();
        assertThat(api.get("/channels/1/avatars").json().get("active")).isEmpty();
    }
}
