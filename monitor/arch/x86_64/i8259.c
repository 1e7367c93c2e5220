// SPDX-License-Identifier: MIT
/*
 * The legacy 8259 PICs: masked for good. The monitor takes device
 * interrupts through the IOAPIC only; the PICs' output also stays off
 * the local APIC (LINT0 masked), this is belt and braces.
 */

#include <arch/i8259.h>
#include <arch/io.h>

#define PIC_MASTER_DATA	0x21
#define PIC_SLAVE_DATA	0xa1

void i8259_mask_all(void)
{
	outb(PIC_MASTER_DATA, 0xff);
	outb(PIC_SLAVE_DATA, 0xff);
}
