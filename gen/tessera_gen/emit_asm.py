# SPDX-License-Identifier: MIT
"""programs.S: the program images the monitor loads partitions from.

Each program's ELF ($(O)/partitions/<program>.elf, found through the
assembler's -I) is embedded page-aligned in the monitor's read-only data,
with a table `tessera_programs` of struct program (tessera/program.h):
name, image, size, in the order of their names."""


def programs_s(tables, banner):
    names = sorted({p.program for p in tables.partitions})
    out = [f"/* {banner} */", "",
           '\t.section .rodata.programs, "a"']
    for i, name in enumerate(names):
        out += ["\t.balign 4096",
                f"program_{i}_image:",
                f'\t.incbin "{name}.elf"',
                f"program_{i}_end:"]
    out += ["", '\t.section .rodata, "a"']
    for i, name in enumerate(names):
        out.append(f'program_{i}_name:\t.asciz "{name}"')
    out += ["", "\t.balign 8", "\t.globl tessera_programs",
            "tessera_programs:"]
    for i in range(len(names)):
        out.append(f"\t.quad program_{i}_name, program_{i}_image, "
                   f"program_{i}_end - program_{i}_image")
    out += ["\t.globl tessera_nr_programs", "tessera_nr_programs:",
            f"\t.long {len(names)}", "",
            '\t.section .note.GNU-stack, "", @progbits', ""]
    return "\n".join(out)
