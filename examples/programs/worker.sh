#!/bin/sh
# One copy of a pool of workers: $1 is its number (%(process_num)d in the config).
# Reports a finished "job" every 2 seconds, and says goodbye when asked to stop.
me=${1:-0}
trap 'echo "worker $me: stopping"; exit 0' TERM INT
jobs=0
while :; do
    sleep 2 &
    wait $!
    jobs=$((jobs + 1))
    echo "worker $me: finished job $jobs"
done
