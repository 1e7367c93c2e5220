# SPDX-License-Identifier: MIT
"""tables.c and tables.h: the domain tables as const C data for the monitor,
and their counts and constants. The C structures are those of
monitor/include/tessera/tables.h; the Python classes of tables.py carry the
same field names, so that this module only prints."""

from dataclasses import fields, is_dataclass

from .contract import TABLES_VERSION
from .regions import PAGE_SIZE
from .tables import Symbol

# The arrays of struct tessera_tables: field, element type, count suffix.
_ARRAYS = (("ram", "tt_range", "RAM"), ("reserved", "tt_range", "RESERVED"),
           ("cpus", "tt_cpu", "CPUS"), ("vcpus", "tt_vcpu", "VCPUS"),
           ("partitions", "tt_partition", "PARTITIONS"),
           ("channels", "tt_channel", "CHANNELS"),
           ("devices", "tt_device", "DEVICES"),
           ("windows", "tt_window", "WINDOWS"))

_LINE_MAX = 80             # columns, tabs at 8, before a structure is split

_HEX_FIELDS = {"base", "size", "mac", "start_sector", "nr_sectors"}

_C_ESCAPES = {'"': '\\"', "\\": "\\\\", "?": "\\?", "\n": "\\n", "\t": "\\t"}


def c_string(text):
    """A C string literal of the ASCII `text`. Octal escapes have at most
    three digits, so a digit after one stays a digit; `?` is escaped so
    that no trigraph can form."""
    out = []
    for byte in text.encode("ascii"):
        char = chr(byte)
        if char in _C_ESCAPES:
            out.append(_C_ESCAPES[char])
        elif 0x20 <= byte < 0x7f:
            out.append(char)
        else:
            out.append(f"\\{byte:03o}")
    return '"' + "".join(out) + '"'


def c_comment(text):
    return "/* " + text.replace("*/", "* /") + " */"


def _c_fields(value):
    """(name, value) of the C fields of a table entry; empty arrays are left
    to their zero initialisation."""
    return [(f.name, getattr(value, f.name)) for f in fields(value)
            if f.metadata.get("c", True) and getattr(value, f.name) != ()]


def _c_value(value, name=None):
    if isinstance(value, Symbol):
        return str(value)
    if isinstance(value, str):
        return c_string(value)
    if isinstance(value, int):
        return f"{value:#x}" if name in _HEX_FIELDS else str(value)
    if is_dataclass(value):
        return "{ " + ", ".join(f".{n} = {_c_value(v, n)}"
                                for n, v in _c_fields(value)) + " }"
    return "{ " + ", ".join(_c_value(v, name) for v in value) + " }"


def _nested(value):
    return is_dataclass(value) or (isinstance(value, tuple) and value
                                   and is_dataclass(value[0]))


def _field_lines(name, value, indent):
    """`.name = value,` on a line, or, for a structure or an array of
    them too long for one, its members a line each."""
    line = f"{indent}.{name} = {_c_value(value, name)},"
    if len(line.expandtabs()) <= _LINE_MAX or not _nested(value):
        return [line]
    if is_dataclass(value):
        inner = [text for n, v in _c_fields(value)
                 for text in _field_lines(n, v, indent + "\t")]
    else:
        inner = [f"{indent}\t{_c_value(v, name)}," for v in value]
    return [f"{indent}.{name} = {{"] + inner + [f"{indent}}},"]


def _entry(index, value):
    c_fields = _c_fields(value)
    if len(c_fields) <= 2:
        return [f"\t[{index}] = {_c_value(value)},\t{c_comment(value.node)}"]
    return ([f"\t[{index}] = {{\t{c_comment(value.node)}"]
            + [text for n, v in c_fields for text in _field_lines(n, v, "\t\t")]
            + ["\t},"])


def _array(name, ctype, count, entries):
    lines = [f"static const struct {ctype} tessera_{name}[TESSERA_NR_{count}] = {{"]
    for index, value in enumerate(entries):
        lines += _entry(index, value)
    return lines + ["};", ""]


def _index_comment(items, index):
    return f"\t{c_comment(items[index].node)}" if isinstance(index, int) else ""


def tables_c(tables, banner):
    lines = [c_comment(banner), "",
             "#include <tessera/tables.h>", '#include "tables.h"', "",
             f"_Static_assert(TESSERA_TABLES_VERSION == {TABLES_VERSION},",
             f'\t       "gen/ writes version {TABLES_VERSION} of tessera/tables.h");', ""]
    present = [a for a in _ARRAYS if getattr(tables, a[0])]
    for name, ctype, count in present:
        lines += _array(name, ctype, count, getattr(tables, name))
    lines += [
        "const struct tessera_tables tessera_tables = {",
        "\t.magic = TESSERA_TABLES_MAGIC,",
        "\t.version = TESSERA_TABLES_VERSION,",
        "\t.size = sizeof(struct tessera_tables),",
        f"\t.board = {c_string(tables.board)},",
        f"\t.system = {c_string(tables.system)},",
        f"\t.model = {c_string(tables.model)},",
        f"\t.monitor = {_c_value(tables.monitor)},",
        f"\t.console = {_c_value(tables.console)},"
        + _index_comment(tables.devices, tables.console),
        f"\t.debug_exit = {_c_value(tables.debug_exit)},"
        + _index_comment(tables.devices, tables.debug_exit)]
    lines += [f"\t.nr_{name} = TESSERA_NR_{count}," for name, _, count in _ARRAYS]
    lines += [f"\t.{name} = tessera_{name}," for name, _, _ in present]
    return "\n".join(lines + ["};", ""])


def tables_h(tables, banner):
    # A partition's event ports: its channel ends, then its devices' IRQs.
    ports = [sum((c.frontend == i) + (c.backend == i) for c in tables.channels)
             + sum(d.nr_irqs for d in tables.devices if d.owner == i)
             for i in range(len(tables.partitions))]
    # A partition's ring window: each of its rings and a guard page after
    # it (monitor/core/channel.c).
    ring_spans = [sum(c.mem.size + PAGE_SIZE for c in tables.channels
                      if i in (c.frontend, c.backend))
                  for i in range(len(tables.partitions))]
    counts = [(f"TESSERA_NR_{count}", len(getattr(tables, name)))
              for name, _, count in _ARRAYS]
    lines = [
        c_comment(banner), "",
        "/*",
        " * Counts and constants of the domain tables in tables.c. Plain numbers",
        " * only: the monitor's linker script includes this file too.",
        " */",
        "#ifndef TESSERA_GEN_TABLES_H",
        "#define TESSERA_GEN_TABLES_H", ""]
    lines += [f"#define {name} {value}" for name, value in counts]
    lines += [
        "",
        "/* The monitor's reservation, where it is linked to run. */",
        f"#define TESSERA_MONITOR_BASE {tables.monitor.base:#x}",
        f"#define TESSERA_MONITOR_SIZE {tables.monitor.size:#x}",
        "",
        "/* The largest of any one partition. */",
        "#define TESSERA_MAX_PARTITION_SIZE "
        f"{max((p.mem.size for p in tables.partitions), default=0):#x}",
        "#define TESSERA_MAX_PARTITION_VCPUS "
        f"{max((p.nr_vcpus for p in tables.partitions), default=0)}",
        f"#define TESSERA_MAX_PARTITION_PORTS {max(ports, default=0)}",
        f"#define TESSERA_MAX_PARTITION_RING_SPAN {max(ring_spans, default=0):#x}",
        "",
        "#endif", ""]
    return "\n".join(lines)
