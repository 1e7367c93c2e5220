# SPDX-License-Identifier: MIT
"""The system-test harness: build a configuration, boot it under QEMU (TCG)
with a timeout, and hand the test the console lines and the exit status.

    def test_x(system):
        image = system.build(dts=SOME_DTS_TEXT, config={"ASSERTIONS": "y"})
        run = system.boot(image, set={"-smp": "2"})
        run.expect("[tessera] cpus online: 2")
        assert run.status == 2, run

Builds go to pytest's temporary directory; the default configuration is
built once per session. A failing assertion shows the whole console.
"""
import os
import subprocess

import pytest

SRCTREE = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BOOT_TIMEOUT = 120	# seconds; a boot takes a few under TCG on 2 cores
BUILD_TIMEOUT = 600


class Run:
    """One boot: its exit status (scripts/qemu-run's) and console lines."""

    def __init__(self, cmd, status, output):
        self.cmd = cmd
        self.status = status
        self.output = output
        self.lines = output.splitlines()

    def __repr__(self):
        return ("\n$ %s\nexit status %d; console:\n%s"
                % (" ".join(self.cmd), self.status, self.output))

    def has(self, line):
        return line in self.lines

    def expect(self, line):
        """The console has exactly this line."""
        assert self.has(line), "no line %r in the run:%r" % (line, self)

    def matching(self, prefix):
        return [l for l in self.lines if l.startswith(prefix)]


class System:
    def __init__(self, tmp_factory):
        self.tmp_factory = tmp_factory
        self.default = None

    def make(self, out, *targets, env=None):
        cmd = ["make", "-C", SRCTREE, "O=%s" % out] + list(targets)
        res = subprocess.run(cmd, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True,
                             timeout=BUILD_TIMEOUT, env=env)
        return res.returncode, res.stdout

    def build(self, dts=None, config=None, targets=("all",)):
        """Builds a configuration: qemu_pc_defconfig, then the Kconfig
        symbols of `config` (name without CONFIG_ -> value), then the
        system device tree `dts` (DTS text) if given. Returns the O dir."""
        if dts is None and not config and targets == ("all",) and self.default:
            return self.default
        out = str(self.tmp_factory.mktemp("build"))
        self.configure(out, config or {})
        extra = []
        if dts is not None:
            path = os.path.join(out, "system.dts")
            with open(path, "w") as f:
                f.write(dts)
            extra.append("SYSTEM_DTS=%s" % path)
        status, log = self.make(out, *extra, *targets)
        assert status == 0, "build failed:\n" + log
        if dts is None and not config and targets == ("all",):
            self.default = out
        return out

    def configure(self, out, config):
        status, log = self.make(out, "qemu_pc_defconfig")
        assert status == 0, log
        if config:
            with open(os.path.join(out, ".config"), "a") as f:
                for name, value in config.items():
                    f.write("CONFIG_%s=%s\n" % (name, value))
            status, log = self.make(out, "olddefconfig")
            assert status == 0, log

    def boot(self, out, iso=False, set=None, timeout=BOOT_TIMEOUT):
        """Boots $(O)/tessera.elf (or the ISO) through scripts/qemu-run."""
        image = os.path.join(out, "tessera.iso" if iso else "tessera.elf")
        cmd = [os.path.join(SRCTREE, "scripts", "qemu-run"),
               "--timeout", str(timeout), "--accel",
               os.environ.get("QEMU_ACCEL", "tcg")]
        for opt, value in (set or {}).items():
            cmd.append("--set=%s=%s" % (opt, value))
        cmd += [os.path.join(SRCTREE, "boards", "qemu-pc"),
                "iso" if iso else "kernel", image]
        res = subprocess.run(cmd, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True,
                             errors="replace", timeout=timeout + 30)
        return Run(cmd, res.returncode, res.stdout)


@pytest.fixture(scope="session")
def system(tmp_path_factory):
    return System(tmp_path_factory)
