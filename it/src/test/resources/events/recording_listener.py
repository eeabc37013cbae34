"""An event listener built on supervisor.childutils that records every event it is sent, one line per delivery:
the process name, the header line as received, the payload as a JSON string and the wall-clock time it was
received, separated by tabs.

usage: recording_listener.py RECORD_FILE [OPTION=VALUE ...]
  fail=N                answer FAIL to the first N deliveries of each event, then OK
  crash-once=MARKER     exit with status 7 in the middle of the first event (unless MARKER exists; creates it)
  hang-once=MARKER      never answer the first event (unless MARKER exists; creates it)
  garbage-once=MARKER   greet with garbage instead of READY (unless MARKER exists; creates it)
  badresult-once=MARKER answer the first event with a result line that has no length (unless MARKER exists)
  gate=FILE             hold the first event until FILE exists (at most 60 s)
  stderr-each=1         write "err <eventname>" to stderr for every event it is sent
"""
import json
import os
import select
import signal
import sys
import time

from supervisor import childutils

record = open(sys.argv[1], 'a')
options = dict(arg.split('=', 1) for arg in sys.argv[2:])
name = os.environ.get('SUPERVISOR_PROCESS_NAME', '?')

# SIGTERM must not lose an event written before it: the signal only wakes the read below, which still takes a
# pending event first and exits once stdin is idle (supervisord writes nothing more to a stopping listener).
wake_r, wake_w = os.pipe()
os.set_blocking(wake_w, False)
signal.set_wakeup_fd(wake_w)
signal.signal(signal.SIGTERM, lambda signum, frame: None)


class Stdin:
    """What childutils.listener.wait reads from: sys.stdin, keeping the header line for the record."""
    line = ''

    def readline(self):
        ready = select.select([sys.stdin.fileno(), wake_r], [], [])[0]
        if sys.stdin.fileno() not in ready:
            os._exit(0)
        self.line = sys.stdin.readline()
        if not self.line:
            os._exit(0)  # supervisord went away
        return self.line

    def read(self, n):
        return sys.stdin.read(n)


def first_time(option):
    """True once per marker file: the first run of a listener misbehaves, its restarts do not."""
    marker = options.get(option)
    if marker is None or os.path.exists(marker):
        return False
    open(marker, 'w').close()
    return True


if first_time('garbage-once'):
    sys.stdout.write('GARBAGE!\n')
    sys.stdout.flush()

stdin = Stdin()
deliveries = {}
first = True
while True:
    headers, payload = childutils.listener.wait(stdin, sys.stdout)
    received = time.time()
    record.write('%s\t%s\t%s\t%.3f\n' % (name, stdin.line.rstrip('\n'), json.dumps(payload), received))
    record.flush()
    if first and 'gate' in options:
        for _ in range(6000):
            if os.path.exists(options['gate']):
                break
            time.sleep(0.01)
    first = False
    if options.get('stderr-each'):
        sys.stderr.write('err %s\n' % headers['eventname'])
        sys.stderr.flush()
    if first_time('crash-once'):
        os._exit(7)
    if first_time('hang-once'):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        while True:
            signal.pause()
    if first_time('badresult-once'):
        sys.stdout.write('RESULT two\nOK')
        sys.stdout.flush()
        continue
    serial = headers['serial']
    deliveries[serial] = deliveries.get(serial, 0) + 1
    if deliveries[serial] <= int(options.get('fail', 0)):
        childutils.listener.fail(sys.stdout)
    else:
        childutils.listener.ok(sys.stdout)
