package dev.parley.adapters.redis;

/** The store contract on a three-master Redis Cluster, threads spread over shards that land on different masters. */
class ClusterRedisConversationStoreTest extends RedisConversationStoreTest {

    @Override
    RedisConnection connection() {
        return ClusterConnections.shared();
    }

    @Override
    RedisConnection sweeperConnection() {
        return ClusterConnections.sharedSweeper();
    }

    @Override
    RedisStoreOptions options() {
        return super.options().withShards(5);
    }
}
