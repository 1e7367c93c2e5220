// SPDX-License-Identifier: MIT
/*
 * The multiboot memory map (see arch/multiboot.h). The loader's words are
 * checked like any input: the flag that says the map is there, each
 * entry's size against the map's length.
 */

#include <arch/multiboot.h>
#include <tessera/errno.h>

/* what an entry's `size` must at least cover: base, length and type */
#define MMAP_ENTRY_FIELDS (sizeof(struct multiboot_mmap_entry) - sizeof(uint32_t))

static uint32_t multiboot_type(uint32_t type)
{
	switch (type) {
	case MEMMAP_AVAILABLE:
	case MEMMAP_ACPI_RECLAIMABLE:
	case MEMMAP_ACPI_NVS:
	case MEMMAP_BAD:
		return type;
	default:
		return MEMMAP_RESERVED;
	}
}

int multiboot_memmap(const struct multiboot_info *info, multiboot_phys_fn phys,
		     struct memmap_entry *map, size_t max)
{
	const uint8_t *mmap;
	size_t n = 0;

	if (!info || !(info->flags & MULTIBOOT_INFO_MEM_MAP))
		return -ENOENT;
	mmap = phys(info->mmap_addr, info->mmap_length);
	if (!mmap)
		return -EINVAL;
	for (uint32_t off = 0; off < info->mmap_length;) {
		const struct multiboot_mmap_entry *e =
			(const struct multiboot_mmap_entry *)(mmap + off);
		uint32_t left = info->mmap_length - off;

		if (left < sizeof(*e) || e->size < MMAP_ENTRY_FIELDS ||
		    e->size > left - sizeof(e->size))
			return -EINVAL;
		off += sizeof(e->size) + e->size;
		if (!e->length)
			continue;
		if (n == max)
			return -E2BIG;
		map[n++] = (struct memmap_entry){
			.base = e->base,
			.size = e->length,
			.type = multiboot_type(e->type),
		};
	}
	return (int)n;
}
