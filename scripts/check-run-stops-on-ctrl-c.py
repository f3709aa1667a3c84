#!/usr/bin/env python3
"""Ctrl-C while `./mm run` builds leaves nothing running: the README's promise, checked as an operator meets it.

`./mm run` starts in a pseudo-terminal (a background job of a script would ignore SIGINT, so only a terminal shows
what a person sees); once Maven is building, the terminal gets Ctrl-C. Then the command must end within a bound,
no Maven, node or Payara process of this checkout may remain, and the dev database is stopped again when the
command started it. Run by `./mm test` after the build; exits non-zero with the reason.
"""
import os
import pty
import select
import socket
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# a stop that waited for the build to end would take its whole length (a minute or more); stopping takes seconds
STOP_BOUND_SECONDS = 15


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def dev_db_running():
    return subprocess.run([os.path.join(ROOT, "scripts/db.sh"), "status", "dev"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0


BUILD_AND_SERVER_PROGRAMS = ("java", "node", "esbuild", "mvn")
# processes that ran before the check (the caller's shell, a CI harness) are never ours to judge or to kill
ALREADY_RUNNING = set(filter(str.isdigit, os.listdir("/proc")))


def our_processes():
    """Build and server processes started from this checkout since the check began (Maven, node/esbuild, Payara Micro)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        if pid in ALREADY_RUNNING:
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                argv = f.read().split(b"\0")
            cwd = os.readlink(f"/proc/{pid}/cwd")
        except OSError:
            continue
        program = os.path.basename(argv[0].decode(errors="replace"))
        if cwd.startswith(ROOT) and program in BUILD_AND_SERVER_PROGRAMS:
            found.append(f"{pid} {b' '.join(argv).decode(errors='replace')[:160]}")
    return found


def fail(message, child=None):
    """Reports, then cleans up after a broken stop so the machine is left as it was found."""
    if child:
        os.kill(child, 9)
    for line in our_processes():
        try:
            os.kill(int(line.split()[0]), 9)
        except OSError:
            pass
    sys.exit("check-run: " + message)


def read_until(fd, deadline, wanted=None):
    seen = b""
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                return seen, True
            if not chunk:
                return seen, True
            seen += chunk
            if wanted and wanted in seen:
                return seen, False
    return seen, False


def main():
    db_was_running = dev_db_running()
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(ROOT)
        os.environ["HTTP_PORT"] = str(free_port())
        os.execvp("./mm", ["./mm", "run"])
    shown, _ = read_until(fd, time.time() + 240, wanted=b"Milk Mobs :: application")
    if b"Milk Mobs :: application" not in shown:
        fail("the build never started within 240 s:\n" + shown.decode(errors="replace")[-2000:], pid)
    building = our_processes()
    if not building:
        fail("no build process was running to interrupt (the check would prove nothing)", pid)
    os.write(fd, b"\x03")
    interrupted = time.time()
    deadline = interrupted + STOP_BOUND_SECONDS
    rest, _ = read_until(fd, deadline)
    ended = 0
    while ended == 0 and time.time() < deadline:
        ended, _ = os.waitpid(pid, os.WNOHANG)
        time.sleep(0.2)
    if ended == 0:
        fail(f"./mm run did not end within {STOP_BOUND_SECONDS} s of Ctrl-C:\n" + rest.decode(errors="replace")[-2000:], pid)
    time.sleep(1)
    left = our_processes()
    if left:
        fail("processes left running after Ctrl-C:\n" + "\n".join(left))
    if not db_was_running and dev_db_running():
        fail("the dev database ./mm run started is still running after Ctrl-C")
    print(f"check-run: Ctrl-C during the build stopped {len(building)} build processes in {time.time() - interrupted:.1f} s;"
          " nothing left running"
          + ("" if db_was_running else ", dev database stopped"))


if __name__ == "__main__":
    main()
