// SPDX-License-Identifier: MIT
/*
 * The board's VT-d units against the firmware's ACPI DMAR (see
 * drivers/vtd.h): pure logic, host-tested with hostile firmware.
 */

#include <stdbool.h>
#include <drivers/vtd.h>
#include <tessera/errno.h>
#include <tessera/format.h>
#include <tessera/string.h>

#define VTD_COMPATIBLE		"intel,vtd"	/* the board's unit nodes */

static bool vtd_is_unit(const struct tt_device *d)
{
	return d->owner == TT_MONITOR && d->nr_mmio &&
	       !strcmp(d->compatible, VTD_COMPATIBLE);
}

const struct tt_device *vtd_declared(const struct tessera_tables *t)
{
	for (uint32_t i = 0; i < t->nr_devices; i++) {
		if (vtd_is_unit(&t->devices[i]))
			return &t->devices[i];
	}
	return NULL;
}

static bool vtd_board_has(const struct tessera_tables *t, uint64_t address)
{
	for (uint32_t i = 0; i < t->nr_devices; i++) {
		if (vtd_is_unit(&t->devices[i]) &&
		    t->devices[i].mmio[0].base == address)
			return true;
	}
	return false;
}

static bool vtd_dmar_has(const struct acpi_dmar_info *dmar, uint64_t address)
{
	for (size_t i = 0; i < dmar->nr_drhds; i++) {
		if (dmar->drhds[i].address == address)
			return true;
	}
	return false;
}

/* The DMAR puts the function behind a unit: by INCLUDE_PCI_ALL or by name. */
static bool vtd_dmar_covers(const struct acpi_dmar_info *dmar, uint16_t bdf)
{
	for (size_t i = 0; i < dmar->nr_drhds; i++) {
		if (dmar->drhds[i].flags & ACPI_DRHD_INCLUDE_PCI_ALL)
			return true;
	}
	for (size_t i = 0; i < dmar->nr_scopes; i++) {
		if (dmar->scopes[i].type == ACPI_SCOPE_PCI_ENDPOINT &&
		    dmar->scopes[i].bdf == bdf)
			return true;
	}
	return false;
}

/* The first of the board's devices that the DMAR contradicts, in `why`. */
static int vtd_check_devices(const struct tessera_tables *t,
			     const struct acpi_dmar_info *dmar, char *why,
			     size_t size)
{
	for (uint32_t i = 0; i < t->nr_devices; i++) {
		const struct tt_device *d = &t->devices[i];
		uint16_t bdf = d->pci_bdf;

		if (vtd_is_unit(d) && !vtd_dmar_has(dmar, d->mmio[0].base)) {
			snprintf(why, size, "the board's VT-d unit at 0x%lx is "
				 "not in the firmware's ACPI DMAR",
				 d->mmio[0].base);
			return -ENODEV;
		}
		if ((d->flags & TESSERA_DEVICE_PCI) &&
		    d->owner < t->nr_partitions && !vtd_dmar_covers(dmar, bdf)) {
			snprintf(why, size, "PCI function %02x:%02x.%x (%s) is "
				 "behind no VT-d unit of the ACPI DMAR",
				 bdf >> 8, (bdf >> 3) & 0x1f, bdf & 7, d->name);
			return -ENODEV;
		}
	}
	return 0;
}

int vtd_check_dmar(const struct tessera_tables *t,
		   const struct acpi_dmar_info *dmar, char *why, size_t size)
{
	int err = vtd_check_devices(t, dmar, why, size);

	for (size_t i = 0; !err && i < dmar->nr_drhds; i++) {
		const struct acpi_drhd *u = &dmar->drhds[i];

		if (vtd_board_has(t, u->address) && !u->segment)
			continue;
		snprintf(why, size, "the ACPI DMAR lists a VT-d unit at 0x%lx "
			 "(PCI segment %u) that the board does not declare",
			 u->address, u->segment);
		err = -ENODEV;
	}
	return err;
}
