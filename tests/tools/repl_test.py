#!/usr/bin/env python3
# tests/tools/repl_test.py — drives the `pyjitvm` REPL through a pseudo-terminal.
#
# Stage: --bin PATH → one child per scenario on a fresh pty (its controlling terminal,
# so Ctrl-C is a real SIGINT from the tty driver) → keystrokes in, screen text out →
# PASS/FAIL per scenario; exit status 1 when any failed.
#
# Invariants:
#   I1  Nothing can hang: every wait has a deadline (Session.expect / Session.finish),
#       and every child is killed when its scenario ends (Session.close).
#   I2  Checks run on the cleaned transcript: terminal escape sequences, carriage
#       returns, bells and backspaces removed, "\r\n" → "\n" (clean()).
#   I3  Every scenario gets its own HOME (a temporary folder), so the user's history
#       file is never read or written (run_scenarios()).
#   I4  Only the Python standard library is used (pty, termios, select, subprocess).
import argparse
import codecs
import fcntl
import os
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
import traceback

TIMEOUT = 10.0  # seconds for any single expected output
PROMPT = ">>> "
BANNER = "pyjitvm 0.1.0 (Python 3.11 language subset)"

# CSI sequences, OSC strings, charset selections and other two-byte escapes; a
# trailing, still incomplete escape is dropped too (it completes in a later read).
_ESCAPES = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()*+][0-~]|[=>78DEHMNOPZc])"
    r"|\x1b[^A-Za-z~]*$")


def clean(text):
    text = _ESCAPES.sub("", text)
    text = text.replace("\r\n", "\n")
    return re.sub(r"[\r\x07\x08]", "", text)


class Failure(Exception):
    pass


def _make_controlling_tty():
    # Runs in the child after setsid(): the pty on fd 0 becomes its controlling
    # terminal, so ^C written to the master sends SIGINT to it.
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Session:
    def __init__(self, binary, home, args=(), env=None):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        full_env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TERM": "xterm",
                    "LANG": "C.UTF-8"}
        if home is not None:
            full_env["HOME"] = home
        for k in ("ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"):  # sanitizer runs
            if k in os.environ:
                full_env[k] = os.environ[k]
        full_env.update(env or {})
        self.proc = subprocess.Popen(
            [binary, *args], stdin=slave, stdout=slave, stderr=slave, env=full_env,
            cwd=home or None, start_new_session=True, preexec_fn=_make_controlling_tty,
            close_fds=True)
        os.close(slave)
        self.fd = master
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.decoded = ""
        self.pos = 0  # offset in the cleaned transcript up to which output was matched
        self.eof = False

    # -- output
    def text(self):
        return clean(self.decoded)

    def _read(self, timeout):
        if self.eof:
            return False
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            data = b""
        if not data:
            self.eof = True
            self.decoded += self.decoder.decode(b"", final=True)
            return False
        self.decoded += self.decoder.decode(data)
        return True

    def pump(self, seconds):
        """Collects output for `seconds`."""
        end = time.monotonic() + seconds
        while time.monotonic() < end and not self.eof:
            self._read(end - time.monotonic())

    def expect(self, pattern, timeout=TIMEOUT):
        """Waits for regex `pattern` (re.M) after the last match; returns the match."""
        rx = re.compile(pattern, re.M)
        deadline = time.monotonic() + timeout
        while True:
            m = rx.search(self.text(), self.pos)
            if m:
                self.pos = m.end()
                return m
            left = deadline - time.monotonic()
            if left <= 0 or self.eof:
                why = "end of output" if self.eof else f"{timeout:.0f}s timeout"
                raise Failure(f"{why} waiting for {pattern!r}; unmatched output:\n"
                              f"{self.text()[self.pos:]!r}")
            self._read(min(left, 0.2))

    def unmatched(self):
        return self.text()[self.pos:]

    # -- input
    def send(self, keys):
        os.write(self.fd, keys.encode())

    def line(self, text, then=PROMPT):
        """Types `text` + Enter and waits for the echo of the line and the next prompt
        (the echo is matched so that later patterns cannot match the typed text)."""
        self.send(text + "\n")
        self.expect(re.escape(text) + "\n")
        if then is not None:
            return self.expect(re.escape(then))
        return None

    def run(self, text, *output):
        """Types one line and checks that exactly `output` lines are printed before the
        next ">>> " prompt."""
        self.send(text + "\n")
        self.expect(re.escape(text) + "\n")
        start = self.pos
        self.expect(r"^>>> ")
        got = self.text()[start:self.pos - len(PROMPT)]
        want = "".join(x + "\n" for x in output)
        if got != want:
            raise Failure(f"after {text!r}: expected {want!r}, got {got!r}")

    # -- end
    def finish(self, timeout=TIMEOUT):
        """Waits for the child to exit (reading its output meanwhile); returns status."""
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None or not self.eof:
            if time.monotonic() > deadline:
                raise Failure(f"child did not exit; output:\n{self.unmatched()!r}")
            if not self._read(0.1) and self.proc.poll() is not None:
                self.pump(0.1)
                break
        return self.proc.wait(timeout=1)

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.close(self.fd)
        except OSError:
            pass


# ---------------------------------------------------------------- scenarios
# Each takes (binary, home) and raises Failure (or AssertionError) on a mismatch.

def start(binary, home, *args, env=None):
    return Session(binary, home, args, env)


def check(cond, message):
    if not cond:
        raise Failure(message)


def scenario_echo_and_underscore(binary, home):
    s = start(binary, home)
    try:
        s.expect(re.escape(BANNER) + "\n.*\n" + re.escape(PROMPT))
        s.run("1+1", "2")
        s.run("None")  # None is not echoed
        s.run("'abc'", "'abc'")
        s.run("_", "'abc'")  # _ holds the last echoed value
        s.run("40 + 2", "42")
        s.run("_ * 2", "84")
        s.run("x = 5")  # statements echo nothing and leave _ alone
        s.run("_", "84")
        s.run("[x, 2.5, 'é']", "[5, 2.5, 'é']")
        s.send("\x04")  # Ctrl-D on an empty line
        check(s.finish() == 0, "Ctrl-D should exit with status 0")
    finally:
        s.close()


def scenario_blocks(binary, home):
    s = start(binary, home)
    try:
        s.expect(re.escape(PROMPT))
        s.line("def f(a):", then="... ")
        s.line("    b = a * 2", then="... ")
        s.line("    return b", then="... ")
        s.line("", then=PROMPT)
        s.run("f(21)", "42")
        s.line("for i in range(3):", then="... ")
        s.line("    print(i * 10)", then="... ")
        s.run("", "0", "10", "20")
        # an open bracket continues across an empty line
        s.line("t = (1,", then="... ")
        s.line("", then="... ")
        s.line("2)", then=PROMPT)
        s.run("t", "(1, 2)")
        # a triple-quoted string continues too
        s.line("u = '''a", then="... ")
        s.line("b'''", then=PROMPT)
        s.run("u", "'a\\nb'")
        s.send("\x04")
        check(s.finish() == 0, "Ctrl-D should exit with status 0")
    finally:
        s.close()


def scenario_errors(binary, home):
    s = start(binary, home)
    try:
        s.expect(re.escape(PROMPT))
        s.run("1/0",
              "Traceback (most recent call last):",
              '  File "<stdin>", line 1, in <module>',
              "ZeroDivisionError: division by zero")
        s.run("y = 7")
        s.run("y", "7")  # the session goes on
        s.line("def g():", then="... ")
        s.line("    return [][1]", then="... ")
        s.line("", then=PROMPT)
        s.run("g()",
              "Traceback (most recent call last):",
              '  File "<stdin>", line 1, in <module>',
              '  File "<stdin>", line 2, in g',
              "IndexError: list index out of range")
        s.run("undefined_name",
              "Traceback (most recent call last):",
              '  File "<stdin>", line 1, in <module>',
              "NameError: name 'undefined_name' is not defined")
        s.run("1 +",
              '  File "<stdin>", line 1',
              "    1 +",
              "       ^",
              "SyntaxError: invalid syntax")
        # a statement at column 0 after an unfinished block (CPython reports it at once)
        s.line("if y:", then="... ")
        s.line("    pass", then="... ")
        s.run("print(5)",
              '  File "<stdin>", line 3',
              "    print(5)",
              "    ^^^^^",
              "SyntaxError: invalid syntax")
        s.run("y + 1", "8")
        s.send("exit(3)\n")
        check(s.finish() == 3, "exit(3) should exit with status 3")
    finally:
        s.close()


def scenario_interrupt(binary, home):
    s = start(binary, home)
    try:
        s.expect(re.escape(PROMPT))
        # Ctrl-C while code runs: KeyboardInterrupt inside the running loop
        s.line("while True: pass", then="... ")
        s.send("\n")
        s.expect(r"\n")  # the empty line was accepted: the loop runs now
        s.pump(0.2)
        s.send("\x03")
        s.expect(r"Traceback \(most recent call last\):\n"
                 r'  File "<stdin>", line 1, in <module>\n'
                 r"KeyboardInterrupt\n" + re.escape(PROMPT))
        s.run("6*7", "42")
        # ... also inside a called function
        s.line("def spin():", then="... ")
        s.line("    n = 0", then="... ")
        s.line("    while True:", then="... ")
        s.line("        n += 1", then="... ")
        s.line("", then=PROMPT)
        s.send("spin()\n")
        s.expect(r"spin\(\)\n")
        s.pump(0.2)
        s.send("\x03")
        s.expect(r"Traceback \(most recent call last\):\n"
                 r'  File "<stdin>", line 1, in <module>\n'
                 r'  File "<stdin>", line \d, in spin\n'
                 r"KeyboardInterrupt\n" + re.escape(PROMPT))
        # Ctrl-C at the prompt discards the typed text
        s.send("abc")
        s.expect("abc")
        s.send("\x03")
        s.expect(r"\nKeyboardInterrupt\n" + re.escape(PROMPT))
        s.run("6*7", "42")  # "abc6*7" would be a NameError
        # ... and the lines of an unfinished block
        s.line("if True:", then="... ")
        s.send("\x03")
        s.expect(r"\nKeyboardInterrupt\n" + re.escape(PROMPT))
        s.run("5", "5")
        s.send("\x04")
        check(s.finish() == 0, "Ctrl-D should exit with status 0")
    finally:
        s.close()


def scenario_completion(binary, home):
    s = start(binary, home)
    try:
        s.expect(re.escape(PROMPT))
        s.run("import math")
        s.send("math.sq\t")
        s.expect(r"math\.sqrt\($")  # completed on screen, "(" for a callable
        s.run("2)", "1.4142135623730951")
        s.run("my_long_variable_name = 41")
        s.send("my_long\t")  # a global name
        s.expect("my_long_variable_name$")
        s.run(" + 1", "42")
        s.send("pri\t")  # a builtin
        s.expect(r"print\($")
        s.run("'ok')", "ok")
        # several matches: Tab lists them, typing on completes the unique one
        s.run("my_alpha = 1; my_beta = 2")
        s.send("my_\t")
        s.expect(r"^my_alpha +my_beta +my_long_variable_name\n")
        s.send("b\t")
        s.expect("my_beta$")
        s.run("", "2")
        # completion never runs code: a property is not evaluated
        for line in ["class P:", "    @property", "    def boom(self):",
                     "        print('CALLED')", "        return 1"]:
            s.line(line, then="... ")
        s.line("", then=PROMPT)
        s.run("p = P()")
        s.send("p.bo\t")
        s.expect(r"p\.boom$")  # no "(": a property is not callable
        s.pump(0.2)
        check("CALLED" not in s.unmatched(), "completion evaluated a property")
        s.run(" == 1", "CALLED", "True")
        # Tab on an empty word indents
        s.line("if True:", then="... ")
        s.send("\t")
        s.pump(0.2)
        s.line("z = 9", then="... ")  # runs only if the Tab indented it
        s.line("", then=PROMPT)
        s.run("z", "9")
        s.send("\x04")
        check(s.finish() == 0, "Ctrl-D should exit with status 0")
    finally:
        s.close()


def scenario_stop_and_continue(binary, home):
    # Ctrl-Z + `fg` from a shell: the process stops in the middle of a line and the
    # shell puts the terminal back into canonical mode. (A stop signal from the tty is
    # discarded for this orphaned session, so the test stops it directly.)
    s = start(binary, home)
    try:
        s.expect(re.escape(PROMPT))
        s.run("my_long_variable_name = 41")
        s.send("(")
        s.expect(r"\($")
        s.proc.send_signal(signal.SIGSTOP)
        time.sleep(0.2)
        attrs = termios.tcgetattr(s.fd)
        attrs[3] |= termios.ICANON | termios.ECHO
        termios.tcsetattr(s.fd, termios.TCSANOW, attrs)
        s.proc.send_signal(signal.SIGCONT)
        # Wait until the REPL has put the terminal back into raw mode (its SIGCONT
        # handler does); a fixed sleep raced with that on a loaded machine.
        deadline = time.monotonic() + 10
        while termios.tcgetattr(s.fd)[3] & termios.ICANON:
            check(time.monotonic() < deadline, "the REPL did not restore raw mode after SIGCONT")
            s.pump(0.05)
        # raw mode again: Tab is acted on at once (in canonical mode the program would
        # see nothing before Enter)
        s.send("my_long\t")
        s.expect("my_long_variable_name$")
        s.run(" + 1)", "42")
        s.send("\x04")
        check(s.finish() == 0, "Ctrl-D should exit with status 0")
    finally:
        s.close()


def scenario_history(binary, home):
    s = start(binary, home)
    try:
        s.expect(re.escape(PROMPT))
        s.run("100 + 23", "123")
        s.send("\x04")
        check(s.finish() == 0, "Ctrl-D should exit with status 0")
    finally:
        s.close()
    path = os.path.join(home, ".pyjitvm_history")
    check(os.path.exists(path), "~/.pyjitvm_history was not written")
    with open(path, "rb") as f:
        check(b"100" in f.read(), "the history file lacks the typed line")
    s = start(binary, home)
    try:
        s.expect(re.escape(PROMPT))
        s.send("\x1b[A")  # Up: the previous session's line
        s.expect(r"100 \+ 23$")
        s.send("\n")
        s.expect(r"^123\n" + re.escape(PROMPT))
        s.send("\x04")
        check(s.finish() == 0, "Ctrl-D should exit with status 0")
    finally:
        s.close()


def scenario_unwritable_home(binary, home):
    # HOME below a regular file: the history can be neither read nor written (this
    # fails for root too, unlike a read-only folder).
    blocker = os.path.join(home, "file")
    with open(blocker, "w") as f:
        f.write("not a folder\n")
    bad_home = os.path.join(blocker, "home")
    s = start(binary, None, env={"HOME": bad_home})
    try:
        s.expect(re.escape(BANNER) + "\n.*\n" + re.escape(PROMPT))
        s.run("1+2", "3")
        s.send("\x04")
        check(s.finish() == 0, "Ctrl-D should exit with status 0")
        check(s.unmatched().strip() == "", f"unexpected output at exit: {s.unmatched()!r}")
    finally:
        s.close()


def scenario_script_then_prompt(binary, home):
    script = os.path.join(home, "script.py")
    with open(script, "w") as f:
        f.write("answer = 6 * 7\nprint('script ran')\n")
    s = start(binary, home, "-i", script)
    try:
        s.expect("script ran\n" + re.escape(PROMPT))
        check(BANNER not in s.text(), "no banner after a script (as CPython)")
        s.run("answer", "42")
        s.send("raise SystemExit(4)\n")
        check(s.finish() == 4, "SystemExit(4) should exit with status 4")
    finally:
        s.close()


def scenario_not_a_terminal(binary, home):
    # -i with stdin from a pipe: CPython's behaviour — results on stdout, prompts and
    # errors on stderr, no line editing.
    feed = "1+1\nif 1:\n    print('in block')\n\n1/0\nexit(5)\n"
    r = subprocess.run([binary, "-i", "-c", "pass"], input=feed.encode(), capture_output=True,
                       timeout=TIMEOUT, env={"HOME": home, "PATH": os.environ.get("PATH", "")})
    check(r.returncode == 5, f"status {r.returncode}, expected 5")
    check(r.stdout.decode() == "2\nin block\n", f"stdout {r.stdout!r}")
    want_err = (">>> >>> ... ... >>> Traceback (most recent call last):\n"
                '  File "<stdin>", line 1, in <module>\n'
                "ZeroDivisionError: division by zero\n>>> ")
    check(r.stderr.decode() == want_err, f"stderr {r.stderr!r}")


SCENARIOS = [
    scenario_echo_and_underscore,
    scenario_blocks,
    scenario_errors,
    scenario_interrupt,
    scenario_completion,
    scenario_stop_and_continue,
    scenario_history,
    scenario_unwritable_home,
    scenario_script_then_prompt,
    scenario_not_a_terminal,
]


def run_scenarios(binary, only):
    failed = 0
    for fn in SCENARIOS:
        name = fn.__name__[len("scenario_"):]
        if only and name not in only:
            continue
        home = tempfile.mkdtemp(prefix="pyjitvm_repl_")
        t0 = time.monotonic()
        try:
            fn(binary, home)
            print(f"PASS {name} ({time.monotonic() - t0:.1f}s)")
        except Exception as e:  # Failure, AssertionError, OSError ...
            failed += 1
            print(f"FAIL {name}: {e}")
            if not isinstance(e, Failure):
                traceback.print_exc()
        finally:
            shutil.rmtree(home, ignore_errors=True)
    print(f"{len(SCENARIOS) - failed if not only else '-'} passed, {failed} failed")
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser(description="Drives the pyjitvm REPL through a pty.")
    ap.add_argument("--bin", required=True, help="the pyjitvm executable")
    ap.add_argument("only", nargs="*", help="scenario names to run (default: all)")
    args = ap.parse_args()
    sys.exit(run_scenarios(os.path.abspath(args.bin), set(args.only)))


if __name__ == "__main__":
    main()
