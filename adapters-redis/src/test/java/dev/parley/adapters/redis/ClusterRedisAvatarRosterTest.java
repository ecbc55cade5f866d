package dev.parley.adapters.redis;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The roster contract on a three-master Redis Cluster. */
@Execution(ExecutionMode.CONCURRENT)
class ClusterRedisAvatarRosterTest extends RedisAvatarRosterTest {

    @Override
    RedisConnection connection() {
        return ClusterConnections.shared();
    }

    @Override
    RedisConnection secondConnection() {
        return ClusterConnections.second();
    }
}
