/* SPDX-License-Identifier: MIT */
/*
 * The way into ring 3 and the syscall way back.
 *
 * vcpu_enter always returns to a partition with iretq, never sysret: one
 * exit path for syscalls, interrupts and exceptions, and no sysret hazard
 * (a sysret to a non-canonical rip faults in ring 0 on the partition's
 * stack on Intel CPUs). The rip it returns to is checked first
 * (arch_vcpu_resume), since iretq to a non-canonical rip would fault in
 * ring 0 as well.
 *
 * syscall_entry runs with interrupts off (FMASK), on the partition's rsp
 * and GS_BASE: it swaps GS, moves to the top of this CPU's kernel stack
 * (the TSS's rsp0, where a trap from ring 3 lands too) before it touches
 * memory, and builds a struct cpu_regs there as a trap would, vector
 * REGS_SYSCALL, so that the C side sees one kind of frame.
 */
#include <arch/entry.h>
#include <arch/regs.h>
#include <arch/segment.h>

	.text
	.globl syscall_entry
	.balign 16
syscall_entry:
	swapgs
	mov %rsp, %gs:PERCPU_SYSCALL_RSP
	mov %gs:PERCPU_TSS_RSP0, %rsp
	pushq $GDT_USER_DS		/* ss */
	pushq %gs:PERCPU_SYSCALL_RSP	/* rsp */
	pushq %r11			/* rflags, as syscall saved them */
	pushq $GDT_USER_CS		/* cs */
	pushq %rcx			/* rip: after the syscall */
	pushq $0			/* error code */
	pushq $REGS_SYSCALL		/* vector */
	PUSH_REGS
	mov %rsp, %rdi
	xor %ebp, %ebp			/* backtraces end at the partition */
	call vcpu_syscall
	ud2				/* vcpu_syscall does not return */

/* noreturn void vcpu_enter(const struct cpu_regs *regs) */
	.globl vcpu_enter
vcpu_enter:
	mov %rdi, %rsp			/* the frame in struct vcpu itself */
	POP_REGS
	add $16, %rsp			/* vector and error code */
	swapgs
	iretq

	.section .note.GNU-stack, "", @progbits
