# SPDX-License-Identifier: MIT
"""The domain tables as Python values, in the shape of
monitor/include/tessera/tables.h: one class per C structure, with the C
field names, so that the emitter only prints them. `node` is where an
entry comes from, for comments; it is not a C field."""

from dataclasses import dataclass, field

from . import netif
from .model import DEBUG_EXIT_COMPATIBLE, IO_RING, VBD, VIF
from .regions import Range
from .schedule import reservations, utilisation_ppm
from .units import PPM

NOT_C = {"c": False}


class Symbol(str):
    """A C identifier, emitted as it is."""


TT_NONE = Symbol("TT_NONE")
TT_MONITOR = Symbol("TT_MONITOR")
TESSERA_DEVICE_PCI = Symbol("TESSERA_DEVICE_PCI")
TESSERA_NO_BAR = Symbol("TESSERA_NO_BAR")
TESSERA_IRQ_LEVEL = Symbol("TESSERA_IRQ_LEVEL")


def pci_bdf(bdf):
    """The C of a bus/device/function, packed by the public header."""
    return Symbol(f"TESSERA_PCI_BDF({bdf.bus}, {bdf.device}, {bdf.function})")


@dataclass(frozen=True)
class TtIoport:
    base: int
    count: int


@dataclass(frozen=True)
class TtCpu:
    apic_id: int
    dedicated_to: object
    nr_vcpus: int
    utilisation_ppm: int
    first_window: int
    nr_windows: int
    hyperperiod_us: int
    node: str = field(metadata=NOT_C)


@dataclass(frozen=True)
class TtVcpu:
    partition: int
    index: int
    cpu: int
    budget_us: int
    period_us: int
    node: str = field(metadata=NOT_C)


@dataclass(frozen=True)
class TtWindow:
    start_us: int
    length_us: int
    vcpu: int
    node: str = field(metadata=NOT_C)


@dataclass(frozen=True)
class TtPartition:
    name: str
    program: str
    bootargs: str
    mem: Range
    first_vcpu: int
    nr_vcpus: int
    on_fault: Symbol
    mem_fixed: int
    node: str = field(metadata=NOT_C)
    policy: str = field(metadata=NOT_C)        # on-fault as the DTS says it


@dataclass(frozen=True)
class TtFwRule:
    action: Symbol
    direction: Symbol
    protocol: Symbol
    port_min: int
    port_max: int


@dataclass(frozen=True)
class TtNetParams:
    mac: tuple
    prefix_len: int
    nr_rules: int
    ip: tuple              # network order
    gateway: tuple
    rules: tuple


@dataclass(frozen=True)
class TtBlkParams:
    start_sector: int
    nr_sectors: int
    read_only: int


@dataclass(frozen=True)
class TtParams:
    """union tessera_channel_params: the one member of the kind is set."""
    net: object = ()
    blk: object = ()


@dataclass(frozen=True)
class TtChannel:
    name: str
    frontend: int
    backend: int
    slots: int
    slot_size: int
    frontend_port: int
    backend_port: int
    kind: Symbol
    mem: Range
    params: object         # TtParams, or () for a ring: all zero
    node: str = field(metadata=NOT_C)


@dataclass(frozen=True)
class TtDevice:
    name: str
    compatible: str
    owner: object
    nr_ports: int
    nr_mmio: int
    nr_irqs: int
    flags: object
    pci_bdf: object
    ports: tuple
    mmio: tuple
    mmio_bar: tuple
    irqs: tuple
    irq_flags: tuple
    node: str = field(metadata=NOT_C)
    pci: object = field(metadata=NOT_C)         # pci.Bdf, or None


@dataclass(frozen=True)
class TtRangeEntry:
    """A struct tt_range of the ram[] or reserved[] arrays."""
    base: int
    size: int
    node: str = field(metadata=NOT_C)


@dataclass(frozen=True)
class Tables:
    board: str
    system: str
    model: str
    monitor: Range
    console: object
    debug_exit: object
    ram: tuple
    reserved: tuple
    cpus: tuple
    vcpus: tuple
    partitions: tuple
    channels: tuple
    devices: tuple
    windows: tuple         # of every CPU, in the order of cpus


def _index(items, item):
    return items.index(item) if item in items else TT_NONE


def _cpus(system, cpus, schedules):
    table = reservations(system)
    entries = []
    first = 0
    for cpu in cpus:
        reserved = table[cpu.path]
        dedicated = next((r.partition for r in reserved if r.partition.dedicated), None)
        schedule = schedules.get(cpu.path)
        nr_windows = len(schedule.windows) if schedule else 0
        entries.append(TtCpu(
            apic_id=cpu.apic_id,
            dedicated_to=_index(system.partitions, dedicated),
            nr_vcpus=len(reserved),
            utilisation_ppm=PPM if dedicated else utilisation_ppm(reserved),
            first_window=first, nr_windows=nr_windows,
            hyperperiod_us=schedule.hyperperiod_us if schedule else 0,
            node=cpu.path))
        first += nr_windows
    return tuple(entries)


def _windows(system, cpus, vcpus, schedules):
    """Each CPU's windows in turn, as _cpus counts them, each naming its
    vCPU by its index in vcpus[]."""
    index = {(v.partition, v.index): i for i, v in enumerate(vcpus)}
    return tuple(TtWindow(start_us=w.start_us, length_us=w.length_us,
                          vcpu=index[system.partitions.index(w.reservation.partition),
                                     w.reservation.vcpu],
                          node=f"{w.reservation.name} on {cpu.path}")
                 for cpu in cpus if cpu.path in schedules
                 for w in schedules[cpu.path].windows)


def _vcpus(system, cpus):
    return tuple(TtVcpu(partition=i, index=k, cpu=cpus.index(cpu),
                        budget_us=p.budget_us or 0, period_us=p.period_us or 0,
                        node=f"{p.path} on {cpu.path}")
                 for i, p in enumerate(system.partitions)
                 for k, cpu in enumerate(system.cpus_of(p)))


def event_ports(system):
    """[(frontend port, backend port)] of each channel: every partition
    numbers its ports from 0, in DTS order of the channels it is in."""
    used = {}
    ports = []
    for c in system.channels:
        pair = []
        for end in (system.partition(c.frontend), system.partition(c.backend)):
            pair.append(used.get(end, 0))
            used[end] = pair[-1] + 1
        ports.append(tuple(pair))
    return ports


def _partitions(system, layout, contract):
    entries = []
    first = 0
    for p in system.partitions:
        nr = len(system.cpus_of(p))
        entries.append(TtPartition(
            name=p.name, program=p.program, bootargs=p.bootargs,
            mem=layout.partitions[p], first_vcpu=first, nr_vcpus=nr,
            on_fault=Symbol(contract.on_fault[p.on_fault]),
            mem_fixed=1 if p.reg else 0, node=p.path, policy=p.on_fault))
        first += nr
    return tuple(entries)


_KINDS = {IO_RING: Symbol("TESSERA_CHANNEL_RING"), VIF: Symbol("TESSERA_CHANNEL_NET"),
          VBD: Symbol("TESSERA_CHANNEL_BLOCK")}


def _rule(text):
    r = netif.rule(text)
    return TtFwRule(Symbol(netif.ACTIONS[r.action]), Symbol(netif.DIRECTIONS[r.direction]),
                    Symbol(netif.PROTOCOLS[r.protocol]), r.port_min, r.port_max)


def _net_params(c):
    subnet = netif.subnet(c.ipv4_address)
    gateway = netif.ipv4(c.ipv4_gateway) if c.ipv4_gateway else 0
    return TtNetParams(mac=tuple(c.mac), prefix_len=subnet.prefix_len,
                       nr_rules=len(c.firewall), ip=netif.ipv4_bytes(subnet.address),
                       gateway=netif.ipv4_bytes(gateway),
                       rules=tuple(map(_rule, c.firewall)))


def _params(c):
    if c.is_vif:
        return TtParams(net=_net_params(c))
    if c.is_vbd:
        return TtParams(blk=TtBlkParams(c.start_sector, c.sectors, int(c.read_only)))
    return ()


def _channels(system, layout):
    return tuple(TtChannel(
        name=c.name,
        frontend=system.partitions.index(system.partition(c.frontend)),
        backend=system.partitions.index(system.partition(c.backend)),
        slots=c.slots, slot_size=c.slot_size,
        frontend_port=front, backend_port=back, kind=_KINDS[c.compatible],
        mem=layout.rings[c], params=_params(c), node=c.path)
        for c, (front, back) in zip(system.channels, event_ports(system)))


def _owner(system, device):
    owner = system.owner(device)
    if owner == "monitor":
        return TT_MONITOR
    return _index(system.partitions, owner)


def _device(system, d):
    """A PCI function's windows are its BARs and its GSIs level-triggered;
    other devices have windows that are no BAR and edge-triggered IRQs."""
    if d.is_pci:
        flags, bdf = TESSERA_DEVICE_PCI, pci_bdf(d.pci)
        bars = tuple(b.index for b in d.memory_bars)
        irq_flags = (TESSERA_IRQ_LEVEL,) * len(d.irqs)
    else:
        flags, bdf = 0, 0
        bars = (TESSERA_NO_BAR,) * len(d.mmio)
        irq_flags = (0,) * len(d.irqs)
    return TtDevice(
        name=d.name, compatible=d.compatible, owner=_owner(system, d),
        nr_ports=len(d.ports), nr_mmio=len(d.mmio), nr_irqs=len(d.irqs),
        flags=flags, pci_bdf=bdf,
        ports=tuple(TtIoport(r.base, r.size) for r in d.ports),
        mmio=tuple(d.mmio), mmio_bar=bars,
        irqs=tuple(d.irqs), irq_flags=irq_flags, node=d.path, pci=d.pci)


def _devices(system):
    return tuple(_device(system, d) for d in system.devices)


def _ranges(items):
    return tuple(TtRangeEntry(i.range.base, i.range.size, i.path)
                 for i in sorted(items, key=lambda i: i.range))


def build(system, layout, schedules, config, contract, dts):
    cpus = sorted(system.cpus, key=lambda c: c.apic_id)
    debug_exit = next((d for d in system.devices
                       if d.compatible == DEBUG_EXIT_COMPATIBLE), None)
    vcpus = _vcpus(system, cpus)
    return Tables(
        board=config.board, system=dts, model=system.model,
        monitor=system.monitor.range,
        console=_index(system.devices, system.console),
        debug_exit=_index(system.devices, debug_exit),
        ram=_ranges(system.ram), reserved=_ranges(system.reserved),
        cpus=_cpus(system, cpus, schedules), vcpus=vcpus,
        partitions=_partitions(system, layout, contract),
        channels=_channels(system, layout), devices=_devices(system),
        windows=_windows(system, cpus, vcpus, schedules))
