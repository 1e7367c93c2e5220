/* SPDX-License-Identifier: MIT */
#ifndef DRIVERS_PCI_H
#define DRIVERS_PCI_H

/*
 * PCI configuration space through configuration mechanism #1, the
 * address port 0xcf8 and the data ports 0xcfc-0xcff
 * (monitor/drivers/pci.c). The two ports make one access only together,
 * so every access holds a lock that all CPUs share. Partitions never get
 * these ports: they reach their own function through the monitor's
 * filtered calls (tessera/pci_filter.h).
 */

#include <stdint.h>

/*
 * `size` bytes (1, 2 or 4) at `offset` (0 to 255, a multiple of size:
 * the caller checked) of function `bdf` (TESSERA_PCI_BDF()) on segment 0.
 */
uint32_t pci_config_read(uint16_t bdf, unsigned int offset, unsigned int size);
void pci_config_write(uint16_t bdf, unsigned int offset, unsigned int size,
		      uint32_t value);

#endif
