package jsupervisor.daemon.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users, limits, this process and file calls against the real libc; nothing here spawns or sleeps. */
class IdentityTest {
    @TempDir
    Path dir;

    @Test
    void functionsAreLookedUpOnFirstCallOnly() {
        Ffm.Function f = Ffm.function("getppid");
        assertThat(f.isBound()).isFalse();
        assertThat((int) Ffm.call(f)).isEqualTo((int) ProcessHandle.current().parent().orElseThrow().pid());
        assertThat(f.isBound()).isTrue();
        assertThatThrownBy(() -> Ffm.call(Ffm.function("no_such_function_xyz")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void pointerArgumentsMustBeNativeMemory() {
        assertThat(Ffm.address(java.lang.foreign.MemorySegment.NULL)).isZero();
        assertThatThrownBy(() -> Ffm.address(java.lang.foreign.MemorySegment.ofArray(new byte[8])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errnoIsCapturedPerCall() {
        assertThat(Libc.close(-1)).isEqualTo(-1);
        assertThat(Ffm.errno()).isEqualTo(Errno.EBADF);
        assertThatThrownBy(() -> Fd.adopt(987_654).close())
                .isInstanceOf(PosixException.class)
                .hasMessage("close(fd=987654): EBADF (Bad file descriptor)");
    }

    @Test
    void passwdLookupsAgreeWithEachOther() {
        Users.Passwd me = Users.byUid(Users.uid()).orElseThrow();
        assertThat(me.name()).isEqualTo(System.getProperty("user.name"));
        assertThat(Users.byName(me.name())).contains(me);
        Users.Passwd root = Users.byName("root").orElseThrow();
        assertThat(root.uid()).isZero();
        assertThat(root.gid()).isZero();
        assertThat(root.home()).isEqualTo("/root");
        assertThat(root.shell()).startsWith("/");
        assertThat(Users.byName("no_such_user_xyz")).isEmpty();
        assertThat(Users.byUid(1_999_999_999)).isEmpty();
        assertThat(Users.effectiveUid()).isEqualTo(Users.uid());
    }

    @Test
    void groupListStartsWithThePrimaryGroup() {
        Users.Passwd me = Users.byUid(Users.uid()).orElseThrow();
        assertThat(Users.groupList(me.name(), me.gid())).first().isEqualTo(me.gid());
        assertThat(Users.groupList("no_such_user_xyz", 4321)).containsExactly(4321);
    }

    @Test
    void limitsReadAndWriteBack() {
        ResourceLimits.Limit nofile = ResourceLimits.get(ResourceLimits.Resource.NOFILE);
        assertThat(nofile.soft()).isPositive();
        assertThat(nofile.hardIsInfinite() || Long.compareUnsigned(nofile.soft(), nofile.hard()) <= 0).isTrue();
        ResourceLimits.set(ResourceLimits.Resource.NOFILE, nofile);
        assertThat(ResourceLimits.get(ResourceLimits.Resource.NOFILE)).isEqualTo(nofile);
        assertThat(ResourceLimits.get(ResourceLimits.Resource.NPROC)).isNotNull();
        assertThat(ResourceLimits.Resource.NOFILE.cName()).isEqualTo("RLIMIT_NOFILE");
        if (!nofile.hardIsInfinite()) {
            ResourceLimits.Limit bad = new ResourceLimits.Limit(nofile.hard() + 1, nofile.hard());
            assertThatThrownBy(() -> ResourceLimits.set(ResourceLimits.Resource.NOFILE, bad))
                    .isInstanceOf(PosixException.class)
                    .hasMessageStartingWith("setrlimit(RLIMIT_NOFILE");
        }
    }

    @Test
    void thisProcessFacts() throws IOException {
        assertThat(ThisProcess.pid()).isEqualTo((int) ProcessHandle.current().pid());
        assertThat(ThisProcess.nodeName()).isEqualTo(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip());
        int before = ThisProcess.umask();
        int old = ThisProcess.setUmask(027);
        try {
            assertThat(old).isEqualTo(before);
            assertThat(ThisProcess.umask()).isEqualTo(027);
        } finally {
            ThisProcess.setUmask(before);
        }
        assertThat(ThisProcess.umask()).isEqualTo(before);
    }

    @Test
    void fileCallsKeepTheirErrno() throws IOException {
        Path f = Files.writeString(dir.resolve("f"), "x");
        PosixFiles.chmod(f, 0640);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r-----");
        PosixFiles.chown(f, -1, -1);
        Path g = dir.resolve("g");
        PosixFiles.link(f, g);
        assertThat(Files.readString(g)).isEqualTo("x");
        assertThatThrownBy(() -> PosixFiles.link(f, g))
                .isInstanceOfSatisfying(PosixException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
        assertThat(PosixFiles.unlink(g)).isTrue();
        assertThat(PosixFiles.unlink(g)).isFalse();
        assertThatThrownBy(() -> PosixFiles.chmod(dir.resolve("missing"), 0600))
                .hasMessageEndingWith(": ENOENT (No such file or directory)");
    }
}
