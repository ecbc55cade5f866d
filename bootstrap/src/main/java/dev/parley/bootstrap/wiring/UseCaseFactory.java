package dev.parley.bootstrap.wiring;

import dev.parley.application.conversation.ArchiveBrowsing;
import dev.parley.application.conversation.ConversationArchiving;
import dev.parley.application.conversation.IdleSweeper;
import dev.parley.application.conversation.LiveConversations;
import dev.parley.application.reply.AvatarPresence;
import dev.parley.application.reply.ReplyGating;
import dev.parley.bootstrap.config.ParleySettings;
import dev.parley.bootstrap.metrics.ParleyMetrics;
import dev.parley.domain.archive.ArchiveSearch;
import dev.parley.domain.archive.ConversationArchive;
import dev.parley.domain.avatar.AvatarRoster;
import dev.parley.domain.conversation.ConversationStore;
import dev.parley.domain.reply.ReplyGate;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Constructs the application's services over the driven ports. Each is injected by the incoming
 * ports it implements ({@code dev.parley.application.port.in}), which is all a driving adapter sees.
 */
@Factory
final class UseCaseFactory {

    /** Start, add a message, get, list, update the summary, remove. */
    @Singleton
    LiveConversations liveConversations(ConversationStore store, Clock clock, ParleySettings settings) {
        return new LiveConversations(store, clock, settings.conversations());
    }

    /** Save, save all, sweep idle, save before shutdown, the unsaved conversations. */
    @Singleton
    ConversationArchiving conversationArchiving(ConversationStore store, ConversationArchive archive, ParleySettings settings,
            Clock clock, ParleyMetrics metrics) {
        return new ConversationArchiving(store, metrics.archive(archive), settings.conversations(), clock);
    }

    /** Search the archive a page at a time (through its index), read one file. */
    @Singleton
    ArchiveBrowsing archiveBrowsing(ConversationArchive archive, ArchiveSearch index) {
        return new ArchiveBrowsing(archive, index);
    }

    /** Decide a reply, take the narrative slot. */
    @Singleton
    ReplyGating replyGating(ReplyGate gate) {
        return new ReplyGating(gate);
    }

    /** Activate or touch an avatar, list a channel's active avatars. */
    @Singleton
    AvatarPresence avatarPresence(AvatarRoster roster) {
        return new AvatarPresence(roster);
    }

    /** Started here, eagerly; stopped by {@link ConversationLifecycle} after the shutdown save, never before. */
    @Context
    IdleSweeper idleSweeper(ConversationArchiving archiving, ParleySettings settings, ParleyMetrics metrics) {
        return new IdleSweeper(metrics.sweep(archiving), settings.sweepInterval()).start();
    }
}
