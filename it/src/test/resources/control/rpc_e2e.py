"""End-to-end XML-RPC check of a running supervisord, with Python's own xmlrpc.client (the client Cesi,
exporters and supervisorctl use). Usage: rpc_e2e.py <url> [user pass]; prints one line per check, 'OK <name>'
or 'FAIL <name>: <why>', and exits 1 if any failed. <url> is unix:///path or http://host:port."""
import http.client, socket, sys, xmlrpc.client

url = sys.argv[1]
args = [a for a in sys.argv[2:] if a not in ('with-shutdown', 'basic')]
user, password = (args[0], args[1]) if len(args) > 1 else (None, None)


class UnixConnection(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__('localhost')
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.path)


class UnixTransport(xmlrpc.client.Transport):
    def __init__(self, path):
        super().__init__()
        self.path = path

    def make_connection(self, host):
        # as the base class does: credentials in the URL become the Authorization header
        _, self._extra_headers, _ = self.get_host_info(host)
        return UnixConnection(self.path)


if url.startswith('unix://'):
    endpoint = 'http://%slocalhost/RPC2' % ('%s:%s@' % (user, password) if user else '')
    server = xmlrpc.client.ServerProxy(endpoint, transport=UnixTransport(url[7:]))
else:
    host = url[len('http://'):]
    endpoint = 'http://%s%s/RPC2' % ('%s:%s@' % (user, password) if user else '', host)
    server = xmlrpc.client.ServerProxy(endpoint)

failures = 0


def check(name, fn):
    global failures
    try:
        fn()
        print('OK', name)
    except Exception as e:  # noqa: report and go on
        failures += 1
        print('FAIL %s: %r' % (name, e))


def fault(code, fn):
    def run():
        try:
            fn()
        except xmlrpc.client.Fault as f:
            assert f.faultCode == code, 'fault %d %s, wanted %d' % (f.faultCode, f.faultString, code)
            return
        raise AssertionError('no fault, wanted %d' % code)
    return run


def assert_eq(a, b):
    assert a == b, '%r != %r' % (a, b)


def fail():
    raise AssertionError('unexpected value')


s = server.supervisor
check('getAPIVersion', lambda: assert_eq(s.getAPIVersion(), '3.0'))
check('getSupervisorVersion', lambda: assert_eq(s.getSupervisorVersion(), '4.2.5'))
check('getIdentification', lambda: assert_eq(s.getIdentification(), 'supervisor'))
check('getState', lambda: assert_eq(s.getState(), {'statecode': 1, 'statename': 'RUNNING'}))
check('getPID', lambda: isinstance(s.getPID(), int) or fail())
check('readLog', lambda: 'supervisord started' in s.readLog(0, 0) or fail())



def info_fields():
    info = s.getProcessInfo('cat')
    assert list(info) == ['name', 'group', 'start', 'stop', 'now', 'state', 'statename', 'spawnerr', 'exitstatus',
                          'logfile', 'stdout_logfile', 'stderr_logfile', 'pid', 'description'], list(info)
    assert info['statename'] == 'RUNNING' and info['description'].startswith('pid '), info


check('getProcessInfo fields', info_fields)
NAMES = ['broken', 'cat', 'idle', 'nonexec', 'quick']
check('getAllProcessInfo', lambda: assert_eq(sorted(p['name'] for p in s.getAllProcessInfo()), NAMES))
check('getAllConfigInfo', lambda: assert_eq(sorted(c['name'] for c in s.getAllConfigInfo()), NAMES))
check('getVersion', lambda: assert_eq(s.getVersion(), '3.0'))
check('readMainLog alias', lambda: 'supervisord started' in s.readMainLog(0, 0) or fail())
check('NO_FILE', fault(20, lambda: s.startProcess('broken')))
# both answer SPAWN_ERROR in Supervisor 4.2.5 (checked against the real daemon)
check('SPAWN_ERROR exits too quickly', fault(50, lambda: s.startProcess('quick', True)))
check('ALREADY_ADDED', fault(90, lambda: s.addProcessGroup('cat')))
check('STILL_RUNNING', fault(91, lambda: s.removeProcessGroup('cat')))
check('BAD_ARGUMENTS', fault(3, lambda: s.readLog(-1, -1)))
check('BAD_NAME', fault(10, lambda: s.getProcessInfo('nosuch')))
check('UNKNOWN_METHOD', fault(1, lambda: s.noSuchMethod()))
check('private method', fault(1, lambda: s._dispatch()))
check('INCORRECT_PARAMETERS', fault(2, lambda: s.getProcessInfo()))
check('ALREADY_STARTED', fault(60, lambda: s.startProcess('cat')))
if 'basic' in sys.argv:
    # read-only checks only: the full run (which changes state and shuts down) happens over another transport
    sys.exit(1 if failures else 0)
check('NOT_RUNNING', fault(70, lambda: s.stopProcess('idle')))
check('BAD_SIGNAL', fault(11, lambda: s.signalProcess('cat', 'NOTASIGNAL')))
check('start idle', lambda: assert_eq(s.startProcess('idle', True), True))
check('stop idle', lambda: assert_eq(s.stopProcess('idle', True), True))
check('sendProcessStdin', lambda: assert_eq(s.sendProcessStdin('cat', 'ping\n'), True))


def echoed():
    import time
    for _ in range(200):
        if 'ping' in s.readProcessStdoutLog('cat', 0, 1000):
            return
        time.sleep(0.01)
    raise AssertionError('cat did not echo')


check('readProcessStdoutLog', echoed)
check('tailProcessStdoutLog', lambda: s.tailProcessStdoutLog('cat', 0, 100)[0].endswith('ping\n') or fail())
check('clearProcessLogs', lambda: assert_eq(s.clearProcessLogs('cat'), True))
check('signalProcess', lambda: assert_eq(s.signalProcess('cat', 'CONT'), True))
check('listMethods', lambda: ('supervisor.getState' in server.system.listMethods()) or fail())
check('methodHelp', lambda: isinstance(server.system.methodHelp('supervisor.getState'), str) or fail())
check('methodSignature', lambda: assert_eq(server.system.methodSignature('supervisor.getState'), ['struct']))


def multicall():
    out = server.system.multicall([{'methodName': 'supervisor.getAPIVersion', 'params': []},
                                   {'methodName': 'supervisor.getProcessInfo', 'params': ['nosuch']}])
    assert out[0] == '3.0', out
    assert out[1]['faultCode'] == 10, out


check('multicall', multicall)
check('reloadConfig', lambda: assert_eq(s.reloadConfig(), [[[], [], []]]))
check('readProcessStderrLog', lambda: isinstance(s.readProcessStderrLog('cat', 0, 100), str) or fail())
check('tailProcessStderrLog', lambda: isinstance(s.tailProcessStderrLog('cat', 0, 100)[0], str) or fail())
check('readProcessLog alias', lambda: isinstance(s.readProcessLog('cat', 0, 100), str) or fail())
check('clearProcessLog alias', lambda: assert_eq(s.clearProcessLog('cat'), True))
check('clearAllProcessLogs', lambda: isinstance(s.clearAllProcessLogs(), list) or fail())
check('signalProcessGroup', lambda: assert_eq([r['status'] for r in s.signalProcessGroup('cat', 'CONT')], [80]))
check('signalAllProcesses', lambda: isinstance(s.signalAllProcesses('CONT'), list) or fail())
check('stopProcessGroup', lambda: assert_eq([r['status'] for r in s.stopProcessGroup('idle')], []))
check('startProcessGroup', lambda: assert_eq([r['status'] for r in s.startProcessGroup('idle')], [80]))
check('stopAllProcesses', lambda: isinstance(s.stopAllProcesses(), list) or fail())
check('removeProcessGroup', lambda: assert_eq(s.removeProcessGroup('quick'), True))
check('addProcessGroup', lambda: assert_eq(s.addProcessGroup('quick'), True))
check('startAllProcesses', lambda: isinstance(s.startAllProcesses(False), list) or fail())
check('clearLog', lambda: assert_eq(s.clearLog(), True))
if 'with-shutdown' in sys.argv:
    check('shutdown', lambda: assert_eq(s.shutdown(), True))
sys.exit(1 if failures else 0)
