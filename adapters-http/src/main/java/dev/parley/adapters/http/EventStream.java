package dev.parley.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.application.port.in.AvatarReply;
import dev.parley.application.port.in.ChannelEvent;
import dev.parley.application.port.in.ChannelMessage;
import dev.parley.application.port.in.ChannelReplies;
import dev.parley.application.port.in.HandleChannelMessage;
import dev.parley.domain.id.MessageId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Runs {@link HandleChannelMessage} on a virtual thread of its own and turns what it reports into
 * NDJSON lines, one per event, each handed to the response as soon as it happens (the sink buffers
 * lines until the response subscribes, and never holds the handling thread). The reply to post is
 * a {@code reply} line written from {@link ChannelReplies#post}, which returns no ids: the caller
 * posts it. A client that goes away cancels the stream: later posts fail, so those replies are
 * given up (not recorded, their cooldowns given back) instead of recorded as delivered.
 */
final class EventStream {

    private static final Logger LOG = System.getLogger(EventStream.class.getName());
    private static final byte[] NEWLINE = {'\n'};

    private final ObjectMapper json;
    private final Sinks.Many<byte[]> lines = Sinks.many().unicast().onBackpressureBuffer();
    /** Completes with the first event other than {@code Done}, or with the failure that came before one. */
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private volatile boolean cancelled;

    private EventStream(ObjectMapper json) {
        this.json = json;
    }

    /** Starts handling {@code message}; returns at once. */
    static EventStream start(HandleChannelMessage useCase, ChannelMessage message, ObjectMapper json) {
        EventStream stream = new EventStream(json);
        Thread.ofVirtual().name("parley-channel-message-" + message.id()).start(() -> stream.run(useCase, message));
        return stream;
    }

    private void run(HandleChannelMessage useCase, ChannelMessage message) {
        try {
            useCase.handle(message, new StreamedReplies(), this::on);
            started.complete(null);
        } catch (RuntimeException e) {
            if (!started.completeExceptionally(e)) {
                LOG.log(Level.WARNING, "Handling message {0} in channel {1} ended early: {2}", message.id(), message.channel(),
                        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
        } finally {
            lines.tryEmitComplete();
        }
    }

    /**
     * Waits until the message is recorded (the first event), so that a failure before it (no model
     * configured, storage down) is answered with its error status instead of a stream.
     *
     * @throws RuntimeException the failure that came before the first event
     */
    void awaitStart() {
        try {
            started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** The lines, for the response body. */
    Publisher<byte[]> lines() {
        return Flux.from(lines.asFlux()).doOnCancel(() -> cancelled = true);
    }

    private void on(ChannelEvent event) {
        if (!(event instanceof ChannelEvent.Done)) {
            started.complete(null);
        }
        ChannelEventJson.of(event).ifPresent(this::emit);
    }

    private void emit(ChannelEventJson line) {
        byte[] object;
        try {
            object = json.writeValueAsBytes(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an event line as JSON", e);
        }
        byte[] bytes = Arrays.copyOf(object, object.length + 1);
        bytes[object.length] = NEWLINE[0];
        lines.tryEmitNext(bytes);
    }

    /** The caller posts the replies itself: each becomes a {@code reply} line. */
    private final class StreamedReplies implements ChannelReplies {

        @Override
        public List<MessageId> post(AvatarReply reply) {
            if (cancelled) {
                throw new IllegalStateException("the client stopped reading the stream, so nobody can post this reply");
            }
            emit(ChannelEventJson.reply(reply));
            return List.of();
        }
    }
}
