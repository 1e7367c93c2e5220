/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_HALT_H
#define TESSERA_HALT_H

/*
 * The end of a run. The status says how it went; under QEMU the monitor
 * writes HALT_DEBUG_EXIT_BASE + status to the isa-debug-exit device
 * (tessera_tables.debug_exit), QEMU exits with twice that plus one, and
 * scripts/qemu-run turns it back into the status, which `make run` and
 * the system tests return. The base keeps the verdicts apart from QEMU's
 * own exit status 1.
 */

#include <tessera/compiler.h>

enum halt_status {
	HALT_OK = 0,			/* every partition ended with status 0 */
	HALT_PARTITION_FAILED = 1,	/* a partition faulted or returned != 0 */
	HALT_MISMATCH = 2,		/* the machine is not the board */
	HALT_PANIC = 3,			/* the monitor itself failed */
};

#define HALT_DEBUG_EXIT_BASE	0x10	/* scripts/qemu-run's DEBUG_EXIT_BASE */

/*
 * Stops every other CPU, prints "halting: status <n>", then ends the
 * run: QEMU's debug-exit device if the board has one, else this CPU
 * halts for good with interrupts off (ACPI power-off is not attempted).
 */
__noreturn void machine_halt(enum halt_status status);

/*
 * The last step of machine_halt alone, without a word: for a panic that
 * happens while the monitor is already panicking.
 */
__noreturn void machine_off(enum halt_status status);

#endif
