#!/usr/bin/env python3
"""Bytes duban writes to the terminal for one cursor move at 160x48, and while idle.

The release binary runs in a pseudo-terminal of 160x48 on the ledger; after the screen settles,
each `j` is sent and every byte written in reply is counted until the terminal has been quiet
for 150 ms. Idle: bytes written in 2 s with no key. Issue 7's target: <= 1 KB per cursor move,
nothing while idle.

    bench/keystroke-bytes.py DB [MOVES]      (DUBAN_BIN overrides target/release/duban)
"""
import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import termios
import time

db = sys.argv[1]
moves = int(sys.argv[2]) if len(sys.argv) > 2 else 20
binary = os.environ.get("DUBAN_BIN", "target/release/duban")


def drain(fd, quiet=0.15, limit=10.0):
    """Reads until nothing has come for `quiet` seconds; returns the byte count."""
    total, start = 0, time.time()
    while time.time() - start < limit:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            return total
        try:
            total += len(os.read(fd, 65536))
        except OSError:
            return total
    return total


pid, fd = pty.fork()
if pid == 0:
    os.environ.update(DUBAN_TODAY="2026-11-25", DUBAN_LANG="zh", TERM="xterm-256color")
    os.execv(binary, [binary, "--db", db])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 48, 160, 0, 0))
drain(fd, quiet=1.0, limit=60)
os.write(fd, b"2")
drain(fd, quiet=1.0, limit=60)
sizes = []
for _ in range(moves):
    os.write(fd, b"j")
    sizes.append(drain(fd))
start = time.time()
idle = 0
while time.time() - start < 2.0:
    idle += drain(fd, quiet=0.5, limit=0.5)
os.write(fd, b"q")
drain(fd, quiet=0.5, limit=5)
os.waitpid(pid, 0)
print(f"bytes per cursor move at 160x48: median {statistics.median(sizes):.0f}, max {max(sizes)} "
      f"({moves} moves); idle for 2 s: {idle} bytes")
