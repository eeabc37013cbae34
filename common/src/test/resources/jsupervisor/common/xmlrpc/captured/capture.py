"""Records the payloads in this directory; kept so they can be regenerated and audited.

call-*.xml      what Python 3.11's xmlrpc.client.dumps writes (as supervisorctl sends it)
response-*.xml  what a real supervisord 4.2.5 (Debian 12 package) answered to them, raw HTTP body

Run against a throwaway daemon started with this config as /tmp/xrcap/sd.conf:

    [unix_http_server]
    file=/tmp/xrcap/sock
    [supervisord]
    logfile=/tmp/xrcap/sd.log
    pidfile=/tmp/xrcap/sd.pid
    [rpcinterface:supervisor]
    supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
    [program:sleeper]
    command=/bin/sleep 1000
    stdout_logfile=/tmp/xrcap/sleeper.out
    stderr_logfile=/tmp/xrcap/sleeper.err
    [group:web]
    programs=sleeper
    [program:other]
    command=/bin/sleep 1000
    autostart=false

    supervisord -c /tmp/xrcap/sd.conf && cd <this dir> && /usr/bin/python3 capture.py

Timestamps and pids in the answers are those of the recorded run; tests that compare against
them use the recorded values.
"""
import http.client, socket, sys, xmlrpc.client, datetime

class UnixConn(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__('localhost')
        self.path = path
    def connect(self):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect(self.path)
        self.sock = s

def post(body):
    c = UnixConn('/tmp/xrcap/sock')
    c.request('POST', '/RPC2', body, {'Content-Type': 'text/xml'})
    r = c.getresponse()
    data = r.read()
    c.close()
    return data

def save(name, data):
    if isinstance(data, str):
        data = data.encode('utf-8')
    with open(name, 'wb') as f:
        f.write(data)

# Requests as Python's xmlrpc.client (and so supervisorctl) sends them.
calls = {
    'call-getState.xml': ((), 'supervisor.getState'),
    'call-getProcessInfo.xml': (('web:sleeper',), 'supervisor.getProcessInfo'),
    'call-startProcess.xml': (('other', True), 'supervisor.startProcess'),
    'call-readProcessStdoutLog.xml': (('web:sleeper', -100, 0), 'supervisor.readProcessStdoutLog'),
    'call-mixed-params.xml': ((7, -2147483648, 2147483647, 3.5, 1e16, False, 'caf\u00e9 & <tags> "q"', '',
                               [1, 'two', [3.0]], {'b': 1, 'a': {'nested': [True]}},
                               xmlrpc.client.Binary(b'\x00\x01binary\xff' * 10),
                               datetime.datetime(2026, 11, 24, 5, 1, 2)), 'test.echo'),
    'call-multicall.xml': (([{'methodName': 'supervisor.getState', 'params': []},
                             {'methodName': 'supervisor.getProcessInfo', 'params': ['web:sleeper']},
                             {'methodName': 'supervisor.getProcessInfo', 'params': ['nosuch']}],),
                           'system.multicall'),
}
for name, (params, method) in calls.items():
    save(name, xmlrpc.client.dumps(params, method))

# Responses captured from the real supervisord 4.2.5.
for name in ['call-getState.xml', 'call-getProcessInfo.xml', 'call-multicall.xml']:
    save(name.replace('call-', 'response-'), post(open(name, 'rb').read()))
save('response-fault-BAD_NAME.xml', post(xmlrpc.client.dumps(('nosuch',), 'supervisor.getProcessInfo')))
save('response-fault-UNKNOWN_METHOD.xml', post(xmlrpc.client.dumps((), 'nope.x')))
save('response-getAllProcessInfo.xml', post(xmlrpc.client.dumps((), 'supervisor.getAllProcessInfo')))
save('response-listMethods.xml', post(xmlrpc.client.dumps((), 'system.listMethods')))
