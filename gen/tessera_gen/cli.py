# SPDX-License-Identifier: MIT
"""tessera-gen: configuration + DTB -> validated, placed domain tables.

The stages run in order, each on what the previous one established: the
dt-schema check, the model, the semantic checks, placement, the CPU
schedules, the tables, and the outputs, written only when everything
before succeeded."""

import argparse
import os
import sys

from . import banner, checks, contract, emit_asm, emit_c, emit_make, emit_report
from . import fdt, kconfig, model, output, place, programs, schedule, schema, tables
from .errors import GenError, error_lines

BINDINGS = "docs/bindings"


def _arguments(argv):
    parser = argparse.ArgumentParser(
        prog="tessera-gen",
        description="Validate a Tessera system and emit its static domain tables.")
    parser.add_argument("--dts", required=True,
                        help="the system DTS as the user named it, relative to "
                        "--srctree (for messages)")
    parser.add_argument("--dtb", required=True, help="the DTB compiled from it")
    parser.add_argument("--config", required=True, help="the Kconfig .config")
    parser.add_argument("--srctree", required=True, help="the source tree")
    parser.add_argument("--program-path", action="append", metavar="DIR",
                        help="a folder of partition programs, relative to "
                        "--srctree; repeated, in search order (default: "
                        + " ".join(programs.DEFAULT_PATH) + ")")
    parser.add_argument("--out", required=True,
                        help="the directory to (re)create with the outputs")
    return parser.parse_args(argv)


def generate(args):
    """{file name: text} of every output, or GenError."""
    srctree = os.path.abspath(args.srctree)
    config = kconfig.load(args.config, srctree)
    terms = contract.load(srctree)
    tree = fdt.load(args.dtb)
    schema.check(args.dtb, tree, os.path.join(srctree, BINDINGS))
    system = model.load(tree)
    found = programs.find(srctree, args.program_path)
    checks.run(checks.Context(system, config, terms, found, srctree))
    layout = place.place(system, terms)
    schedules = schedule.build(system, config)
    result = tables.build(system, layout, schedules, config, terms, args.dts)
    build_dir = os.path.dirname(os.path.abspath(args.out))
    inputs = (os.path.join(srctree, args.dts), os.path.abspath(args.dtb),
              os.path.abspath(args.config))
    text = banner.banner([banner.input_name(p, srctree, build_dir) for p in inputs])
    return {"tables.c": emit_c.tables_c(result, text),
            "tables.h": emit_c.tables_h(result, text),
            "layout.txt": emit_report.layout_txt(result, text),
            "programs.mk": emit_make.programs_mk(result, found, text),
            "programs.S": emit_asm.programs_s(result, text)}


def main(argv):
    args = _arguments(argv)
    try:
        files = generate(args)
    except GenError as e:
        for line in error_lines(args.dts, e):
            print(line, file=sys.stderr)
        return 1
    output.write(args.out, files)
    return 0
