package dev.parley.adapters.redis;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;

/** The gate contract on a three-master Redis Cluster: each channel's keys in its own slot, the narrative slot in another. */
@Isolated
@Execution(ExecutionMode.SAME_THREAD)
class ClusterRedisReplyGateTest extends RedisReplyGateTest {

    @Override
    RedisConnection connection() {
        return ClusterConnections.shared();
    }

    @Override
    RedisConnection secondConnection() {
        return ClusterConnections.second();
    }
}
