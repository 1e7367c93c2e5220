/* SPDX-License-Identifier: MIT */
#ifndef DRIVERS_IOAPIC_H
#define DRIVERS_IOAPIC_H

/*
 * The IOAPICs the ACPI MADT lists (monitor/drivers/ioapic.c): every pin
 * masked at boot, and routed one by one, later, for the devices of
 * driver partitions.
 */

#include <stdbool.h>
#include <stdint.h>
#include <tessera/acpi.h>

/* Maps every IOAPIC of the MADT and masks all their pins. */
void ioapic_init(const struct acpi_madt_info *madt);

/*
 * Routes global system interrupt `gsi` to `vector` on the CPU with
 * `apic_id`, masked until ioapic_unmask; `flags` are the MPS INTI flags
 * of an ACPI override (0: the bus's default, ISA edge and active high;
 * a PCI line is level and active low). 0, or -ENODEV when no IOAPIC has
 * that GSI.
 */
int ioapic_route(uint32_t gsi, uint8_t vector, uint32_t apic_id, uint16_t flags);

/* Masks or unmasks the pin of `gsi`, keeping its route. 0 or -ENODEV. */
int ioapic_mask(uint32_t gsi);
int ioapic_unmask(uint32_t gsi);

/*
 * The GSI of ISA IRQ `isa_irq` and its MPS INTI flags in *flags: an ACPI
 * interrupt source override's, or the same number with flags 0.
 */
uint32_t ioapic_isa_gsi(uint8_t isa_irq, uint16_t *flags);

/* MPS INTI flags of a PCI interrupt line: level-triggered, active low. */
#define IOAPIC_FLAGS_PCI	0x000f

#endif
