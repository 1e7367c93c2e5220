// SPDX-License-Identifier: MIT
/* The PCI configuration filter (see tessera/pci_filter.h). */

#include <stdbool.h>
#include <tessera/errno.h>
#include <tessera/pci_filter.h>

int pci_filter_access(uint64_t offset, uint64_t size)
{
	if (size != 1 && size != 2 && size != 4)
		return -EINVAL;
	if (offset >= PCI_CONFIG_SIZE || offset % size)
		return -EINVAL;
	return 0;
}

/*
 * The bits a driver writes in byte `at` of the dword at PCI_COMMAND, and
 * whether the others keep the register's value (command) or are written
 * as zero (status, where a zero clears nothing and the rest is
 * read-only).
 */
static uint8_t pci_filter_mask(unsigned int at, bool *keep)
{
	uint32_t dword = PCI_COMMAND_MASTER | PCI_COMMAND_INTX_OFF |
			 (uint32_t)PCI_STATUS_W1C << 16;

	*keep = at < PCI_STATUS;
	return (uint8_t)(dword >> 8 * (at - PCI_COMMAND));
}

int pci_filter_write(unsigned int offset, unsigned int size, uint32_t value,
		     uint32_t current, uint32_t *out)
{
	uint32_t result = 0;

	for (unsigned int i = 0; i < size; i++) {
		unsigned int at = offset + i;
		uint8_t byte = (uint8_t)(value >> 8 * i), mask;
		bool keep;

		if (at < PCI_COMMAND || at >= PCI_STATUS + 2)
			return -EPERM;
		mask = pci_filter_mask(at, &keep);
		byte &= mask;
		if (keep)
			byte |= (uint8_t)(current >> 8 * i) & ~mask;
		result |= (uint32_t)byte << 8 * i;
	}
	*out = result;
	return 0;
}
