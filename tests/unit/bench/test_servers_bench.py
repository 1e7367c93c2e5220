# SPDX-License-Identifier: MIT
"""The servers benchmark's pieces that need no boot (tests/bench/
servers.py): its Linux programs build as the baseline builds them, and
the Linux httpd (partitions/httpd over tests/bench/servers/shim.c),
built for this host and serving a disk image with the site at its
extent, answers the load that `make bench` sends the guests with every
figure. Nothing here times anything."""
import errno
import io
import os
import socket
import subprocess
import sys
import tarfile
import threading
import time
from pathlib import Path

import pytest

from test_bench_harness import BENCH, SRCTREE, load_script

sys.path.insert(0, str(BENCH))
import figures  # noqa: E402
import servers  # noqa: E402

SECTOR = 512
START, SECTORS = (int(n) for n in servers.WEB_EXTENT.split(":"))


def build(tmp_path, name):
    baseline = load_script(SRCTREE / "scripts" / "linux-baseline")
    exe = tmp_path / name
    baseline.compile_static(str(Path(servers.SERVERS) / f"{name}.c"),
                            str(exe), ["-I", str(BENCH / "include")] +
                            servers.SHIM_FLAGS)
    return exe


def site_disk(path):
    """A disk with www/ as a ustar archive at the web extent, as mkdisk
    makes it."""
    archive = io.BytesIO()
    with tarfile.open(fileobj=archive, mode="w",
                      format=tarfile.USTAR_FORMAT) as tar:
        for name in sorted(os.listdir(servers.WWW)):
            tar.add(os.path.join(servers.WWW, name), arcname=name)
    with open(path, "wb") as f:
        f.truncate((START + SECTORS) * SECTOR)
        f.seek(START * SECTOR)
        f.write(archive.getvalue())


def wait_listening(port, proc):
    for _ in range(100):
        assert proc.poll() is None, proc.stdout.read()
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    pytest.fail(f"httpd does not listen on port {port}")


def test_blkread_builds(tmp_path):
    assert build(tmp_path, "blkread").is_file()


def test_linux_httpd_answers_the_load(tmp_path):
    disk = tmp_path / "disk.img"
    site_disk(disk)
    try:
        os.close(os.open(disk, os.O_RDONLY | os.O_DIRECT))
    except OSError as e:
        if e.errno == errno.EINVAL:
            pytest.skip(f"{tmp_path}: no O_DIRECT on this file system")
        raise
    port = servers.free_port()
    proc = subprocess.Popen([build(tmp_path, "httpd"),
                             f"disk={disk}:{servers.WEB_EXTENT}",
                             f"port={port}"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    try:
        wait_listening(port, proc)
        figs = servers.load({"host": port})["host"]
    finally:
        proc.terminate()
        proc.wait()
    assert set(figs) == {name + suffix for name, _ in figures.HTTP_PAGES
                         for suffix, _ in figures.HTTP_FIGURES}
    assert all(fig.value > 0 for name, fig in figs.items()
               if not name.endswith("_stalls"))


def test_a_wrong_answer_is_a_load_error(tmp_path):
    """A body of another length than the file's is no figure."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        threading.Thread(target=answer, args=(listener,), daemon=True).start()
        with pytest.raises(servers.LoadError, match="3 bytes instead of 200 and 4"):
            servers.fetch(port, "/x", 4)


def answer(listener):
    conn, _ = listener.accept()
    conn.recv(1024)
    conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nabc")
    conn.close()


def test_a_side_that_does_not_come_up_is_a_note(tmp_path):
    """A Tessera system that stops and a Linux whose httpd never listens
    leave notes that say so, the figures their consoles did print, and
    no HTTP figure."""
    (tmp_path / "disk.img").write_bytes(b"")
    linux_console = "init: linux 6.1-test\\nbench blk_read 1.5 MB/s\\n"
    tessera, linux, notes = servers.measure(
        str(tmp_path / "tessera.elf"),
        lambda image, fwd: ["sh", "-c", "echo '[tessera] web: exited "
                            "with status 1'; sleep 30"],
        lambda programs, options: ["printf", linux_console])
    assert tessera == {}
    assert {n: (f.value, f.unit) for n, f in linux.items()} == \
        {"blk_read": (1.5, "MB/s")}
    assert notes == [
        "servers: tessera: '[tessera] web: exited with status 1' before "
        "'httpd: listening on port'",
        "servers: linux: ended (exit status 0) before "
        "'httpd: listening on port'"]
