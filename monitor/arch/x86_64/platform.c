// SPDX-License-Identifier: MIT
/*
 * The PC around the CPUs: the ACPI MADT for the CPUs and IOAPICs present,
 * the interrupt controllers, the timers, the IOMMU.
 */

#include <stdint.h>
#include <arch/i8259.h>
#include <arch/paging.h>
#include <arch/timer.h>
#include <drivers/ioapic.h>
#include <drivers/lapic.h>
#include <tessera/acpi.h>
#include <tessera/cpu.h>
#include <tessera/iommu.h>
#include <tessera/printk.h>
#include <tessera/time.h>

static struct acpi_madt_info madt;

int arch_cpus_present(const uint32_t **ids)
{
	int err = acpi_read_madt(paging_map_firmware, &madt);

	if (err) {
		printk("no usable ACPI MADT (error %d): the cpus are unknown", err);
		return err;
	}
	for (size_t i = 0; i < madt.nr_cpus; i++)
		pr_debug("acpi: cpu with apic id %u", madt.apic_ids[i]);
	*ids = madt.apic_ids;
	return (int)madt.nr_cpus;
}

void arch_platform_init(const struct tessera_tables *t)
{
	i8259_mask_all();
	lapic_init();
	ioapic_init(&madt);
	timer_calibrate(t);
	time_init();
	iommu_init(t);	/* its waits are timed: after the calibration */
}
