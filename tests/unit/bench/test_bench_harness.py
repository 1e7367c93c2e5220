# SPDX-License-Identifier: MIT
"""The benchmark harness without a benchmark: reading figures from a
recorded console, the table, and the Linux baseline's pieces that need no
download and no boot. `make bench` alone boots anything; nothing here
times anything."""
import importlib.machinery
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

SRCTREE = Path(__file__).resolve().parents[3]
BENCH = SRCTREE / "tests" / "bench"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

sys.dont_write_bytecode = True
sys.path.insert(0, str(BENCH))

import figures  # noqa: E402
from figures import FigureError, parse, table  # noqa: E402


def load_script(path):
    loader = importlib.machinery.SourceFileLoader(path.name, str(path))
    module = importlib.util.module_from_spec(
        importlib.util.spec_from_loader(path.name, loader))
    loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def linux_console():
    """A console of scripts/linux-baseline --icount, as the serial port
    gave it (CRLF)."""
    return (FIXTURES / "linux-icount.console").read_text()


def test_recorded_linux_figures(linux_console):
    figs = parse(linux_console, "linux")
    assert {n: (f.value, f.unit, f.where) for n, f in figs.items()} == {
        "syscall": (338.268, "ns/call", "linux"),
        "syscall_tsc": (338.266, "cycles/call", "linux"),
        "spin": (333073.514, "iter/ms", "linux"),
    }
    assert figures.kernel(linux_console) == "6.1.0-56-amd64"


def test_partition_lines_and_other_lines():
    console = ("[tessera] cpus online: 4\n"
               "[p20] bench share_p20 19.874 %\n"
               "[p20] benchmarks follow\n"
               "benchmark done\n")
    [fig] = parse(console, "tessera").values()
    assert (fig.name, fig.value, fig.unit, fig.where) == \
        ("share_p20", 19.874, "%", "p20")


@pytest.mark.parametrize("line", [
    "[p] bench spin 12x iter/ms",
    "[p] bench spin 12",
    "bench spin 12 iter / ms",
])
def test_a_figure_line_is_a_figure(line):
    with pytest.raises(FigureError, match="not `bench <name> <value> <unit>`"):
        parse(line + "\n", "tessera")


def test_a_name_is_one_figure():
    figs = parse("[a] bench spin 1 iter/ms\n", "tessera")
    with pytest.raises(FigureError, match="spin twice: from a and from b"):
        figures.add(figs, parse("[b] bench spin 2 iter/ms\n", "x")["spin"])


def test_table_without_tessera(linux_console):
    lines = table({}, parse(linux_console, "linux"))
    assert lines == [
        "benchmark                            tessera  linux              "
        "tessera/linux",
        "hypercall / syscall round trip       -        338.3 ns/call      -",
        "hypercall / syscall round trip, TSC  -        338.3 cycles/call  -",
        "spin loop on a whole CPU             -        333074 iter/ms     -",
        figures.NOT_MEASURED,
    ]


def test_table_ratios_and_lone_figures(linux_console):
    tessera = parse("[y] bench yield 169.134 ns/call\n"
                    "[p20] bench share_p20 19.874 %\n", "tessera")
    rows = {what: (str(t) if t else None, r) for what, t, l, r in
            figures.rows(tessera, parse(linux_console, "linux"))}
    assert rows["hypercall / syscall round trip"] == \
        ("169.1 ns/call", pytest.approx(0.5))
    assert rows["spin loop on a whole CPU"] == (None, None)
    assert "share_p20" not in rows
    assert figures.NOT_MEASURED not in table(tessera, {})


def test_own_figures_beside_their_loads():
    """A figure measured under a load ("<load>.<figure>") goes in the
    column of that load, on the row of the figure measured without one."""
    tessera = parse("[y] bench yield 169.134 ns/call\n"
                    "[p20] bench share_p20 19.874 %\n"
                    "[p20] bench hammered.share_p20 19.9 %\n"
                    "[p20] bench hammered.share_p20_missed 0 windows\n",
                    "tessera")
    lines = table(tessera, {})
    assert lines[lines.index("") + 1:] == [
        "tessera figure    alone    hammered",
        "share_p20         19.87 %  19.9 %",
        "share_p20_missed  -        0 windows",
    ]


def test_ratio_needs_one_unit(linux_console):
    tessera = parse("[y] bench yield 0.2 us/call\n", "tessera")
    with pytest.raises(FigureError, match="different units"):
        table(tessera, parse(linux_console, "linux"))


def test_runner_starts():
    res = subprocess.run([sys.executable, str(BENCH / "run"), "--help"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "--mode" in res.stdout


def test_baseline_programs_build(tmp_path):
    """/init and every Linux benchmark compile as the baseline builds them,
    with the debug-exit port of the board."""
    baseline = load_script(SRCTREE / "scripts" / "linux-baseline")
    board = SRCTREE / "boards" / "qemu-pc"
    assert baseline.debug_exit_port(str(board)) == "0xf4"
    baseline.compile_static(baseline.INIT_SRC, str(tmp_path / "init"), [
        "-DDEBUG_EXIT_PORT=0xf4", "-DDEBUG_EXIT_BASE=0x10"])
    for src in sorted((BENCH / "linux").glob("*.c")):
        baseline.compile_static(str(src), str(tmp_path / src.stem),
                                ["-I", str(BENCH / "include")])
