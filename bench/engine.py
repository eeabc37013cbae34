#!/usr/bin/env python3
"""Engine benchmarks: jsupervisor's supervisord against the reference Supervisor 4.2.5, side by side.

Run by hand (never in CI): python3 bench/engine.py [--quick] [--rounds=N] [scenario ...]
Scenarios: throughput, many_writers, respawn, launch, rss, idle_cpu, shutdown.
Each scenario runs the same config under both daemons in one run and prints both figures and the ratio
ours/reference. Needs a built checkout (mvn -q -B package -DskipTests) and the Debian package `supervisor`.
"""
import os, re, signal, statistics, subprocess, sys, tempfile, time, shutil, datetime, socket, http.client, xmlrpc.client

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OURS = [os.path.join(ROOT, "bin", "supervisord")]
REFERENCE = ["/usr/bin/python3", "/usr/bin/supervisord"]
QUICK = "--quick" in sys.argv
# --rounds=N: throughput and launch run N times, ours and the reference alternating, and report medians and the
# median of the N same-round ratios (this machine's kernel makes single runs of either daemon jump now and then)
ROUNDS = next((int(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--rounds=")), 1)
HZ = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """utime+stime of a process (its own threads, not its children)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / HZ


def cpu_split(pid):
    """(utime, stime) of a process in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) / HZ, int(fields[12]) / HZ


def task_times(pid):
    """{tid: (CPU ns from schedstat, voluntary context switches)} for every thread: precise where utime/stime
    count in 10 ms ticks, and the switches count the wake-ups."""
    out = {}
    for t in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{t}/schedstat") as f:
                ns = int(f.read().split()[0])
            with open(f"/proc/{pid}/task/{t}/status") as f:
                switches = next(int(l.split()[1]) for l in f if l.startswith("voluntary_ctxt_switches:"))
            out[t] = (ns, switches)
        except (FileNotFoundError, ProcessLookupError):
            pass
    return out


def task_deltas(before, after):
    """CPU seconds and wake-ups between two task_times samples (a thread that ended in between is lost)."""
    ns = sw = 0
    for t, (n1, s1) in after.items():
        n0, s0 = before.get(t, (0, 0))
        ns += n1 - n0
        sw += s1 - s0
    return ns / 1e9, sw


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def quiesce():
    """Writes back dirty pages and, as root, empties the page cache, so that each timed writer run starts from
    the same kernel state: on this machine the kernel's cost of writing a gigabyte doubles or triples once
    earlier runs have left gigabytes of dirty or cached pages behind, whichever daemon happens to run next."""
    os.sync()
    try:
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
    except OSError:
        pass


def wait_until(what, predicate, timeout=300.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.005)
    raise RuntimeError("timed out waiting for " + what)


class Daemon:
    """One supervisord (ours or the reference) running -n on a config in a fresh temp dir."""

    def __init__(self, cmd, body, label):
        self.label = label
        self.dir = tempfile.mkdtemp(prefix="jsup-bench-")
        self.log = os.path.join(self.dir, "supervisord.log")
        conf = os.path.join(self.dir, "supervisord.conf")
        with open(conf, "w") as f:
            f.write(f"[supervisord]\nlogfile={self.log}\npidfile={self.dir}/s.pid\nchildlogdir={self.dir}\n"
                    f"logfile_maxbytes=0\nminfds=8192\nminprocs=4000\n" + body.replace("@DIR@", self.dir))
        self.started = time.monotonic()
        self.proc = subprocess.Popen(cmd + ["-n", "-c", conf], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, cwd=self.dir)

    def text(self):
        try:
            with open(self.log, errors="replace") as f:
                return f.read()
        except FileNotFoundError:
            return ""

    def count(self, needle):
        return self.text().count(needle)

    def stop(self, timeout=300):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        # end what this daemon spawned, by pid, should anything be left
        for pid in re.findall(r"spawned: '[^']+' with pid (\d+)", self.text()):
            try:
                os.kill(int(pid), signal.SIGKILL)
            except ProcessLookupError:
                pass
        shutil.rmtree(self.dir, ignore_errors=True)


RPC_SECTIONS = ("[unix_http_server]\nfile=@DIR@/s.sock\n[rpcinterface:supervisor]\n"
                "supervisor.rpcinterface_factory=supervisor.rpcinterface:make_main_rpcinterface\n")


def rpc(d):
    """An XML-RPC proxy on the daemon's unix socket (the config must include RPC_SECTIONS)."""
    class Connection(http.client.HTTPConnection):
        def connect(self):
            self.sock = socket.socket(socket.AF_UNIX)
            self.sock.connect(os.path.join(d.dir, "s.sock"))

    class Transport(xmlrpc.client.Transport):
        def make_connection(self, host):
            return Connection("localhost")

    return xmlrpc.client.ServerProxy("http://localhost", transport=Transport())


def programs(n, body):
    """n separate [program:pN] sections (n groups, as n programs in a real config), body with {i}."""
    return "".join(f"[program:p{i}]\n" + body.replace("{i}", str(i)) for i in range(n))


def both(scenario):
    results = {}
    for label, cmd in (("ours", OURS), ("reference", REFERENCE)):
        results[label] = scenario(cmd, label)
    return results


def report(name, results, unit, lower_is_better=True):
    o, r = results["ours"], results["reference"]
    ratio = o / r if r else float("inf")
    print(f"{name:55s} ours {o:10.3f} {unit:6s} reference {r:10.3f} {unit:6s} ratio {ratio:6.3f}"
          + ("" if lower_is_better else " (higher is better)"), flush=True)


def gigabyte(label, cmd, lines, expected):
    """One daemon, one writer run twice: (seconds until logged, CPU first run, (user, sys) first, lost, CPU second)."""
    d = Daemon(cmd, RPC_SECTIONS + f"[program:w]\ncommand=/usr/bin/seq 1 {lines}\nstdout_logfile=@DIR@/w.log\n"
                    "stdout_logfile_maxbytes=50MB\nstdout_logfile_backups=60\nstartsecs=0\n"
                    "autorestart=false\nautostart=false\n", label)
    try:
        # the writer starts on request after the daemon settled: one-time start-up work is not counted
        wait_until("daemon up", lambda: os.path.exists(os.path.join(d.dir, "s.sock")), 60)
        time.sleep(2)
        quiesce()
        cpu0 = cpu_seconds(d.proc.pid)
        split0 = cpu_split(d.proc.pid)
        rpc(d).supervisor.startProcess("w", False)
        wait_until("start", lambda: d.count("spawned: 'w'"), 60)
        t0 = time.monotonic()
        wait_until("exit", lambda: d.count("exited: w"), 600)

        def logged():
            return sum(os.path.getsize(os.path.join(d.dir, f)) for f in os.listdir(d.dir)
                       if f.startswith("w.log"))
        wait_until("all bytes", lambda: logged() >= expected, 60)
        seconds = time.monotonic() - t0
        cpu = cpu_seconds(d.proc.pid) - cpu0
        split = tuple(b - a for a, b in zip(split0, cpu_split(d.proc.pid)))
        lost = expected - logged()
        # the same again in the same daemon: a long-running daemon's cost, past any warm-up
        before = logged()
        quiesce()
        cpu1 = cpu_seconds(d.proc.pid)
        rpc(d).supervisor.startProcess("w", False)
        wait_until("second exit", lambda: d.count("exited: w") >= 2, 600)
        wait_until("all bytes again", lambda: logged() - before >= expected, 60)
        return seconds, cpu, split, lost, cpu_seconds(d.proc.pid) - cpu1
    finally:
        d.stop()


def throughput():
    lines = 20_000_000 if QUICK else 120_000_000  # ~170 MB / ~1.05 GB of numbered lines
    expected = int(subprocess.run(f"seq 1 {lines} | wc -c", shell=True, capture_output=True,
                                  text=True).stdout)
    baselines, runs = [], {"ours": [], "reference": []}
    for _ in range(ROUNDS):
        with tempfile.TemporaryDirectory() as d:
            quiesce()
            t0 = time.monotonic()
            subprocess.run(f"seq 1 {lines} | cat > {d}/plain", shell=True, check=True)
            baselines.append(time.monotonic() - t0)
        for label, cmd in (("ours", OURS), ("reference", REFERENCE)):
            runs[label].append(gigabyte(label, cmd, lines, expected))
    baseline = statistics.median(baselines)

    def median(label, i):
        return statistics.median(r[i] for r in runs[label])
    times = {label: median(label, 0) for label in runs}
    print(f"-- throughput: {expected/1e6:.0f} MB; plain `seq | cat > file` took {baseline:.2f} s"
          + (f" (median of {ROUNDS}; medians below)" if ROUNDS > 1 else ""))
    report("time until all output is in the logs (s)", times, "s")
    report("daemon CPU seconds", {label: median(label, 1) for label in runs}, "cpu-s")
    report("daemon CPU seconds, second run in the same daemon", {label: median(label, 4) for label in runs},
           "cpu-s")
    if ROUNDS > 1:
        for i, what in ((1, "first"), (4, "second")):
            pairs = sorted(o[i] / r[i] for o, r in zip(runs["ours"], runs["reference"]))
            print(f"{'same-round CPU ratios, ' + what + ' run':55s} median {statistics.median(pairs):.3f} "
                  f"(" + " ".join(f"{x:.2f}" for x in pairs) + ")")
    user = {label: statistics.median(r[2][0] for r in runs[label]) for label in runs}
    system = {label: statistics.median(r[2][1] for r in runs[label]) for label in runs}
    print(f"{'daemon CPU user/sys (ours; reference)':55s} {user['ours']:.2f}/{system['ours']:.2f}; "
          f"{user['reference']:.2f}/{system['reference']:.2f}")
    lost = {label: max(r[3] for r in runs[label]) for label in runs}
    print(f"{'speed relative to seq|cat (ours, reference)':55s} {baseline/times['ours']:.2f}x "
          f"{baseline/times['reference']:.2f}x; bytes lost: ours {lost['ours']}, reference {lost['reference']}")


def many_writers():
    n, rate, seconds = 50, 1000, 10 if QUICK else 20
    writer = ("import sys,time\nrate=%d\nt=time.monotonic()\ni=0\nwhile True:\n i+=1\n"
              " sys.stdout.write('line %%d\\n' %% i); sys.stdout.flush()\n t+=1.0/rate\n d=t-time.monotonic()\n"
              " if d>0: time.sleep(d)\n") % rate
    cpus, delivered = {}, {}
    script = os.path.join(tempfile.mkdtemp(prefix="jsup-bench-w-"), "w.py")
    with open(script, "w") as f:
        f.write(writer)
    for label, cmd in (("ours", OURS), ("reference", REFERENCE)):
        d = Daemon(cmd, f"[program:w]\ncommand=/usr/bin/python3 {script}\n"
                        f"numprocs={n}\nprocess_name=w%(process_num)d\n"
                        "stdout_logfile=@DIR@/w%(process_num)d.log\nstartsecs=0\n", label)
        try:
            wait_until("all started", lambda: d.count("spawned: 'w") >= n, 120)
            time.sleep(3)
            cpu0, t0 = cpu_seconds(d.proc.pid), time.monotonic()
            time.sleep(seconds)
            cpus[label] = (cpu_seconds(d.proc.pid) - cpu0) / (time.monotonic() - t0) * 100
            lines = 0
            for f in os.listdir(d.dir):
                if f.startswith("w") and f.endswith(".log"):
                    with open(os.path.join(d.dir, f), "rb") as fh:
                        lines += fh.read().count(b"\n")
            delivered[label] = lines
        finally:
            d.stop()
    report(f"{n} writers x {rate} lines/s: daemon CPU (% of one core)", cpus, "%")
    print(f"{'lines delivered (ours, reference)':55s} {delivered['ours']} {delivered['reference']}")


def log_times(text, pattern):
    out = []
    for m in re.finditer(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) \w+ " + pattern, text, re.M):
        out.append(datetime.datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S,%f").timestamp())
    return out


def respawn():
    crash, kill = {}, {}
    for label, cmd in (("ours", OURS), ("reference", REFERENCE)):
        d = Daemon(cmd, RPC_SECTIONS + "[program:crash]\ncommand=/bin/true\nstartsecs=0\nautorestart=true\n"
                        "[program:victim]\ncommand=/bin/sleep 1000\nstartsecs=0\nautorestart=true\n", label)
        try:
            wait_until("crash loop", lambda: d.count("spawned: 'crash'") >= 6, 60)
            t = log_times(d.text(), "spawned: 'crash'")
            gaps = [b - a for a, b in zip(t[1:], t[2:])]
            crash[label] = sorted(gaps)[len(gaps) // 2] * 1000
            wait_until("victim", lambda: d.count("spawned: 'victim'"), 60)
            # the kill -9 figure is measured alone: a crash loop in the same daemon would compete with it
            wait_until("daemon up", lambda: os.path.exists(os.path.join(d.dir, "s.sock")), 60)
            try:
                rpc(d).supervisor.stopProcess("crash", True)
            except xmlrpc.client.Fault:
                pass  # caught between two runs: not running just then
            time.sleep(1)
            samples = []
            for _ in range(5):
                pid = int(re.findall(r"spawned: 'victim' with pid (\d+)", d.text())[-1])
                before = d.count("spawned: 'victim'")
                t0 = time.time()
                os.kill(pid, signal.SIGKILL)
                wait_until("victim respawn", lambda: d.count("spawned: 'victim'") > before, 30)
                samples.append((log_times(d.text(), "spawned: 'victim'")[-1] - t0) * 1000)
            kill[label] = sorted(samples)[len(samples) // 2]
        finally:
            d.stop()
    report("crash-to-respawn, exiting program (median ms)", crash, "ms")
    report("kill -9 to replacement spawned (median ms)", kill, "ms")


def launch():
    n = 200 if QUICK else 1000
    runs = {"ours": [], "reference": []}
    for _ in range(ROUNDS):
        for label, cmd in (("ours", OURS), ("reference", REFERENCE)):
            d = Daemon(cmd, programs(n, "command=/bin/sleep 1000\nstartsecs=0\nstdout_logfile=NONE\n"
                                           "stderr_logfile=NONE\n"), label)
            try:
                wait_until("all running", lambda: d.count("entered RUNNING") >= n, 600)
                runs[label].append(time.monotonic() - d.started)
            finally:
                d.stop()
    report(f"launch to {n} programs RUNNING (s)" + (f", median of {ROUNDS}" if ROUNDS > 1 else ""),
           {label: statistics.median(v) for label, v in runs.items()}, "s")
    if ROUNDS > 1:
        pairs = sorted(o / r for o, r in zip(runs["ours"], runs["reference"]))
        print(f"{'same-round launch ratios':55s} median {statistics.median(pairs):.3f} ("
              + " ".join(f"{x:.3f}" for x in pairs) + ")")


def rss():
    for n in ((1, 100) if QUICK else (1, 100, 1000)):
        values = {}
        for label, cmd in (("ours", OURS), ("reference", REFERENCE)):
            d = Daemon(cmd, programs(n, "command=/bin/sleep 1000\nstartsecs=0\n"), label)
            try:
                wait_until("all running", lambda: d.count("entered RUNNING") >= n, 600)
                time.sleep(5)
                values[label] = rss_mib(d.proc.pid)
            finally:
                d.stop()
        report(f"idle RSS with {n} programs (MiB)", values, "MiB")


def idle_cpu():
    seconds = 10 if QUICK else 30
    values, wakeups = {}, {}
    for label, cmd in (("ours", OURS), ("reference", REFERENCE)):
        d = Daemon(cmd, programs(100, "command=/bin/sleep 1000\nstartsecs=0\n"), label)
        try:
            wait_until("all running", lambda: d.count("entered RUNNING") >= 100, 600)
            time.sleep(3)
            before = task_times(d.proc.pid)
            time.sleep(seconds)
            cpu, switches = task_deltas(before, task_times(d.proc.pid))
            values[label] = cpu
            wakeups[label] = switches / seconds
        finally:
            d.stop()
    report(f"idle CPU with 100 programs over {seconds} s (cpu-s)", values, "cpu-s")
    report("idle wake-ups (voluntary context switches per s, all threads)", wakeups, "/s")


def shutdown():
    n = 10 if QUICK else 100
    values = {}
    for label, cmd in (("ours", OURS), ("reference", REFERENCE)):
        d = Daemon(cmd, programs(n, "command=/bin/sh -c 'trap \"\" TERM; while true; do sleep 1; done'\n"
                                       "startsecs=0\nstopwaitsecs=1\n"), label)
        try:
            wait_until("all running", lambda: d.count("entered RUNNING") >= n, 600)
            t0 = time.monotonic()
            d.proc.send_signal(signal.SIGTERM)
            d.proc.wait(3600)
            values[label] = time.monotonic() - t0
        finally:
            d.stop()
    report(f"shutdown with {n} TERM-ignoring programs, stopwaitsecs=1 (s)", values, "s")


SCENARIOS = {"throughput": throughput, "many_writers": many_writers, "respawn": respawn, "launch": launch,
             "rss": rss, "idle_cpu": idle_cpu, "shutdown": shutdown}

if __name__ == "__main__":
    chosen = [a for a in sys.argv[1:] if not a.startswith("--")] or list(SCENARIOS)
    for name in chosen:
        SCENARIOS[name]()
