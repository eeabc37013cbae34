#!/bin/sh
# Wall time of `supervisorctl status`: ours (bin/supervisorctl) against the reference (/usr/bin/supervisorctl),
# both talking to one reference supervisord on a unix socket in a temp dir. Usage: ctl_status.sh [runs]
# (default 20). Prints the median and the mean of each, in milliseconds. Needs a built checkout
# (mvn package, which also makes the AOT cache the launcher uses); times with date +%s%N.
set -eu
runs=${1:-20}
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(mktemp -d /tmp/ctlbench.XXXXXX)
cat > "$dir/sv.conf" <<CONF
[unix_http_server]
file=$dir/sv.sock
[supervisord]
logfile=$dir/sd.log
pidfile=$dir/sd.pid
[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
[supervisorctl]
serverurl=unix://$dir/sv.sock
[program:a]
command=/bin/sh -c 'exec sleep 1000'
startsecs=0
[program:b]
command=/bin/sh -c 'exec sleep 1000'
startsecs=0
CONF
/usr/bin/python3 /usr/bin/supervisord -n -c "$dir/sv.conf" >/dev/null 2>&1 &
daemon=$!
trap 'kill $daemon 2>/dev/null; wait $daemon 2>/dev/null; rm -rf "$dir"' EXIT
i=0
until /usr/bin/supervisorctl -c "$dir/sv.conf" status >/dev/null 2>&1; do
    i=$((i + 1))
    [ $i -lt 200 ] || { echo "supervisord did not start" >&2; exit 1; }
    sleep 0.05
done

measure() {
    n=0
    : > "$dir/times"
    while [ $n -lt "$runs" ]; do
        t0=$(date +%s%N)
        "$@" -c "$dir/sv.conf" status >/dev/null 2>&1 || true
        t1=$(date +%s%N)
        echo $(( (t1 - t0) / 1000000 )) >> "$dir/times"
        n=$((n + 1))
    done
    sort -n "$dir/times" | awk '{a[NR]=$1; s+=$1} END {printf "median %d ms, mean %.1f ms\n", a[int((NR+1)/2)], s/NR}'
}

printf 'reference /usr/bin/supervisorctl: '
measure /usr/bin/supervisorctl
printf 'ours      bin/supervisorctl:      '
measure "$root/bin/supervisorctl"
