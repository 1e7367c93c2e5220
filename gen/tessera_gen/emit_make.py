# SPDX-License-Identifier: MIT
"""programs.mk: the programs the system runs and the folder of each, for
the Makefile to build."""


def programs_mk(tables, programs, banner):
    names = sorted({p.program for p in tables.partitions})
    lines = [f"# {banner}", f"TESSERA_PROGRAMS := {' '.join(names)}"]
    lines += [f"TESSERA_PROGRAM_DIR_{name} := {programs.folders[name]}"
              for name in names]
    return "\n".join(lines) + "\n"
