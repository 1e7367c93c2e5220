# SPDX-License-Identifier: MIT
"""The consolidated servers against the same servers on Linux, in the
same QEMU (docs/benchmarks.md, "Servers"): HTTP requests from the host to
partitions/httpd behind netdrv, and to the same httpd built for Linux
(servers/httpd.c); block reads of a 16 MiB extent through blkdrv
(tests/programs/blkread), and by Linux from /dev/vda (servers/blkread.c).

Each side boots once, serving the same disk image (the Tessera system's,
servers/servers.dts; Linux a copy, since QEMU locks an image): its
console is read as it comes until httpd listens and the block figures
are in. Then the host measures both, through a forwarded port each, in
turns, and stops the machines, since servers serve forever. Nothing
here fails a run for a figure: a side that does not come up or answers
wrongly leaves its figures out and says why.
"""
import http.client
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

from figures import HTTP_PAGES, Figure, add, parse

HERE = os.path.dirname(os.path.abspath(__file__))
SERVERS = os.path.join(HERE, "servers")
SYSTEM = os.path.join(SERVERS, "servers.dts")
SRCTREE = os.path.dirname(os.path.dirname(HERE))
WWW = os.path.join(SERVERS, "www")

GUEST_IP = "10.0.2.16"		# web's vif in servers.dts, eth0 on Linux
GATEWAY = "10.0.2.2"		# QEMU's user network
WEB_EXTENT = "2048:2048"	# web-disk's start and sectors in servers.dts
LINUX_PROGRAMS = [os.path.join(SERVERS, f) for f in ("blkread.c", "httpd.c")]
# The shim includes the guest API's real headers, after the C library's.
SHIM_FLAGS = [flag for d in (
    "partitions/lib/include", "partitions/lwip/include", "monitor/include")
    for flag in ("-idirafter", os.path.join(SRCTREE, d))]
# /bench/...: busybox has an httpd applet in /bin too.
LINUX_RUN = (f'sh -c "/bench/blkread; /bench/httpd '
             f'disk=/dev/vda:{WEB_EXTENT} port=80"')

LISTENING = "httpd: listening on port"
# Tessera's reader runs beside httpd; the host waits for its end.
READY = {"tessera": [LISTENING, "[tessera] reader: exited"],
         "linux": [LISTENING]}
# Lines after which the servers will not come up: a server partition
# ended or faulted, or the IOMMU refused a device's DMA. Linux's /init
# ends the machine itself.
BROKEN = {"tessera": ["[tessera] net: ", "[tessera] web: ", "[tessera] blk: ",
                      "detected translation failure"],
          "linux": []}
READY_TIMEOUT = 120	# seconds from the boot; Linux needs 25 to 45
STOP_TIMEOUT = 30

# The files of www/ that figures.HTTP_PAGES names.
PATHS = {"http_index": "/index.html", "http_64k": "/64k.txt"}
WARMUP = 20		# requests per page before any is measured
REQUESTS = 200		# measured, one at a time and again CONCURRENCY at once;
			# a multiple of ROUNDS * CONCURRENCY
ROUNDS = 10		# in which the sides take turns
CONCURRENCY = 4
REQUEST_TIMEOUT = 30
# A request this slow waited for a TCP retransmission (1 s for a SYN).
STALL = 0.5


class LoadError(Exception):
    pass


class Guest:
    """A machine booted in the background, its console (stdout and
    stderr) read line by line as it comes."""

    def __init__(self, cmd):
        self.proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, text=True, errors="replace",
            start_new_session=True)	# its QEMU stops with it
        self.lines = []
        self.seen = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.proc.stdout:
            with self.seen:
                self.lines.append(line.rstrip("\n"))
                self.seen.notify_all()
        with self.seen:
            self.proc.wait()
            self.seen.notify_all()

    def console(self):
        with self.seen:
            return "\n".join(self.lines)

    def wait_for(self, texts, broken, timeout):
        """None once a line has shown each of texts, else why not: the
        first line that has one of broken, the end, or the timeout."""
        deadline = time.monotonic() + timeout
        with self.seen:
            while True:
                missing = [t for t in texts
                           if not any(t in line for line in self.lines)]
                if not missing:
                    return None
                bad = [line for line in self.lines
                       if any(b in line for b in broken)]
                if bad:
                    return f"{bad[0].strip()!r} before {missing[0]!r}"
                if self.proc.poll() is not None:
                    return (f"ended (exit status {self.proc.returncode}) "
                            f"before {missing[0]!r}")
                left = deadline - time.monotonic()
                if left <= 0:
                    return f"no {missing[0]!r} after {timeout} s"
                self.seen.wait(left)

    def stopped(self):
        return self.proc.poll() is not None

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self.reader.join()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hostfwd(port):
    """The {hostfwd} of qemu.args that forwards port to web:80."""
    return f",hostfwd=tcp:127.0.0.1:{port}-{GUEST_IP}:80"


def fetch(port, path, size):
    """One GET on a connection of its own, as HTTP/1.0 and httpd have it:
    its latency in seconds, from the connect to the body's last byte."""
    t0 = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port,
                                      timeout=REQUEST_TIMEOUT)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        body = resp.read()
    except (OSError, http.client.HTTPException) as e:
        raise LoadError(f"GET {path}: {e!r}")
    finally:
        conn.close()
    if resp.status != 200 or len(body) != size:
        raise LoadError(f"GET {path}: status {resp.status}, {len(body)} "
                        f"bytes instead of 200 and {size}")
    return time.perf_counter() - t0


def concurrent(port, path, size, n):
    """n requests from CONCURRENCY clients at once: their latencies."""
    errors, latencies = [], []

    def client():
        try:
            latencies.extend(sequential(port, path, size, n // CONCURRENCY))
        except LoadError as e:
            errors.append(e)
    clients = [threading.Thread(target=client) for _ in range(CONCURRENCY)]
    for c in clients:
        c.start()
    for c in clients:
        c.join()
    if errors:
        raise errors[0]
    return latencies


def sequential(port, path, size, n):
    """n requests one at a time: their latencies."""
    return [fetch(port, path, size) for _ in range(n)]


def percentile(ordered, p):
    """The nearest-rank p-th percentile of an ordered list."""
    return ordered[math.ceil(len(ordered) * p / 100) - 1]


def on(side, fn, *args):
    """fn(*args), a LoadError of it naming the side."""
    try:
        return fn(*args)
    except LoadError as e:
        raise LoadError(f"{side}: {e}") from None


def rounds(ports, measure_one):
    """measure_one(port, n) for each side, ROUNDS times with n =
    REQUESTS / ROUNDS, the sides taking turns (the first in one round is
    the last in the next): {side: [results]}."""
    sides = list(ports)
    out = {side: [] for side in sides}
    for r in range(ROUNDS):
        for side in sides if r % 2 == 0 else reversed(sides):
            t0 = time.perf_counter()
            result = on(side, measure_one, ports[side], REQUESTS // ROUNDS)
            out[side].append((result, time.perf_counter() - t0))
    return out


def page_figures(name, seq, conc):
    """A page's figures from its rounds ([(latencies, wall time)]) one
    at a time and from CONCURRENCY clients."""
    lat = sorted(t for latencies, _ in seq for t in latencies)
    lat_c = [t for latencies, _ in conc for t in latencies]
    return [(name + "_rps", len(lat) / sum(wall for _, wall in seq), "req/s"),
            (name + "_mean", sum(lat) / len(lat) * 1e6, "us"),
            (name + "_p50", percentile(lat, 50) * 1e6, "us"),
            (name + "_p99", percentile(lat, 99) * 1e6, "us"),
            (name + "_rps_c4", len(lat_c) / sum(wall for _, wall in conc),
             "req/s"),
            (name + "_stalls", sum(t >= STALL for t in lat + lat_c), "req")]


def load(ports):
    """The HTTP figures of each side ({side: port}), measured the same
    way and in turns, so that the host's other work falls on all."""
    figs = {side: {} for side in ports}
    for name, _ in HTTP_PAGES:
        path = PATHS[name]
        size = os.path.getsize(os.path.join(WWW, path.lstrip("/")))
        for side, port in ports.items():
            on(side, sequential, port, path, size, WARMUP)
        seq = rounds(ports, lambda port, n: sequential(port, path, size, n))
        conc = rounds(ports, lambda port, n: concurrent(port, path, size, n))
        for side in ports:
            for fig in page_figures(name, seq[side], conc[side]):
                add(figs[side], Figure(*fig, f"host to {side}"))
    return figs


def boot(side, cmd):
    """The side's machine, up and ready, or None and why not."""
    guest = Guest(cmd)
    why = guest.wait_for(READY[side], BROKEN[side], READY_TIMEOUT)
    if why:
        guest.stop()
        print("\n".join(guest.console().splitlines()[-20:]),
              file=sys.stderr)
        return guest, f"servers: {side}: {why}"
    return guest, None


def measure(image, tessera_cmd, linux_cmd):
    """The figures of both sides and the notes of what is missing.
    tessera_cmd(image, hostfwd) and linux_cmd(programs, options) are the
    runner's commands that boot an image and the baseline. The sides
    boot one after the other, each reading its disk alone, then both
    serve the host's requests in turns."""
    # QEMU locks its image: Linux gets a copy of the same one.
    disk = os.path.join(os.path.dirname(image), "linux-disk.img")
    shutil.copyfile(os.path.join(os.path.dirname(image), "disk.img"), disk)
    ports = {side: free_port() for side in ("tessera", "linux")}
    options = ["--disk", disk, "--ipv4", f"{GUEST_IP}/24",
               "--gateway", GATEWAY, "--hostfwd", hostfwd(ports["linux"]),
               "--run", LINUX_RUN] + [f"--cflag={f}" for f in SHIM_FLAGS]
    cmds = {"tessera": tessera_cmd(image, hostfwd(ports["tessera"])),
            "linux": linux_cmd(LINUX_PROGRAMS, options)}
    guests, notes = {}, []
    for side, cmd in cmds.items():
        guests[side], why = boot(side, cmd)
        notes += [why] if why else []
    up = {side: ports[side] for side in ports if not guests[side].stopped()}
    try:
        figs = load(up)
    except LoadError as e:
        figs = {side: {} for side in ports}
        notes.append(f"servers: HTTP: {e}")
    for side, guest in guests.items():
        guest.stop()
        console = guest.console()
        if side == "linux" and "init: linux" not in console:
            sys.exit(f"{console}\nbench: servers: the Linux baseline did "
                     f"not boot: {' '.join(cmds[side])}")
        side_figs = figs.setdefault(side, {})
        for fig in parse(console, side).values():
            add(side_figs, fig)
    return figs["tessera"], figs["linux"], notes
