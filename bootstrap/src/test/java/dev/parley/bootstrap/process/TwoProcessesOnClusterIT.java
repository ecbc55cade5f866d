package dev.parley.bootstrap.process;

import dev.parley.adapters.redis.testing.RedisCluster;
import dev.parley.bootstrap.testing.PendingArchiving;
import java.util.List;

/**
 * {@link TwoProcessesIT} on a three-master Redis Cluster ({@code redis.uris}), the conversations
 * spread over five shards, hence over every master: one process killed mid-traffic, every
 * conversation archived once with every acknowledged message.
 */
class TwoProcessesOnClusterIT extends TwoProcessesIT {

    @Override
    RedisUnderTest redis() {
        RedisCluster cluster = RedisCluster.start();
        return new RedisUnderTest(List.of("-Dredis.uris=" + cluster.urisJoined(), "-Dparley.redis.shards=5"),
                () -> PendingArchiving.count(cluster.uris(), true, "parley", 5), cluster::close);
    }
}
