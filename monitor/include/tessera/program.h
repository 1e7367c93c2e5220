/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_PROGRAM_H
#define TESSERA_PROGRAM_H

/*
 * The partition programs embedded in the monitor's image: gen's
 * $(O)/gen/programs.S .incbin's each ELF the system names into read-only
 * data and lists them in tessera_programs. A restart reloads a partition
 * from this pristine copy.
 */

#include <stddef.h>
#include <stdint.h>

struct program {
	const char *name;	/* partitions/<name>/ or tests/programs/<name>/ */
	const uint8_t *image;	/* the ELF file, page-aligned */
	uint64_t size;		/* its bytes */
};

/* The program called `name`, or NULL (gen names only embedded ones). */
const struct program *program_find(const char *name);

#endif
