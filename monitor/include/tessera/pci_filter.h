/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_PCI_FILTER_H
#define TESSERA_PCI_FILTER_H

/*
 * What a driver partition may do to its PCI function's configuration
 * space (public/hypercall.h TESSERA_HC_PCI_CONFIG_READ and _WRITE,
 * docs/devices.md): pure checks, host-tested register by register.
 *
 * Reads reach the whole 256 bytes. Writes are an allow-list: in the
 * command register the bus master and INTx disable bits, in the status
 * register its write-1-to-clear error bits. Everything else, BARs,
 * memory and I/O decoding, the expansion ROM, the interrupt line, the
 * capabilities with MSI and MSI-X, is the monitor's: a driver that could
 * move a BAR could lay its device over another partition's memory, one
 * that could program MSI could make it write anywhere a message goes,
 * and one that could switch decoding would change the machine's physical
 * address map under the other CPUs (device_pci.c says what that does to
 * QEMU 7.2).
 */

#include <stdint.h>

#define PCI_CONFIG_SIZE		256

#define PCI_VENDOR_ID		0x00
#define PCI_DEVICE_ID		0x02
#define PCI_COMMAND		0x04
#define PCI_STATUS		0x06
#define PCI_HEADER_TYPE		0x0e
#define PCI_BAR0		0x10
#define PCI_ROM			0x30
#define PCI_CAP_PTR		0x34
#define PCI_INTERRUPT_LINE	0x3c

#define PCI_COMMAND_IO		0x0001
#define PCI_COMMAND_MEMORY	0x0002
#define PCI_COMMAND_MASTER	0x0004
#define PCI_COMMAND_INTX_OFF	0x0400

/* Status bits a write of 1 clears: parity, aborts, SERR. */
#define PCI_STATUS_W1C		0xf900

/*
 * 0 when `size` is 1, 2 or 4 and `offset` a multiple of it inside the
 * configuration space, else -EINVAL. Both are the partition's, any value.
 */
int pci_filter_access(uint64_t offset, uint64_t size);

/*
 * The value to write for a partition's write of `value` (`size` bytes at
 * `offset`, checked by pci_filter_access), into *out: the allowed bits
 * of the command register from `value` and the rest from `current`
 * (what those `size` bytes hold now), the status register's
 * write-1-to-clear bits from `value` and zeros for the others, which
 * then change nothing.
 * 0, or -EPERM when a byte written lies outside those two registers.
 */
int pci_filter_write(unsigned int offset, unsigned int size, uint32_t value,
		     uint32_t current, uint32_t *out);

#endif
