"""Writes 10,000 numbered lines to stdout once a line arrives on stdin, then waits for stdin to close.

Each line is written only after supervisord has read the previous one (the pipe is empty), so that each line
is one read and therefore exactly one PROCESS_LOG_STDOUT event: a burst as fast as supervisord takes it.
"""
import fcntl
import os
import struct
import sys
import termios
import time

sys.stdin.readline()
for i in range(1, 10001):
    os.write(1, b'line %05d\n' % i)
    for _ in range(1000000):
        if not struct.unpack('i', fcntl.ioctl(1, termios.FIONREAD, b'\0\0\0\0'))[0]:
            break
        time.sleep(0.00005)
sys.stdin.readline()
