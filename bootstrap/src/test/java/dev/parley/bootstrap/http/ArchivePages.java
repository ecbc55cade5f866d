package dev.parley.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reading {@code GET /archive} in tests: an answer from a complete index, and every page of a search. */
public final class ArchivePages {

    /** Generous for a loaded 2-core machine; a wait ends as soon as the index is complete. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private ArchivePages() {
    }

    /**
     * The answer to {@code path} once the archive index is complete ({@code "partial": false}): the
     * index opens in the background, so a request right after the start may come before it.
     */
    public static JsonNode complete(ApiClient api, String path) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            ApiClient.Reply reply = api.get(path);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            if (!reply.json().get("partial").asBoolean()) {
                return reply.json();
            }
            assertThat(System.nanoTime()).as("waited %s for a complete answer to %s", PATIENCE, path).isLessThan(deadline);
            pause();
        }
    }

    /** Every item of the search {@code query} (a query string without limit and cursor), {@code limit} a page, in the order given. */
    public static List<JsonNode> all(ApiClient api, String query, int limit) {
        complete(api, "/archive?" + query + "&limit=1");
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/archive?" + query + "&limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            ApiClient.Reply page = api.get(path);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().get("items").size()).isLessThanOrEqualTo(limit);
            page.json().get("items").forEach(items::add);
            JsonNode next = page.json().get("next_cursor");
            cursor = next.isNull() ? null : next.asText();
            if (cursor != null) {
                assertThat(page.json().get("items").size()).as("a page with a next page is full").isEqualTo(limit);
            }
        } while (cursor != null);
        return items;
    }

    public static List<String> fileNames(List<JsonNode> items) {
        return items.stream().map(item -> item.get("filename").asText()).toList();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for the archive index", e);
        }
    }
}
