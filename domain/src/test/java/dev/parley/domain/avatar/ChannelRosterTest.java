package dev.parley.domain.avatar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rotation rule on its own: a roster value in, the activation and the next roster out. */
class ChannelRosterTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private static AvatarId avatar(int i) {
        return AvatarId.of("avatar-" + i);
    }

    private static ChannelRoster activateAll(ChannelRoster roster, int from, int to, int cap) {
        ChannelRoster r = roster;
        for (int i = from; i <= to; i++) {
            r = r.activate(avatar(i), NOW.plusSeconds(i), cap).after();
        }
        return r;
    }

    @Test
    void aNewAvatarBecomesActiveAndIsListedFirst() {
        ChannelRoster.Rotation rotation = activateAll(ChannelRoster.EMPTY, 1, 2, 8).activate(avatar(3), NOW.plusSeconds(3), 8);

        assertThat(rotation.activation().newlyActive()).isTrue();
        assertThat(rotation.activation().activeIds()).containsExactly(avatar(3), avatar(2), avatar(1));
        assertThat(rotation.activation().deactivated()).isEmpty();
        assertThat(rotation.after().byRecency()).isEqualTo(rotation.activation().active());
    }

    @Test
    void givenACapOfThree_whenAFourthIsActivated_thenTheStalestIsRotatedOutAtThatInstant() {
        ChannelRoster full = activateAll(ChannelRoster.EMPTY, 1, 3, 3);

        ChannelRoster.Rotation rotation = full.activate(avatar(4), NOW.plusSeconds(10), 3);

        assertThat(rotation.activation().deactivatedIds()).containsExactly(avatar(1));
        assertThat(rotation.activation().deactivated().getFirst().deactivatedAt()).contains(NOW.plusSeconds(10));
        assertThat(rotation.after().active()).hasSize(3);
    }

    @Test
    void touchingAnActiveAvatarMovesItsActivityAndRotatesNobody() {
        ChannelRoster full = activateAll(ChannelRoster.EMPTY, 1, 3, 3);

        ChannelRoster.Rotation touched = full.activate(avatar(1), NOW.plusSeconds(20), 3);
        ChannelRoster.Rotation fourth = touched.after().activate(avatar(4), NOW.plusSeconds(21), 3);

        assertThat(touched.activation().newlyActive()).isFalse();
        assertThat(touched.activation().deactivated()).isEmpty();
        assertThat(touched.activation().active().getFirst().activatedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(fourth.activation().deactivatedIds()).containsExactly(avatar(2));
    }

    @Test
    void onAStoppedClockTiesGoByTheOrderOfActivationAndTheNewcomerIsNeverRotatedOut() {
        ChannelRoster r = ChannelRoster.EMPTY;
        for (int i = 1; i <= 3; i++) {
            r = r.activate(avatar(i), NOW, 3).after();
        }
        r = r.activate(avatar(1), NOW, 3).after();

        ChannelRoster.Rotation rotation = r.activate(avatar(4), NOW, 3);

        assertThat(rotation.activation().deactivatedIds()).containsExactly(avatar(2));
        assertThat(rotation.activation().activeIds()).containsExactly(avatar(4), avatar(1), avatar(3));
    }

    @Test
    void aClockThatSteppedBackDoesNotMakeAnAvatarStaler() {
        ChannelRoster r = ChannelRoster.EMPTY.activate(avatar(1), NOW.plusSeconds(100), 2).after()
                .activate(avatar(2), NOW.plusSeconds(50), 2).after();

        ChannelRoster.Rotation rotation = r.activate(avatar(3), NOW.plusSeconds(60), 2);

        assertThat(rotation.activation().deactivatedIds()).containsExactly(avatar(2));
        assertThat(rotation.activation().deactivated().getFirst().deactivatedAt()).contains(NOW.plusSeconds(60));
    }

    @Test
    void aLoweredCapRotatesOutEveryExtraOne() {
        ChannelRoster eight = activateAll(ChannelRoster.EMPTY, 1, 8, 8);

        ChannelRoster.Rotation rotation = eight.activate(avatar(9), NOW.plusSeconds(9), 4);

        assertThat(rotation.activation().deactivatedIds()).containsExactly(avatar(1), avatar(2), avatar(3), avatar(4), avatar(5));
        assertThat(rotation.after().active()).extracting(Presence::avatar).containsExactly(avatar(6), avatar(7), avatar(8), avatar(9));
        assertThat(List.copyOf(rotation.after().byRecency())).hasSize(4);
    }
}
