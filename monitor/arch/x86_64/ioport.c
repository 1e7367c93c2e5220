// SPDX-License-Identifier: MIT
/*
 * Each CPU's TSS I/O bitmap, for the partition it runs (see
 * arch/ioport.h). The bitmap holds one partition's ports at a time: a
 * switch to another driver partition closes the ports of the one before
 * and opens its own, a few bytes each, instead of copying 8 KiB; a switch
 * to a partition without ports only moves the bitmap's offset past the
 * TSS limit, Linux's lazy trick, and a switch back to the partition whose
 * ports the bitmap holds moves it back. The CPU reads the offset from the
 * TSS at every in and out, so the new one counts at once.
 */

#include <arch/ioport.h>
#include <arch/percpu.h>
#include <tessera/device.h>
#include <tessera/device_map.h>
#include <tessera/partition.h>
#include <tessera/percpu.h>
#include <tessera/string.h>

/* past the TSS's limit: every port faults */
#define IOPORT_MAP_INVALID	(PERCPU_IOMAP_OFFSET + IO_BITMAP_BYTES)

BUILD_BUG_ON(IOPORT_MAP_INVALID > 0xffff);

void ioport_cpu_init(struct arch_percpu *a)
{
	memset(a->io_bitmap, 0xff, sizeof(a->io_bitmap));
	a->io_owner = TT_NONE;
	a->tss.iomap_base = IOPORT_MAP_INVALID;
}

/* Opens or closes every port of partition id's devices; how many ranges. */
static unsigned int ioport_open(uint8_t *map, unsigned int id, bool open)
{
	const struct tt_device *devs[TESSERA_MAX_DEVICES];
	unsigned int n = device_list(&tessera_tables, id, devs), ranges = 0;

	for (unsigned int i = 0; i < n; i++) {
		for (unsigned int j = 0; j < device_res(devs[i]->nr_ports); j++) {
			const struct tt_ioport *r = &devs[i]->ports[j];

			if (map)
				iobitmap_set(map, r->base, r->count, open);
			ranges++;
		}
	}
	return ranges;
}

void arch_ioport_load(const struct partition *p)
{
	struct arch_percpu *a = &this_cpu()->arch;

	if (a->io_owner != p->id) {
		if (!ioport_open(NULL, p->id, true)) {
			a->tss.iomap_base = IOPORT_MAP_INVALID;
			return;
		}
		if (a->io_owner != TT_NONE)
			ioport_open(a->io_bitmap, a->io_owner, false);
		ioport_open(a->io_bitmap, p->id, true);
		a->io_owner = (uint16_t)p->id;
	}
	a->tss.iomap_base = PERCPU_IOMAP_OFFSET;
}
