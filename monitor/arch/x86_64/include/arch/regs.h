/* SPDX-License-Identifier: MIT */
#ifndef ARCH_REGS_H
#define ARCH_REGS_H

/*
 * The trap frame: every general register, the vector, the error code and
 * what the CPU pushes on an exception or interrupt, from either ring, in
 * the order they lie on the stack (monitor/arch/x86_64/entry.S). A panic
 * fills one with the registers at the call (arch_save_regs) and the dump
 * reads both alike.
 */

/* Byte offsets for the assembly; checked against the structure in C. */
#define REGS_RBP	64
#define REGS_VECTOR	120
#define REGS_RIP	136
#define REGS_CS		144
#define REGS_SIZE	176

/* The vector of a frame that no trap made (arch_save_regs). */
#define REGS_NO_VECTOR	(-1)
/* The vector of a frame the syscall entry made (syscall.S). */
#define REGS_SYSCALL	(-2)

/* RFLAGS bits the monitor sets or keeps for ring 3 */
#define RFLAGS_CF	0x00001
#define RFLAGS_RESERVED	0x00002		/* always one */
#define RFLAGS_PF	0x00004
#define RFLAGS_AF	0x00010
#define RFLAGS_ZF	0x00040
#define RFLAGS_SF	0x00080
#define RFLAGS_TF	0x00100
#define RFLAGS_IF	0x00200
#define RFLAGS_DF	0x00400
#define RFLAGS_OF	0x00800
#define RFLAGS_IOPL	0x03000
#define RFLAGS_NT	0x04000
#define RFLAGS_AC	0x40000
#define RFLAGS_ID	0x200000

#ifndef __ASSEMBLY__
#include <stddef.h>
#include <stdint.h>
#include <tessera/compiler.h>

struct cpu_regs {
	/* pushed by trap_common */
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	/* pushed by the vector's stub; the error code by the CPU for some */
	uint64_t vector;
	uint64_t error_code;
	/* pushed by the CPU */
	uint64_t rip, cs, rflags, rsp, ss;
};

BUILD_BUG_ON(offsetof(struct cpu_regs, rbp) != REGS_RBP);
BUILD_BUG_ON(offsetof(struct cpu_regs, vector) != REGS_VECTOR);
BUILD_BUG_ON(offsetof(struct cpu_regs, rip) != REGS_RIP);
BUILD_BUG_ON(offsetof(struct cpu_regs, cs) != REGS_CS);
BUILD_BUG_ON(sizeof(struct cpu_regs) != REGS_SIZE);

/*
 * Fills *regs with the caller's registers: rip and rsp as at the return
 * from this call, rbp its frame, the vector REGS_NO_VECTOR (entry.S).
 */
void arch_save_regs(struct cpu_regs *regs);
#endif

#endif
