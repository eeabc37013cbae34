# How reference-structs.txt and ../../../../../main/resources/jsupervisor/daemon/rpc/method-docs.tsv were
# recorded: run the real supervisord 4.2.5 (/usr/bin/python3 /usr/bin/supervisord -c sup.conf) with
#   [unix_http_server] file=/tmp/rpcref/sock, [rpcinterface:supervisor] as shipped,
#   [program:sleeper] command=/bin/sleep 1000, stdout_logfile=/tmp/rpcref/sleeper.out, startsecs=0
#   [program:auto]    command=/bin/sleep 1000, autostart=false
# then run this script with /usr/bin/python3.
import http.client
import socket
import xmlrpc.client


class UnixConnection(http.client.HTTPConnection):
    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.connect('/tmp/rpcref/sock')


class UnixTransport(xmlrpc.client.Transport):
    def make_connection(self, host):
        return UnixConnection('localhost')


p = xmlrpc.client.ServerProxy('http://localhost', transport=UnixTransport())
TYPES = {str: 'string', int: 'int', bool: 'boolean', list: 'array'}


def shape(struct):
    return ' '.join('%s:%s' % (k, TYPES[type(v)]) for k, v in struct.items())


print('getProcessInfo', shape(p.supervisor.getProcessInfo('sleeper')))
print('getAllConfigInfo', shape(p.supervisor.getAllConfigInfo()[0]))
print('getState', shape(p.supervisor.getState()))
print('stopProcessGroup', shape(p.supervisor.stopProcessGroup('sleeper')[0]))
print(p.system.multicall([
    {'methodName': 'supervisor.getAPIVersion', 'params': []},
    {'methodName': 'nope.x', 'params': []},
    {'methodName': 'supervisor.getPID', 'params': [1]},
    {'params': []},
    {'methodName': 'system.multicall', 'params': [[]]}]))
for m in p.system.listMethods():
    doc = p.system.methodHelp(m)
    print('%s\t%s' % (m, doc.replace('\\', '\\\\').replace('\n', '\\n')))
