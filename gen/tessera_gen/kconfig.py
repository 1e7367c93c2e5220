# SPDX-License-Identifier: MIT
"""The configuration gen needs, read from the .config through kconfiglib so
that a symbol missing from an older .config gets its Kconfig default, as
in the rest of the build (scripts/kconfig-export)."""

import os
from dataclasses import dataclass

import kconfiglib

from .errors import GenError


@dataclass(frozen=True)
class Config:
    board: str
    max_partitions: int
    max_channels: int
    max_cpus: int
    max_hyperperiod_us: int
    max_schedule_windows: int


def load(config_path, srctree):
    # kconfiglib finds Kconfig and the files it sources through $srctree.
    os.environ["srctree"] = srctree
    try:
        kconf = kconfiglib.Kconfig("Kconfig", warn_to_stderr=False)
        kconf.load_config(config_path)
    except (OSError, kconfiglib.KconfigError) as e:
        raise GenError([(None, str(e))], file=config_path)
    number = {name.lower(): int(kconf.syms[name].str_value)
              for name in ("MAX_PARTITIONS", "MAX_CHANNELS", "MAX_CPUS",
                           "MAX_HYPERPERIOD_US", "MAX_SCHEDULE_WINDOWS")}
    return Config(board=kconf.syms["BOARD"].str_value, **number)
