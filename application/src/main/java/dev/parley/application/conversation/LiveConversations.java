package dev.parley.application.conversation;

import dev.parley.application.port.in.AddMessage;
import dev.parley.application.port.in.ConversationAlreadyExistsException;
import dev.parley.application.port.in.ConversationFullException;
import dev.parley.application.port.in.ConversationNotFoundException;
import dev.parley.application.port.in.ConversationQuery;
import dev.parley.application.port.in.GetConversation;
import dev.parley.application.port.in.ListConversations;
import dev.parley.application.port.in.LiveConversation;
import dev.parley.application.port.in.NewConversation;
import dev.parley.application.port.in.RemoveConversation;
import dev.parley.application.port.in.StartConversation;
import dev.parley.application.port.in.UpdateSummary;
import dev.parley.domain.InputField;
import dev.parley.domain.conversation.AppendOutcome;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationStore;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.ThreadId;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The use cases on live conversations, over the conversation store: start, add a message, read,
 * list, update the summary, remove. Safe from many threads; with a shared store, from many
 * instances. The store makes each step atomic; this service gives the idle time and turns a
 * missing or existing conversation into the use case's exception.
 */
public final class LiveConversations implements StartConversation, AddMessage, GetConversation, ListConversations, UpdateSummary,
        RemoveConversation {

    private static final Comparator<LiveConversation> OLDEST_FIRST =
            Comparator.comparing(LiveConversation::createdAt).thenComparing(LiveConversation::thread);

    private final ConversationStore store;
    private final Clock clock;
    private final ConversationSettings settings;

    public LiveConversations(ConversationStore store, Clock clock, ConversationSettings settings) {
        this.store = Objects.requireNonNull(store, "store == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.settings = Objects.requireNonNull(settings, "settings == null");
    }

    @Override
    public Conversation start(NewConversation request) {
        settings.limits().checkText(InputField.GUILD_NAME, request.guildName());
        Conversation conversation = Conversation.start(request.thread(), request.guild(), request.guildName(), request.requester(),
                clock.instant());
        if (!store.create(conversation, settings.idleTime())) {
            throw new ConversationAlreadyExistsException(request.thread(), "thread " + request.thread() + " already has a live conversation");
        }
        return conversation;
    }

    @Override
    public AppendOutcome add(ThreadId thread, Message message) {
        settings.limits().check(message);
        AppendOutcome outcome = store.append(thread, message, settings.idleTime(), settings.limits());
        return switch (outcome) {
            case NO_CONVERSATION -> throw notFound(thread);
            case MESSAGE_LIMIT, BYTE_LIMIT -> throw new ConversationFullException(thread, outcome, settings.limits());
            case APPENDED, DUPLICATE -> outcome;
        };
    }

    @Override
    public Optional<Conversation> find(ThreadId thread) {
        return store.find(thread);
    }

    @Override
    public boolean isLive(ThreadId thread) {
        return store.exists(thread);
    }

    @Override
    public List<LiveConversation> list(ConversationQuery query) {
        Objects.requireNonNull(query, "query == null");
        return store.overviews().stream().map(LiveConversation::of).filter(query::matches).sorted(OLDEST_FIRST).toList();
    }

    @Override
    public void update(ThreadId thread, String summary) {
        settings.limits().checkText(InputField.SUMMARY, summary);
        if (!store.updateSummary(thread, summary)) {
            throw notFound(thread);
        }
    }

    @Override
    public boolean remove(ThreadId thread) {
        return store.remove(thread);
    }

    static ConversationNotFoundException notFound(ThreadId thread) {
        return new ConversationNotFoundException(thread, "thread " + thread + " has no live conversation");
    }
}
