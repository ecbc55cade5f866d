package dev.parley.adapters.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;

import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.Test;

/** The permission integers docs/discord.md gives for the invite URL are the ones the bot checks. */
class ChannelPermissionsTest {

    @Test
    void theInviteIntegerCoversEveryPermissionTheBotChecks() {
        assertThat(Permission.getRaw(ChannelPermissions.threadFlow())).isEqualTo(309_774_584_832L);
        assertThat(Permission.getRaw(ChannelPermissions.avatarFlow(true))).isEqualTo(274_877_906_944L + 536_939_520L);
        assertThat(Permission.getRaw(ChannelPermissions.avatarFlow(false))).isEqualTo(536_939_520L);
    }

    @Test
    void threadsAlsoNeedSendMessagesInThreads() {
        assertThat(ChannelPermissions.avatarFlow(true)).contains(Permission.MESSAGE_SEND_IN_THREADS)
                .containsAll(ChannelPermissions.AVATAR_FLOW);
        assertThat(ChannelPermissions.threadFlow()).contains(Permission.CREATE_PUBLIC_THREADS, Permission.MESSAGE_SEND_IN_THREADS);
    }
}
