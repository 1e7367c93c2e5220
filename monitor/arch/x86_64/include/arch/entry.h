/* SPDX-License-Identifier: MIT */
#ifndef ARCH_ENTRY_H
#define ARCH_ENTRY_H

/*
 * For the assembly of the entry paths (entry.S, syscall.S): the general
 * registers saved and restored in the order of struct cpu_regs
 * (arch/regs.h), rax nearest the vector, r15 at the lowest address.
 */

/*
 * Offsets in struct percpu, from %gs, for the syscall entry, which has no
 * stack until it reads the first (checked in vcpu.c).
 */
#define PERCPU_TSS_RSP0		100
#define PERCPU_SYSCALL_RSP	216

#ifdef __ASSEMBLY__
.macro PUSH_REGS
	push %rax
	push %rbx
	push %rcx
	push %rdx
	push %rsi
	push %rdi
	push %rbp
	push %r8
	push %r9
	push %r10
	push %r11
	push %r12
	push %r13
	push %r14
	push %r15
.endm

.macro POP_REGS
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %r11
	pop %r10
	pop %r9
	pop %r8
	pop %rbp
	pop %rdi
	pop %rsi
	pop %rdx
	pop %rcx
	pop %rbx
	pop %rax
.endm
#endif

#endif
