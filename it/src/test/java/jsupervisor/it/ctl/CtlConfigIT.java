package jsupervisor.it.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** avail, reread, update, add, remove and clear all, around real config edits, ours against the reference. */
class CtlConfigIT {
    private static final String ADDED = """
            [program:newbie]
            command=/bin/sh -c 'exec sleep 1000'
            startsecs=0

            [group:newgrp]
            programs=member

            [program:member]
            command=/bin/sh -c 'exec sleep 1000'
            startsecs=0
            autostart=false
            """;

    private Twin twin;

    @BeforeEach
    void startDaemons() throws Exception {
        twin = Twin.start("config.conf", Map.of("VARIANT", ""));
    }

    @AfterEach
    void stopDaemons() throws Exception {
        if (twin != null) {
            twin.close();
        }
    }

    /** Rewrites both config files: changeme changed, goner removed, newbie and newgrp added (or a broken file). */
    private void editConfigs(boolean broken) throws Exception {
        String template = Twin.resource("config.conf");
        for (Twin.Side side : new Twin.Side[] {twin.reference, twin.ours}) {
            Daemon d = side.daemon();
            String text = Daemon.render(template, d.dir, d.port, Map.of("VARIANT", broken
                    ? "[program:bad]\ncommand=/bin/true\nautostart=maybe\n" : ADDED))
                    .replace("[program:changeme]\ncommand=/bin/sh -c 'exec sleep 1000'",
                            "[program:changeme]\ncommand=/bin/sh -c 'exec sleep 999'")
                    .replace("[program:goner]", "[program:goner_renamed]");
            Files.writeString(d.conf, text);
        }
    }

    @Test
    void availRereadAndUpdateEverything() throws Exception {
        twin.same("-c", "${CONF}", "avail");
        twin.same("-c", "${CONF}", "avail", "x");
        twin.same("-c", "${CONF}", "reread");
        twin.same("-c", "${CONF}", "reread", "x");
        twin.same("-c", "${CONF}", "update");
        editConfigs(false);
        twin.same("-c", "${CONF}", "reread");
        twin.same("-c", "${CONF}", "avail");
        twin.same("-c", "${CONF}", "update", "nosuch");
        twin.same("-c", "${CONF}", "update");
        twin.same("-c", "${CONF}", "status");
        twin.same("-c", "${CONF}", "update", "all");
        twin.same("-c", "${CONF}", "clear", "all");
    }

    @Test
    void updateNamedGroupsAndAddRemove() throws Exception {
        editConfigs(false);
        twin.same("-c", "${CONF}", "update", "newgrp");
        twin.same("-c", "${CONF}", "add");
        twin.same("-c", "${CONF}", "add", "newgrp", "newbie", "nosuch");
        twin.same("-c", "${CONF}", "remove", "keep", "nosuch");
        twin.same("-c", "${CONF}", "remove");
        twin.same("-c", "${CONF}", "stop", "keep");
        twin.same("-c", "${CONF}", "remove", "keep");
        twin.same("-c", "${CONF}", "add", "keep");
        twin.same("-c", "${CONF}", "update", "changeme", "goner");
        twin.same("-c", "${CONF}", "avail");
    }

    /** Rewrites both config files: {@code supervisord} lines added to [supervisord], {@code variant} at the end. */
    private void rewrite(String supervisord, String variant) throws Exception {
        String template = Twin.resource("config.conf");
        for (Twin.Side side : new Twin.Side[] {twin.reference, twin.ours}) {
            Daemon d = side.daemon();
            Files.writeString(d.conf, Daemon.render(template, d.dir, d.port, Map.of("VARIANT", variant))
                    .replace("[supervisord]\n", "[supervisord]\n" + supervisord));
        }
    }

    /** Supervisor keeps [supervisord] environment= names in its expansions until a reload. */
    @Test
    void rereadStillKnowsEnvironmentNamesOfEarlierReads() throws Exception {
        String program = "[program:envy]\ncommand=/bin/sh -c 'exec sleep %(ENV_JSUP_ZZ)s'\nstartsecs=0\n";
        rewrite("environment=JSUP_ZZ=4250\n", program);
        twin.same("-c", "${CONF}", "update");
        rewrite("", program);
        assertThat(twin.same("-c", "${CONF}", "reread").stdout()).contains("envy: changed");
        twin.same("-c", "${CONF}", "update");
        twin.same("-c", "${CONF}", "status", "envy");
    }

    @Test
    void rereadOfABrokenFile() throws Exception {
        editConfigs(true);
        twin.same("-c", "${CONF}", "reread");
        twin.same("-c", "${CONF}", "update");
        twin.same("-c", "${CONF}", "avail");
    }
}
