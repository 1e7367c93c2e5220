# SPDX-License-Identifier: MIT
"""The constants of the table contract, monitor/include/tessera/tables.h,
read from the header itself so that gen never retypes them."""

import os
import re
from dataclasses import dataclass

from .errors import GenError

HEADER = "monitor/include/tessera/tables.h"

# The version of tables.h that gen/ emits; see the header's opening comment
# for what must change together with it.
TABLES_VERSION = 1

_DEFINE = re.compile(r"^#define\s+(\w+)\s+(0x[0-9a-fA-F]+|\d+)U?L*\b", re.M)
_ON_FAULT = re.compile(r"\bTT_ON_FAULT_(\w+)\s*=\s*(\d+)")


@dataclass(frozen=True)
class Contract:
    name_max: int          # with the NUL
    bootargs_max: int      # with the NUL
    device_res_max: int
    on_fault: dict         # DTS value -> C enumerator, in the enum's order


def load(srctree):
    try:
        with open(os.path.join(srctree, HEADER)) as f:
            text = f.read()
    except OSError as e:
        raise GenError([(None, f"cannot read it: {e.strerror}")], file=HEADER)
    defines = {name: int(value, 0) for name, value in _DEFINE.findall(text)}
    try:
        version = defines["TESSERA_TABLES_VERSION"]
        contract = Contract(
            name_max=defines["TT_NAME_MAX"],
            bootargs_max=defines["TT_BOOTARGS_MAX"],
            device_res_max=defines["TT_DEVICE_RES_MAX"],
            on_fault={name.lower().replace("_", "-"): f"TT_ON_FAULT_{name}"
                      for name, _ in sorted(_ON_FAULT.findall(text),
                                            key=lambda e: int(e[1]))})
    except KeyError as e:
        raise GenError([(None, f"defines no {e.args[0]}")], file=HEADER)
    if version != TABLES_VERSION:
        raise GenError([(None, f"is version {version} but gen/ emits version "
                         f"{TABLES_VERSION}: update gen/tessera_gen/")], file=HEADER)
    return contract
