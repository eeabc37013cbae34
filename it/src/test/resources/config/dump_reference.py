#!/usr/bin/python3
"""Dumps what the reference Supervisor 4.2.5 parsed from a config file, as JSON on stdout.

Usage: /usr/bin/python3 dump_reference.py <conf>

The file is loaded exactly as `supervisord -c <conf>` loads it (ServerOptions.realize, which
reads the file, every [include], and applies [supervisord] values), but nothing is started:
no daemonizing, no HTTP servers, no logger, no processes. A config error is printed the way
supervisord prints it (Error: ... / For help ...) and exits 2.

Schema (keys spelled exactly like this; ConfigDifferentialIT compares OurConfigDump with it):

{
  "supervisord": {
    "logfile": str (absolute, normalised; "syslog" stays "syslog"),
    "logfile_maxbytes": int, "logfile_backups": int,
    "loglevel": str (the config name: "critical" "error" "warn" "info" "debug" "trace" "blather"),
    "pidfile": str (absolute, normalised),
    "umask": int, "nodaemon": bool, "silent": bool, "minfds": int, "minprocs": int,
    "nocleanup": bool, "childlogdir": str, "user": str | null, "directory": str | null,
    "strip_ansi": bool,
    "environment": {str: str} | null (the reference always has an object, {} when unset),
    "identifier": str
  },
  "servers": [ in ServerOptions.server_configs order: every inet server, then every unix one,
    each kind in section order:
    {"section": str, "family": "unix", "file": str, "chmod": int, "chown": [int, int],
     "username": str | null, "password": str | null}
    {"section": str, "family": "inet", "host": str ("" = all interfaces), "port": int,
     "username": str | null, "password": str | null}
  ],
  "groups": [ in process_group_configs order (sorted by priority, then name):
    {"name": str, "priority": int,
     "type": "program" | "group" | "eventlistener" | "fcgi-program",
     "buffer_size": int             (eventlistener only),
     "events": [str]                (eventlistener only; stored order, which is the iteration
                                     order of a Python set and so varies between runs: compare
                                     it as a set),
     "result_handler": "module:name" (eventlistener only; the resolved callable),
     "socket": str                  (fcgi-program only; "unix:///abs/path" or "tcp://host:port"),
     "processes": [ in the group's stored order:
       {"name": str, "command": str, "directory": str | null, "umask": int | null,
        "priority": int, "autostart": bool, "autorestart": "true" | "false" | "unexpected",
        "startsecs": int, "startretries": int, "uid": int | null,
        "stdout_logfile": "AUTO" | null (NONE/OFF, or syslog, which becomes stdout_syslog) | str,
        "stdout_capture_maxbytes": int, "stdout_events_enabled": bool,
        "stdout_logfile_backups": int, "stdout_logfile_maxbytes": int, "stdout_syslog": bool,
        the same six "stderr_*" keys (stderr_logfile is null whenever redirect_stderr is true),
        "stopsignal": int, "stopwaitsecs": int, "stopasgroup": bool, "killasgroup": bool,
        "exitcodes": [int], "redirect_stderr": bool,
        "environment": {str: str} | null ([supervisord] environment merged under the
                                          program's own; the reference always has an object),
        "serverurl": str | null (null when unset or AUTO)}
     ]}
  ]
}
"""
import json
import sys

from supervisor import datatypes
from supervisor import events
from supervisor import loggers
from supervisor import options


class DumpOptions(options.ServerOptions):
    """ServerOptions that remembers which groups came from [group:x] sections.

    process_groups_from_parser builds the [group:x] groups first, in section order, and they
    are ProcessGroupConfig objects just like the [program:x] ones; the creation index tells
    them apart after the final sort.
    """

    def process_groups_from_parser(self, parser):
        self.heterogeneous_count = len([s for s in parser.sections() if s.startswith('group:')])
        created = []
        original = options.ProcessGroupConfig

        class RecordingGroupConfig(original):
            def __init__(self, *args, **kwargs):
                original.__init__(self, *args, **kwargs)
                created.append(self)

        options.ProcessGroupConfig = RecordingGroupConfig
        try:
            groups = options.ServerOptions.process_groups_from_parser(self, parser)
        finally:
            options.ProcessGroupConfig = original
        self.heterogeneous_ids = set(id(g) for g in created[:self.heterogeneous_count])
        return groups


LEVEL_NAMES = dict((v, k) for k, v in vars(loggers.LevelsByDescription).items()
                   if not k.startswith('_'))


def logfile(value):
    if value is datatypes.Automatic:
        return 'AUTO'
    if value is datatypes.Syslog:
        return 'syslog'  # never stored: options.py rewrites it to None + *_syslog=true
    return value


def autorestart(value):
    if value is datatypes.RestartUnconditionally:
        return 'true'
    if value is datatypes.RestartWhenExitUnexpected:
        return 'unexpected'
    if value is False:
        return 'false'
    raise AssertionError('unexpected autorestart value %r' % (value,))


def environment(value):
    return None if value is None else dict(value)


def process(p):
    d = {
        'name': p.name, 'command': p.command, 'directory': p.directory, 'umask': p.umask,
        'priority': p.priority, 'autostart': p.autostart, 'autorestart': autorestart(p.autorestart),
        'startsecs': p.startsecs, 'startretries': p.startretries, 'uid': p.uid,
    }
    for ch in ('stdout', 'stderr'):
        d[ch + '_logfile'] = logfile(getattr(p, ch + '_logfile'))
        for k in ('capture_maxbytes', 'events_enabled', 'logfile_backups', 'logfile_maxbytes',
                  'syslog'):
            d['%s_%s' % (ch, k)] = getattr(p, '%s_%s' % (ch, k))
    d.update({
        'stopsignal': p.stopsignal, 'stopwaitsecs': p.stopwaitsecs,
        'stopasgroup': p.stopasgroup, 'killasgroup': p.killasgroup,
        'exitcodes': list(p.exitcodes), 'redirect_stderr': p.redirect_stderr,
        'environment': environment(p.environment), 'serverurl': p.serverurl,
    })
    return d


def group(opts, g):
    d = {'name': g.name, 'priority': g.priority}
    if isinstance(g, options.EventListenerPoolConfig):
        d['type'] = 'eventlistener'
        d['buffer_size'] = g.buffer_size
        d['events'] = [events.getEventNameByType(t) for t in g.pool_events]
        d['result_handler'] = '%s:%s' % (g.result_handler.__module__, g.result_handler.__name__)
    elif isinstance(g, options.FastCGIGroupConfig):
        d['type'] = 'fcgi-program'
        d['socket'] = g.socket_config.url
    elif id(g) in opts.heterogeneous_ids:
        d['type'] = 'group'
    else:
        d['type'] = 'program'
    d['processes'] = [process(p) for p in g.process_configs]
    return d


def server(c):
    if c['family'] == options.socket.AF_UNIX:
        return {'section': c['section'], 'family': 'unix', 'file': c['file'],
                'chmod': c['chmod'], 'chown': list(c['chown']),
                'username': c['username'], 'password': c['password']}
    return {'section': c['section'], 'family': 'inet', 'host': c['host'], 'port': c['port'],
            'username': c['username'], 'password': c['password']}


def dump(conf):
    opts = DumpOptions()
    opts.realize(args=['-c', conf], progname='/usr/bin/supervisord')
    return {
        'supervisord': {
            'logfile': opts.logfile,
            'logfile_maxbytes': opts.logfile_maxbytes,
            'logfile_backups': opts.logfile_backups,
            'loglevel': LEVEL_NAMES[opts.loglevel],
            'pidfile': opts.pidfile,
            'umask': opts.umask,
            'nodaemon': bool(opts.nodaemon),
            'silent': bool(opts.silent),
            'minfds': opts.minfds,
            'minprocs': opts.minprocs,
            'nocleanup': bool(opts.nocleanup),
            'childlogdir': opts.childlogdir,
            'user': opts.user,
            'directory': opts.directory,
            'strip_ansi': bool(opts.strip_ansi),
            'environment': environment(opts.configroot.supervisord.environment),
            'identifier': opts.identifier,
        },
        'servers': [server(c) for c in opts.server_configs],
        'groups': [group(opts, g) for g in opts.process_group_configs],
    }


if __name__ == '__main__':
    json.dump(dump(sys.argv[1]), sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write('\n')
