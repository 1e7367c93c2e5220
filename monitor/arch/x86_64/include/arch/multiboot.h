/* SPDX-License-Identifier: MIT */
#ifndef ARCH_MULTIBOOT_H
#define ARCH_MULTIBOOT_H

/*
 * Multiboot (version 0.6.96, "v1"): the header in head.S, by which QEMU's
 * -kernel and GRUB's `multiboot` load the image, and the information the
 * loader passes back, of which the monitor reads the memory map only.
 */

#define MULTIBOOT_HEADER_MAGIC	0x1badb002
#define MULTIBOOT_LOADER_MAGIC	0x2badb002	/* in eax at the entry */

/* header flags: modules page-aligned, memory map wanted, and the
 * a.out-kludge address fields valid (QEMU loads no ELF64 without them) */
#define MULTIBOOT_HEADER_FLAGS	((1 << 0) | (1 << 1) | (1 << 16))

/* info flags */
#define MULTIBOOT_INFO_MEM_MAP	(1 << 6)

#ifndef __ASSEMBLY__
#include <stddef.h>
#include <stdint.h>
#include <tessera/compiler.h>
#include <tessera/machine.h>

struct multiboot_info {
	uint32_t flags;
	uint32_t mem_lower, mem_upper;
	uint32_t boot_device;
	uint32_t cmdline;
	uint32_t mods_count, mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length;	/* bytes */
	uint32_t mmap_addr;
} __packed;

/* An entry of the memory map; `size` counts the bytes after itself. */
struct multiboot_mmap_entry {
	uint32_t size;
	uint64_t base;
	uint64_t length;
	uint32_t type;
} __packed;

/* Reads `len` bytes of physical memory at `pa`, or NULL. */
typedef const void *(*multiboot_phys_fn)(uint64_t pa, size_t len);

/*
 * The memory map of `info` as memmap entries (empty ones left out, types
 * other than 1, 3, 4 and 5 as MEMMAP_RESERVED): their number, or -ENOENT
 * when the loader gave no map, -EINVAL when an entry does not fit the
 * map's length or claims less than the entry's fields, -E2BIG when more
 * than `max` entries are not empty.
 */
int multiboot_memmap(const struct multiboot_info *info, multiboot_phys_fn phys,
		     struct memmap_entry *map, size_t max);
#endif

#endif
