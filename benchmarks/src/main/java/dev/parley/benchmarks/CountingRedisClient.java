package dev.parley.benchmarks;

import dev.parley.adapters.redis.RedisConnector;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Lettuce client with Parley's fail-fast options that counts every command it sends: round
 * trips seen from the client, which Redis's own statistics cannot tell apart from the commands a
 * script runs inside.
 */
final class CountingRedisClient implements AutoCloseable {

    private final RedisClient client;
    private final LongAdder sent = new LongAdder();

    CountingRedisClient(String uri) {
        client = RedisClient.create(RedisURI.create(uri));
        client.setOptions(RedisConnector.clientOptions(RedisConnector.DEFAULT_COMMAND_TIMEOUT));
        client.addListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                sent.increment();
            }
        });
    }

    RedisClient client() {
        return client;
    }

    /** Commands sent so far, by every connection of this client. */
    long roundTrips() {
        return sent.sum();
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
