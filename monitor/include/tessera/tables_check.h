/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_TABLES_CHECK_H
#define TESSERA_TABLES_CHECK_H

/*
 * The monitor's view of the domain tables (monitor/core/tables.c): gen/
 * validated them, but the monitor trusts nothing it indexes without a
 * look, and shows the user what it is about to enforce.
 */

#include <tessera/tables.h>

/*
 * Checks magic, version and size, the counts against the generated
 * TESSERA_NR_* the monitor was built with, every index against its array,
 * every string for its NUL, and each CPU's schedule: windows sorted, apart,
 * within the hyperperiod, each running a vCPU of that CPU, on exactly the
 * CPUs shared by budget. Each problem is one printk line naming the
 * entry and the numbers; returns 0, or -EINVAL when any was found.
 */
int tables_check(const struct tessera_tables *t);

/*
 * The domain table for the boot banner: the monitor's memory, then CPUs
 * (APIC id; idle, dedicated to a partition, or the window count and
 * hyperperiod of its schedule), partitions (program, memory, on-fault, a
 * line per vCPU with its CPU and budget/period or "dedicated"), channels
 * and devices with their owners, in aligned columns, one printk line each. The tables must have passed
 * tables_check: names are read up to their NUL.
 */
void tables_print(const struct tessera_tables *t);

#endif
