/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_ACPI_H
#define TESSERA_ACPI_H

/*
 * Just enough ACPI to find the CPUs, the interrupt controllers and the
 * IOMMUs (monitor/drivers/acpi.c): the RSDP found by scanning the EBDA
 * and 0xe0000-0xfffff, the RSDT/XSDT, the MADT and the DMAR. Every
 * table's checksum and length is checked before it is believed.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ACPI_MAX_IOAPICS	8
#define ACPI_MAX_OVERRIDES	16
#define ACPI_MAX_DRHDS		8
#define ACPI_MAX_DMAR_SCOPES	64
#define ACPI_DMAR_PAGE		0x1000	/* a DRHD's registers are page-aligned */

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

/* A DMA remapping unit (DMAR type 0, DRHD): one VT-d IOMMU. */
#define ACPI_DRHD_INCLUDE_PCI_ALL	0x01	/* it covers every other device */

struct acpi_drhd {
	uint64_t address;	/* its registers, page-aligned */
	uint16_t segment;	/* the PCI segment it serves */
	uint8_t flags;		/* ACPI_DRHD_* */
};

/* A PCI function a unit's device scope names, on the scope's start bus. */
#define ACPI_SCOPE_PCI_ENDPOINT		1
#define ACPI_SCOPE_PCI_BRIDGE		2	/* and what lies behind it */

struct acpi_dmar_device {
	uint16_t bdf;		/* TESSERA_PCI_BDF() */
	uint8_t type;		/* ACPI_SCOPE_PCI_* */
	uint8_t unit;		/* into drhds[] */
};

struct acpi_dmar_info {
	unsigned int address_bits;	/* DMA physical address width */
	uint8_t flags;			/* interrupt remapping, x2APIC opt-out */
	size_t nr_drhds;
	struct acpi_drhd drhds[ACPI_MAX_DRHDS];
	size_t nr_scopes;		/* PCI functions on a start bus */
	struct acpi_dmar_device scopes[ACPI_MAX_DMAR_SCOPES];
};

/*
 * 0 and *info filled with the remapping units, or -ENODEV (no RSDP, no
 * DMAR or a DMAR without a unit), -EINVAL (a bad table: checksum, length,
 * a structure or a device scope cut short, a unit's registers not
 * page-aligned) or -E2BIG (more units or scopes than struct
 * acpi_dmar_info holds). Device scopes are kept for PCI functions on
 * their start bus only (a path of one hop). Reserved memory regions
 * (RMRR) and the other structures are not read: see docs/devices.md.
 */
int acpi_read_dmar(acpi_map_fn map, struct acpi_dmar_info *info);

/* Parses one DMAR already mapped (the testable core of acpi_read_dmar). */
int acpi_parse_dmar(const void *dmar, size_t len, struct acpi_dmar_info *info);

#endif
