package dev.parley.adapters.redis.testing;

/**
 * The Testcontainers step of {@link RedisServer}'s resolution, in its own class so that a module
 * without Testcontainers on its test classpath can still use the harness.
 */
final class ContainerRedis {

    private ContainerRedis() {
    }

    static boolean dockerAvailable() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, ContainerRedis.class.getClassLoader());
            Class.forName("com.redis.testcontainers.RedisContainer", false, ContainerRedis.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return false;
        }
        return Docker.available();
    }

    static RedisServer start() {
        return Docker.start();
    }

    /** Touches Testcontainers classes only once {@link #dockerAvailable()} found them. */
    private static final class Docker {

        static boolean available() {
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException e) {
                return false;
            }
        }

        @SuppressWarnings("resource")
        static RedisServer start() {
            com.redis.testcontainers.RedisContainer container = new com.redis.testcontainers.RedisContainer(
                    com.redis.testcontainers.RedisContainer.DEFAULT_IMAGE_NAME.withTag(com.redis.testcontainers.RedisContainer.DEFAULT_TAG));
            container.start();
            return RedisServer.ofContainer("redis://" + container.getRedisHost() + ":" + container.getRedisPort(), container::stop);
        }
    }
}
