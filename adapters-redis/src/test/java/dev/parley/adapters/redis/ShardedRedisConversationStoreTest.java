package dev.parley.adapters.redis;

/** The same contract with conversations spread over several hash tags, as on a Redis Cluster. */
class ShardedRedisConversationStoreTest extends RedisConversationStoreTest {

    @Override
    RedisStoreOptions options() {
        return super.options().withShards(3);
    }
}
