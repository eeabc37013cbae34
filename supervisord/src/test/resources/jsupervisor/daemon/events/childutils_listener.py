# An event listener written with the real supervisor.childutils, driven by ChildutilsListenerIT.
# For each event it appends what childutils parsed to argv[1], then answers:
#   REMOTE_COMMUNICATION type:fail  -> FAIL the first two times it sees that serial, then OK
#   REMOTE_COMMUNICATION type:crash -> exits mid-event the first time (marker file argv[2]), then OK
#   anything else                   -> OK
import os
import sys

from supervisor import childutils

record_path, crash_marker = sys.argv[1], sys.argv[2]
fails = {}

while True:
    headers, payload = childutils.listener.wait(sys.stdin, sys.stdout)
    line = ' '.join('%s=%s' % kv for kv in sorted(headers.items()))
    line += ' | ' + payload.encode('utf-8').hex()
    comm_type = None
    if '\n' in payload:
        pheaders, data = childutils.eventdata(payload)
        line += ' | ' + ' '.join('%s=%s' % kv for kv in sorted(pheaders.items()))
        line += ' | ' + data.encode('utf-8').hex()
        comm_type = pheaders.get('type')
    with open(record_path, 'a', encoding='utf-8') as record:
        record.write(line + '\n')
    if headers['eventname'] == 'REMOTE_COMMUNICATION' and comm_type == 'fail':
        seen = fails.get(headers['serial'], 0)
        fails[headers['serial']] = seen + 1
        if seen < 2:
            childutils.listener.fail(sys.stdout)
            continue
    if headers['eventname'] == 'REMOTE_COMMUNICATION' and comm_type == 'crash':
        if not os.path.exists(crash_marker):
            open(crash_marker, 'w').close()
            os._exit(3)
    childutils.listener.ok(sys.stdout)
