/* SPDX-License-Identifier: MIT */
/*
 * The boot CPU from the multiboot loader to C: 32-bit protected mode, flat
 * segments, paging off, eax the loader's magic, ebx the multiboot
 * information (arch/multiboot.h). Checks that a multiboot loader started
 * us on a CPU with long mode and NX, and says so on COM1 otherwise; clears
 * .bss; builds boot page tables; enters long mode and jumps to the image's
 * high address, then calls arch_boot_bsp(multiboot information).
 *
 * Until then the code runs at physical addresses, hence PHYS().
 */
#include <arch/layout.h>
#include <arch/msr.h>
#include <arch/multiboot.h>
#include <arch/paging.h>
#include <arch/processor.h>
#include <arch/segment.h>

#define PHYS(sym)	((sym) - IMAGE_VBASE)

/* The only console before C: COM1 as the PC has it, by port I/O. */
#define COM1		0x3f8
#define COM1_LSR	(COM1 + 5)
#define LSR_THRE	0x20

#define LARGE_PAGE	0x200000
#define BOOT_IDENTITY_GB 4	/* the loader's structures lie below 4 GiB */

	.section .multiboot, "a"
	.balign 4
multiboot_header:
	.long MULTIBOOT_HEADER_MAGIC
	.long MULTIBOOT_HEADER_FLAGS
	.long -(MULTIBOOT_HEADER_MAGIC + MULTIBOOT_HEADER_FLAGS)
	/* the a.out-kludge fields: where the file's bytes go, and .bss */
	.long PHYS(multiboot_header)	/* header_addr */
	.long PHYS(_image_start)	/* load_addr */
	.long PHYS(_load_end)		/* load_end_addr */
	.long PHYS(_image_end)		/* bss_end_addr */
	.long PHYS(_start)		/* entry_addr */

	.section .text.boot, "ax"
	.code32
	.globl _start
_start:
	cli
	cld
	/* the loader's GDT may be gone: segments from our own */
	lgdt PHYS(boot_gdt_ptr)
	ljmp $GDT_BOOT_CS32, $PHYS(1f)
1:	mov $GDT_KERNEL_DS, %ecx
	mov %ecx, %ds
	mov %ecx, %es
	mov %ecx, %ss
	xor %ecx, %ecx
	mov %ecx, %fs
	mov %ecx, %gs
	mov %ebx, %ebp			/* the multiboot information */

	mov $PHYS(msg_no_multiboot), %esi
	cmp $MULTIBOOT_LOADER_MAGIC, %eax
	jne boot_fail

	mov $PHYS(msg_no_long_mode), %esi
	mov $0x80000000, %eax
	cpuid
	cmp $0x80000001, %eax
	jb boot_fail
	mov $0x80000001, %eax
	cpuid
	bt $29, %edx			/* LM */
	jnc boot_fail
	mov $PHYS(msg_no_nx), %esi
	bt $20, %edx			/* NX: the monitor's tables rely on it */
	jnc boot_fail

	/* clear .bss ourselves rather than trust every loader did */
	mov $PHYS(_load_end), %edi
	mov $PHYS(_image_end), %ecx
	sub %edi, %ecx
	shr $2, %ecx
	xor %eax, %eax
	rep stosl

	/*
	 * Boot page tables, 2 MiB pages: the first 4 GiB at their physical
	 * address, where this code and the loader's information lie, and
	 * the first GiB again at IMAGE_VBASE. paging_init replaces them.
	 */
	mov $PHYS(boot_pd), %edi
	mov $(PTE_P | PTE_W | PTE_PS), %eax
	mov $(BOOT_IDENTITY_GB * 512), %ecx
1:	mov %eax, (%edi)
	add $LARGE_PAGE, %eax
	add $8, %edi
	loop 1b

	mov $PHYS(boot_pdpt_low), %edi
	mov $PHYS(boot_pd) + (PTE_P | PTE_W), %eax
	mov $BOOT_IDENTITY_GB, %ecx
1:	mov %eax, (%edi)
	add $PAGE_SIZE, %eax
	add $8, %edi
	loop 1b

	movl $PHYS(boot_pd) + (PTE_P | PTE_W), PHYS(boot_pdpt_high) + 510 * 8
	movl $PHYS(boot_pdpt_low) + (PTE_P | PTE_W), PHYS(boot_pml4)
	movl $PHYS(boot_pdpt_high) + (PTE_P | PTE_W), PHYS(boot_pml4) + 511 * 8

	mov %cr4, %eax
	or $CR4_PAE, %eax
	mov %eax, %cr4
	mov $PHYS(boot_pml4), %eax
	mov %eax, %cr3
	mov $MSR_EFER, %ecx
	rdmsr
	or $(EFER_LME | EFER_NXE), %eax
	wrmsr
	mov $CR0_LONG_MODE, %eax
	mov %eax, %cr0
	ljmp $GDT_KERNEL_CS, $PHYS(start64)

/* Prints the NUL-terminated string at esi on COM1 and halts for good. */
boot_fail:
	mov $COM1_LSR, %dx
1:	movzbl (%esi), %ebx
	test %ebx, %ebx
	jz 3f
	mov $0x100000, %ecx		/* a missing UART must not hang us */
2:	in %dx, %al
	test $LSR_THRE, %al
	loopz 2b
	mov $COM1, %dx
	mov %bl, %al
	out %al, %dx
	mov $COM1_LSR, %dx
	inc %esi
	jmp 1b
3:	cli
	hlt
	jmp 3b

	.code64
start64:
	movabs $start64_high, %rax
	jmp *%rax

	.text
start64_high:
	lea boot_stack + BOOT_STACK_SIZE(%rip), %rsp
	mov %ebp, %edi			/* the information's address, zero-extended */
	xor %ebp, %ebp			/* the end of every backtrace */
	call arch_boot_bsp
	ud2

	.section .rodata.str1.1, "aMS", @progbits, 1
msg_no_multiboot:
	.asciz "[tessera] not started by a multiboot loader: halting\r\n"
msg_no_long_mode:
	.asciz "[tessera] this cpu has no long mode (x86_64): halting\r\n"
msg_no_nx:
	.asciz "[tessera] this cpu has no NX (execute-disable): halting\r\n"

	.section .bss, "aw", @nobits
	.balign PAGE_SIZE
boot_pml4:
	.skip PAGE_SIZE
boot_pdpt_low:
	.skip PAGE_SIZE
boot_pdpt_high:
	.skip PAGE_SIZE
boot_pd:
	.skip BOOT_IDENTITY_GB * PAGE_SIZE
boot_stack:
	.skip BOOT_STACK_SIZE

	.section .note.GNU-stack, "", @progbits
