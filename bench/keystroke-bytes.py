#!/usr/bin/env python3
"""Bytes duban writes to the terminal for one cursor move at 160x48, beside the floor, and while idle.

The release binary runs in a pseudo-terminal of 160x48 on the ledger; after the screen settles,
each `j` is sent and every byte written in reply is read until the terminal has been quiet for
150 ms. Idle: bytes written in 2 s with no key. Issue 7's target: <= 1 KB per cursor move, nothing
while idle.

The floor: the bytes are fed to a screen model (`pyte` when it is importable, otherwise the small
terminal emulator below, enough for what ratatui and crossterm write: cursor positioning, SGR,
erase, wide characters; DUBAN_NO_PYTE=1 picks it even with pyte; both give the same floor). The
cells that look different before and after a move (character, or a style that shows: a blank
shows only its background unless reversed, underlined or crossed out) are the changed cells; the
floor is the UTF-8 size of their characters, a wide CJK character counting its 3 bytes once for
its 2 cells. It is what a move would cost with no escape sequence at all; written / floor is the
overhead of positioning and colours. Only the first MOVES moves from the top of the ledger are
measured: they do not reach the bottom of the window. With MOVES past a screen (e.g. 200) the
moves that scroll the list are counted too: a step past the edge scrolls half a screen, redrawing
every row, so the mean shows their cost spread over the moves between.

    bench/keystroke-bytes.py DB [MOVES]      (DUBAN_BIN overrides target/release/duban)
    bench/keystroke-bytes.py --dump DB       (also prints the bytes of the first moves, decoded)
"""
import codecs
import fcntl
import os
import pty
import re
import select
import statistics
import struct
import sys
import termios
import time
import unicodedata

ROWS, COLS = 48, 160

args = sys.argv[1:]
dump = "--dump" in args
args = [a for a in args if a != "--dump"]
db = args[0]
moves = int(args[1]) if len(args) > 1 else 20
binary = os.environ.get("DUBAN_BIN", "target/release/duban")


# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), or a two-character escape.
ESCAPE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[ -/]*[0-~])")


def char_width(ch):
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


class Screen:
    """A minimal VT model: a grid of (text, style) cells; the cell right of a wide character holds
    "" (its continuation). Understands CUP/CHA/CUU/CUD/CUF/CUB, ED, EL, ECH, SGR (as a
    normalised style), DEC private modes (ignored) and OSC (ignored); anything else is counted
    in `unknown` so that a gap in the model is seen rather than silently miscounted."""

    BLANK = (" ", ())

    def __init__(self, rows, cols):
        self.rows, self.cols = rows, cols
        self.grid = [[self.BLANK] * cols for _ in range(rows)]
        self.x = self.y = 0
        self.wrap = False
        self.sgr = {}
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.pending = ""
        self.unknown = {}

    def style(self):
        return tuple(sorted(self.sgr.items()))

    def feed(self, data):
        text = self.pending + self.decoder.decode(data)
        self.pending = ""
        i, n = 0, len(text)
        while i < n:
            ch = text[i]
            if ch == "\x1b":
                m = ESCAPE.match(text, i)
                if not m:
                    self.pending = text[i:]
                    return
                self.escape(m.group(0))
                i = m.end()
            elif ch == "\r":
                self.x, self.wrap = 0, False
                i += 1
            elif ch == "\n":
                self.y = min(self.y + 1, self.rows - 1)
                self.wrap = False
                i += 1
            elif ch == "\b":
                self.x, self.wrap = max(self.x - 1, 0), False
                i += 1
            elif ord(ch) < 0x20 or ch == "\x7f":
                i += 1
            else:
                self.put(ch)
                i += 1

    def put(self, ch):
        w = char_width(ch)
        if w == 0:
            px = max(self.x - 1, 0)
            t, s = self.grid[self.y][px]
            self.grid[self.y][px] = (t + ch, s)
            return
        if self.wrap or self.x + w > self.cols:
            self.x, self.wrap = 0, False
            self.y = min(self.y + 1, self.rows - 1)
        row, x = self.grid[self.y], self.x
        # Overwriting half of a wide character blanks its other half.
        if row[x][0] == "" and x > 0:
            row[x - 1] = (" ", row[x - 1][1])
        if x + w < self.cols and row[x + w][0] == "":
            row[x + w] = (" ", row[x + w][1])
        st = self.style()
        row[x] = (ch, st)
        if w == 2:
            row[x + 1] = ("", st)
        self.x += w
        if self.x >= self.cols:
            self.x, self.wrap = self.cols - 1, True

    def escape(self, seq):
        if seq[1] != "[":
            if seq[1] != "]":
                self.unknown[seq] = self.unknown.get(seq, 0) + 1
            return
        body, final = seq[2:-1], seq[-1]
        if body.startswith("?"):
            return  # modes: cursor visibility, alternate screen, bracketed paste
        params = [int(p) if p.isdigit() else None for p in body.split(";")] if body else []

        def p(k, default):
            return params[k] if k < len(params) and params[k] is not None else default

        self.wrap = False
        if final in "Hf":
            self.y = min(max(p(0, 1), 1), self.rows) - 1
            self.x = min(max(p(1, 1), 1), self.cols) - 1
        elif final == "G":
            self.x = min(max(p(0, 1), 1), self.cols) - 1
        elif final == "A":
            self.y = max(self.y - p(0, 1), 0)
        elif final == "B":
            self.y = min(self.y + p(0, 1), self.rows - 1)
        elif final == "C":
            self.x = min(self.x + p(0, 1), self.cols - 1)
        elif final == "D":
            self.x = max(self.x - p(0, 1), 0)
        elif final == "J":
            mode = p(0, 0)
            blank = (" ", ())
            if mode in (2, 3):
                self.grid = [[blank] * self.cols for _ in range(self.rows)]
            elif mode == 0:
                self.grid[self.y][self.x:] = [blank] * (self.cols - self.x)
                for r in range(self.y + 1, self.rows):
                    self.grid[r] = [blank] * self.cols
            elif mode == 1:
                self.grid[self.y][: self.x + 1] = [blank] * (self.x + 1)
                for r in range(self.y):
                    self.grid[r] = [blank] * self.cols
        elif final == "K":
            mode = p(0, 0)
            blank = (" ", ())
            row = self.grid[self.y]
            if mode == 0:
                row[self.x:] = [blank] * (self.cols - self.x)
            elif mode == 1:
                row[: self.x + 1] = [blank] * (self.x + 1)
            else:
                row[:] = [blank] * self.cols
        elif final == "X":
            n = min(p(0, 1), self.cols - self.x)
            self.grid[self.y][self.x:self.x + n] = [(" ", self.style())] * n
        elif final == "m":
            self.apply_sgr(params or [0])
        else:
            self.unknown[seq] = self.unknown.get(seq, 0) + 1

    def apply_sgr(self, params):
        attrs = {1: "bold", 2: "dim", 3: "italic", 4: "underline", 5: "blink", 6: "blink",
                 7: "reverse", 8: "hidden", 9: "crossed"}
        offs = {21: ("bold",), 22: ("bold", "dim"), 23: ("italic",), 24: ("underline",),
                25: ("blink",), 27: ("reverse",), 28: ("hidden",), 29: ("crossed",)}
        k = 0
        while k < len(params):
            v = params[k] if params[k] is not None else 0
            k += 1
            if v == 0:
                self.sgr = {}
            elif v in attrs:
                self.sgr[attrs[v]] = True
            elif v in offs:
                for a in offs[v]:
                    self.sgr.pop(a, None)
            elif v in (38, 48, 58):
                key = {38: "fg", 48: "bg", 58: "ul"}[v]
                kind = params[k] if k < len(params) else None
                if kind == 5:
                    self.sgr[key] = ("i", params[k + 1])
                    k += 2
                elif kind == 2:
                    self.sgr[key] = ("rgb",) + tuple(params[k + 1:k + 4])
                    k += 4
            elif v in (39, 49, 59):
                self.sgr.pop({39: "fg", 49: "bg", 59: "ul"}[v], None)
            elif 30 <= v <= 37:
                self.sgr["fg"] = ("i", v - 30)
            elif 90 <= v <= 97:
                self.sgr["fg"] = ("i", v - 90 + 8)
            elif 40 <= v <= 47:
                self.sgr["bg"] = ("i", v - 40)
            elif 100 <= v <= 107:
                self.sgr["bg"] = ("i", v - 100 + 8)

    def snapshot(self):
        return [list(r) for r in self.grid]

    def text(self):
        return "\n".join("".join(t for t, _ in r) for r in self.grid)


class PyteScreen:
    """The same interface over pyte, when it is installed. pyte leaves the other half of a wide
    character in place when one half is overwritten, where terminals (xterm, VTE, the vt100 crate)
    blank it; the snapshot blanks such halves as they do, or the floor would depend on the bytes."""

    def __init__(self, rows, cols):
        import pyte

        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.unknown = {}

    def feed(self, data):
        self.stream.feed(data)

    def snapshot(self):
        out = []
        for y in range(self.screen.lines):
            line = self.screen.buffer[y]
            row = []
            for x in range(self.screen.columns):
                c = line[x]
                attrs = [("fg", c.fg), ("bg", c.bg), ("bold", c.bold), ("italic", c.italics),
                         ("underline", c.underscore), ("crossed", c.strikethrough),
                         ("reverse", c.reverse), ("blink", c.blink)]
                style = tuple(sorted((k, v) for k, v in attrs if v not in (False, "default")))
                row.append((c.data, style))
            for x, (text, style) in enumerate(row):
                wide = text != "" and char_width(text[0]) == 2
                if text == "" and (x == 0 or not (row[x - 1][0] and char_width(row[x - 1][0][0]) == 2)):
                    row[x] = (" ", style)  # an orphaned right half
                elif wide and (x + 1 >= len(row) or row[x + 1][0] != ""):
                    row[x] = (" ", style)  # a left half whose right half was overwritten
            out.append(row)
        return out

    def text(self):
        return "\n".join(self.screen.display)


def visible(cell):
    """A cell as it looks: a blank shows its background only, unless reversed, underlined or
    crossed out."""
    text, style = cell
    if text.strip():
        return cell
    d = dict(style)
    if d.get("reverse") or d.get("underline") or d.get("crossed"):
        return cell
    return (text, tuple((k, v) for k, v in style if k == "bg"))


def floor_of(before, after):
    """Changed cells (as they look) and the UTF-8 bytes of their characters (a wide character
    once: the cell it covers holds "")."""
    cells = size = 0
    for rb, ra in zip(before, after):
        for cb, ca in zip(rb, ra):
            if visible(cb) != visible(ca):
                cells += 1
                size += len(ca[0].encode())
    return cells, size


def decode(data):
    """The bytes of one reply, one line per cursor position: text in brackets, escapes named."""
    s = data.decode("utf-8", "replace")
    s = re.sub(r"\x1b\[(\d+);(\d+)H", lambda m: f"\n  CUP {m.group(1)},{m.group(2)}: ", s)
    return s.replace("\x1b", "ESC")


try:
    if os.environ.get("DUBAN_NO_PYTE"):
        raise ImportError
    import pyte  # noqa: F401

    screen = PyteScreen(ROWS, COLS)
    model = "pyte"
except ImportError:
    screen = Screen(ROWS, COLS)
    model = "built-in screen model" + ("" if os.environ.get("DUBAN_NO_PYTE") else " (pyte not installed)")


def drain(fd, quiet=0.15, limit=10.0):
    """Reads until nothing has come for `quiet` seconds; feeds the screen; returns the bytes."""
    out, start = bytearray(), time.time()
    while time.time() - start < limit:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    screen.feed(bytes(out))
    return bytes(out)


pid, fd = pty.fork()
if pid == 0:
    os.environ.update(DUBAN_TODAY="2026-11-25", DUBAN_LANG="zh", TERM="xterm-256color")
    os.execv(binary, [binary, "--db", db])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
drain(fd, quiet=1.0, limit=60)
os.write(fd, b"2")
drain(fd, quiet=1.0, limit=60)
sizes, floors, cells = [], [], []
for k in range(moves):
    before = screen.snapshot()
    os.write(fd, b"j")
    data = drain(fd)
    c, f = floor_of(before, screen.snapshot())
    sizes.append(len(data))
    floors.append(f)
    cells.append(c)
    if dump and k < 3:
        print(f"--- move {k + 1}: {len(data)} bytes; {c} changed cells, floor {f} bytes")
        print(decode(data))
if dump:
    print("--- the screen after the moves:")
    print(screen.text())
start = time.time()
idle = 0
while time.time() - start < 2.0:
    idle += len(drain(fd, quiet=0.5, limit=0.5))
os.write(fd, b"q")
drain(fd, quiet=0.5, limit=5)
os.waitpid(pid, 0)
ratio = sum(sizes) / sum(floors) if sum(floors) else float("inf")
print(f"bytes per cursor move at {COLS}x{ROWS}: median {statistics.median(sizes):.0f}, "
      f"mean {statistics.mean(sizes):.0f}, max {max(sizes)} ({moves} moves); idle for 2 s: {idle} bytes")
print(f"floor (changed cells' characters, UTF-8): median {statistics.median(floors):.0f} bytes "
      f"in {statistics.median(cells):.0f} cells; ratio written / floor: {ratio:.2f} "
      f"(over all {moves} moves); screen model: {model}")
if screen.unknown:
    print(f"sequences the screen model did not understand: {screen.unknown}")
