/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_ELF_H
#define TESSERA_ELF_H

/*
 * Partition programs are static ELF64 executables embedded in the monitor's
 * image (monitor/core/elf.c). The image is built with the monitor, but it is
 * still checked as if it were hostile before a byte of it is copied: every
 * offset and size against the image, every segment against the virtual
 * window the partition's memory occupies.
 */

#include <stddef.h>
#include <stdint.h>

#define ELF_MAX_SEGMENTS 8

#define ELF_SEG_X	1U	/* PF_X */
#define ELF_SEG_W	2U	/* PF_W */
#define ELF_SEG_R	4U	/* PF_R */

struct elf_segment {
	uint64_t vaddr;		/* 4 KiB aligned */
	uint64_t memsz;		/* bytes in memory, > 0 */
	uint64_t offset;	/* of the file bytes in the image */
	uint64_t filesz;	/* <= memsz; the rest is zeroed */
	uint32_t flags;		/* ELF_SEG_* */
};

struct elf_image {
	uint64_t entry;
	unsigned int nr_segments;
	struct elf_segment segments[ELF_MAX_SEGMENTS];	/* sorted by vaddr */
};

/*
 * Parses and checks `image` (`size` bytes): a little-endian ELF64 x86-64
 * executable whose PT_LOAD segments are page-aligned, neither writable and
 * executable at once, disjoint, inside [lo, hi), and whose entry point lies
 * in an executable segment. Interpreters and dynamic sections are refused.
 * Returns 0, or -EINVAL with `*why` set to a static reason for the console.
 */
int elf_parse(const void *image, size_t size, uint64_t lo, uint64_t hi,
	      struct elf_image *out, const char **why);

#endif
