package dev.parley.bootstrap.responder;

import static dev.parley.bootstrap.responder.NdjsonStream.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bootstrap.http.ApiClient;
import dev.parley.bootstrap.http.RunningParley;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without {@code parley.llm.base-url} everything else runs, and the responder's routes say so before recording anything. */
class NoModelTest {

    @Test
    void theResponderRoutesAnswer503ModelNotConfiguredAndRecordNothing() {
        try (RunningParley parley = RunningParley.start(Map.of("parley.avatars.catalogue",
                Catalogues.temporary(Catalogues.THREE).toString()))) {
            ApiClient api = parley.client();

            ApiClient.Reply messages = api.post("/channels/9001/messages", message("1001", "Alice", "Ava?"));
            ApiClient.Reply respond = api.post("/channels/9001/respond", "{\"avatar_id\": \"ava\", \"trigger_message_id\": \"1001\"}");

            assertThat(messages.status()).isEqualTo(503);
            assertThat(messages.errorCode()).isEqualTo("model_not_configured");
            assertThat(respond.status()).isEqualTo(503);
            assertThat(respond.errorCode()).isEqualTo("model_not_configured");
            assertThat(api.get("/conversations/9001").status()).as("nothing recorded").isEqualTo(404);
            assertThat(api.get("/avatars").json().path("avatars")).hasSize(3);
            assertThat(api.post("/conversations", "{\"thread_id\": \"9002\", \"guild_id\": \"1\", \"guild_name\": \"g\", \"requester\": \"2\"}")
                    .status()).as("the rest of Parley runs").isEqualTo(201);
        }
    }
}
