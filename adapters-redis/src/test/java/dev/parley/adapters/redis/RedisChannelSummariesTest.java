package dev.parley.adapters.redis;

import dev.parley.domain.summary.ChannelSummaries;
import dev.parley.domain.summary.ChannelSummariesContract;
import java.time.Duration;
import java.util.UUID;

/** The summaries contract against a real Redis, the second instance on a second client; {@link #elapse} sleeps. */
class RedisChannelSummariesTest extends ChannelSummariesContract {

    private final String prefix = "summaries-test-" + UUID.randomUUID();
    private Duration retention;

    @Override
    protected ChannelSummaries newSummaries(Duration retention) {
        this.retention = retention;
        return new RedisChannelSummaries(TestConnections.shared(), prefix, retention);
    }

    @Override
    protected ChannelSummaries sharingStateWith(ChannelSummaries summaries) {
        return new RedisChannelSummaries(TestConnections.second(), prefix, retention);
    }

    @Override
    protected void elapse(Duration duration) {
        RedisReplyGateTest.sleep(duration);
    }
}
