package jsupervisor.it.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Orders Supervisor keeps that priorities do not decide: a {@code [group:x]} autostarts its programs in
 * {@code programs=} order; a group re-added by update comes after the others in reread's lists; and a group
 * removed and added again without a reread keeps its AUTO log files. Both sides are checked against what
 * Supervisor 4.2.5 does, so in the daemon differential the reference daemon is held to it too.
 */
class CtlGroupOrderIT {
    private static final String SLEEP = "command=/bin/sh -c 'exec sleep 1000'\nstartsecs=0\n";
    private static final String PROGRAMS = "[program:p1]\n" + SLEEP + "priority=1\n"
            + "[program:p2]\n" + SLEEP + "priority=2\n"
            + "[group:g]\nprograms=c3,b2,a1\n"
            + "[program:a1]\n" + SLEEP + "priority=1\n"
            + "[program:b2]\n" + SLEEP + "priority=2\n"
            + "[program:c3]\n" + SLEEP + "priority=3\n";

    private Twin twin;

    @BeforeEach
    void startDaemons() throws Exception {
        twin = Twin.start("config.conf", Map.of("VARIANT", PROGRAMS));
    }

    @AfterEach
    void stopDaemons() throws Exception {
        if (twin != null) {
            twin.close();
        }
    }

    private Twin.Side[] sides() {
        return new Twin.Side[] {twin.reference, twin.ours};
    }

    private static List<String> spawnOrder(Daemon d, List<String> names) throws Exception {
        List<String> order = new ArrayList<>();
        for (String line : Files.readAllLines(d.dir.resolve("supervisord.log"))) {
            for (String n : names) {
                if (line.contains("spawned: '" + n + "' with pid")) {
                    order.add(n);
                }
            }
        }
        return order;
    }

    @Test
    void aGroupAutostartsItsProgramsInProgramsOrder() throws Exception {
        for (Twin.Side side : sides()) {
            assertThat(spawnOrder(side.daemon(), List.of("a1", "b2", "c3"))).as(side == twin.reference ? "reference side" : "our side")
                    .containsExactly("c3", "b2", "a1");
        }
        // start g:* sorts by priority
        twin.sameLinesAnyOrder("-c", "${CONF}", "stop", "g:*");
        twin.sameLinesAnyOrder("-c", "${CONF}", "start", "g:*");
        for (Twin.Side side : sides()) {
            List<String> all = spawnOrder(side.daemon(), List.of("a1", "b2", "c3"));
            assertThat(all.subList(3, all.size())).as(side == twin.reference ? "reference side" : "our side")
                    .containsExactly("a1", "b2", "c3");
        }
    }

    @Test
    void aReaddedGroupComesLastInRereadsLists() throws Exception {
        String template = Twin.resource("config.conf");
        for (Twin.Side side : sides()) {
            Daemon d = side.daemon();
            Files.writeString(d.conf, Daemon.render(template, d.dir, d.port,
                    Map.of("VARIANT", PROGRAMS.replace("priority=1\n[program:p2]", "priority=1\nenvironment=X=1\n"
                            + "[program:p2]"))));
        }
        twin.same("-c", "${CONF}", "update", "p1");
        for (Twin.Side side : sides()) {
            Daemon d = side.daemon();
            Files.writeString(d.conf, Daemon.render(template, d.dir, d.port, Map.of("VARIANT", "")));
        }
        for (Twin.Side side : sides()) {
            List<String> removed = side.daemon().rpc("supervisor.reloadConfig").asList().get(0).asList().get(2)
                    .asList().stream().map(XmlRpcValue::asString).toList();
            assertThat(removed).as(side == twin.reference ? "reference side" : "our side").containsSubsequence("p2", "p1");
        }
        twin.same("-c", "${CONF}", "update");
    }

    @Test
    void aGroupRemovedAndAddedWithoutRereadKeepsItsAutoLogs() throws Exception {
        for (Twin.Side side : sides()) {
            Daemon d = side.daemon();
            String before = d.rpc("supervisor.getProcessInfo", XmlRpcValue.of("p2")).asStruct()
                    .getString("stdout_logfile");
            d.rpc("supervisor.stopProcess", XmlRpcValue.of("p2"));
            d.rpc("supervisor.removeProcessGroup", XmlRpcValue.of("p2"));
            d.rpc("supervisor.addProcessGroup", XmlRpcValue.of("p2"));
            String after = d.rpc("supervisor.getProcessInfo", XmlRpcValue.of("p2")).asStruct()
                    .getString("stdout_logfile");
            assertThat(after).as(side == twin.reference ? "reference side" : "our side").isEqualTo(before).contains("p2-stdout---");
        }
    }
}
