/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_TABLES_H
#define TESSERA_TABLES_H

/*
 * The domain tables: the whole system as gen/ validated and placed it,
 * emitted as const C data in $(O)/gen/tables.c, with the counts in
 * $(O)/gen/tables.h. The monitor enforces them and decides nothing else.
 *
 * This header is the contract between gen/ and the monitor. Whoever
 * changes a structure here bumps TESSERA_TABLES_VERSION and changes, in the
 * same commit, gen/tessera_gen/emit_c.py (the emitter) and the monitor's
 * check in monitor/core/tables.c.
 *
 * Indices are into the arrays of struct tessera_tables; TT_NONE marks "no
 * such entry". All addresses are physical. Sizes and bases of memory
 * reservations are multiples of 4 KiB (gen refuses anything else).
 */

#include <stdint.h>
#include <public/start_info.h>	/* union tessera_channel_params */

#define TESSERA_TABLES_MAGIC	0x5345424154534554ULL	/* "TESTABES" */
#define TESSERA_TABLES_VERSION	3	/* 3: PCI devices, channel kinds */

#define TT_NAME_MAX	32	/* node names, program names; with the NUL */
#define TT_BOOTARGS_MAX	256	/* with the NUL */
#define TT_DEVICE_RES_MAX 4	/* ports, MMIO windows, IRQs per device */
#define TT_NONE		0xffffU
#define TT_MONITOR	0xfffeU	/* owner of the monitor's own devices */

enum tt_on_fault {
	TT_ON_FAULT_HALT = 0,		/* "halt" (the default) */
	TT_ON_FAULT_RESTART = 1,	/* "restart" */
	TT_ON_FAULT_HALT_SYSTEM = 2,	/* "halt-system" */
};

struct tt_range {
	uint64_t base;
	uint64_t size;
};

struct tt_cpu {
	uint32_t apic_id;	/* the cpu node's reg */
	uint16_t dedicated_to;	/* partition, or TT_NONE if shared or idle */
	uint16_t nr_vcpus;	/* vCPUs reserved on this CPU */
	uint32_t utilisation_ppm; /* sum of budget/period, parts per million */
	/*
	 * The CPU's static cyclic schedule: nr_windows from
	 * windows[first_window], repeated every hyperperiod_us from the
	 * common start of time. A dedicated or idle CPU has no schedule:
	 * nr_windows and hyperperiod_us are 0.
	 */
	uint32_t first_window;
	uint32_t nr_windows;
	uint32_t hyperperiod_us;	/* LCM of the periods on this CPU */
};

/*
 * A window of a CPU's schedule: from start_us to start_us + length_us
 * after the start of each hyperperiod, vcpu runs. A CPU's windows are
 * sorted by start, do not overlap and end within the hyperperiod; the
 * time between them is idle (there are no idle windows). Over each of its
 * periods a vCPU's windows add up to exactly its budget (gen builds them
 * by EDF; docs/scheduling.md). When the last window ends at the
 * hyperperiod and the first starts at 0 with the same vCPU, that vCPU
 * runs on across the wrap.
 */
struct tt_window {
	uint32_t start_us;
	uint32_t length_us;	/* at least 1 */
	uint16_t vcpu;		/* into vcpus[]; one that runs on this CPU */
	uint16_t reserved;
};

struct tt_vcpu {
	uint16_t partition;	/* owner */
	uint16_t index;		/* vCPU number inside the partition */
	uint16_t cpu;		/* the physical CPU it runs on */
	uint16_t reserved;
	uint32_t budget_us;	/* 0: the CPU is dedicated to this vCPU */
	uint32_t period_us;	/* 0 when budget_us is 0 */
};

struct tt_partition {
	char name[TT_NAME_MAX];
	char program[TT_NAME_MAX];
	char bootargs[TT_BOOTARGS_MAX];
	struct tt_range mem;		/* its RAM reservation */
	uint16_t first_vcpu;		/* into vcpus[] */
	uint16_t nr_vcpus;
	uint8_t on_fault;		/* enum tt_on_fault */
	uint8_t mem_fixed;		/* 1: `reg` in the DTS, 0: placed by gen */
	uint16_t reserved;
};

struct tt_channel {
	char name[TT_NAME_MAX];
	uint16_t frontend;		/* partition */
	uint16_t backend;		/* partition */
	uint32_t slots;			/* a power of two */
	uint32_t slot_size;		/* bytes of payload, a multiple of 8 */
	uint16_t frontend_port;		/* event port in the frontend */
	uint16_t backend_port;		/* event port in the backend */
	uint8_t kind;			/* TESSERA_CHANNEL_* */
	uint8_t reserved[7];
	struct tt_range mem;		/* the ring(s), whole pages */
	union tessera_channel_params params; /* by kind; zero for a ring */
};

struct tt_ioport {
	uint16_t base;
	uint16_t count;
};

/*
 * A device of the board. ISA devices have ports, MMIO windows and ISA
 * IRQs; a PCI function (flags & TESSERA_DEVICE_PCI) has its
 * bus/device/function, and mmio[j] is its BAR mmio_bar[j], which the
 * monitor programs to mmio[j].base at boot (the DTS
 * `assigned-addresses`); its irqs are IOAPIC GSIs, level-triggered.
 */
struct tt_device {
	char name[TT_NAME_MAX];		/* node name, e.g. "serial@i2f8" */
	char compatible[TT_NAME_MAX];	/* first compatible string */
	uint16_t owner;			/* partition, TT_MONITOR or TT_NONE */
	uint8_t nr_ports;
	uint8_t nr_mmio;
	uint8_t nr_irqs;
	uint8_t flags;			/* TESSERA_DEVICE_PCI */
	uint16_t pci_bdf;		/* TESSERA_PCI_BDF(), if PCI */
	struct tt_ioport ports[TT_DEVICE_RES_MAX];
	struct tt_range mmio[TT_DEVICE_RES_MAX];
	uint8_t mmio_bar[TT_DEVICE_RES_MAX];	/* BAR, or TESSERA_NO_BAR */
	uint32_t irqs[TT_DEVICE_RES_MAX];	/* ISA IRQs or GSIs */
	uint8_t irq_flags[TT_DEVICE_RES_MAX];	/* TESSERA_IRQ_LEVEL */
};

struct tessera_tables {
	uint64_t magic;			/* TESSERA_TABLES_MAGIC */
	uint32_t version;		/* TESSERA_TABLES_VERSION */
	uint32_t size;			/* sizeof(struct tessera_tables) */
	const char *board;		/* CONFIG_BOARD, e.g. "qemu-pc" */
	const char *system;		/* the system DTS, as given to make */
	const char *model;		/* the root node's model */

	struct tt_range monitor;	/* /reserved-memory/monitor */
	uint16_t console;		/* device of chosen/stdout-path */
	uint16_t debug_exit;		/* qemu,isa-debug-exit or TT_NONE */

	uint32_t nr_ram;
	uint32_t nr_reserved;
	uint32_t nr_cpus;
	uint32_t nr_vcpus;
	uint32_t nr_partitions;
	uint32_t nr_channels;
	uint32_t nr_devices;

	const struct tt_range *ram;		/* memory nodes, sorted */
	const struct tt_range *reserved;	/* reserved-memory, sorted */
	const struct tt_cpu *cpus;		/* in APIC id order */
	const struct tt_vcpu *vcpus;		/* grouped by partition */
	const struct tt_partition *partitions;	/* in DTS order */
	const struct tt_channel *channels;	/* in DTS order */
	const struct tt_device *devices;	/* in DTS order */

	uint32_t nr_windows;
	const struct tt_window *windows;	/* cpus[0]'s, cpus[1]'s, ... */
};

extern const struct tessera_tables tessera_tables;

#endif
