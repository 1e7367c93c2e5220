# SPDX-License-Identifier: MIT
"""A devicetree read from a DTB with python3-libfdt: nodes with their full
paths and raw properties, and accessors that decode a property or stop with
a GenError naming the node, the property and what was expected."""

import libfdt

from .errors import GenError, fail

_QUIET = (libfdt.NOTFOUND,)


class Node:
    def __init__(self, fdt, offset, parent):
        self.parent = parent
        self.name = fdt.get_name(offset) if parent else "/"
        if parent is None:
            self.path = "/"
        elif parent.path == "/":
            self.path = "/" + self.name
        else:
            self.path = parent.path + "/" + self.name
        self.props = {}
        prop = fdt.first_property_offset(offset, _QUIET)
        while prop >= 0:
            p = fdt.get_property_by_offset(prop)
            self.props[p.name] = bytes(p)
            prop = fdt.next_property_offset(prop, _QUIET)
        self.children = []
        child = fdt.first_subnode(offset, _QUIET)
        while child >= 0:
            self.children.append(Node(fdt, child, self))
            child = fdt.next_subnode(child, _QUIET)

    def walk(self):
        """This node and all below it, in DTB order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def child(self, name):
        return next((c for c in self.children if c.name == name), None)

    def has(self, prop):
        return prop in self.props

    def cells(self, prop):
        """A list of 32-bit cells ([] when the property is absent)."""
        data = self.props.get(prop, b"")
        if len(data) % 4:
            fail(self.path, f"{prop} must be 32-bit cells, not {len(data)} bytes")
        return [int.from_bytes(data[i:i + 4], "big")
                for i in range(0, len(data), 4)]

    def u32(self, prop, default=None):
        if prop not in self.props:
            return default
        cells = self.cells(prop)
        if len(cells) != 1:
            fail(self.path, f"{prop} must be one cell, not {len(cells)}")
        return cells[0]

    def u64(self, prop, default=None):
        if prop not in self.props:
            return default
        cells = self.cells(prop)
        if len(cells) != 2:
            fail(self.path, f"{prop} must be two cells (64 bits), not {len(cells)}")
        return cells[0] << 32 | cells[1]

    def strings(self, prop):
        """A string list ([] when the property is absent)."""
        data = self.props.get(prop)
        if data is None:
            return []
        if not data.endswith(b"\0"):
            fail(self.path, f"{prop} must be a string")
        if not data.isascii():
            fail(self.path, f"{prop} is not ASCII text")
        return data[:-1].decode("ascii").split("\0")

    def string(self, prop, default=None):
        if prop not in self.props:
            return default
        values = self.strings(prop)
        if len(values) != 1:
            fail(self.path, f"{prop} must be one string, not {len(values)}")
        return values[0]

    def address_cells(self):
        """#address-cells for this node's children (default 2)."""
        return self.u32("#address-cells", 2)

    def size_cells(self):
        """#size-cells for this node's children (default 1)."""
        return self.u32("#size-cells", 1)

    def reg(self):
        """`reg` as (address, size) pairs, with the cell counts of the parent.
        An address of more than one cell is one number, so callers that
        need the ISA space cell split it themselves."""
        ac, sc = self.parent.address_cells(), self.parent.size_cells()
        cells = self.cells("reg")
        stride = ac + sc
        if stride == 0 or len(cells) % stride:
            fail(self.path, f"reg has {len(cells)} cells, not a multiple of "
                 f"#address-cells {ac} + #size-cells {sc}")
        return [(_number(cells[i:i + ac]), _number(cells[i + ac:i + stride]))
                for i in range(0, len(cells), stride)]


def _number(cells):
    value = 0
    for cell in cells:
        value = value << 32 | cell
    return value


class Tree:
    def __init__(self, fdt):
        self.root = Node(fdt, 0, None)
        self._by_phandle = {}
        for n in self.root.walk():
            phandle = n.u32("phandle")
            if phandle is not None:
                self._by_phandle[phandle] = n

    def by_phandle(self, phandle):
        return self._by_phandle.get(phandle)


def load(dtb_path):
    try:
        with open(dtb_path, "rb") as f:
            return Tree(libfdt.Fdt(f.read()))
    except (OSError, libfdt.FdtException) as e:
        raise GenError([(None, f"cannot read it as a DTB: {e}")], file=dtb_path)
