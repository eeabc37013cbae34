#!/usr/bin/python3
"""Re-records the .err files of the invalid-configuration corpus from the reference Supervisor.

Usage: /usr/bin/python3 record_reference_errors.py [CASE-PREFIX ...]

For each case under invalid/ (a NNN-name.conf, or a NNN-name.args without a .conf for the
"missing config file" cases) this script does exactly what InvalidConfigIT does for the
reference half: it copies the case into a fresh temp dir (the conf as supervisord.conf, a
sibling NNN-name.d/ folder under its own name), replaces @DIR@ in every copied file and in
the arguments, runs

    /usr/bin/python3 /usr/bin/supervisord -n -c <dir>/supervisord.conf [args]

in that dir with the same fixed environment as the Java test (see ReferenceRuns.ENVIRONMENT:
PATH, LANG, PWD, JSUP_TEST_VAR, SUPERVISOR_JAVA; the names matter because "Available names"
in expansion errors lists every ENV_* name), and writes the stderr with the temp dir replaced
by @DIR@ and argv0 by @ARGV0@. A case that does not exit with status 2 is reported and its
.err is left alone.
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
INVALID = os.path.join(HERE, 'invalid')
ARGV0 = '/usr/bin/supervisord'


def environment(d):
    return {
        'PATH': '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'LANG': 'C.UTF-8',
        'PWD': d,
        'JSUP_TEST_VAR': 'jsup-test-value',
        'SUPERVISOR_JAVA': '/usr/lib/jvm/java',
    }


def substitute(path, d):
    with open(path) as f:
        text = f.read()
    with open(path, 'w') as f:
        f.write(text.replace('@DIR@', d))


def case_names():
    names = set()
    for n in os.listdir(INVALID):
        base, ext = os.path.splitext(n)
        if ext in ('.conf', '.args'):
            names.add(base)
    return sorted(names)


def record(name):
    d = tempfile.mkdtemp(prefix='jsup-ref-')
    try:
        conf = os.path.join(INVALID, name + '.conf')
        if os.path.exists(conf):
            shutil.copy(conf, os.path.join(d, 'supervisord.conf'))
            substitute(os.path.join(d, 'supervisord.conf'), d)
        extra = os.path.join(INVALID, name + '.d')
        if os.path.isdir(extra):
            shutil.copytree(extra, os.path.join(d, name + '.d'))
            for root, _, files in os.walk(os.path.join(d, name + '.d')):
                for f in files:
                    substitute(os.path.join(root, f), d)
        args = []
        argsfile = os.path.join(INVALID, name + '.args')
        if os.path.exists(argsfile):
            with open(argsfile) as f:
                args = [a.replace('@DIR@', d) for a in f.read().split('\n') if a != '']
        cmd = ['/usr/bin/python3', ARGV0, '-n', '-c', os.path.join(d, 'supervisord.conf')] + args
        try:
            p = subprocess.run(cmd, cwd=d, env=environment(d), capture_output=True, text=True,
                               timeout=20)
        except subprocess.TimeoutExpired:
            print('%s: TIMEOUT (the reference accepted it?)' % name)
            return
        if p.returncode != 2:
            print('%s: exit %d\n%s' % (name, p.returncode, p.stderr))
            return
        err = p.stderr.replace(d, '@DIR@').replace(ARGV0, '@ARGV0@')
        with open(os.path.join(INVALID, name + '.err'), 'w') as f:
            f.write(err)
        print('%s: %s' % (name, err.splitlines()[0] if err else '(empty)'))
    finally:
        shutil.rmtree(d, ignore_errors=True)


def main(prefixes):
    for name in case_names():
        if not prefixes or any(name.startswith(p) for p in prefixes):
            record(name)


if __name__ == '__main__':
    main(sys.argv[1:])
