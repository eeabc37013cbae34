#!/usr/bin/env python3
"""getAllProcessInfo with 1000 programs: calls/s and daemon CPU per call, ours and the reference side by side,
over the unix socket and TCP. The client sends a prepared request on a kept-alive connection and reads the
answer without parsing it, so it is not the bottleneck (Python's xmlrpc.client parsing tops out near 22 calls/s
on this reply). Run by hand: python3 bench/rpc.py [--quick]"""
import http.client, os, socket, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from engine import Daemon, OURS, REFERENCE, cpu_seconds, programs, wait_until  # noqa: E402

QUICK = "--quick" in sys.argv
N = 200 if QUICK else 1000
SECONDS = 5 if QUICK else 15
BODY = (b"<?xml version='1.0'?><methodCall><methodName>supervisor.getAllProcessInfo</methodName>"
        b"<params></params></methodCall>")


class UnixConnection(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("localhost")
        self.unix_path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.unix_path)


def measure(conn_factory, pid):
    conn = conn_factory()
    calls, size = 0, 0
    cpu0, t0 = cpu_seconds(pid), time.monotonic()
    while time.monotonic() - t0 < SECONDS:
        conn.request("POST", "/RPC2", BODY, {"Content-Type": "text/xml"})
        resp = conn.getresponse()
        data = resp.read()
        assert resp.status == 200 and b"<name>statename</name>" in data, data[:200]
        size = len(data)
        calls += 1
    elapsed = time.monotonic() - t0
    return calls / elapsed, (cpu_seconds(pid) - cpu0) / calls * 1000, size


def main():
    port = {"ours": 19101, "reference": 19102}
    results = {}
    for label, cmd in (("ours", OURS), ("reference", REFERENCE)):
        body = (f"[unix_http_server]\nfile=@DIR@/s.sock\n[inet_http_server]\nport=127.0.0.1:{port[label]}\n"
                "[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = "
                "supervisor.rpcinterface:make_main_rpcinterface\n"
                + programs(N, "command=/bin/sleep 1000\nstartsecs=0\nstdout_logfile=NONE\nstderr_logfile=NONE\n"))
        d = Daemon(cmd, body, label)
        try:
            wait_until("all running", lambda: d.count("entered RUNNING") >= N, 600)
            sock = os.path.join(d.dir, "s.sock")
            results[(label, "unix")] = measure(lambda: UnixConnection(sock), d.proc.pid)
            results[(label, "tcp")] = measure(lambda: http.client.HTTPConnection("127.0.0.1", port[label]),
                                              d.proc.pid)
        finally:
            d.stop()
    for transport in ("unix", "tcp"):
        o, r = results[("ours", transport)], results[("reference", transport)]
        print(f"getAllProcessInfo x{N} over {transport}: calls/s ours {o[0]:8.1f} reference {r[0]:6.2f} "
              f"ratio {o[0] / r[0]:7.1f}x; daemon CPU ms/call ours {o[1]:7.2f} reference {r[1]:7.1f} "
              f"ratio {o[1] / r[1]:.3f}; reply {o[2]} / {r[2]} bytes", flush=True)


if __name__ == "__main__":
    main()
