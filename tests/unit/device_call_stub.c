// SPDX-License-Identifier: MIT
/*
 * The device calls (monitor/core/device_call.c) for the tests of
 * hypercall.c's dispatch: each answers with its own number and the
 * arguments it was given added up, so a test sees which one ran and with
 * what.
 */
#include <stdint.h>
#include <public/hypercall.h>
#include <tessera/device.h>

static int64_t device_stub(uint64_t nr, const uint64_t *args, unsigned int n)
{
	uint64_t sum = nr;

	for (unsigned int i = 0; i < n; i++)
		sum += args[i];
	return (int64_t)sum;
}

int64_t device_call_irq_ack(struct vcpu *v, const uint64_t *args)
{
	return device_stub(TESSERA_HC_IRQ_ACK, args, 1);
}

int64_t device_call_pci_read(struct vcpu *v, const uint64_t *args)
{
	return device_stub(TESSERA_HC_PCI_CONFIG_READ, args, 3);
}

int64_t device_call_pci_write(struct vcpu *v, const uint64_t *args)
{
	return device_stub(TESSERA_HC_PCI_CONFIG_WRITE, args, 4);
}
