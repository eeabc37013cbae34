package jsupervisor.it.extras;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the checkout under test lives: failsafe passes its root as the system property
 * {@code jsupervisor.root}, and the launchers are {@code <root>/bin/<program>}. Stateless.
 */
final class Checkout {
    private Checkout() {}

    static Path root() {
        String root = System.getProperty("jsupervisor.root");
        assertThat(root).as("system property jsupervisor.root (set by failsafe)").isNotBlank();
        return Path.of(root).toAbsolutePath().normalize();
    }

    /** The launcher script {@code bin/<program>}, which must exist and be executable. */
    static Path launcher(String program) {
        Path script = root().resolve("bin").resolve(program);
        assertThat(Files.isExecutable(script)).as("%s is executable", script).isTrue();
        return script;
    }
}
