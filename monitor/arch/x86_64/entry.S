/* SPDX-License-Identifier: MIT */
/*
 * Every interrupt and exception the monitor takes: a stub per vector
 * pushes a zero where the CPU pushes no error code, then the vector, and
 * joins trap_common, which saves the general registers into a struct
 * cpu_regs (arch/regs.h) and calls trap_dispatch(regs). Each stub is
 * listed with its vector in trap_entries for idt_init.
 *
 * A trap from ring 3 arrives on the TSS's rsp0, the top of the CPU's
 * kernel stack; trap_dispatch hands it to the vCPU code, which never
 * returns here but resumes a partition through vcpu_enter (syscall.S).
 */
#include <arch/entry.h>
#include <arch/msr.h>
#include <arch/regs.h>
#include <arch/vectors.h>

#define HAS_ERROR_CODE(v) ((v) == VECTOR_DF || (v) == VECTOR_TS ||	\
	(v) == VECTOR_NP || (v) == VECTOR_SS || (v) == VECTOR_GP ||	\
	(v) == VECTOR_PF || (v) == VECTOR_AC || (v) == VECTOR_CP ||	\
	(v) == VECTOR_VC || (v) == VECTOR_SX)

.macro TRAP_STUB vector
	.balign 16
1:
	.if HAS_ERROR_CODE(\vector) == 0
	pushq $0
	.endif
	pushq $\vector
	jmp trap_common
	.pushsection .rodata.trap_entries, "a"
	.quad \vector, 1b		/* struct trap_entry */
	.popsection
.endm

	.pushsection .rodata.trap_entries, "a"
	.balign 8
	.globl trap_entries
trap_entries:
	.popsection

	.text
	.irp v, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, \
		16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, \
		VECTOR_TIMER, VECTOR_CALL, VECTOR_KICK, VECTOR_SPURIOUS
	TRAP_STUB \v
	.endr

	/* the device vectors; altmacro so that %vec passes vec's value */
	.altmacro
	.set vec, VECTOR_DEVICE_FIRST
	.rept VECTOR_DEVICE_COUNT
	TRAP_STUB %vec
	.set vec, vec + 1
	.endr
	.noaltmacro

	.pushsection .rodata.trap_entries, "a"
	.globl trap_entries_end
trap_entries_end:
	.popsection

trap_common:
	PUSH_REGS
	/* a clean RFLAGS: DF clear for C, AC clear so SMAP holds whatever a
	 * partition left in it; IF stays off as the gate left it */
	pushq $RFLAGS_RESERVED
	popfq
	/*
	 * GS_BASE must be the monitor's. From ring 3 it is the partition's:
	 * swap. From ring 0 it is the monitor's but for an NMI or #MC taken
	 * between syscall and its swapgs, or between vcpu_enter's swapgs and
	 * iretq: there GS_BASE, checked directly, is a user address. rbx,
	 * which C preserves, remembers to swap back on the way out.
	 */
	xor %ebx, %ebx
	testb $3, REGS_CS(%rsp)
	jnz 1f
	mov $MSR_GS_BASE, %ecx
	rdmsr
	test %edx, %edx
	js 2f				/* a monitor address: the upper half */
1:	swapgs
	mov $1, %ebx
2:
	mov %rsp, %rdi
	/* a frame record for the interrupted code: backtraces go through */
	pushq REGS_RIP(%rdi)
	pushq REGS_RBP(%rdi)
	mov %rsp, %rbp
	call trap_dispatch
	add $16, %rsp
	/* only traps from ring 0 return here: ring 3's resume elsewhere */
	test %ebx, %ebx
	jz 3f
	swapgs
3:	POP_REGS
	add $16, %rsp			/* vector and error code */
	iretq

/* void arch_save_regs(struct cpu_regs *regs) */
	.globl arch_save_regs
arch_save_regs:
	mov %r15, 0(%rdi)
	mov %r14, 8(%rdi)
	mov %r13, 16(%rdi)
	mov %r12, 24(%rdi)
	mov %r11, 32(%rdi)
	mov %r10, 40(%rdi)
	mov %r9, 48(%rdi)
	mov %r8, 56(%rdi)
	mov %rbp, REGS_RBP(%rdi)
	mov %rdi, 72(%rdi)
	mov %rsi, 80(%rdi)
	mov %rdx, 88(%rdi)
	mov %rcx, 96(%rdi)
	mov %rbx, 104(%rdi)
	mov %rax, 112(%rdi)
	movq $REGS_NO_VECTOR, REGS_VECTOR(%rdi)
	movq $0, REGS_VECTOR + 8(%rdi)	/* error code */
	mov (%rsp), %rax		/* rip: where the call returns */
	mov %rax, REGS_RIP(%rdi)
	mov %cs, %eax
	mov %rax, REGS_RIP + 8(%rdi)
	pushfq
	pop %rax
	mov %rax, REGS_RIP + 16(%rdi)
	lea 8(%rsp), %rax		/* rsp after the return */
	mov %rax, REGS_RIP + 24(%rdi)
	mov %ss, %eax
	mov %rax, REGS_RIP + 32(%rdi)
	ret

/* noreturn void arch_run_on_stack(uintptr_t top, void (*fn)(void)) */
	.globl arch_run_on_stack
arch_run_on_stack:
	mov %rdi, %rsp
	xor %ebp, %ebp			/* the end of every backtrace */
	call *%rsi
	ud2

	.section .note.GNU-stack, "", @progbits
