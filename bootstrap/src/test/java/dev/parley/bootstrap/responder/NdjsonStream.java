package dev.parley.bootstrap.responder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** {@code POST /channels/{id}/messages} read line by line as the server sends them. */
final class NdjsonStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final HttpResponse<Stream<String>> response;
    private final Iterator<String> lines;

    private NdjsonStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.lines = response.body().iterator();
    }

    /** Posts {@code body} and returns once the status and headers are in; the lines follow as they come. */
    static NdjsonStream post(URL server, String channel, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.toString()).resolve("/channels/" + channel + "/messages"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return new NdjsonStream(HTTP.send(request, HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next line as JSON; blocks until it arrives. */
    JsonNode next() {
        if (!lines.hasNext()) {
            throw new AssertionError("the stream ended");
        }
        try {
            return JSON.readTree(lines.next());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line still to come, as JSON, until the stream ends. */
    List<JsonNode> rest() {
        List<JsonNode> all = new ArrayList<>();
        while (lines.hasNext()) {
            try {
                all.add(JSON.readTree(lines.next()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    static List<String> events(List<JsonNode> lines) {
        return lines.stream().map(line -> line.path("event").asText()).toList();
    }

    static String message(String id, String author, String text) {
        return "{\"message_id\": \"" + id + "\", \"guild_id\": \"900\", \"guild_name\": \"Guild\", \"author_id\": \"111\","
                + " \"author_name\": \"" + author + "\", \"content\": \"" + text + "\"}";
    }

    @Override
    public void close() {
        response.body().close();
    }
}
