// SPDX-License-Identifier: MIT
/* The IOAPICs (see drivers/ioapic.h). */

#include <stdint.h>
#include <arch/io.h>
#include <arch/paging.h>
#include <drivers/ioapic.h>
#include <tessera/errno.h>
#include <tessera/printk.h>
#include <tessera/spinlock.h>

#define IOAPIC_REGSEL		0x00
#define IOAPIC_WINDOW		0x10
#define IOAPIC_REG_VERSION	0x01
#define IOAPIC_REG_REDIR(pin)	(0x10 + 2 * (pin))	/* low half; +1 high */
#define IOAPIC_WINDOW_SIZE	0x20

#define REDIR_MASKED		(1U << 16)
#define REDIR_LEVEL		(1U << 15)
#define REDIR_ACTIVE_LOW	(1U << 13)

/* MPS INTI flags, as in an ACPI interrupt source override */
#define MPS_POLARITY_MASK	0x3
#define MPS_POLARITY_LOW	0x3
#define MPS_TRIGGER_MASK	0xc
#define MPS_TRIGGER_LEVEL	0xc

struct ioapic {
	volatile uint8_t *regs;
	uint32_t gsi_base;
	unsigned int nr_pins;
};

static struct ioapic ioapics[ACPI_MAX_IOAPICS];
static size_t nr_ioapics;
static const struct acpi_madt_info *ioapic_madt;	/* its overrides */

/* A register is two accesses, select then window: one CPU at a time. */
static spinlock_t ioapic_lock = SPINLOCK_INIT;

static uint32_t ioapic_read(const struct ioapic *io, uint32_t reg)
{
	mmio_write32(io->regs + IOAPIC_REGSEL, reg);
	return mmio_read32(io->regs + IOAPIC_WINDOW);
}

static void ioapic_write(const struct ioapic *io, uint32_t reg, uint32_t v)
{
	mmio_write32(io->regs + IOAPIC_REGSEL, reg);
	mmio_write32(io->regs + IOAPIC_WINDOW, v);
}

void ioapic_init(const struct acpi_madt_info *madt)
{
	ioapic_madt = madt;
	for (size_t i = 0; i < madt->nr_ioapics && i < ACPI_MAX_IOAPICS; i++) {
		const struct acpi_ioapic *a = &madt->ioapics[i];
		struct ioapic *io = &ioapics[nr_ioapics++];

		io->regs = paging_map_mmio(a->address, IOAPIC_WINDOW_SIZE);
		io->gsi_base = a->gsi_base;
		io->nr_pins = ((ioapic_read(io, IOAPIC_REG_VERSION) >> 16) & 0xff) + 1;
		for (unsigned int pin = 0; pin < io->nr_pins; pin++)
			ioapic_write(io, IOAPIC_REG_REDIR(pin), REDIR_MASKED);
		printk("ioapic %u at 0x%x: gsi %u-%u, all masked", a->id,
		       a->address, io->gsi_base, io->gsi_base + io->nr_pins - 1);
	}
}

static const struct ioapic *ioapic_of(uint32_t gsi, unsigned int *pin)
{
	for (size_t i = 0; i < nr_ioapics; i++) {
		const struct ioapic *io = &ioapics[i];

		if (gsi >= io->gsi_base && gsi - io->gsi_base < io->nr_pins) {
			*pin = gsi - io->gsi_base;
			return io;
		}
	}
	return NULL;
}

int ioapic_route(uint32_t gsi, uint8_t vector, uint32_t apic_id, uint16_t flags)
{
	unsigned int pin;
	const struct ioapic *io = ioapic_of(gsi, &pin);
	uint32_t low = REDIR_MASKED | vector;	/* fixed, physical destination */
	unsigned long irq;

	if (!io)
		return -ENODEV;
	if ((flags & MPS_POLARITY_MASK) == MPS_POLARITY_LOW)
		low |= REDIR_ACTIVE_LOW;
	if ((flags & MPS_TRIGGER_MASK) == MPS_TRIGGER_LEVEL)
		low |= REDIR_LEVEL;
	irq = spin_lock_irqsave(&ioapic_lock);
	ioapic_write(io, IOAPIC_REG_REDIR(pin), REDIR_MASKED);
	ioapic_write(io, IOAPIC_REG_REDIR(pin) + 1, apic_id << 24);
	ioapic_write(io, IOAPIC_REG_REDIR(pin), low);
	spin_unlock_irqrestore(&ioapic_lock, irq);
	return 0;
}

/* The pin's mask bit set or cleared; its route stays. */
static int ioapic_set_mask(uint32_t gsi, bool masked)
{
	unsigned int pin;
	const struct ioapic *io = ioapic_of(gsi, &pin);
	unsigned long irq;
	uint32_t low;

	if (!io)
		return -ENODEV;
	irq = spin_lock_irqsave(&ioapic_lock);
	low = ioapic_read(io, IOAPIC_REG_REDIR(pin)) & ~REDIR_MASKED;
	ioapic_write(io, IOAPIC_REG_REDIR(pin), low | (masked ? REDIR_MASKED : 0));
	spin_unlock_irqrestore(&ioapic_lock, irq);
	return 0;
}

int ioapic_mask(uint32_t gsi)
{
	return ioapic_set_mask(gsi, true);
}

int ioapic_unmask(uint32_t gsi)
{
	return ioapic_set_mask(gsi, false);
}

uint32_t ioapic_isa_gsi(uint8_t isa_irq, uint16_t *flags)
{
	for (size_t i = 0; ioapic_madt && i < ioapic_madt->nr_overrides; i++) {
		const struct acpi_override *o = &ioapic_madt->overrides[i];

		if (o->isa_irq == isa_irq) {
			*flags = o->flags;
			return o->gsi;
		}
	}
	*flags = 0;
	return isa_irq;
}
