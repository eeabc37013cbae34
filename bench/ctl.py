#!/usr/bin/env python3
"""`supervisorctl status` whole-process wall time and peak RSS with 1, 100 and 1000 programs: our client
(bin/supervisorctl) against the reference (/usr/bin/supervisorctl), both talking to the same daemon (ours) in
one run. Run by hand: python3 bench/ctl.py [--quick]"""
import os, statistics, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from engine import Daemon, OURS, ROOT, programs, wait_until  # noqa: E402

QUICK = "--quick" in sys.argv
RUNS = 5 if QUICK else 15
CLIENTS = {"ours": [os.path.join(ROOT, "bin", "supervisorctl")], "reference": ["/usr/bin/supervisorctl"]}


def run_once(cmd):
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    return time.monotonic() - t0, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


def main():
    for n in ((1, 100) if QUICK else (1, 100, 1000)):
        body = ("[unix_http_server]\nfile=@DIR@/s.sock\n[rpcinterface:supervisor]\n"
                "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n"
                + programs(n, "command=/bin/sleep 1000\nstartsecs=0\nstdout_logfile=NONE\nstderr_logfile=NONE\n"))
        d = Daemon(OURS, body, "ours")
        try:
            wait_until("all running", lambda: d.count("entered RUNNING") >= n, 600)
            conf = os.path.join(d.dir, "supervisord.conf")
            with open(conf, "a") as f:
                f.write(f"[supervisorctl]\nserverurl=unix://{d.dir}/s.sock\n")
            # one untimed run each (the daemon's own first answers are slower), then the two clients take turns,
            # so that both meet the same daemon and the same load on a shared machine
            samples = {label: [] for label in CLIENTS}
            for label, cmd in CLIENTS.items():
                run_once(cmd + ["-c", conf, "status"])
            for _ in range(RUNS):
                for label, cmd in CLIENTS.items():
                    samples[label].append(run_once(cmd + ["-c", conf, "status"]))
            results = {}
            for label, runs in samples.items():
                assert all(s[2] == 0 for s in runs), (label, runs)
                results[label] = (statistics.median(s[0] for s in runs) * 1000, max(s[1] for s in runs))
            o, r = results["ours"], results["reference"]
            print(f"status with {n:4d} programs: wall ms ours {o[0]:7.1f} reference {r[0]:7.1f} ratio "
                  f"{o[0] / r[0]:.2f}; peak RSS MiB ours {o[1]:6.1f} reference {r[1]:6.1f}", flush=True)
        finally:
            d.stop()


if __name__ == "__main__":
    main()
