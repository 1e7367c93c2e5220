# SPDX-License-Identifier: MIT
"""The constants gen must agree with, read from the headers that define
them so that gen never retypes them: the table contract
(monitor/include/tessera/tables.h) and the limits of the partition ABI
(monitor/include/public/), which size one partition's start-info page,
the ring layout (public/io/ring.h), which sizes each channel's memory,
and the limits of the vif and vbd kinds (public/io/netif.h, blkif.h)."""

import os
import re
from dataclasses import dataclass

from .errors import GenError

TABLES_HEADER = "monitor/include/tessera/tables.h"
START_INFO_HEADER = "monitor/include/public/start_info.h"
SHARED_INFO_HEADER = "monitor/include/public/shared_info.h"
RING_HEADER = "monitor/include/public/io/ring.h"
NETIF_HEADER = "monitor/include/public/io/netif.h"
BLKIF_HEADER = "monitor/include/public/io/blkif.h"

# The version of tables.h that gen/ emits; see the header's opening comment
# for what must change together with it.
TABLES_VERSION = 3

_DEFINE = re.compile(r"^#define\s+(\w+)\s+(0x[0-9a-fA-F]+|\d+)U?L*\b", re.M)
# A define that adds others up, such as TESSERA_NETIF_FRAME_MAX.
_SUM = re.compile(r"^#define\s+(\w+)\s+\(\s*(\w+(?:\s*\+\s*\w+)*)\s*\)\s*$", re.M)
_SIZE = re.compile(r"sizeof\(struct (\w+)\) == (\d+)")
_ON_FAULT = re.compile(r"\bTT_ON_FAULT_(\w+)\s*=\s*(\d+)")


@dataclass(frozen=True)
class Contract:
    name_max: int          # with the NUL
    bootargs_max: int      # with the NUL
    device_res_max: int
    on_fault: dict         # DTS value -> C enumerator, in the enum's order
    max_vcpus: int         # of one partition
    max_channels: int      # of one partition
    max_devices: int       # of one partition
    ring_slots_offset: int  # the index page before the slots
    ring_slot_header: int  # bytes before each slot's payload
    ring_slots_max: int    # slots of one channel
    netif_frame_max: int   # the largest frame, a vif's least slot-size
    netif_rules_max: int   # firewall rules of one vif
    blk_sector: int        # bytes
    blk_request: int       # bytes of struct tessera_blk_request


def _read(srctree, header):
    try:
        with open(os.path.join(srctree, header)) as f:
            return f.read()
    except OSError as e:
        raise GenError([(None, f"cannot read it: {e.strerror}")], file=header)


def _defines(srctree, header):
    """The plain numbers of a header, and its sums of them; its structure
    sizes as "sizeof <struct>", from the sizes it asserts."""
    text = _read(srctree, header)
    found = {name: int(value, 0) for name, value in _DEFINE.findall(text)}
    for name, terms in _SUM.findall(text):
        terms = [t.strip() for t in terms.split("+")]
        if all(t in found for t in terms):
            found[name] = sum(found[t] for t in terms)
    found.update((f"sizeof {name}", int(size)) for name, size in _SIZE.findall(text))
    return found


def _define(defines, name, header):
    if name not in defines:
        raise GenError([(None, f"defines no {name}")], file=header)
    return defines[name]


def load(srctree):
    tables = _defines(srctree, TABLES_HEADER)
    version = _define(tables, "TESSERA_TABLES_VERSION", TABLES_HEADER)
    if version != TABLES_VERSION:
        raise GenError([(None, f"is version {version} but gen/ emits version "
                         f"{TABLES_VERSION}: update gen/tessera_gen/")], file=TABLES_HEADER)
    start_info = _defines(srctree, START_INFO_HEADER)
    shared_info = _defines(srctree, SHARED_INFO_HEADER)
    ring = _defines(srctree, RING_HEADER)
    netif = _defines(srctree, NETIF_HEADER)
    blkif = _defines(srctree, BLKIF_HEADER)
    on_fault = sorted(_ON_FAULT.findall(_read(srctree, TABLES_HEADER)), key=lambda e: int(e[1]))
    return Contract(
        name_max=_define(tables, "TT_NAME_MAX", TABLES_HEADER),
        bootargs_max=_define(tables, "TT_BOOTARGS_MAX", TABLES_HEADER),
        device_res_max=_define(tables, "TT_DEVICE_RES_MAX", TABLES_HEADER),
        on_fault={name.lower().replace("_", "-"): f"TT_ON_FAULT_{name}"
                  for name, _ in on_fault},
        max_vcpus=_define(shared_info, "TESSERA_MAX_VCPUS", SHARED_INFO_HEADER),
        max_channels=_define(start_info, "TESSERA_MAX_CHANNELS", START_INFO_HEADER),
        max_devices=_define(start_info, "TESSERA_MAX_DEVICES", START_INFO_HEADER),
        ring_slots_offset=_define(ring, "TESSERA_RING_SLOTS_OFFSET", RING_HEADER),
        ring_slot_header=_define(ring, "TESSERA_RING_SLOT_HEADER", RING_HEADER),
        ring_slots_max=_define(ring, "TESSERA_RING_SLOTS_MAX", RING_HEADER),
        netif_frame_max=_define(netif, "TESSERA_NETIF_FRAME_MAX", NETIF_HEADER),
        netif_rules_max=_define(netif, "TESSERA_NETIF_RULES_MAX", NETIF_HEADER),
        blk_sector=_define(blkif, "TESSERA_BLK_SECTOR", BLKIF_HEADER),
        blk_request=_define(blkif, "sizeof tessera_blk_request", BLKIF_HEADER))
