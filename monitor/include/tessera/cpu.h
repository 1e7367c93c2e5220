/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_CPU_H
#define TESSERA_CPU_H

/*
 * The CPUs of the board and how the monitor brings them up
 * (monitor/core/main.c), with the hooks every architecture supplies for
 * it, in the order main_bsp calls them.
 */

#include <stdbool.h>
#include <stdint.h>
#include <tessera/compiler.h>
#include <tessera/machine.h>
#include <tessera/percpu.h>
#include <tessera/tables.h>

/* The index in tessera_tables.cpus of the CPU with this APIC id, or -1. */
int cpu_index_of(uint32_t apic_id);

/* How many CPUs have come online. */
unsigned int cpus_online(void);

/*
 * Runs fn on the CPU of index `index`, in an interrupt there; with wait,
 * returns once fn returned. 0, or -ENODEV when that CPU is not online or
 * is this one, -EBUSY when it did not take the call in time.
 */
int smp_call(unsigned int index, void (*fn)(void), bool wait);

/* The boot CPU's path, entered once its per-CPU data and stack are set. */
__noreturn void main_bsp(void);

/* Every other CPU's, entered likewise once arch_cpu_start started it. */
__noreturn void main_ap(void);

/* ---- supplied by the architecture ---------------------------------- */

/*
 * Interrupts the CPU of index `index` (not this one), which then looks
 * at its vCPUs again: an event woke one of them (tessera/event.h). Never
 * waits; kicks sent while one is still due merge.
 */
void arch_cpu_kick(unsigned int index);

/*
 * The machine's memory map as the boot loader described it: the number
 * of entries at *map, or a negative error once the reason was printed.
 */
int arch_memory_map(const struct memmap_entry **map);

/*
 * What the architecture needs reserved, against the board's reservations
 * (the monitor's image, the page APs start in): the number of problems,
 * each printed.
 */
int arch_check_reservations(const struct tessera_tables *t);

/*
 * The monitor's address space: its image with the least rights each part
 * needs, a direct map of the board's RAM outside the reservations, the
 * CPU's protections (write-protect, NX, SMEP, SMAP, UMIP where present).
 * Called once the memory map was found to match the board.
 */
void arch_mm_init(const struct tessera_tables *t);

/*
 * The APIC ids of the CPUs the firmware lists: the number at *ids, or a
 * negative error once the reason was printed.
 */
int arch_cpus_present(const uint32_t **ids);

/* Interrupt controllers quiet, timers calibrated, on the boot CPU. */
void arch_platform_init(const struct tessera_tables *t);

/*
 * Starting the other CPUs: prepare once, start each (0 once it runs
 * main_ap and is online, negative when it did not answer), then undo
 * what starting needed on every CPU.
 */
void arch_smp_prepare(void);
int arch_cpu_start(unsigned int index, uint32_t apic_id);
void arch_smp_done(void);

#endif
