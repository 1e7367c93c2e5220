// SPDX-License-Identifier: MIT
/* The device calls of public/hypercall.h, for hypercall.c's table. */

#include <tessera/device.h>
#include <tessera/partition.h>

int64_t device_call_irq_ack(struct vcpu *v, const uint64_t *args)
{
	return device_irq_ack(v->partition, args[0]);
}

int64_t device_call_pci_read(struct vcpu *v, const uint64_t *args)
{
	return device_pci_read(v->partition, args[0], args[1], args[2]);
}

int64_t device_call_pci_write(struct vcpu *v, const uint64_t *args)
{
	return device_pci_write(v->partition, args[0], args[1], args[2],
				args[3]);
}
