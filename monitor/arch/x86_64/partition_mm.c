// SPDX-License-Identifier: MIT
/*
 * Partitions' address spaces on x86_64: their page tables, from a pool
 * in .bss sized at build time from the generated counts, so that a system
 * whose tables do not fit fails to link (the image outgrows the monitor's
 * reservation: monitor.ld.S), never to boot. Each partition has its own
 * share of the pool. The monitor's upper half is shared by copying its
 * PML4 entries, supervisor-only as they are; the monitor maps nothing new
 * there once partitions are built.
 */

#include <stdint.h>
#include <tables.h>		/* generated: TESSERA_MAX_PARTITION_SIZE */
#include <arch/cpufeature.h>
#include <arch/image.h>
#include <arch/paging.h>
#include <arch/vspace.h>
#include <public/layout.h>
#include <tessera/errno.h>
#include <tessera/partition.h>
#include <tessera/partition_slots.h>
#include <tessera/printk.h>
#include <tessera/string.h>

#define VSPACE_PAGES							\
	VSPACE_TABLE_PAGES(TESSERA_MEM_BASE + TESSERA_MAX_PARTITION_SIZE,	\
			   TESSERA_MAX_PARTITION_RING_SPAN)
#define PML4_ENTRIES	512
#define PML4_KERNEL	256	/* the upper half's first entry */

static uint8_t vspace_pool[PARTITION_SLOTS][VSPACE_PAGES][PAGE_SIZE]
	__aligned(PAGE_SIZE);

/*
 * The device windows' tables, which the generated counts do not size,
 * shared by the driver partitions: a PDPT and a page directory each, and
 * at most two page tables per window of up to 2 MiB (device_map.h
 * aligns larger ones for large pages). A system whose windows need more
 * fails at boot, naming the partition.
 */
#define VSPACE_MMIO_PAGES						\
	(TESSERA_NR_DEVICES * (2 + 2 * TESSERA_DEVICE_RES_MAX) + 1)

static uint8_t vspace_mmio_pool[VSPACE_MMIO_PAGES][PAGE_SIZE]
	__aligned(PAGE_SIZE);
static unsigned int vspace_mmio_used;

/* The share being filled (boot CPU only, one partition at a time). */
static uint8_t (*vspace_share)[PAGE_SIZE];
static unsigned int vspace_share_used;

/* The partition's share first, then the pool of device windows. */
static int vspace_alloc(uint64_t *pa)
{
	if (vspace_share_used < VSPACE_PAGES)
		*pa = image_phys(vspace_share[vspace_share_used++]);
	else if (vspace_mmio_used < VSPACE_MMIO_PAGES)
		*pa = image_phys(vspace_mmio_pool[vspace_mmio_used++]);
	else
		return -ENOMEM;
	return 0;
}

static uint64_t *vspace_table(uint64_t pa)
{
	return (uint64_t *)(pa + IMAGE_VBASE);
}

int arch_vspace_build(struct partition *p)
{
	struct channel_end rings[TESSERA_MAX_CHANNELS];
	struct device_window mmio[DEVICE_MAX_WINDOWS];
	struct pt pt = {
		.table = vspace_table,
		.alloc = vspace_alloc,
		.page_1g = cpu_features.page_1g,
	};
	struct vspace_desc d = {
		.mem_pa = p->tt->mem.base,
		.mem_size = p->tt->mem.size,
		.start_info_pa = image_phys(p->start_info),
		.shared_info_pa = image_phys(p->shared_info),
		.elf = &p->elf,
		.rings = rings,
		.nr_rings = channel_ends(&tessera_tables, p->id, rings),
		.mmio = mmio,
		.nr_mmio = device_windows(&tessera_tables, p->id, mmio),
	};
	int err;

	vspace_share = vspace_pool[p->id];
	vspace_share_used = 0;
	err = vspace_alloc(&pt.root);
	if (!err) {
		memcpy(vspace_table(pt.root) + PML4_KERNEL,
		       vspace_table(paging_root()) + PML4_KERNEL,
		       (PML4_ENTRIES - PML4_KERNEL) * sizeof(uint64_t));
		err = vspace_build(&pt, &d);
	}
	if (err) {
		printk("%s: cannot build its address space (error %d)",
		       p->tt->name, err);
		return err;
	}
	p->vspace.root = pt.root;
	return 0;
}

void *arch_partition_ram(uint64_t pa)
{
	return paging_direct(pa);
}
