/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_GEN_TABLES_H
#define TESSERA_GEN_TABLES_H

/*
 * Host stand-in for $(O)/gen/tables.h, which the monitor is built with:
 * the counts of the domain tables that tests/unit/test_tables.c builds
 * by hand.
 */
#define TESSERA_NR_RAM 2
#define TESSERA_NR_RESERVED 2
#define TESSERA_NR_CPUS 4
#define TESSERA_NR_VCPUS 4
#define TESSERA_NR_PARTITIONS 3
#define TESSERA_NR_CHANNELS 1
#define TESSERA_NR_DEVICES 3
#define TESSERA_NR_WINDOWS 3

#endif
