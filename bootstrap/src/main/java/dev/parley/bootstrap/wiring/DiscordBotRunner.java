package dev.parley.bootstrap.wiring;

import dev.parley.adapters.discord.DiscordBot;
import dev.parley.adapters.discord.DiscordSettings;
import dev.parley.adapters.discord.DiscordStartException;
import dev.parley.adapters.discord.bot.BotObserver;
import dev.parley.application.responder.Responder;
import dev.parley.bootstrap.config.DiscordConfiguration;
import dev.parley.bootstrap.config.DiscordSettingsFactory;
import dev.parley.domain.avatar.AvatarCatalogue;
import dev.parley.domain.platform.ChannelWebhooks;
import dev.parley.domain.platform.IdentifyPacing;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Optional;

/**
 * Runs the Discord bot once the server has started: it drives the same {@link Responder} as the
 * HTTP API, with the channel webhooks and identify pacing of the configured storage. Without a
 * token it says, in one line, that the bot is off. A {@link BotObserver} bean, when one is defined
 * (metrics), is told what the bot does. A start that fails (token refused, Discord
 * unreachable) throws the bot's {@code DiscordStartException} out of the start, which the launcher
 * reports in one line before it exits. {@link ConversationLifecycle} closes the bot before it saves
 * the conversations, so no message arrives during the save.
 */
@Singleton
public final class DiscordBotRunner implements ApplicationEventListener<ServerStartupEvent>, AutoCloseable {

    private static final Logger LOG = System.getLogger("dev.parley.bootstrap.Parley");

    private final DiscordConfiguration configuration;
    private final BeanProvider<Responder> responder;
    private final BeanProvider<ChannelWebhooks> webhooks;
    private final BeanProvider<IdentifyPacing> pacing;
    private final BeanProvider<AvatarCatalogue> catalogue;
    private final BeanProvider<BotObserver> observer;
    private final Clock clock;
    private final Object lifecycle = new Object();
    private DiscordBot bot;
    private volatile boolean ready;
    private boolean closed;

    DiscordBotRunner(DiscordConfiguration configuration, BeanProvider<Responder> responder, BeanProvider<ChannelWebhooks> webhooks,
            BeanProvider<IdentifyPacing> pacing, BeanProvider<AvatarCatalogue> catalogue, BeanProvider<BotObserver> observer,
            Clock clock) {
        this.configuration = configuration;
        this.responder = responder;
        this.webhooks = webhooks;
        this.pacing = pacing;
        this.catalogue = catalogue;
        this.observer = observer;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (configuration.settings().isEmpty()) {
            LOG.log(Level.INFO, "Discord bot off: no token (set " + DiscordSettingsFactory.TOKEN + " or DISCORD_TOKEN to run it); "
                    + "the HTTP API serves alone");
            return;
        }
        DiscordSettings settings = configuration.settings().get();
        settings.defaultAvatar().filter(avatar -> catalogue.get().find(avatar).isEmpty()).ifPresent(avatar ->
                LOG.log(Level.WARNING, "{0} names the avatar \"{1}\", which the catalogue does not hold: threads the bot opens stay "
                        + "unanswered until it is added", DiscordSettingsFactory.DEFAULT_AVATAR, avatar.value()));
        DiscordBot started;
        synchronized (lifecycle) {
            if (closed || bot != null) {
                return;
            }
            bot = new DiscordBot(settings, responder.get(), webhooks.get(), pacing.get(), clock, configuration.limits(),
                    observer.isPresent() ? observer.get() : BotObserver.NONE);
            started = bot;
        }
        try {
            started.start();
        } catch (DiscordStartException e) {
            if (e.reason() != DiscordStartException.Reason.CLOSED) {
                throw e;
            }
            // Stopped while it connected (SIGTERM): not a failed start, the shutdown goes on.
            LOG.log(Level.INFO, "Discord bot not started: Parley is stopping");
            return;
        }
        ready = true;
    }

    /** The running bot, if this instance has one. */
    Optional<DiscordBot> bot() {
        synchronized (lifecycle) {
            return Optional.ofNullable(bot);
        }
    }

    /** What {@code /health} says of the bot: off (no token), starting, connected, reconnecting, or stopped. */
    public String state() {
        if (configuration.settings().isEmpty()) {
            return "off";
        }
        DiscordBot running;
        boolean stopped;
        synchronized (lifecycle) {
            running = bot;
            stopped = closed;
        }
        if (stopped) {
            return "stopped";
        }
        if (running == null || !ready) {
            return "starting";
        }
        return running.connected() ? "connected" : "reconnecting";
    }

    /** Stops the bot: no more messages, those in hand finished, the gateway closed. Safe to call twice. */
    @Override
    public void close() {
        DiscordBot running;
        synchronized (lifecycle) {
            closed = true;
            running = bot;
        }
        if (running != null) {
            running.close();
            if (ready) {
                LOG.log(Level.INFO, "Discord bot stopped: gateway closed");
            }
        }
    }
}
