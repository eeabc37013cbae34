package jsupervisor.daemon.posix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrnoTest {

    @Test
    void commonErrnosHaveLinuxNumbersNamesAndTexts() {
        assertThat(Errno.ENOENT).isEqualTo(2);
        assertThat(Errno.name(Errno.ENOENT)).isEqualTo("ENOENT");
        assertThat(Errno.text(Errno.ENOENT)).isEqualTo("No such file or directory");
        assertThat(Errno.describe(Errno.EBADF)).isEqualTo("EBADF (Bad file descriptor)");
        assertThat(Errno.describe(Errno.EACCES)).isEqualTo("EACCES (Permission denied)");
        assertThat(Errno.describe(Errno.ENOTDIR)).isEqualTo("ENOTDIR (Not a directory)");
        assertThat(Errno.describe(Errno.EMFILE)).isEqualTo("EMFILE (Too many open files)");
        assertThat(Errno.describe(Errno.EINTR)).isEqualTo("EINTR (Interrupted system call)");
        assertThat(Errno.describe(Errno.ECHILD)).isEqualTo("ECHILD (No child processes)");
        assertThat(Errno.describe(Errno.ESRCH)).isEqualTo("ESRCH (No such process)");
        assertThat(Errno.EPIPE).isEqualTo(32);
        assertThat(Errno.EINVAL).isEqualTo(22);
    }

    @Test
    void aliasesUsePythonsErrorcodeNames() {
        assertThat(Errno.name(11)).isEqualTo("EAGAIN");
        assertThat(Errno.name(35)).isEqualTo("EDEADLOCK");
        assertThat(Errno.name(95)).isEqualTo("ENOTSUP");
        assertThat(Errno.name(132)).isEqualTo("ERFKILL");
    }

    @Test
    void unknownNumbersDegradeLikeGlibc() {
        assertThat(Errno.name(41)).isEqualTo("errno 41");
        assertThat(Errno.text(41)).isEqualTo("Unknown error 41");
        assertThat(Errno.name(999)).isEqualTo("errno 999");
        assertThat(Errno.name(-1)).isEqualTo("errno -1");
    }

    @Test
    void exceptionMessageNamesCallDetailAndErrno() {
        PosixException e = new PosixException("epoll_ctl", Errno.EBADF, "ADD, fd=12");
        assertThat(e).hasMessage("epoll_ctl(ADD, fd=12): EBADF (Bad file descriptor)");
        assertThat(e.call()).isEqualTo("epoll_ctl");
        assertThat(e.errno()).isEqualTo(9);
        assertThat(e.detail()).isEqualTo("ADD, fd=12");
    }
}
