/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_DEVICE_MAP_H
#define TESSERA_DEVICE_MAP_H

/*
 * A driver partition's devices as the tables give them
 * (monitor/core/device_map.c): which devices it has, in which order, and
 * where each MMIO window lies in its MMIO window (public/layout.h). The
 * one place that decides it, for the start-info page that tells the
 * partition, the page tables that map the windows, the I/O bitmap and the
 * device calls, so that they always agree. Pure logic, host-tested.
 */

#include <stdbool.h>
#include <stdint.h>
#include <public/start_info.h>	/* TESSERA_MAX_DEVICES */
#include <tessera/tables.h>

/* Every MMIO window a partition can have. */
#define DEVICE_MAX_WINDOWS	(TESSERA_MAX_DEVICES * TESSERA_DEVICE_RES_MAX)

/* Windows of 2 MiB and more start at a 2 MiB boundary (large pages). */
#define DEVICE_LARGE_WINDOW	(1UL << 21)

struct device_window {
	uint64_t va;			/* in the partition's MMIO window */
	uint64_t pa;
	uint64_t size;			/* whole pages */
};

/*
 * Fills list[] with partition `id`'s devices in DTS order, at most
 * TESSERA_MAX_DEVICES (gen refuses more; the tables are not trusted for
 * it), and returns how many: index i here is start_info.devices[i].
 */
unsigned int device_list(const struct tessera_tables *t, unsigned int id,
			 const struct tt_device *list[TESSERA_MAX_DEVICES]);

/* How many of a device's ports, windows or IRQs count: at most RES_MAX. */
unsigned int device_res(uint8_t n);

/*
 * Partition id's MMIO windows, device by device and window by window,
 * from TESSERA_MMIO_BASE up: each page-aligned (2 MiB-aligned when it is
 * that large), followed by an unmapped guard page. Returns how many. A
 * window whose size is not whole pages, or that would end past
 * TESSERA_USER_TOP, is given size 0: it is not mapped.
 */
unsigned int device_windows(const struct tessera_tables *t, unsigned int id,
			    struct device_window out[DEVICE_MAX_WINDOWS]);

/*
 * The event port of partition id's first device interrupt: its ports
 * follow its channel ends (public/shared_info.h), device by device and
 * IRQ by IRQ.
 */
unsigned int device_first_port(const struct tessera_tables *t, unsigned int id);

/*
 * The vendor and device of a compatible string "pciVVVV,DDDD" (hex, as
 * the PCI bus binding writes a function's first compatible): true, or
 * false for any other string, which names no function to check.
 */
bool device_pci_ids(const char *compatible, uint16_t *vendor,
		    uint16_t *device);

#endif
