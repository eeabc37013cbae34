#!/bin/sh
# Prints "<name> tick <time>" every $2 seconds (default 5); used by the two members of [group:clock].
# Writes to stderr too, to show redirect_stderr=false giving two separate logs.
name=${1:-ticker}
every=${2:-5}
while :; do
    echo "$name tick $(date +%H:%M:%S)"
    echo "$name is still alive" >&2
    sleep "$every"
done
