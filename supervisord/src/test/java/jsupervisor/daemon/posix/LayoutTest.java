package jsupervisor.daemon.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Pins every hand-copied struct size, offset and constant, for x86-64 and aarch64 where they differ. */
class LayoutTest {

    @Test
    void epollEventIsPacked12BytesOnX86AndNatural16OnAarch64() {
        assertThat(Arch.X86_64.epollEventSize()).isEqualTo(12);
        assertThat(Arch.X86_64.epollDataOffset()).isEqualTo(4);
        assertThat(Arch.AARCH64.epollEventSize()).isEqualTo(16);
        assertThat(Arch.AARCH64.epollDataOffset()).isEqualTo(8);
    }

    @Test
    void archIsChosenFromOsArch() {
        assertThat(Arch.fromOsArch("amd64")).isEqualTo(Arch.X86_64);
        assertThat(Arch.fromOsArch("x86_64")).isEqualTo(Arch.X86_64);
        assertThat(Arch.fromOsArch("aarch64")).isEqualTo(Arch.AARCH64);
        assertThatThrownBy(() -> Arch.fromOsArch("riscv64")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Arch.current()).isEqualTo(Arch.fromOsArch(System.getProperty("os.arch")));
    }

    @Test
    void pidfdOpenIsSyscall434OnBothArches() {
        assertThat(Arch.SYS_PIDFD_OPEN).isEqualTo(434);
    }

    @Test
    void siginfoLayout() {
        assertThat(WaitStatus.SIGINFO_SIZE).isEqualTo(128);
        assertThat(WaitStatus.SI_SIGNO).isEqualTo(0);
        assertThat(WaitStatus.SI_ERRNO).isEqualTo(4);
        assertThat(WaitStatus.SI_CODE).isEqualTo(8);
        assertThat(WaitStatus.SI_PID).isEqualTo(16);
        assertThat(WaitStatus.SI_UID).isEqualTo(20);
        assertThat(WaitStatus.SI_STATUS).isEqualTo(24);
        assertThat(WaitStatus.CLD_EXITED).isEqualTo(1);
        assertThat(WaitStatus.CLD_KILLED).isEqualTo(2);
        assertThat(WaitStatus.CLD_DUMPED).isEqualTo(3);
    }

    @Test
    void glibcSpawnTypeSizes() {
        assertThat(LibcSpawn.POSIX_SPAWNATTR_T_SIZE).isEqualTo(336);
        assertThat(LibcSpawn.POSIX_SPAWN_FILE_ACTIONS_T_SIZE).isEqualTo(80);
        assertThat(LibcSpawn.SIGSET_T_SIZE).isEqualTo(128);
        assertThat(LibcSpawn.POSIX_SPAWN_SETSIGDEF).isEqualTo((short) 0x04);
        assertThat(LibcSpawn.POSIX_SPAWN_SETSIGMASK).isEqualTo((short) 0x08);
        assertThat(LibcSpawn.POSIX_SPAWN_SETSID).isEqualTo((short) 0x80);
    }

    @Test
    void glibcInternalSignalsAre32And33() {
        assertThat(SigSet.GLIBC_INTERNAL_SIGNALS).isEqualTo(0x1_8000_0000L);
    }

    @Test
    void signalfdSiginfoLayout() {
        assertThat(SignalFd.SIGNALFD_SIGINFO_SIZE).isEqualTo(128);
        assertThat(SignalFd.SSI_SIGNO).isEqualTo(0);
        assertThat(SignalFd.SSI_CODE).isEqualTo(8);
        assertThat(SignalFd.SSI_PID).isEqualTo(12);
        assertThat(SignalFd.SSI_UID).isEqualTo(16);
        assertThat(SignalFd.SSI_STATUS).isEqualTo(40);
    }

    @Test
    void sigactionHandlerComesFirst() {
        assertThat(Signals.SIGACTION_SIZE).isEqualTo(152);
        assertThat(Signals.SA_HANDLER).isEqualTo(0);
        assertThat(Signals.SIG_DFL).isEqualTo(0);
        assertThat(Signals.SIG_IGN).isEqualTo(1);
        assertThat(Signals.SIG_BLOCK).isEqualTo(0);
        assertThat(Signals.SIG_UNBLOCK).isEqualTo(1);
        assertThat(Signals.SIG_SETMASK).isEqualTo(2);
    }

    @Test
    void passwdUtsnameAndRlimitLayouts() {
        assertThat(LibcUsers.PASSWD_SIZE).isEqualTo(48);
        assertThat(LibcUsers.PW_NAME).isEqualTo(0);
        assertThat(LibcUsers.PW_UID).isEqualTo(16);
        assertThat(LibcUsers.PW_GID).isEqualTo(20);
        assertThat(LibcUsers.PW_DIR).isEqualTo(32);
        assertThat(LibcUsers.PW_SHELL).isEqualTo(40);
        assertThat(LibcUsers.UTSNAME_SIZE).isEqualTo(390);
        assertThat(LibcUsers.UTS_NODENAME).isEqualTo(65);
        assertThat(LibcUsers.RLIMIT_SIZE).isEqualTo(16);
        assertThat(ResourceLimits.Resource.NPROC.number).isEqualTo(6);
        assertThat(ResourceLimits.Resource.NOFILE.number).isEqualTo(7);
        assertThat(ResourceLimits.INFINITY).isEqualTo(0xffff_ffff_ffff_ffffL);
    }

    @Test
    void flagConstantsMatchAsmGeneric() {
        assertThat(Libc.O_CLOEXEC).isEqualTo(02000000);
        assertThat(Libc.O_NONBLOCK).isEqualTo(04000);
        assertThat(Libc.O_APPEND).isEqualTo(02000);
        assertThat(Epoll.EPOLL_CLOEXEC).isEqualTo(02000000);
        assertThat(EventFd.EFD_CLOEXEC | EventFd.EFD_NONBLOCK).isEqualTo(02004000);
        assertThat(SignalFd.SFD_CLOEXEC | SignalFd.SFD_NONBLOCK).isEqualTo(02004000);
        assertThat(Epoll.IN).isEqualTo(0x1);
        assertThat(Epoll.OUT).isEqualTo(0x4);
        assertThat(Epoll.ERR).isEqualTo(0x8);
        assertThat(Epoll.HUP).isEqualTo(0x10);
        assertThat(new int[] {Epoll.EPOLL_CTL_ADD, Epoll.EPOLL_CTL_DEL, Epoll.EPOLL_CTL_MOD})
                .containsExactly(1, 2, 3);
    }

    @Test
    void waitidConstants() {
        assertThat(Libc.P_ALL).isEqualTo(0);
        assertThat(Libc.P_PID).isEqualTo(1);
        assertThat(Libc.P_PIDFD).isEqualTo(3);
        assertThat(Libc.WNOHANG).isEqualTo(1);
        assertThat(Libc.WEXITED).isEqualTo(4);
        assertThat(Libc.WNOWAIT).isEqualTo(0x01000000);
    }
}
