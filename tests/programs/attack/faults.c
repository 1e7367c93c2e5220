// SPDX-License-Identifier: MIT
/*
 * The fault attacks: each executes one thing a partition must not get
 * away with, after printing where the monitor must report it:
 *
 *	attack <mode>: rip 0x<rip>[ addr 0x<address>]
 *
 * rip is the faulting instruction's (the next one's for a trap), addr the
 * address a page fault must name. tests/system/test_faults.py holds the
 * monitor's fault line to both, and to the vector and error code that the
 * architecture defines for each attack.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <tessera.h>
#include "attack.h"

/*
 * STUB(name, setup, insn): a function name(arg), arg in rdi, that runs
 * `setup`, then `insn` from the label name_at, then returns. In assembly,
 * so that the instruction under test has an address to print and no
 * compiled code around it. It returns only if nothing faulted.
 */
#define STUB(name, setup, insn)						\
	void name(const void *arg);					\
	extern const char name##_at[];					\
	__asm__(".pushsection .text." #name ", \"ax\", @progbits\n"	\
		".type " #name ", @function\n"				\
		#name ":\n\t" setup "\n"				\
		#name "_at:\n\t" insn "\n\t"				\
		"ret\n"							\
		".size " #name ", . - " #name "\n"			\
		".popsection")

/* through arg: a load, a store, a jump */
STUB(stub_load, "", "mov (%rdi), %rax");
STUB(stub_store, "", "movb $0, (%rdi)");
STUB(stub_jump, "", "jmp *%rdi");
/* the stack pointer at arg, where an overflowing stack would have it */
STUB(stub_push, "mov %rsp, %rax\n\tmov %rdi, %rsp", "push %rax\n\tmov %rax, %rsp");

/* privileged instructions; the ports are the console UART's */
STUB(stub_cli, "", "cli");
STUB(stub_hlt, "", "hlt");
STUB(stub_in, "mov $0x3f8, %edx", "inb %dx, %al");
STUB(stub_out, "mov $0x3f8, %edx\n\tmov $'!', %al", "outb %al, %dx");
/* IA32_LSTAR: where syscall enters the monitor */
STUB(stub_rdmsr, "mov $0xc0000082, %ecx", "rdmsr");
STUB(stub_wrmsr, "mov $0xc0000082, %ecx\n\txor %eax, %eax\n\txor %edx, %edx",
     "wrmsr");
STUB(stub_lgdt, "", "lgdt (%rdi)");
STUB(stub_mov_cr3, "xor %eax, %eax", "mov %rax, %cr3");
STUB(stub_mov_cr0, "xor %eax, %eax", "mov %rax, %cr0");
/* a return to the monitor's code segment (GDT_KERNEL_CS 0x08, data 0x10) */
STUB(stub_iretq,
     "mov %rsp, %rax\n\tpushq $0x10\n\tpush %rax\n\tpushfq\n\tpushq $0x08\n\t"
     "lea 1f(%rip), %rax\n\tpush %rax",
     "iretq\n1:");
/* the page-fault vector by software: its gate must not admit ring 3 */
STUB(stub_int14, "", "int $14");

/* exceptions any program can raise; #BP is a trap, reported after int3 */
STUB(stub_int3, "int3", "");
STUB(stub_ud2, "", "ud2");
STUB(stub_div0, "mov $1, %eax\n\txor %edx, %edx\n\txor %ecx, %ecx", "div %rcx");
/* 1 / 0 with the x87 zero-divide exception unmasked (FCW 0x037b): it
 * is raised, as #MF, by the next waiting instruction. fwait comes last:
 * gas would merge it with a following fninit into one finit. */
STUB(stub_x87,
     "fninit\n\tpushq $0x037b\n\tfldcw (%rsp)\n\tadd $8, %rsp\n\t"
     "fldz\n\tfld1\n\tfdiv %st(1), %st",
     "fwait");
/* 1 / 0 in SSE with MXCSR arg[0] (zero-divide unmasked), then arg[1] */
STUB(stub_simd,
     "ldmxcsr (%rdi)\n\tmov $1, %eax\n\tcvtsi2sd %eax, %xmm0\n\t"
     "xorpd %xmm1, %xmm1",
     "divsd %xmm1, %xmm0\n\tldmxcsr 4(%rdi)");
/* a misaligned load with EFLAGS.AC set: #AC, as CR0.AM allows */
STUB(stub_alignment, "pushfq\n\torl $0x40000, (%rsp)\n\tpopfq",
     "mov 1(%rdi), %eax\n\tpushfq\n\tandl $~0x40000, (%rsp)\n\tpopfq");

#define MONITOR_TEXT	((const void *)ATTACK_MONITOR_TEXT)
/* the monitor's direct map of physical 32 MiB, where gen places partitions */
#define DIRECT_MAP_RAM	((const void *)0xffff800002000000)
/* the first address past the lower half of the address space */
#define NONCANONICAL	((const void *)0x0000800000000000)
#define BELOW_MEMORY	((const void *)(TESSERA_MEM_BASE - TESSERA_PAGE_SIZE))
#define MEMORY		((const char *)TESSERA_MEM_BASE)
#define START_INFO	((const void *)TESSERA_START_INFO_ADDR)

static unsigned char data_ret[] = { 0xc3 };	/* ret, in no-execute data */
static const uint32_t simd_mxcsr[2] = { 0x1f80 & ~0x200, 0x1f80 };
static const uint64_t misaligned[2];
static const struct {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed)) null_gdtr;

struct fault_attack {
	const char *name;
	void (*stub)(const void *arg);
	const void *arg;
	const void *rip;	/* where the fault must be reported */
	const void *addr;	/* the address a page fault must name, or NULL */
};

static const struct fault_attack fault_attacks[] = {
	/* page faults */
	{ "unmapped", stub_load, BELOW_MEMORY, stub_load_at, BELOW_MEMORY },
	{ "write-text", stub_store, stub_ud2, stub_store_at, stub_ud2 },
	{ "write-start-info", stub_store, START_INFO, stub_store_at, START_INFO },
	{ "exec-data", stub_jump, data_ret, data_ret, data_ret },
	{ "read-monitor", stub_load, MONITOR_TEXT, stub_load_at, MONITOR_TEXT },
	{ "jump-monitor", stub_jump, MONITOR_TEXT, MONITOR_TEXT, MONITOR_TEXT },
	{ "read-direct-map", stub_load, DIRECT_MAP_RAM, stub_load_at,
	  DIRECT_MAP_RAM },
	{ "stack-overflow", stub_push, MEMORY, stub_push_at, MEMORY - 8 },
	/* general protection */
	{ "read-noncanonical", stub_load, NONCANONICAL, stub_load_at, NULL },
	{ "cli", stub_cli, NULL, stub_cli_at, NULL },
	{ "hlt", stub_hlt, NULL, stub_hlt_at, NULL },
	{ "port-in", stub_in, NULL, stub_in_at, NULL },
	{ "port-out", stub_out, NULL, stub_out_at, NULL },
	{ "rdmsr", stub_rdmsr, NULL, stub_rdmsr_at, NULL },
	{ "wrmsr", stub_wrmsr, NULL, stub_wrmsr_at, NULL },
	{ "lgdt", stub_lgdt, &null_gdtr, stub_lgdt_at, NULL },
	{ "mov-cr3", stub_mov_cr3, NULL, stub_mov_cr3_at, NULL },
	{ "mov-cr0", stub_mov_cr0, NULL, stub_mov_cr0_at, NULL },
	{ "iretq-ring0", stub_iretq, NULL, stub_iretq_at, NULL },
	{ "int14", stub_int14, NULL, stub_int14_at, NULL },
	/* the other exceptions */
	{ "int3", stub_int3, NULL, stub_int3_at, NULL },
	{ "ud2", stub_ud2, NULL, stub_ud2_at, NULL },
	{ "div0", stub_div0, NULL, stub_div0_at, NULL },
	{ "x87", stub_x87, NULL, stub_x87_at, NULL },
	{ "simd", stub_simd, simd_mxcsr, stub_simd_at, NULL },
	{ "alignment", stub_alignment, misaligned, stub_alignment_at, NULL },
};

const struct fault_attack *fault_attack_find(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(fault_attacks); i++)
		if (strcmp(fault_attacks[i].name, name) == 0)
			return &fault_attacks[i];
	return NULL;
}

int fault_attack_run(const struct fault_attack *attack)
{
	printf("attack %s: rip 0x%lx", attack->name, (uintptr_t)attack->rip);
	if (attack->addr)
		printf(" addr 0x%lx", (uintptr_t)attack->addr);
	printf("\n");
	attack->stub(attack->arg);
	printf("attack %s: no fault\n", attack->name);
	return 1;
}
