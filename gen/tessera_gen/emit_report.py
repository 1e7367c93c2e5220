# SPDX-License-Identifier: MIT
"""layout.txt: the system as placed, for people. The physical memory map
with every region's owner, each CPU's reservations and utilisation, the
partitions, channels and devices. Written from the tables, so that it
shows exactly what the monitor will enforce."""

from .regions import Range
from .schedule import budget_ppm
from .tables import TT_MONITOR
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
    claims += [(c.mem, f"ring {c.name}") for c in tables.channels]
    claims += [(r, f"MMIO {d.name} ({_owner(tables, d.owner)})")
               for d in tables.devices for r in d.mmio]
    return [(r, owner) for r, owner in claims if r.size]


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


def _cpus(tables):
    rows = []
    for i, cpu in enumerate(tables.cpus):
        lines = []
        for v in tables.vcpus:
            if v.cpu != i:
                continue
            who = f"{tables.partitions[v.partition].name} vCPU {v.index}"
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


def _channels(tables):
    rows = [[c.name, f"{tables.partitions[c.frontend].name} port {c.frontend_port}",
             f"{tables.partitions[c.backend].name} port {c.backend_port}",
             f"{c.slots} x {c.slot_size}", f"{c.mem} ({size_text(c.mem.size)})"]
            for c in tables.channels]
    return ["Channels"] + _table(["name", "frontend", "backend", "slots x bytes",
                                  "ring"], rows)


def _devices(tables):
    rows = [[d.name, d.compatible, _owner(tables, d.owner),
             " ".join(f"{p.base:#x}-{p.base + p.count - 1:#x}" for p in d.ports) or "-",
             " ".join(str(r) for r in d.mmio) or "-",
             " ".join(map(str, d.irqs)) or "-"]
            for d in tables.devices]
    return ["Devices"] + _table(["device", "compatible", "owner", "I/O ports", "MMIO",
                                 "IRQs"], rows)


def layout_txt(tables, banner):
    sections = [
        [f"# {banner}"],
        [f"system  {tables.system}", f"board   {tables.board}: {tables.model}"],
        _memory_map(tables), _cpus(tables), _partitions(tables),
        _channels(tables), _devices(tables)]
    return "\n\n".join("\n".join(s) for s in sections) + "\n"
