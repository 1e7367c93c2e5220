# SPDX-License-Identifier: MIT
"""The list of checks and what they are given."""

from dataclasses import dataclass

CHECKS = []


@dataclass(frozen=True)
class Context:
    system: object         # model.System
    config: object         # kconfig.Config
    contract: object       # contract.Contract
    programs: object       # programs.Programs: the programs of the source tree
    srctree: str           # where the DTS's paths start (a vbd's content)


def check(function):
    """Register a check: a function of a Context that yields a (node path,
    message) pair for every problem it finds."""
    CHECKS.append(function)
    return function
