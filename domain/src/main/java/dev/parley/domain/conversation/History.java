package dev.parley.domain.conversation;

import dev.parley.domain.id.MessageId;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A conversation's history: an immutable list of messages that shares its storage with the
 * history it grew from. Appending to the newest version of a history (what a store holding a
 * live conversation always does) writes into the shared storage, so it costs O(1) however long
 * the history is; appending to an older version copies it. Whether an id is in the history is
 * O(1) too.
 *
 * <p>A version's messages, at indices below its size, are written before the version exists and
 * never change afterwards; later appends only write beyond it. Appends to the shared storage are
 * serialised on it.
 */
final class History extends AbstractList<Message> implements RandomAccess {

    private final Storage storage;
    /** The storage's array when this version was made: holds this version's messages at [0, size). */
    private final Message[] items;
    private final int size;
    /** The sum of this version's messages' weights. */
    private final long weight;

    private History(Storage storage, Message[] items, int size, long weight) {
        this.storage = storage;
        this.items = items;
        this.size = size;
        this.weight = weight;
    }

    /** {@code messages} as a history: itself if it is one already, else a copy. */
    static History copyOf(List<Message> messages) {
        if (messages instanceof History history) {
            return history;
        }
        Objects.requireNonNull(messages, "history == null");
        Message[] copy = messages.toArray(new Message[0]);
        Storage storage = new Storage(copy);
        for (int i = 0; i < copy.length; i++) {
            Objects.requireNonNull(copy[i], "history holds null");
            storage.index(copy[i], i);
        }
        storage.length = copy.length;
        long weight = 0;
        for (Message message : copy) {
            weight += message.weight();
        }
        return new History(storage, copy, copy.length, weight);
    }

    @Override
    public Message get(int index) {
        Objects.checkIndex(index, size);
        return items[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** The UTF-8 bytes of all its messages' text. */
    long weight() {
        return weight;
    }

    /** Whether a message with {@code id}, or a reply posted as a message with {@code id}, is in this history. */
    boolean containsId(MessageId id) {
        synchronized (storage) {
            Integer at = storage.firstIndexOf.get(id);
            return at != null && at < size;
        }
    }

    /** This history with {@code message} added at the end. */
    History plus(Message message) {
        Objects.requireNonNull(message, "message == null");
        long grown = weight + message.weight();
        synchronized (storage) {
            if (storage.length == size) {
                Message[] array = storage.items;
                if (size == array.length) {
                    array = Arrays.copyOf(array, Math.max(8, size + (size >> 1)));
                    storage.items = array;
                }
                array[size] = message;
                storage.index(message, size);
                storage.length = size + 1;
                return new History(storage, array, size + 1, grown);
            }
        }
        // Another version grew from this one already: this one branches off with its own storage.
        Message[] copy = Arrays.copyOf(items, Math.max(8, size + 1 + (size >> 1)));
        copy[size] = message;
        Storage branch = new Storage(copy);
        for (int i = 0; i <= size; i++) {
            branch.index(copy[i], i);
        }
        branch.length = size + 1;
        return new History(branch, copy, size + 1, grown);
    }

    /** The storage a family of versions shares; every field is guarded by its monitor (or not yet published). */
    private static final class Storage {
        private Message[] items;
        /** How many messages the longest version holds: only that version may append in place. */
        private int length;
        private final Map<MessageId, Integer> firstIndexOf = new HashMap<>();

        Storage(Message[] items) {
            this.items = items;
        }

        /** A message's own id, and the ids of the posts a reply became: the platform knows the reply by those. */
        void index(Message message, int at) {
            message.id().ifPresent(id -> firstIndexOf.putIfAbsent(id, at));
            for (MessageId posted : message.postedIds()) {
                firstIndexOf.putIfAbsent(posted, at);
            }
        }
    }
}
