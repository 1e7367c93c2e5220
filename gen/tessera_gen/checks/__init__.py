# SPDX-License-Identifier: MIT
"""The semantic checks of a system, in the manner of Muen's mucfgvalidate:
many small named checks, each a function of its own. All of them run, and
all their problems are reported together. A check never assumes what
another one checks: each skips what it cannot judge (an unresolved
phandle, a zero period) rather than failing on it."""

from ..errors import GenError
# registration, in this order
from . import machine, memory, cpus, schedule, partitions  # noqa: F401
from . import devices, pci, channels, vif, vbd  # noqa: F401
from .registry import CHECKS, Context

__all__ = ["CHECKS", "Context", "run"]


def run(context):
    problems = [problem for check in CHECKS for problem in check(context)]
    if problems:
        raise GenError(problems)
