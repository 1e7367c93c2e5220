// SPDX-License-Identifier: MIT
/* The HPET's main counter as a reference clock (see drivers/refclock.h). */

#include <stdint.h>
#include <arch/io.h>
#include <arch/paging.h>
#include <drivers/refclock.h>
#include <tessera/errno.h>

#define HPET_CAPABILITIES	0x000
#define  CAP_COUNT_64BIT	(1UL << 13)
#define HPET_CONFIG		0x010
#define  CONFIG_ENABLE		(1UL << 0)
#define HPET_COUNTER		0x0f0
#define HPET_REGS_SIZE		0x400

/* The specification's bounds on the tick period, in femtoseconds. */
#define HPET_MAX_PERIOD_FS	100000000UL	/* 100 ns */
#define FS_PER_S		1000000000000000UL

static volatile uint8_t *hpet;

static uint64_t hpet_read(void)
{
	return mmio_read64(hpet + HPET_COUNTER);
}

int hpet_refclock(uint64_t pa, struct refclock *rc)
{
	uint64_t cap;
	uint32_t period;

	hpet = paging_map_mmio(pa, HPET_REGS_SIZE);
	cap = mmio_read64(hpet + HPET_CAPABILITIES);
	period = cap >> 32;
	/* nothing there reads all zeros or all ones */
	if (period == 0 || period > HPET_MAX_PERIOD_FS)
		return -ENODEV;
	mmio_write64(hpet + HPET_CONFIG,
		     mmio_read64(hpet + HPET_CONFIG) | CONFIG_ENABLE);
	*rc = (struct refclock){
		.name = "hpet",
		.hz = FS_PER_S / period,
		.read = hpet_read,
		.mask = cap & CAP_COUNT_64BIT ? UINT64_MAX : UINT32_MAX,
	};
	return 0;
}
