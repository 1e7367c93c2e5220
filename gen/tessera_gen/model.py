# SPDX-License-Identifier: MIT
"""The system a DTB describes: CPUs, RAM, reserved memory, devices,
partitions and channels, each with its node path for messages.

The model records what the tree says, references as raw phandles included,
and answers questions about it; whether it makes sense is for the checks.
Only a property that cannot be decoded at all stops the loading."""

from dataclasses import dataclass, field

from . import pci
from .regions import Range

MONITOR_COMPATIBLE = "tessera,monitor"
MONITOR_DEVICE_FLAG = "tessera,monitor-device"
DEBUG_EXIT_COMPATIBLE = "qemu,isa-debug-exit"
ISA_IO_SPACE = 1

# The channel kinds (public/start_info.h's TESSERA_CHANNEL_*).
IO_RING = "tessera,io-ring"
VIF = "tessera,vif"
VBD = "tessera,vbd"

# Root children that hold other nodes rather than describe a device.
_CONTAINERS = {"chosen", "aliases", "cpus", "reserved-memory", "isa",
               "partitions", "channels"}


@dataclass(eq=False)
class Cpu:
    path: str
    name: str
    apic_id: int


@dataclass(eq=False)
class Memory:
    path: str
    range: Range


@dataclass(eq=False)
class Reserved:
    path: str
    name: str
    range: Range
    monitor: bool


@dataclass(eq=False)
class Device:
    path: str
    name: str
    compatible: str
    ports: list = field(default_factory=list)   # Range of I/O ports
    mmio: list = field(default_factory=list)    # Range
    irqs: list = field(default_factory=list)
    monitor_flag: bool = False
    pci: object = None     # pci.Bdf of a PCI function, else None
    bars: list = field(default_factory=list)    # pci.Bar, in DTS order
    bus_range: tuple = ()  # (first, last) of its host bridge, if PCI

    @property
    def is_pci(self):
        return self.pci is not None

    @property
    def memory_bars(self):
        """The BARs that are MMIO windows (the checks refuse the others)."""
        return [b for b in self.bars if b.is_memory]


@dataclass(eq=False)
class Partition:
    path: str
    name: str
    program: str
    bootargs: str
    memory_size: object    # int, or None
    reg: list              # Range, [] when absent
    cpus: list             # phandles
    budget_us: object      # int, or None
    period_us: object      # int, or None
    devices: list          # phandles
    on_fault: str

    @property
    def dedicated(self):
        """Without a budget the partition has its CPUs to itself."""
        return self.budget_us is None and self.period_us is None


@dataclass(eq=False)
class Channel:
    path: str
    name: str
    frontend: int          # phandle
    backend: int           # phandle
    slots: int
    slot_size: int         # bytes of payload per slot
    compatible: str = IO_RING
    # a vif's (VIF)
    mac: object = None     # local-mac-address, bytes
    ipv4_address: object = None    # "a.b.c.d/n"
    ipv4_gateway: object = None    # "a.b.c.d"
    firewall: list = field(default_factory=list)   # rule strings, in order
    # a vbd's (VBD)
    start_sector: object = None
    sectors: object = None
    read_only: bool = False
    content: object = None         # a folder of the source tree

    @property
    def is_vif(self):
        return self.compatible == VIF

    @property
    def is_vbd(self):
        return self.compatible == VBD


@dataclass(eq=False)
class System:
    model: str
    stdout_path: object    # the node path it names (see _stdout_path)
    cpus: list
    ram: list
    reserved: list
    devices: list
    partitions: list
    channels: list
    tree: object

    def node_at(self, phandle):
        """The node path a phandle names, or None."""
        node = self.tree.by_phandle(phandle)
        return node.path if node else None

    def _item(self, items, phandle):
        path = self.node_at(phandle)
        return next((i for i in items if i.path == path), None)

    def cpu(self, phandle):
        return self._item(self.cpus, phandle)

    def partition(self, phandle):
        return self._item(self.partitions, phandle)

    def device(self, phandle):
        return self._item(self.devices, phandle)

    def cpus_of(self, partition):
        """The CPUs the partition lists that are CPUs, each once, in order."""
        return _unique(filter(None, map(self.cpu, partition.cpus)))

    def devices_of(self, partition):
        return _unique(filter(None, map(self.device, partition.devices)))

    def channels_of(self, partition):
        """The channels with the partition at one end, in DTS order."""
        return [c for c in self.channels
                if partition in (self.partition(c.frontend), self.partition(c.backend))]

    @property
    def console(self):
        return next((d for d in self.devices if d.path == self.stdout_path), None)

    def monitor_reason(self, device):
        """Why the device is the monitor's, or None when it is not."""
        if device.path == self.stdout_path:
            return "the monitor's console (chosen/stdout-path)"
        if device.monitor_flag:
            return f"the monitor's ({MONITOR_DEVICE_FLAG})"
        return None

    def owner(self, device):
        """The first partition given the device, "monitor", or None."""
        if self.monitor_reason(device):
            return "monitor"
        return next((p for p in self.partitions
                     if device in self.devices_of(p)), None)

    @property
    def monitor(self):
        """The monitor's reservation, when there is exactly one."""
        found = [r for r in self.reserved if r.monitor]
        return found[0] if len(found) == 1 else None


def _unique(items):
    seen = []
    for i in items:
        if i not in seen:
            seen.append(i)
    return seen


def _cpus(root):
    cpus = root.child("cpus")
    return [Cpu(n.path, n.name, n.u32("reg"))
            for n in (cpus.children if cpus else [])
            if n.string("device_type") == "cpu"]


def _ram(root):
    return [Memory(n.path, Range(base, size))
            for n in root.children if n.string("device_type") == "memory"
            for base, size in n.reg()]


def _reserved(root):
    container = root.child("reserved-memory")
    return [Reserved(n.path, n.name, Range(base, size),
                     MONITOR_COMPATIBLE in n.strings("compatible"))
            for n in (container.children if container else []) if n.has("reg")
            for base, size in n.reg()]


def _device(node):
    return Device(node.path, node.name, node.strings("compatible")[0],
                  irqs=node.cells("interrupts"),
                  monitor_flag=node.has(MONITOR_DEVICE_FLAG))


def _isa_device(node):
    """An ISA `reg` is <space address size>; the binding allows only the
    I/O space (1) and the memory space (0), which is physical memory."""
    device = _device(node)
    for address, size in node.reg():
        space, base = address >> 32, address & 0xffffffff
        (device.ports if space == ISA_IO_SPACE else device.mmio).append(Range(base, size))
    return device


def _root_device(node):
    device = _device(node)
    device.mmio = [Range(base, size) for base, size in node.reg()]
    return device


def _pci_function(node, bus_range):
    """A function's MMIO windows are its memory BARs; its irqs are GSIs."""
    device = _device(node)
    device.pci = pci.function_bdf(node)
    device.bars = pci.bars(node)
    device.mmio = [b.range for b in device.memory_bars]
    device.bus_range = bus_range
    return device


def _pci_functions(host):
    bus_range = tuple(host.cells("bus-range"))
    return [_pci_function(n, bus_range) for n in host.children
            if n.has("compatible")]


def _isa_devices(isa):
    """The ISA devices, each PCI host bridge followed by its functions."""
    devices = []
    for node in isa.children:
        if node.has("compatible"):
            devices.append(_isa_device(node))
        if pci.is_host(node):
            devices += _pci_functions(node)
    return devices


def _devices(root):
    devices = []
    for node in root.children:
        if node.name == "isa":
            devices += _isa_devices(node)
        elif (node.name not in _CONTAINERS and node.has("compatible")
              and node.has("reg") and node.string("device_type") != "memory"):
            devices.append(_root_device(node))
    return devices


def _partition(node):
    return Partition(
        path=node.path, name=node.name,
        program=node.string("program", ""),
        bootargs=node.string("bootargs", ""),
        memory_size=node.u64("memory-size"),
        reg=[Range(base, size) for base, size in node.reg()],
        cpus=node.cells("cpus"),
        budget_us=node.u32("cpu-budget-us"),
        period_us=node.u32("cpu-period-us"),
        devices=node.cells("devices"),
        on_fault=node.string("on-fault", "halt"))


def _channel(node):
    """Every kind's properties are read whatever the kind: the bindings
    allow each only on its own kind."""
    return Channel(node.path, node.name, node.u32("frontend"),
                   node.u32("backend"), node.u32("slots"),
                   node.u32("slot-size"),
                   compatible=node.strings("compatible")[0],
                   mac=node.props.get("local-mac-address"),
                   ipv4_address=node.string("ipv4-address"),
                   ipv4_gateway=node.string("ipv4-gateway"),
                   firewall=node.strings("firewall"),
                   start_sector=node.u64("start-sector"),
                   sectors=node.u64("sectors"),
                   read_only=node.has("read-only"),
                   content=node.string("content"))


def _children(root, name):
    container = root.child(name)
    return container.children if container else []


def _stdout_path(tree):
    """The node path /chosen/stdout-path names (a path or an alias, with
    any ":options" dropped, or a phandle); when it names no node, what it
    says; None when there is no stdout-path."""
    chosen = tree.root.child("chosen")
    if chosen is None or not chosen.has("stdout-path"):
        return None
    if len(chosen.props["stdout-path"]) == 4 and \
            not chosen.props["stdout-path"].endswith(b"\0"):
        phandle = chosen.u32("stdout-path")
        node = tree.by_phandle(phandle)
        return node.path if node else f"phandle {phandle:#x}"
    target = chosen.string("stdout-path").split(":")[0]
    aliases = tree.root.child("aliases")
    if not target.startswith("/") and aliases and aliases.has(target):
        return aliases.string(target)
    return target


def load(tree):
    root = tree.root
    return System(
        model=root.string("model", ""),
        stdout_path=_stdout_path(tree),
        cpus=_cpus(root), ram=_ram(root), reserved=_reserved(root),
        devices=_devices(root),
        partitions=[_partition(n) for n in _children(root, "partitions")],
        channels=[_channel(n) for n in _children(root, "channels")],
        tree=tree)
