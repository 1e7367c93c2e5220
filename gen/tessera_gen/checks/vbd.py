# SPDX-License-Identifier: MIT
"""Virtual block devices (tessera,vbd): the extents of a backend's disk,
their content, and slots that hold a request and a sector
(public/io/blkif.h)."""

import os

from ..regions import Range
from .common import Claim, overlapping_pairs
from .registry import check

_U64_MAX = (1 << 64) - 1


def _vbds(ctx):
    return [c for c in ctx.system.channels if c.is_vbd]


def _extent(c):
    """The sectors as a Range, when they are sane (the checks below say
    why not otherwise)."""
    if c.sectors and c.start_sector + c.sectors <= _U64_MAX:
        return Range(c.start_sector, c.sectors)
    return None


@check
def check_vbd_slot_size(ctx):
    need = ctx.contract.blk_request + ctx.contract.blk_sector
    for c in _vbds(ctx):
        if c.slot_size < need:
            yield c.path, (f"slot-size {c.slot_size} is less than {need}, a "
                           f"{ctx.contract.blk_request}-byte request and one "
                           f"{ctx.contract.blk_sector}-byte sector")


@check
def check_vbd_extent(ctx):
    for c in _vbds(ctx):
        if c.sectors == 0:
            yield c.path, "sectors is 0"
        elif c.start_sector + c.sectors > _U64_MAX:
            yield c.path, (f"start-sector {c.start_sector:#x} + sectors "
                           f"{c.sectors:#x}, the end of the extent, does not "
                           "fit in 64 bits")


@check
def check_vbd_extents_disjoint(ctx):
    """Two frontends may share sectors only when neither can write them."""
    system = ctx.system
    claims = [Claim(c.path, system.node_at(c.backend), _extent(c), c)
              for c in _vbds(ctx) if _extent(c)]
    for earlier, later in overlapping_pairs(claims):
        if earlier.what == later.what and not (earlier.item.read_only
                                               and later.item.read_only):
            yield later.path, (f"sectors {later.range} overlap {earlier.path}'s "
                               f"{earlier.range} on the same backend "
                               f"{later.what}, and not both are read-only")


def _inside(srctree, path):
    root = os.path.realpath(srctree)
    return os.path.commonpath([root, os.path.realpath(path)]) == root


@check
def check_vbd_content(ctx):
    for c in _vbds(ctx):
        if c.content is None:
            continue
        path = os.path.join(ctx.srctree, c.content)
        if os.path.isabs(c.content) or not _inside(ctx.srctree, path):
            yield c.path, f'content "{c.content}" is not inside the source tree'
        elif not os.path.isdir(path):
            yield c.path, f'content "{c.content}" is not a folder of the source tree'
