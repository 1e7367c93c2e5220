// SPDX-License-Identifier: MIT
/* PCI configuration mechanism #1 (see drivers/pci.h). */

#include <arch/io.h>
#include <drivers/pci.h>
#include <tessera/spinlock.h>

#define PCI_CONFIG_ADDRESS	0xcf8
#define PCI_CONFIG_DATA		0xcfc
#define PCI_CONFIG_ENABLE	0x80000000U

static spinlock_t pci_lock = SPINLOCK_INIT;

/* Selects the dword of `offset`; returns the data port of its byte. */
static uint16_t pci_select(uint16_t bdf, unsigned int offset)
{
	outl(PCI_CONFIG_ADDRESS,
	     PCI_CONFIG_ENABLE | (uint32_t)bdf << 8 | (offset & 0xfc));
	return (uint16_t)(PCI_CONFIG_DATA + (offset & 3));
}

uint32_t pci_config_read(uint16_t bdf, unsigned int offset, unsigned int size)
{
	unsigned long flags = spin_lock_irqsave(&pci_lock);
	uint16_t port = pci_select(bdf, offset);
	uint32_t v;

	if (size == 1)
		v = inb(port);
	else if (size == 2)
		v = inw(port);
	else
		v = inl(port);
	spin_unlock_irqrestore(&pci_lock, flags);
	return v;
}

void pci_config_write(uint16_t bdf, unsigned int offset, unsigned int size,
		      uint32_t value)
{
	unsigned long flags = spin_lock_irqsave(&pci_lock);
	uint16_t port = pci_select(bdf, offset);

	if (size == 1)
		outb(port, (uint8_t)value);
	else if (size == 2)
		outw(port, (uint16_t)value);
	else
		outl(port, value);
	spin_unlock_irqrestore(&pci_lock, flags);
}
