// SPDX-License-Identifier: MIT
/*
 * The IDT, one for every CPU: a gate for each stub of entry.S. All are
 * interrupt gates (interrupts off on entry) reachable by `int n` from
 * ring 0 only, but #BP's: a partition's int3 is reported as the
 * breakpoint it is, as on Linux; any other `int n` is a #GP naming the
 * gate. #DF, NMI and #MC switch to a stack of their own (IST), since they can
 * strike when the current stack is the problem or mid-way through a
 * stack switch.
 */

#include <stdint.h>
#include <arch/segment.h>
#include <arch/traps.h>
#include <arch/vectors.h>
#include <tessera/bug.h>
#include <tessera/compiler.h>

#define IDT_ENTRIES		256
#define IDT_INTERRUPT_GATE	0x8e	/* present, DPL 0, 64-bit interrupt gate */
#define IDT_DPL_USER		0x60	/* DPL 3: int3 from ring 3 reaches it */

struct idt_gate {
	uint16_t offset_low;
	uint16_t selector;
	uint8_t ist;
	uint8_t type;
	uint16_t offset_mid;
	uint32_t offset_high;
	uint32_t reserved;
} __packed;

BUILD_BUG_ON(sizeof(struct idt_gate) != 16);

static struct idt_gate idt[IDT_ENTRIES] __aligned(16);

static uint8_t idt_ist(uint64_t vector)
{
	switch (vector) {
	case VECTOR_DF:
		return IST_DF;
	case VECTOR_NMI:
		return IST_NMI;
	case VECTOR_MC:
		return IST_MC;
	default:
		return 0;
	}
}

void idt_init(void)
{
	for (const struct trap_entry *e = trap_entries; e < trap_entries_end; e++) {
		uint64_t stub = (uint64_t)e->stub;

		BUG_ON(e->vector >= IDT_ENTRIES);
		idt[e->vector] = (struct idt_gate){
			.offset_low = (uint16_t)stub,
			.selector = GDT_KERNEL_CS,
			.ist = idt_ist(e->vector),
			.type = IDT_INTERRUPT_GATE |
				(e->vector == VECTOR_BP ? IDT_DPL_USER : 0),
			.offset_mid = (uint16_t)(stub >> 16),
			.offset_high = (uint32_t)(stub >> 32),
		};
	}
}

void idt_load(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __packed ptr = { sizeof(idt) - 1, (uint64_t)idt };

	__asm__ __volatile__("lidt %0" :: "m"(ptr));
}
