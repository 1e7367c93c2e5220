/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_TEST_RING_SEAM_H
#define TESSERA_TEST_RING_SEAM_H

/*
 * Included first into partitions/lib/ring.c by tests/unit/test_ring.c
 * (sources.mk): every load from the ring still happens once, as in the
 * library, and its address and value then pass through ring_seam_load(),
 * which counts the loads of each field and may play the hostile peer by
 * rewriting the field right after the library read it.
 */

#include <stdint.h>

uint32_t ring_seam_load(const volatile void *field, uint32_t value);

#define RING_LOAD(field) \
	ring_seam_load(&(field), (uint32_t)*(const volatile __typeof__(field) *)&(field))

#endif
