/* SPDX-License-Identifier: MIT */
#ifndef ARCH_SEGMENT_H
#define ARCH_SEGMENT_H

/*
 * The GDT, one per CPU, in the order syscall/sysret need (as Linux):
 * syscall loads CS from STAR[47:32] and SS = CS + 8; sysret to 64-bit
 * loads CS = STAR[63:48] + 16 and SS = STAR[63:48] + 8. So the kernel
 * data segment follows the kernel code, and the user data segment lies
 * between the sysret base and the user code. The base slot itself is
 * what a 32-bit sysret would load: partitions are 64-bit only, so it is
 * left null and a far jump to compatibility mode faults.
 *
 * The boot GDT (head.S), also used by the AP trampoline, puts a 32-bit
 * code segment in that slot for the way up to long mode.
 */
#define GDT_KERNEL_CS	0x08
#define GDT_KERNEL_DS	0x10
#define GDT_SYSRET_BASE	0x18	/* null here; the boot GDT's 32-bit code */
#define GDT_BOOT_CS32	0x18
#define GDT_USER_DS	(0x20 | 3)
#define GDT_USER_CS	(0x28 | 3)
#define GDT_TSS		0x30	/* two slots */
#define GDT_ENTRIES	8

/* The stack each IST entry of the TSS names (arch/layout.h STACK_*). */
#define IST_DF		1
#define IST_NMI		2
#define IST_MC		3

#endif
