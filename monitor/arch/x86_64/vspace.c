// SPDX-License-Identifier: MIT
/* A partition's address space as page-table entries (see arch/vspace.h). */

#include <arch/vspace.h>
#include <public/layout.h>
#include <tessera/compiler.h>
#include <tessera/errno.h>

uint64_t vspace_segment_flags(uint32_t elf_flags)
{
	if (elf_flags & ELF_SEG_X)
		return VSPACE_RX;
	return elf_flags & ELF_SEG_W ? VSPACE_RW : VSPACE_RO;
}

/* [from, to) of the memory, by virtual address. */
static int vspace_map_mem(const struct pt *pt, const struct vspace_desc *d,
			  uint64_t from, uint64_t to, uint64_t flags)
{
	if (from == to)
		return 0;
	return pt_map(pt, from, d->mem_pa + (from - TESSERA_MEM_BASE),
		      to - from, flags);
}

static int vspace_map_segments(const struct pt *pt, const struct vspace_desc *d)
{
	uint64_t va = TESSERA_MEM_BASE, end = TESSERA_MEM_BASE + d->mem_size;

	for (unsigned int i = 0; i < d->elf->nr_segments; i++) {
		const struct elf_segment *s = &d->elf->segments[i];
		uint64_t s_end = ALIGN_UP(s->vaddr + s->memsz, PAGE_SIZE);
		int err;

		if ((s->flags & ELF_SEG_W) && (s->flags & ELF_SEG_X))
			return -EINVAL;
		if (s->vaddr < va || s_end < s->vaddr || s_end > end)
			return -EINVAL;
		err = vspace_map_mem(pt, d, va, s->vaddr, VSPACE_RW);
		if (!err)
			err = vspace_map_mem(pt, d, s->vaddr, s_end,
					     vspace_segment_flags(s->flags));
		if (err)
			return err;
		va = s_end;
	}
	return vspace_map_mem(pt, d, va, end, VSPACE_RW);
}

/* Each ring read-write and no-execute, inside the ring window. */
static int vspace_map_rings(const struct pt *pt, const struct vspace_desc *d)
{
	for (unsigned int i = 0; i < d->nr_rings; i++) {
		const struct channel_end *e = &d->rings[i];
		uint64_t size = e->c->mem.size;
		int err;

		if (e->va < TESSERA_RING_BASE || e->va > TESSERA_MMIO_BASE ||
		    size > TESSERA_MMIO_BASE - e->va)
			return -EINVAL;
		err = pt_map(pt, e->va, e->c->mem.base, size, VSPACE_RW);
		if (err)
			return err;
	}
	return 0;
}

/* Each device window read-write, uncached, inside the MMIO window. */
static int vspace_map_mmio(const struct pt *pt, const struct vspace_desc *d)
{
	for (unsigned int i = 0; i < d->nr_mmio; i++) {
		const struct device_window *w = &d->mmio[i];
		int err;

		if (!w->size)
			continue;
		if (w->va < TESSERA_MMIO_BASE || w->va > TESSERA_USER_TOP ||
		    w->size > TESSERA_USER_TOP - w->va)
			return -EINVAL;
		err = pt_map(pt, w->va, w->pa, w->size, VSPACE_MMIO);
		if (err)
			return err;
	}
	return 0;
}

int vspace_build(const struct pt *pt, const struct vspace_desc *d)
{
	int err;

	if (d->mem_size > TESSERA_MEM_MAX)
		return -EINVAL;
	err = vspace_map_segments(pt, d);
	if (!err)
		err = pt_map(pt, TESSERA_START_INFO_ADDR, d->start_info_pa,
			     PAGE_SIZE, VSPACE_RO);
	if (!err)
		err = pt_map(pt, TESSERA_SHARED_INFO_ADDR, d->shared_info_pa,
			     PAGE_SIZE, VSPACE_RW);
	if (!err)
		err = vspace_map_rings(pt, d);
	if (!err)
		err = vspace_map_mmio(pt, d);
	return err;
}
