// SPDX-License-Identifier: MIT
/* The device calls of public/hypercall.h as functions (see <tessera.h>). */

#include <tessera.h>
#include "syscall.h"

int tessera_irq_ack(unsigned int port)
{
	return (int)tessera_syscall1(TESSERA_HC_IRQ_ACK, port);
}

long tessera_pci_config_read(unsigned int device, unsigned int offset,
			     unsigned int size)
{
	return tessera_syscall3(TESSERA_HC_PCI_CONFIG_READ, device, offset,
				size);
}

long tessera_pci_config_write(unsigned int device, unsigned int offset,
			      unsigned int size, uint32_t value)
{
	return tessera_syscall4(TESSERA_HC_PCI_CONFIG_WRITE, device, offset,
				size, value);
}
