# SPDX-License-Identifier: MIT
"""The figures of a benchmark run, read from its console, and the table
that sets Tessera's beside the Linux baseline's.

A figure is a console line `bench <name> <value> <unit>`
(tests/bench/include/bench.h), prefixed with "[<partition>] " when a
partition printed it. Every other line is left alone, so a benchmark
program may print what it likes, but a line that starts like a figure must
be one.

A figure named "<load>.<figure>" is <figure> measured again under a load
(tests/bench/run names the figures of tests/bench/<load>.<name>.dts so);
Tessera's figures that no comparison names go in a table of their own,
with a column for each load beside the figure measured without one.
"""
import re

FIGURE = re.compile(r"(?:\[(?P<partition>[^\]]+)\] )?bench (?P<figure>.*)")
KERNEL = re.compile(r"init: linux (?P<release>\S+)")

# The figures that measure the same thing on both sides, as rows
# (what, Tessera's figure, the baseline's figure). Any other figure of the
# baseline gets a row of its own, with no ratio; any other of Tessera's
# goes to the table of Tessera's own figures.
COMPARISONS = [
    ("hypercall / syscall round trip", "yield", "syscall"),
    ("hypercall / syscall round trip, TSC", "yield_tsc", "syscall_tsc"),
    ("spin loop on a whole CPU", "spin", "spin"),
    ("ring / pipe round trip, 64 bytes", "ring_rtt", "pipe_rtt"),
    ("ring / pipe round trip, TSC", "ring_rtt_tsc", "pipe_rtt_tsc"),
    ("ring / shm + eventfd round trip", "ring_rtt", "eventfd_rtt"),
    ("ring / shm + eventfd round trip, TSC", "ring_rtt_tsc",
     "eventfd_rtt_tsc"),
    ("ring / pipe throughput, 2 KiB", "ring_mbps", "pipe_mbps"),
    ("ring / shm + eventfd throughput, 2 KiB", "ring_mbps", "eventfd_mbps"),
]
# The servers (servers.py): the same figure names on both sides, each
# page's measured from the host, the block reads from inside.
HTTP_PAGES = [("http_index", "small page"), ("http_64k", "64 KiB file")]
HTTP_FIGURES = [("_rps", "requests/s, 1 at a time"),
                ("_mean", "mean latency"), ("_p50", "median latency"),
                ("_p99", "99th percentile latency"),
                ("_rps_c4", "requests/s, 4 at a time"),
                ("_stalls", "requests of 0.5 s or more")]
COMPARISONS += [(f"HTTP GET, {page}: {what}", name + suffix, name + suffix)
                for name, page in HTTP_PAGES for suffix, what in HTTP_FIGURES]
COMPARISONS += [
    ("block read 16 MiB, 64 KiB requests", "blk_read", "blk_read"),
    ("block read, slowest of 3 passes", "blk_read_min", "blk_read_min"),
    ("block read, fastest of 3 passes", "blk_read_max", "blk_read_max"),
]

NOT_MEASURED = "tessera: not measured yet (needs the partition runtime)"


class FigureError(Exception):
    pass


class Figure:
    def __init__(self, name, value, unit, where):
        self.name = name
        self.value = value
        self.unit = unit
        self.where = where	# "linux" or the partition that printed it

    def __str__(self):
        # Four significant digits, but never an exponent.
        digits = f"{self.value:.0f}" if abs(self.value) >= 1000 else \
            f"{self.value:.4g}"
        return f"{digits} {self.unit}"


def parse(console, where):
    """The figures of one console, by name. `where` names a line that
    came from no partition (the Linux baseline)."""
    figures = {}
    for line in console.splitlines():
        m = FIGURE.fullmatch(line.strip())
        if not m:
            continue
        try:
            name, value, unit = m["figure"].split()
            value = float(value)
        except ValueError:
            raise FigureError(f"{line.strip()!r}: not `bench <name> "
                              f"<value> <unit>` with a number as value")
        add(figures, Figure(name, value, unit, m["partition"] or where))
    return figures


def add(figures, fig):
    """Adds fig to figures; a name is one figure across every run."""
    old = figures.get(fig.name)
    if old:
        raise FigureError(f"figure {fig.name} twice: from {old.where} "
                          f"and from {fig.where}")
    figures[fig.name] = fig


def kernel(console):
    """The release of the baseline's kernel, from its /init's first line."""
    m = KERNEL.search(console)
    return m["release"] if m else "unknown"


def rows(tessera, linux):
    """(what, Tessera's figure, the baseline's figure, ratio) for each row:
    the comparisons that have a figure on either side, then the baseline's
    figures no comparison names."""
    out, named_l = [], set()
    for what, t_name, l_name in COMPARISONS:
        named_l.add(l_name)
        t, l = tessera.get(t_name), linux.get(l_name)
        if t or l:
            out.append((what, t, l, ratio(t, l)))
    out += [(name, None, linux[name], None)
            for name in sorted(linux) if name not in named_l]
    return out


def own_rows(tessera):
    """The loads, and (figure, {load: Figure}) for each of Tessera's
    figures that no comparison names, "" standing for no load."""
    named = {t_name for _, t_name, _ in COMPARISONS}
    by_name = {}
    for name, fig in tessera.items():
        if name not in named:
            load, _, base = name.rpartition(".")
            by_name.setdefault(base, {})[load] = fig
    loads = sorted({load for figs in by_name.values() for load in figs})
    return loads, sorted(by_name.items())


def ratio(t, l):
    if not (t and l) or l.value == 0:
        return None
    if t.unit != l.unit:
        raise FigureError(f"figures {t.name} ({t.unit}) and {l.name} "
                          f"({l.unit}) compared in different units")
    return t.value / l.value


def columns(header, body):
    """Rows of cells as lines of text, each column as wide as its widest."""
    widths = [max(len(row[i]) for row in [header] + body)
              for i in range(len(header))]
    return ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip()
            for row in [header] + body]


def table(tessera, linux):
    """The tables, as lines of text: the comparisons with the baseline,
    then Tessera's own figures."""
    lines = columns(("benchmark", "tessera", "linux", "tessera/linux"), [
        (what, str(t) if t else "-", str(l) if l else "-",
         f"{r:.3f}" if r is not None else "-")
        for what, t, l, r in rows(tessera, linux)])
    if not tessera:
        return lines + [NOT_MEASURED]
    loads, own = own_rows(tessera)
    if own:
        header = ("tessera figure",) + tuple(
            load or "alone" for load in loads)
        lines += [""] + columns(header, [
            (name,) + tuple(str(figs[load]) if load in figs else "-"
                            for load in loads)
            for name, figs in own])
    return lines
