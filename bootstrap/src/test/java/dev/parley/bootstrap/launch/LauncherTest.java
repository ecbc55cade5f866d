package dev.parley.bootstrap.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The launcher reads every shape of Java version it may run on. */
class LauncherTest {

    @Test
    void readsOldAndNewVersionShapes() {
        assertThat(Launcher.featureVersion("1.8")).isEqualTo(8);
        assertThat(Launcher.featureVersion("17")).isEqualTo(17);
        assertThat(Launcher.featureVersion("21")).isEqualTo(21);
        assertThat(Launcher.featureVersion("25.0.1")).isEqualTo(25);
        assertThat(Launcher.featureVersion("unknown")).isZero();
    }
}
