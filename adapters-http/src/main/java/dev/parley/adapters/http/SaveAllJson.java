package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.application.port.in.SaveOutcome;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answer of {@code POST /conversations/save}: how many were saved and how many failed, then
 * each conversation, oldest first, with its file or why it could not be written.
 */
@Schema(name = "SaveAllResult")
public record SaveAllJson(
        @JsonProperty("saved") int saved,
        @JsonProperty("failed") int failed,
        @JsonProperty("conversations") List<Line> conversations) {

    static SaveAllJson fromDomain(List<SaveOutcome> outcomes) {
        List<Line> lines = outcomes.stream().map(Line::fromDomain).toList();
        int saved = (int) outcomes.stream().filter(SaveOutcome::saved).count();
        return new SaveAllJson(saved, lines.size() - saved, lines);
    }

    /** One conversation: {@code filename} when saved, {@code problem} when not (it stays live). */
    @Schema(name = "SaveAllLine")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(
            @JsonProperty("thread_id") String threadId,
            @JsonProperty("saved") boolean saved,
            @Schema(description = "the archive file, when saved") @JsonProperty("filename") String filename,
            @Schema(description = "what failed, when not saved; never the conversation's contents") @JsonProperty("problem")
            String problem) {

        static Line fromDomain(SaveOutcome outcome) {
            return switch (outcome) {
                case SaveOutcome.Saved s -> new Line(s.thread().value(), true, s.fileName(), null);
                case SaveOutcome.Failed f -> new Line(f.thread().value(), false, null, f.problem());
            };
        }
    }
}
