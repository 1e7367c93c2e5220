# SPDX-License-Identifier: MIT
"""Helpers of the gen tests: compile a DTS as the Makefile does (cpp, then
dtc) and run gen on it in-process, in a build directory laid out like the
Makefile's $(O). A module of its own rather than conftest.py, whose name
other test directories share."""

import contextlib
import io
import subprocess
import sys
from pathlib import Path

import libfdt

SRCTREE = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
BOARD = SRCTREE / "boards" / "qemu-pc"
DEFCONFIG = SRCTREE / "configs" / "qemu_pc_defconfig"
DEFAULT_DTS = "configs/qemu_pc.dts"

# The monitor's warnings, as errors, for the C that gen emits.
WARNINGS = ["-std=gnu11", "-Wall", "-Wextra", "-Wshadow", "-Wstrict-prototypes",
            "-Wmissing-prototypes", "-Werror"]
INCLUDES = ["-I", str(SRCTREE / "monitor" / "include")]

sys.dont_write_bytecode = True
sys.path.insert(0, str(SRCTREE / "gen"))

from tessera_gen import cli  # noqa: E402


def compile_dts(dts, dtb):
    """cpp + dtc as in the Makefile."""
    pre = dtb.with_suffix(".dts.pre")
    subprocess.run(["cpp", "-nostdinc", "-undef", "-x", "assembler-with-cpp",
                    "-I", str(BOARD), "-o", str(pre), str(dts)], check=True)
    subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", str(dtb), str(pre)],
                   check=True)


def dump_tables(build, workdir):
    """The tables.c of `build` compiled on the host with tables_dump.c, which
    prints them one fact a line."""
    program = workdir / "tables_dump"
    subprocess.run(["gcc", *WARNINGS, *INCLUDES, "-I", str(build.out), "-o",
                    str(program), str(HERE / "tables_dump.c"),
                    str(build.out / "tables.c")], check=True)
    return subprocess.run([str(program)], check=True, capture_output=True,
                          text=True).stdout


def rename_node(dtb, path, name):
    """Give a node of a DTB a name that dtc would not let a DTS give it
    (dtc merges nodes of the same name)."""
    fdt = libfdt.Fdt(dtb.read_bytes())
    fdt.set_name(fdt.path_offset(path), name)
    dtb.write_bytes(fdt.as_bytearray())


class Build:
    """$(O): a .config, a system.dtb and the gen/ output directory."""

    def __init__(self, top):
        self.top = top
        self.config = top / ".config"
        self.dtb = top / "system.dtb"
        self.out = top / "gen"
        top.mkdir(parents=True, exist_ok=True)
        self.configure()

    def configure(self, extra=""):
        self.config.write_text(DEFCONFIG.read_text() + extra)

    def compile(self, dts):
        compile_dts(dts, self.dtb)
        return self

    def gen(self, dts_name, *options):
        """(exit status, stderr lines) of gen run as the Makefile runs it,
        with more command-line `options` if given."""
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            status = cli.main(["--dts", dts_name, "--dtb", str(self.dtb),
                               "--config", str(self.config),
                               "--srctree", str(SRCTREE), "--out", str(self.out),
                               *options])
        return status, err.getvalue().splitlines()

    def outputs(self):
        """{name: bytes} of what gen left in the output directory."""
        return {p.name: p.read_bytes() for p in sorted(self.out.iterdir())}
