# SPDX-License-Identifier: MIT
"""programs.mk: the programs the system runs, for the Makefile to build."""


def programs_mk(tables, banner):
    programs = " ".join(sorted({p.program for p in tables.partitions}))
    return f"# {banner}\nTESSERA_PROGRAMS := {programs}\n"
