/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_UPCALL_H
#define TESSERA_UPCALL_H

/*
 * Upcalls (public/hypercall.h TESSERA_HC_SET_UPCALL, public/shared_info.h
 * upcall_pending and upcall_mask), as Xen's event callback: event.c sets
 * upcall_pending, the architecture enters the handler on its way back to
 * ring 3 (monitor/arch/x86_64/upcall.c).
 */

#include <stdbool.h>
#include <stdint.h>
#include <tessera/vcpu.h>

/*
 * Whether an event for v should interrupt it where it runs: it has a
 * handler and has not masked upcalls (each read once).
 */
bool upcall_wanted(struct vcpu *v);

/* TESSERA_HC_SET_UPCALL and TESSERA_HC_UPCALL_RETURN, for the table. */
int64_t upcall_call_set(struct vcpu *v, const uint64_t *args);
int64_t upcall_call_return(struct vcpu *v, const uint64_t *args);

#endif
