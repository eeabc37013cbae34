package jsupervisor.ctl.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jsupervisor.ctl.testing.Session;
import org.junit.jupiter.api.Test;

class HelpCommandTest {

    @Test
    void topicListIsColumnizedLikeCmd() {
        assertThat(new Session().run("help")).isEqualTo("""

                default commands (type help <topic>):
                =====================================
                add    exit      open  reload  restart   start   tail  \s
                avail  fg        pid   remove  shutdown  status  update\s
                clear  maintail  quit  reread  signal    stop    version

                """);
    }

    @Test
    void topicsHelpHelpAndUnknownTopics() {
        Session s = new Session();
        assertThat(s.run("help help"))
                .isEqualTo("help\t\tPrint a list of available actions\nhelp <action>\tPrint help for <action>\n");
        assertThat(s.run("help EOF")).isEqualTo("*** No help on EOF\n");
        assertThat(s.run("help status extra")).isEqualTo("*** No help on status extra\n");
        assertThat(s.run("help maintail")).endsWith("main log file\n\n");
    }

    @Test
    void columnizeFallsBackToOneColumn() {
        assertThat(HelpCommand.columnize(List.of("a".repeat(50), "b".repeat(50)), 79))
                .containsExactly("a".repeat(50), "b".repeat(50));
        assertThat(HelpCommand.columnize(List.of(), 79)).containsExactly("<empty>");
    }
}
