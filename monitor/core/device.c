// SPDX-License-Identifier: MIT
/*
 * Driver partitions' devices through a partition's life (see
 * tessera/device.h): made ready at boot, opened when its vCPU runs,
 * silenced when it ends or restarts.
 */

#include <tessera/device.h>
#include <tessera/device_map.h>
#include <tessera/partition.h>

int devices_init(void)
{
	const struct tessera_tables *t = &tessera_tables;
	int problems = 0;

	for (uint32_t i = 0; i < t->nr_devices; i++) {
		const struct tt_device *d = &t->devices[i];

		if (d->owner < t->nr_partitions && (d->flags & TESSERA_DEVICE_PCI))
			problems += device_pci_init(d);
	}
	for (uint32_t id = 0; id < t->nr_partitions; id++)
		problems += device_irqs_init(id);
	return problems;
}

void device_enter(struct partition *p)
{
	arch_ioport_load(p);
	device_irqs_start(p->id);
}

void device_stop(struct partition *p)
{
	const struct tt_device *devs[TESSERA_MAX_DEVICES];
	unsigned int n = device_list(&tessera_tables, p->id, devs);

	device_irqs_stop(p->id);
	for (unsigned int i = 0; i < n; i++)
		if (devs[i]->flags & TESSERA_DEVICE_PCI)
			device_pci_stop(devs[i]);
	if (p->state == PARTITION_EXITED || p->state == PARTITION_HALTED)
		device_irqs_report(p->id);
}
