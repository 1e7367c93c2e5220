/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_PARTITION_H
#define TESSERA_PARTITION_H

/*
 * Partitions (monitor/core/partition.c): one per entry of
 * tessera_tables.partitions, allocated statically, set up once at boot:
 * address space built, program loaded, vCPU 0 ready on the first CPU of
 * its `cpus`. From then on a partition only changes state on the CPU of
 * its vCPU 0 (the only vCPU ABI 1.0 starts): it runs until it exits or
 * faults, and a fault is handled as its on-fault says (monitor/core/
 * fault.c). When the last partition has ended, the monitor prints a
 * summary and halts the machine.
 */

#include <stdbool.h>
#include <stdint.h>
#include <public/layout.h>
#include <public/shared_info.h>
#include <public/start_info.h>
#include <tessera/compiler.h>
#include <tessera/console_stream.h>
#include <tessera/elf.h>
#include <tessera/program.h>
#include <tessera/tables.h>
#include <tessera/vcpu.h>

enum partition_state {
	PARTITION_RUNNING,
	PARTITION_EXITED,	/* by TESSERA_HC_EXIT */
	PARTITION_HALTED,	/* after a fault, by its on-fault */
	PARTITION_RESTARTING,	/* after a fault, while loaded afresh */
};

/* The pages the monitor maps into the partition: a page each, alone. */
union start_info_page {
	struct tessera_start_info si;
	uint8_t bytes[TESSERA_PAGE_SIZE];
};

union shared_info_page {
	struct tessera_shared_info shi;
	uint8_t bytes[TESSERA_PAGE_SIZE];
};

struct partition {
	const struct tt_partition *tt;
	unsigned int id;			/* index in the tables */
	const struct program *program;		/* the pristine image */
	struct elf_image elf;			/* its checked segments */
	void *mem;				/* its memory, as the monitor sees it */
	union start_info_page *start_info;
	union shared_info_page *shared_info;
	struct console_stream console;
	struct arch_vspace vspace;
	struct vcpu *vcpus;			/* tt->nr_vcpus of them */
	enum partition_state state;
	int exit_status;
	unsigned int faults;
	unsigned int restarts;
	uint64_t events_dropped;		/* sent while not running */
};

/*
 * Builds every partition's address space and loads its program, on the
 * boot CPU once every CPU is up. A partition that cannot be set up (its
 * program refused) is reported and halted; the others run.
 */
void partitions_init(void);

/* The partition of index `id`, which the tables' checks bounded. */
struct partition *partition_get(unsigned int id);

/* The partition's vCPU 0 is made ready to enter its program afresh. */
void partition_start(struct partition *p);

/*
 * The partition has ended (exited or halted): its vCPUs are stopped, its
 * unfinished console line printed. The last partition to end prints the
 * summary and halts the machine.
 */
void partition_end(struct partition *p, enum partition_state how,
		   int exit_status);

/* ---- supplied by the architecture ---------------------------------- */

/* The monitor's own mapping of partition RAM at physical `pa`. */
void *arch_partition_ram(uint64_t pa);

/*
 * Builds p's page tables from its tables entry and its ELF segments:
 * program text read-execute, read-only data read-only, the rest of its
 * memory read-write, the start-info page read-only, the shared-info page
 * and the rings of its channels read-write, all user; the monitor
 * supervisor-only; nothing else.
 * 0, or a negative error once the reason was printed.
 */
int arch_vspace_build(struct partition *p);

/* The entry state of public/layout.h, at `entry`, in v's saved state. */
void arch_vcpu_reset(struct vcpu *v, uint64_t entry);

/*
 * Runs v on this CPU from its saved state: its address space, FPU state
 * and segment bases loaded if another vCPU had the CPU, then ring 3.
 */
__noreturn void arch_vcpu_resume(struct vcpu *v);

/* This CPU's entry paths from ring 3 and FPU setup, before it runs a vCPU. */
void arch_cpu_partitions_init(void);

/* Halts this CPU until an interrupt has been served (interrupts on meanwhile). */
void arch_cpu_wait(void);

#endif
