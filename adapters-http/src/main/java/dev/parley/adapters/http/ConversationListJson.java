package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The live conversations that matched a listing's filters, oldest first. */
@Schema(name = "ConversationList")
public record ConversationListJson(@JsonProperty("conversations") List<ConversationLineJson> conversations) {
}
