#!/bin/sh
# Prints a numbered greeting every second, forever: the simplest program to supervise.
# Its output lands in the AUTO stdout log; try `supervisorctl tail -f hello`.
n=1
while :; do
    echo "hello #$n from pid $$"
    n=$((n + 1))
    sleep 1
done
