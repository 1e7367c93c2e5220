/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_TEST_RING_SEAM_H
#define TESSERA_TEST_RING_SEAM_H

/*
 * Included first into partitions/lib/ring.c by tests/unit/test_ring.c
 * (sources.mk): every load from the ring still happens once, as in the
 * library, and its address and value then pass through ring_seam_load(),
 * which counts the loads of each field and may play the hostile peer by
 * rewriting the field right after the library read it. Each store goes
 * through ring_seam_store() once written, where the peer may run.
 */

#include <stdint.h>

uint32_t ring_seam_load(const volatile void *field, uint32_t value);
void ring_seam_store(const volatile void *field);

#define RING_LOAD(field) \
	ring_seam_load(&(field), (uint32_t)*(const volatile __typeof__(field) *)&(field))
#define RING_STORE(field, v) \
	((*(volatile __typeof__(field) *)&(field) = (v)), ring_seam_store(&(field)))

#endif
