package dev.parley.bootstrap.wiring;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The addresses the HTTP server actually bound: the main one and every
 * {@code micronaut.server.netty.listeners.*} one, as the sockets report them (a random port as the
 * port it got), so the start-up line never shows one address while the server listens on others.
 */
@Singleton
final class BoundListeners implements BeanCreatedEventListener<NettyServerCustomizer.Registry>, NettyServerCustomizer {

    private final List<Channel> listeners = new CopyOnWriteArrayList<>();

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(this);
        return event.getBean();
    }

    @Override
    public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
        if (role == ChannelRole.LISTENER) {
            listeners.add(channel);
        }
        return this;
    }

    /** Each open listener as {@code http://127.0.0.1:8080} (a unix socket as its path), in the order they were set up. */
    List<String> addresses() {
        return listeners.stream().filter(Channel::isOpen).map(Channel::localAddress).filter(java.util.Objects::nonNull)
                .map(BoundListeners::describe).distinct().toList();
    }

    private static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
            if (host.contains(":")) {
                int zone = host.indexOf('%');
                host = "[" + (zone >= 0 ? host.substring(0, zone) : host) + "]";
            }
            return "http://" + host + ":" + inet.getPort();
        }
        return address.toString();
    }
}
