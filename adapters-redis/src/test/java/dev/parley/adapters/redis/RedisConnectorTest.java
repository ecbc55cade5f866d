package dev.parley.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.StorageUnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Connecting fails quickly and clearly, and never repeats a URI that may hold a password. */
class RedisConnectorTest {

    @Test
    void connectingToNoRedisFailsWithinTheTimeoutWithoutTheUri() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        long start = System.nanoTime();

        assertThatThrownBy(() -> RedisConnector.connect("redis://:hunter2@127.0.0.1:" + port, Duration.ofSeconds(2)))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessage("Redis unavailable: cannot connect to 127.0.0.1:" + port + " (RedisConnectionException)");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3_000);
    }

    @Test
    void aMalformedUriIsRejectedWithoutBeingRepeated() {
        assertThatThrownBy(() -> RedisConnector.connect("http://:hunter2@127.0.0.1:6379", Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2")
                .hasMessageContaining("Redis URI");
    }
}
