package dev.parley.adapters.discord;

import dev.parley.application.port.in.AvatarReply;
import dev.parley.application.port.in.ChannelEvent;
import dev.parley.application.port.in.ChannelEvents;
import dev.parley.application.port.in.ChannelMessage;
import dev.parley.application.port.in.ChannelReplies;
import dev.parley.application.port.in.ConversationFullException;
import dev.parley.application.port.in.HandleChannelMessage;
import dev.parley.domain.avatar.Avatar;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.conversation.AppendOutcome;
import dev.parley.domain.conversation.ConversationLimits;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.ThreadId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A stand-in for the responder (the real use case lands with the responder's issue), just enough
 * to drive the bot: every avatar named in a message (as a whole word) or summoned answers with a
 * fixed text. Markers in the message ask for more: {@code #chunks=3} answers in three chunks,
 * {@code #ping} answers with an {@code @everyone} and a role mention, {@code #full} throws as the
 * responder does for a conversation at its limit, {@code #history} reads the
 * channel's history, {@code #block} waits until {@link #release()}. It records what it handled.
 */
final class StandInResponder implements HandleChannelMessage {

    static final Avatar ZOE = Avatar.named(AvatarId.of("zoe"), "Zoe").withImageUrl("https://images.example/zoe.png");
    static final Avatar CLYDE = Avatar.named(AvatarId.of("clyde"), "Clyde the Discord fan");
    static final Avatar ECHO = Avatar.named(AvatarId.of("echo"), "Echo").withImageUrl("https://images.example/echo.png");
    static final List<Avatar> AVATARS = List.of(ZOE, CLYDE, ECHO);
    static final String ROLE_MENTION = "<@&4242>";

    /** One message the stand-in handled: as it arrived, what its replies posted, and the history it read. */
    record Handled(ChannelMessage message, List<List<MessageId>> posted, List<ChannelMessage> history) {
    }

    private final List<Handled> handled = new ArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch blocking = new CountDownLatch(1);

    @Override
    public void handle(ChannelMessage message, ChannelReplies channel, ChannelEvents events) {
        try {
            events.on(new ChannelEvent.Recorded(message.id(), false));
            String text = message.content();
            if (text.contains("#full")) {
                throw new ConversationFullException(ThreadId.of(message.channel().value()), AppendOutcome.MESSAGE_LIMIT,
                        ConversationLimits.defaults());
            }
            if (text.contains("#block")) {
                blocking.countDown();
                released.await(1, TimeUnit.MINUTES);
            }
            List<ChannelMessage> history = text.contains("#history") ? channel.history(10) : List.of();
            List<List<MessageId>> posted = new ArrayList<>();
            for (Avatar avatar : AVATARS) {
                if (message.summoned().contains(avatar.id()) || named(avatar, text)) {
                    List<String> chunks = replyOf(avatar, text);
                    List<MessageId> ids = channel.post(new AvatarReply(avatar, chunks));
                    posted.add(ids);
                    events.on(new ChannelEvent.Replied(avatar, chunks, ids));
                }
            }
            synchronized (handled) {
                handled.add(new Handled(message, posted, history));
                handled.notifyAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            events.on(new ChannelEvent.Done());
        }
    }

    private static boolean named(Avatar avatar, String text) {
        String first = avatar.name().split(" ")[0];
        return Pattern.compile("\\b" + Pattern.quote(first.toLowerCase(Locale.ROOT)) + "\\b").matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    private static List<String> replyOf(Avatar avatar, String text) {
        if (text.contains("#chunks=3")) {
            return List.of("part one", "part two", "part three");
        }
        if (text.contains("#ping")) {
            return List.of("hey @everyone and @here, also " + ROLE_MENTION);
        }
        return List.of(avatar.name() + " hears you");
    }

    List<Handled> handled() {
        synchronized (handled) {
            return List.copyOf(handled);
        }
    }

    /** Waits until at least {@code count} messages were handled, and answers all of them. */
    List<Handled> awaitHandled(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (handled) {
            while (handled.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("waited " + timeout.toMillis() + " ms for " + count + " handled message(s), got "
                            + handled.stream().map(h -> h.message().id()).toList());
                }
                TimeUnit.NANOSECONDS.timedWait(handled, left);
            }
            return List.copyOf(handled);
        }
    }

    /** Waits until a {@code #block} message is being handled. */
    void awaitBlocking(Duration timeout) throws InterruptedException {
        if (!blocking.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no #block message was handled within " + timeout.toMillis() + " ms");
        }
    }

    void release() {
        released.countDown();
    }
}
