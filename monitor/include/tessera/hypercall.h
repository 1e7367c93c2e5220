/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_HYPERCALL_H
#define TESSERA_HYPERCALL_H

/*
 * The monitor's side of public/hypercall.h (monitor/core/hypercall.c).
 * The architecture's syscall entry saves the vCPU's registers, calls
 * hypercall_dispatch with the number and the six arguments, and stores
 * the result as the vCPU's return value.
 */

#include <stdint.h>
#include <tessera/vcpu.h>

#define HYPERCALL_NR_ARGS	6

int64_t hypercall_dispatch(struct vcpu *v, uint64_t nr,
			   const uint64_t args[HYPERCALL_NR_ARGS]);

#endif
