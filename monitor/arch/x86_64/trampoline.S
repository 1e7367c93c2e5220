/* SPDX-License-Identifier: MIT */
/*
 * Where an AP starts: the SIPI lands in 16-bit real mode at
 * TRAMPOLINE_PA (CS = TRAMPOLINE_PA >> 4, IP = 0), in a copy of
 * trampoline_start..trampoline_end that arch_smp_prepare put there. The
 * AP goes through 32-bit protected mode into long mode on the monitor's
 * page tables, where that page is mapped at its own address while APs
 * start, and calls arch_ap_entry(cpu) on its own stack, as
 * trampoline_data (filled before each start) says.
 *
 * The GDT here is also the boot CPU's in head.S (through boot_gdt_ptr, at
 * the image's physical address). Its descriptors come with the accessed
 * bit set, so that the CPU never writes to it: the copy is mapped
 * read-only by the time the AP loads its 64-bit code segment.
 */
#include <arch/layout.h>
#include <arch/msr.h>
#include <arch/processor.h>
#include <arch/segment.h>
#include <arch/trampoline.h>

/* The address of a trampoline symbol in the copy. */
#define TRAMP(sym)	(TRAMPOLINE_PA + (sym) - trampoline_start)

	.section .rodata, "a"
	.balign 16
	.globl trampoline_start
trampoline_start:
	.code16
	cli
	cld
	mov %cs, %ax
	mov %ax, %ds
	lgdtl trampoline_gdt_ptr - trampoline_start
	mov $(CR0_PE | CR0_ET), %eax	/* and CD, NW cleared: caches on */
	mov %eax, %cr0
	ljmpl $GDT_BOOT_CS32, $TRAMP(tramp32)

	.code32
tramp32:
	mov $GDT_KERNEL_DS, %eax
	mov %eax, %ds
	mov %eax, %es
	mov %eax, %ss
	mov %cr4, %eax
	or $CR4_PAE, %eax
	mov %eax, %cr4
	mov TRAMP(trampoline_data) + TD_CR3, %eax	/* below 4 GiB */
	mov %eax, %cr3
	mov $MSR_EFER, %ecx
	rdmsr
	or $(EFER_LME | EFER_NXE), %eax
	wrmsr
	mov $CR0_LONG_MODE, %eax
	mov %eax, %cr0
	ljmp $GDT_KERNEL_CS, $TRAMP(tramp64)

	.code64
tramp64:
	mov TRAMP(trampoline_data) + TD_STACK, %rsp
	mov TRAMP(trampoline_data) + TD_CPU, %rdi
	movabs $ap_start64, %rax
	jmp *%rax

	.balign 8
	.globl trampoline_data
trampoline_data:		/* struct trampoline_data */
	.skip TD_SIZE

	.balign 8
trampoline_gdt:
	.quad 0
	.quad 0x00af9b000000ffff	/* GDT_KERNEL_CS: 64-bit code */
	.quad 0x00cf93000000ffff	/* GDT_KERNEL_DS: flat data */
	.quad 0x00cf9b000000ffff	/* GDT_BOOT_CS32: flat 32-bit code */
trampoline_gdt_end:

trampoline_gdt_ptr:
	.word trampoline_gdt_end - trampoline_gdt - 1
	.long TRAMP(trampoline_gdt)
	.globl trampoline_end
trampoline_end:

	/* the same GDT for head.S, from where the loader put the image */
	.globl boot_gdt_ptr
boot_gdt_ptr:
	.word trampoline_gdt_end - trampoline_gdt - 1
	.long trampoline_gdt - IMAGE_VBASE

	/* at the image's address: a backtrace ends in the monitor */
	.text
ap_start64:
	xor %ebp, %ebp			/* the end of every backtrace */
	call arch_ap_entry
	ud2

	.section .note.GNU-stack, "", @progbits
