/* SPDX-License-Identifier: MIT */
#ifndef ARCH_VCPU_H
#define ARCH_VCPU_H

/*
 * The x86_64 half of a vCPU (struct vcpu in tessera/vcpu.h) and of a
 * partition's address space. While a vCPU is off its CPU, all of its state
 * is here: the trap frame (general registers, rip, rflags, rsp), the
 * x87/SSE state as fxsave writes it, the data segment selectors a
 * partition may load (the monitor's 64-bit code never uses them), and the
 * FS and GS bases. The monitor
 * is built without SSE (-mgeneral-regs-only), so a vCPU's FPU registers
 * stay live in the CPU through every monitor entry and are saved only
 * when another vCPU takes the CPU.
 */

#include <stdint.h>
#include <arch/regs.h>
#include <tessera/compiler.h>

#define FXSAVE_SIZE	512

struct arch_vcpu {
	uint8_t fpu[FXSAVE_SIZE] __aligned(16);	/* fxsave64 image */
	struct cpu_regs regs;
	uint64_t fs_base;
	uint64_t gs_base;	/* in KERNEL_GS_BASE while in the monitor */
	uint16_t ds, es, fs, gs;
	uint64_t upcall;	/* the handler's address, or 0 (upcall.c) */
};

/* A partition's page tables: what CR3 holds while its vCPUs run. */
struct arch_vspace {
	uint64_t root;
};

/* ---- the ways between ring 3 and the monitor (vcpu.c, syscall.S) ---- */

/* LSTAR: a partition's syscall arrives here. */
void syscall_entry(void);

/* Ring 3 from a saved frame, by iretq. */
__noreturn void vcpu_enter(const struct cpu_regs *regs);

/* A trap from ring 3 (trap_dispatch), a syscall (syscall_entry). */
__noreturn void vcpu_trap(struct cpu_regs *regs);
__noreturn void vcpu_syscall(struct cpu_regs *regs);

#endif
