package dev.parley.adapters.memory;

import dev.parley.domain.platform.ChannelWebhooks;
import dev.parley.domain.platform.ChannelWebhooksContract;

class InMemoryChannelWebhooksTest extends ChannelWebhooksContract {

    @Override
    protected ChannelWebhooks newRegistry() {
        return new InMemoryChannelWebhooks();
    }
}
