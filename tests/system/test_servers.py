# SPDX-License-Identifier: MIT
"""The consolidated-servers system (configs/qemu_pc_servers.dts,
docs/servers.md), tested from the host as a user reaches it: through the
ports QEMU forwards on 127.0.0.1. One boot serves every test of this file,
in order; the servers never exit, so QEMU is stopped at the end.

- httpd on web sends the exact bytes of partitions/httpd/www's files with
  their Content-Type and Content-Length, index.html for /, 404 for a file
  that is not there;
- kvstore on kv answers SET, GET and DEL;
- a port that kv's firewall does not allow gets no answer, while the same
  address answers on the port it allows;
- web faults on purpose (its test-only bootarg fault=/fault), the monitor
  restarts it (on-fault = "restart") and the host gets pages again, while
  kv answers every request of a client that keeps asking throughout.
"""
import http.client
import os
import re
import signal
import socket
import subprocess
import threading

import pytest

from harness import BOOT_TIMEOUT, FAULT_LINE, SRCTREE

SERVERS_DTS = os.path.join(SRCTREE, "configs", "qemu_pc_servers.dts")
WWW = os.path.join(SRCTREE, "partitions", "httpd", "www")
WEB, KV = ("10.0.2.16", 80), ("10.0.2.17", 7000)
# kv's vif allows in tcp 7000 only
DENIED = ("10.0.2.17", 80)
READY = ["[web] httpd: listening on port 80",
         "[kv] kvstore: listening on port 7000"]
# a partition ended or faulted: no use waiting for any other line
ENDED = re.compile(r"\[tessera\] \S+: (exited with status .*|fault .*)")
# a QEMU that outlives its tests is stopped by qemu-run all the same
RUN_LIMIT = 900
# how long the denied port is watched for an answer that must not come
SILENCE = 5


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Console:
    """The serial console of a QEMU running in the background: its lines
    as they come, and waits for a line (with a timeout: the boot's)."""

    def __init__(self, cmd):
        self.lines = []
        self.cond = threading.Condition()
        self.proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, text=True, errors="replace",
            start_new_session=True)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.proc.stdout:
            with self.cond:
                self.lines.append(line.rstrip("\n"))
                self.cond.notify_all()
        with self.cond:
            self.lines.append(None)     # QEMU has ended
            self.cond.notify_all()

    def __repr__(self):
        with self.cond:
            return "\nconsole:\n" + "\n".join(l for l in self.lines if l)

    def wait(self, predicate, what, start=0, timeout=BOOT_TIMEOUT):
        """Index of the first line from `start` on that satisfies
        predicate; fails when QEMU ends, a partition ends or faults, or
        `timeout` passes first."""
        def found():
            for i in range(start, len(self.lines)):
                line = self.lines[i]
                if line is None or predicate(line) or ENDED.fullmatch(line):
                    return i
            return None

        with self.cond:
            self.cond.wait_for(lambda: found() is not None, timeout)
            i = found()
        assert i is not None and self.lines[i] is not None \
            and predicate(self.lines[i]), "no %s on the console%r" % (what, self)
        return i

    def wait_line(self, line, start=0):
        return self.wait(lambda l: l == line, repr(line), start)

    def stop(self):
        os.killpg(self.proc.pid, signal.SIGTERM)
        self.proc.wait()
        self.reader.join()


@pytest.fixture(scope="module")
def servers(system):
    """The servers system with web's fault=/fault, booted with host ports
    forwarded to web:80, kv:7000 and kv:80, ready to serve."""
    with open(SERVERS_DTS) as f:
        dts = f.read()
    assert 'bootargs = "httpd ' in dts
    out = system.build(dts=dts.replace('bootargs = "httpd ',
                                       'bootargs = "httpd fault=/fault '))
    ports = {"web": free_port(), "kv": free_port(), "denied": free_port()}
    fwd = "".join(",hostfwd=tcp:127.0.0.1:%d-%s:%d" % (ports[k], *addr)
                  for k, addr in (("web", WEB), ("kv", KV), ("denied", DENIED)))
    console = Console([
        os.path.join(SRCTREE, "scripts", "qemu-run"), "--timeout",
        str(RUN_LIMIT), "--accel", os.environ.get("QEMU_ACCEL", "tcg"),
        "--var", "disk=" + os.path.join(out, "disk.img"), "--var",
        "hostfwd=" + fwd, os.path.join(SRCTREE, "boards", "qemu-pc"),
        "kernel", os.path.join(out, "tessera.elf")])
    try:
        for line in READY:
            console.wait_line(line)
        yield console, ports
    finally:
        console.stop()


def get(servers, path):
    """GET path from web: status, headers, body; the console if none."""
    console, ports = servers
    conn = http.client.HTTPConnection("127.0.0.1", ports["web"], timeout=60)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    except OSError as e:
        raise AssertionError("GET %s: %r%r" % (path, e, console)) from e
    finally:
        conn.close()


def www(name):
    with open(os.path.join(WWW, name), "rb") as f:
        return f.read()


class KvClient:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=60)
        self.file = self.sock.makefile("rb")

    def ask(self, line):
        self.sock.sendall(line.encode() + b"\r\n")
        return self.file.readline().decode().rstrip("\n")

    def close(self):
        self.file.close()
        self.sock.close()


@pytest.mark.parametrize("path,name,ctype", [
    ("/", "index.html", "text/html"),
    ("/about.html", "about.html", "text/html"),
    ("/style.css", "style.css", "text/css"),
])
def test_pages_are_the_files(servers, path, name, ctype):
    console, _ = servers
    status, headers, body = get(servers, path)
    assert status == 200, console
    assert body == www(name)
    assert headers["Content-Type"] == ctype
    assert int(headers["Content-Length"]) == len(www(name))


def test_missing_page_is_404(servers):
    console, _ = servers
    status, headers, body = get(servers, "/no-such-page.html")
    assert status == 404, console
    assert int(headers["Content-Length"]) == len(body)


def test_kv_set_get_del(servers):
    console, ports = servers
    kv = KvClient(ports["kv"])
    try:
        assert kv.ask("GET colour") == "NOT FOUND"
        assert kv.ask("SET colour deep blue") == "OK"
        assert kv.ask("GET colour") == "VALUE deep blue"
        assert kv.ask("DEL colour") == "OK"
        assert kv.ask("GET colour") == "NOT FOUND"
        assert kv.ask("FLY away").startswith("ERROR ")
        assert kv.ask("GET " + "k" * 65) == "ERROR bad key"
    finally:
        kv.close()


def test_port_the_firewall_denies_gets_no_answer(servers):
    """kv's address answers on 7000 but not on 80: QEMU accepts the host's
    connection and keeps trying the guest, whose netdrv drops every SYN,
    so nothing comes back, neither bytes nor a reset (lwIP would answer a
    SYN to a closed port with one)."""
    console, ports = servers
    with socket.create_connection(("127.0.0.1", ports["denied"]),
                                  timeout=SILENCE) as s:
        s.sendall(b"GET / HTTP/1.0\r\n\r\n")
        with pytest.raises(socket.timeout):
            s.recv(1)
    kv = KvClient(ports["kv"])
    try:
        assert kv.ask("GET nothing") == "NOT FOUND"
    finally:
        kv.close()


def test_web_restarts_while_kv_serves(servers):
    console, ports = servers
    kv = KvClient(ports["kv"])
    assert kv.ask("SET during restart") == "OK"
    start = len(console.lines)
    # the request that kills its server: what its client sees is moot
    with socket.create_connection(("127.0.0.1", ports["web"])) as s:
        s.sendall(b"GET /fault HTTP/1.0\r\n\r\n")
        fault = console.wait(lambda l: bool(FAULT_LINE.fullmatch(l))
                             and l.startswith("[tessera] web: "),
                             "fault line of web", start)
    assert "restart" in FAULT_LINE.fullmatch(console.lines[fault])["action"]
    # kv answers, request after request, until web is back
    back = threading.Event()
    answers = []

    def ask_kv():
        try:
            while not back.is_set():
                answers.append(kv.ask("GET during"))
        except OSError as e:
            answers.append(repr(e))

    asker = threading.Thread(target=ask_kv)
    asker.start()
    try:
        console.wait_line(READY[0], fault + 1)
    finally:
        back.set()
        asker.join()
        kv.close()
    assert answers and set(answers) == {"VALUE restart"}, console
    status, _, body = get(servers, "/")
    assert status == 200 and body == www("index.html"), console
