/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_PARTITION_SLOTS_H
#define TESSERA_PARTITION_SLOTS_H

/*
 * Sizes of the monitor's arrays indexed by partition and by vCPU, from the
 * generated counts. A system without partitions still gets one slot that
 * nothing uses, rather than an array of length 0 the compiler cannot
 * reason about.
 */

#include <tables.h>		/* generated: TESSERA_NR_* */

#define PARTITION_SLOTS	(TESSERA_NR_PARTITIONS ? TESSERA_NR_PARTITIONS : 1)
#define VCPU_SLOTS	(TESSERA_NR_VCPUS ? TESSERA_NR_VCPUS : 1)

#endif
