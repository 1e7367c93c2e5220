# SPDX-License-Identifier: MIT
"""layout.txt: the system as placed, for people. The physical memory map
with every region's owner, each CPU's reservations and utilisation and
the schedule of each CPU shared by budget, the partitions, channels and
devices. Written from the tables, so that it shows exactly what the
monitor will enforce."""

import string

from . import netif
from .regions import Range
from .schedule import budget_ppm
from .tables import TESSERA_IRQ_LEVEL, TT_MONITOR
from .units import percent_text, size_text


def _table(header, rows, right=()):
    """Columns padded to their widest cell, two spaces apart; the columns
    numbered in `right` (numbers) aligned to the right."""
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    return ["  " + "  ".join(cell.rjust(w) if i in right else cell.ljust(w)
                             for i, (cell, w) in enumerate(zip(row, widths))).rstrip()
            for row in [header] + rows]


def _owner(tables, owner):
    if owner == TT_MONITOR:
        return "monitor"
    if isinstance(owner, int):
        return tables.partitions[owner].name
    return "-"


def _claims(tables):
    """(range, owner) of everything that holds memory or MMIO."""
    claims = [(Range(r.base, r.size),
               "monitor" if (r.base, r.size) == (tables.monitor.base, tables.monitor.size)
               else f"reserved {r.node}") for r in tables.reserved]
    claims += [(p.mem, f"partition {p.name}" + (" (fixed)" if p.mem_fixed else ""))
               for p in tables.partitions]
    claims += [(c.mem, f"rings {c.name} (tx, rx)" if c.params and c.params.net
                else f"ring {c.name}") for c in tables.channels]
    claims += [(r, f"MMIO {d.name}{_bar(bar, ' ')} ({_owner(tables, d.owner)})")
               for d in tables.devices for r, bar in zip(d.mmio, d.mmio_bar)]
    return [(r, owner) for r, owner in claims if r.size]


def _bar(bar, before="", after=""):
    """"BAR4" for a window that is a PCI BAR, "" for any other."""
    return f"{before}BAR{bar}{after}" if isinstance(bar, int) else ""


def _memory_map(tables):
    """Consecutive segments from 0 to the end of the last region, each with
    its owner; what nothing claims is free RAM or, outside RAM, a hole."""
    claims = _claims(tables)
    ram = [Range(r.base, r.size) for r in tables.ram]
    points = sorted({0} | {p for r, _ in claims for p in (r.base, r.end)}
                    | {p for r in ram for p in (r.base, r.end)})
    segments = []
    for start, end in zip(points, points[1:]):
        owner = next((o for r, o in claims if r.base <= start < r.end), None)
        if owner is None:
            owner = "free RAM" if any(r.base <= start < r.end for r in ram) else "no RAM"
        if segments and segments[-1][2] == owner:
            segments[-1][1] = end
        else:
            segments.append([start, end, owner])
    rows = [[f"{s:#018x}", f"{e - 1:#018x}", size_text(e - s), o] for s, e, o in segments]
    return ["Physical memory (end is the last byte)"] + \
        _table(["start", "end", "size", "owner"], rows, right={2})


def _vcpu_name(tables, vcpu):
    """e.g. "beta vCPU 0" for a TtVcpu."""
    return f"{tables.partitions[vcpu.partition].name} vCPU {vcpu.index}"


def _cpus(tables):
    rows = []
    for i, cpu in enumerate(tables.cpus):
        lines = []
        for v in tables.vcpus:
            if v.cpu != i:
                continue
            who = _vcpu_name(tables, v)
            if v.budget_us:
                lines.append(f"{who}: {v.budget_us} us every {v.period_us} us "
                             f"({percent_text(budget_ppm(v.budget_us, v.period_us))})")
            else:
                lines.append(f"{who}: dedicated")
        lines = lines or ["idle"]
        rows.append([cpu.node, str(cpu.apic_id), percent_text(cpu.utilisation_ppm),
                     lines[0]])
        rows += [["", "", "", line] for line in lines[1:]]
    return ["CPUs"] + _table(["cpu", "APIC id", "use", "reservations"], rows, right={1, 2})


# A schedule's line is at most this many characters wide, each character
# a cell of 1, 2 or 5 times a power of ten microseconds.
_LINE_CELLS = 64
_SYMBOLS = string.ascii_uppercase + string.ascii_lowercase + string.digits
_MORE_SYMBOL = "+"          # for the vCPUs of a CPU beyond _SYMBOLS
_IDLE = "."


def _cell_us(hyperperiod_us):
    """The smallest 1-2-5 cell that draws the hyperperiod in _LINE_CELLS."""
    scale = 1
    while True:
        for step in (scale, 2 * scale, 5 * scale):
            if -(-hyperperiod_us // step) <= _LINE_CELLS:
                return step
        scale *= 10


def _cell(windows, start, end, symbol):
    """The symbol of whatever has most of [start, end): the vCPU with the
    most, the first of equals, unless idle time has more than it."""
    time = {}
    for w in windows:
        overlap = min(end, w.start_us + w.length_us) - max(start, w.start_us)
        if overlap > 0:
            time[w.vcpu] = time.get(w.vcpu, 0) + overlap
    idle = end - start - sum(time.values())
    best = max(time, key=time.get, default=None)
    return symbol[best] if best is not None and time[best] >= idle else _IDLE


def _schedule(tables, index):
    """CPU `index`'s hyperperiod drawn as a line, a legend of its vCPUs,
    and its windows."""
    cpu = tables.cpus[index]
    windows = tables.windows[cpu.first_window:cpu.first_window + cpu.nr_windows]
    mine = [i for i, v in enumerate(tables.vcpus) if v.cpu == index]
    symbol = {v: _SYMBOLS[k] if k < len(_SYMBOLS) else _MORE_SYMBOL
              for k, v in enumerate(mine)}
    step = _cell_us(cpu.hyperperiod_us)
    line = "".join(_cell(windows, t, min(t + step, cpu.hyperperiod_us), symbol)
                   for t in range(0, cpu.hyperperiod_us, step))
    legend = [f"    {symbol[v]}  {_vcpu_name(tables, tables.vcpus[v])}: "
              f"{tables.vcpus[v].budget_us} us every {tables.vcpus[v].period_us} us"
              for v in mine]
    rows = [[str(w.start_us), str(w.length_us), _vcpu_name(tables, tables.vcpus[w.vcpu])]
            for w in windows]
    return ([f"  {cpu.node}: hyperperiod {cpu.hyperperiod_us} us, "
             f"{cpu.nr_windows} window{'' if cpu.nr_windows == 1 else 's'}, "
             f"{step} us a character",
             f"    0 |{line}| {cpu.hyperperiod_us}"] + legend
            + ["  " + row for row in _table(["start", "length", "vCPU"], rows,
                                            right={0, 1})])


def _schedules(tables):
    scheduled = [i for i, cpu in enumerate(tables.cpus) if cpu.nr_windows]
    lines = [line for i in scheduled for line in _schedule(tables, i)]
    return ["Schedules (us from the start of each hyperperiod; '.' idle)"] + \
        (lines or ["  none: no CPU is shared by budget"])


def _partitions(tables):
    rows = []
    for i, p in enumerate(tables.partitions):
        cpus = [tables.cpus[v.cpu].node.rsplit("/", 1)[-1]
                for v in tables.vcpus if v.partition == i]
        devices = [d.name for d in tables.devices if d.owner == i]
        rows.append([p.name, p.program, f"{p.mem} ({size_text(p.mem.size)})",
                     " ".join(cpus), p.policy, " ".join(devices) or "-",
                     p.bootargs])
    return ["Partitions"] + _table(["name", "program", "memory", "cpus", "on-fault",
                                    "devices", "bootargs"], rows)


def _net_text(net):
    gateway = f" via {netif.dotted(net.gateway)}" if any(net.gateway) else ""
    rules = f", {net.nr_rules} rule{'' if net.nr_rules == 1 else 's'}" if net.nr_rules else ""
    return (f"{netif.mac_text(net.mac)} {netif.dotted(net.ip)}/{net.prefix_len}"
            f"{gateway}{rules}")


def _blk_text(blk):
    last = blk.start_sector + blk.nr_sectors - 1
    return (f"sectors {blk.start_sector:#x}-{last:#x}"
            f"{' read-only' if blk.read_only else ''}")


def _kind(c):
    """The channel's kind and what its parameters say, for people."""
    if c.params and c.params.net:
        return "vif", _net_text(c.params.net)
    if c.params and c.params.blk:
        return "vbd", _blk_text(c.params.blk)
    return "ring", "-"


def _channel_row(tables, c):
    kind, params = _kind(c)
    return [c.name, kind, f"{tables.partitions[c.frontend].name} port {c.frontend_port}",
            f"{tables.partitions[c.backend].name} port {c.backend_port}",
            f"{c.slots} x {c.slot_size}", f"{c.mem} ({size_text(c.mem.size)})", params]


def _channels(tables):
    rows = [_channel_row(tables, c) for c in tables.channels]
    return ["Channels"] + _table(["name", "kind", "frontend", "backend", "slots x bytes",
                                  "memory", "parameters"], rows)


def _irq(irq, flags):
    return f"{irq} level" if flags == TESSERA_IRQ_LEVEL else str(irq)


def _devices(tables):
    rows = [[d.name, d.compatible, _owner(tables, d.owner),
             str(d.pci or "-"),
             " ".join(f"{p.base:#x}-{p.base + p.count - 1:#x}" for p in d.ports) or "-",
             " ".join(_bar(b, "", " ") + str(r) for r, b in zip(d.mmio, d.mmio_bar)) or "-",
             " ".join(map(_irq, d.irqs, d.irq_flags)) or "-"]
            for d in tables.devices]
    return ["Devices"] + _table(["device", "compatible", "owner", "PCI", "I/O ports",
                                 "MMIO", "IRQs"], rows)


def layout_txt(tables, banner):
    sections = [
        [f"# {banner}"],
        [f"system  {tables.system}", f"board   {tables.board}: {tables.model}"],
        _memory_map(tables), _cpus(tables), _schedules(tables), _partitions(tables),
        _channels(tables), _devices(tables)]
    return "\n\n".join("\n".join(s) for s in sections) + "\n"
