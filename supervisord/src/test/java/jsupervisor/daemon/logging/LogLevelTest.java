package jsupervisor.daemon.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogLevelTest {

    @Test
    void valuesLabelsAndConfigNamesAreSupervisors() {
        assertThat(LogLevel.values()).extracting(LogLevel::value).containsExactly(50, 40, 30, 20, 10, 5, 3);
        assertThat(LogLevel.values()).extracting(LogLevel::label)
                .containsExactly("CRIT", "ERRO", "WARN", "INFO", "DEBG", "TRAC", "BLAT");
        assertThat(LogLevel.values()).extracting(LogLevel::configName)
                .containsExactly("critical", "error", "warn", "info", "debug", "trace", "blather");
    }

    @Test
    void configNamesAreCaseInsensitiveAndWarningIsInvalid() {
        assertThat(LogLevel.fromConfigName("DEBUG")).contains(LogLevel.DEBG);
        assertThat(LogLevel.fromConfigName("Blather")).contains(LogLevel.BLAT);
        assertThat(LogLevel.fromConfigName("warning")).isEmpty();
        assertThat(LogLevel.fromConfigName("crit")).isEmpty();
        assertThat(LogLevel.fromConfigName("")).isEmpty();
    }

    @Test
    void thresholdAdmitsItsOwnLevelAndAbove() {
        assertThat(LogLevel.INFO.admits(LogLevel.INFO)).isTrue();
        assertThat(LogLevel.INFO.admits(LogLevel.WARN)).isTrue();
        assertThat(LogLevel.INFO.admits(LogLevel.DEBG)).isFalse();
        assertThat(LogLevel.fromValue(5)).contains(LogLevel.TRAC);
        assertThat(LogLevel.fromValue(15)).isEmpty();
    }
}
