import sys
from supervisor import childutils
out = open(sys.argv[1], 'a')
while True:
    headers, payload = childutils.listener.wait(sys.stdin, sys.stdout)
    out.write('%s serial:%s pool:%s | %s\n' % (headers['eventname'], headers['serial'], headers['pool'], payload.replace('\n', '\\n')))
    out.flush()
    childutils.listener.ok(sys.stdout)
