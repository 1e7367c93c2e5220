/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_ACPI_H
#define TESSERA_ACPI_H

/*
 * Just enough ACPI to find the CPUs and interrupt controllers
 * (monitor/drivers/acpi.c): the RSDP found by scanning the EBDA and
 * 0xe0000-0xfffff, the RSDT/XSDT, and the MADT. Every table's checksum and
 * length is checked before it is believed.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ACPI_MAX_IOAPICS	8
#define ACPI_MAX_OVERRIDES	16

/* Maps `len` bytes of physical memory at `pa` for reading, or NULL. */
typedef const void *(*acpi_map_fn)(uint64_t pa, size_t len);

struct acpi_ioapic {
	uint8_t id;
	uint32_t address;
	uint32_t gsi_base;
};

/* An ISA IRQ routed elsewhere (MADT type 2), e.g. the PIT's IRQ 0 to GSI 2. */
struct acpi_override {
	uint8_t isa_irq;
	uint32_t gsi;
	uint16_t flags;		/* polarity and trigger mode (MPS INTI flags) */
};

struct acpi_madt_info {
	uint64_t lapic_address;
	size_t nr_cpus;			/* enabled or online-capable */
	uint32_t apic_ids[256];
	size_t nr_ioapics;
	struct acpi_ioapic ioapics[ACPI_MAX_IOAPICS];
	size_t nr_overrides;
	struct acpi_override overrides[ACPI_MAX_OVERRIDES];
};

/*
 * 0 and *info filled, or -ENODEV (no RSDP/MADT), -EINVAL (a bad table:
 * checksum, length, an entry cut short) or -E2BIG (more CPUs, IOAPICs or
 * overrides than struct acpi_madt_info holds).
 */
int acpi_read_madt(acpi_map_fn map, struct acpi_madt_info *info);

/* Parses one MADT already mapped (the testable core of acpi_read_madt). */
int acpi_parse_madt(const void *madt, size_t len, struct acpi_madt_info *info);

#endif
