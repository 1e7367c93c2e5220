// SPDX-License-Identifier: MIT
/*
 * PCI functions of driver partitions (see tessera/device.h): checked and
 * programmed at boot, reached by their partition through the filtered
 * configuration calls, silenced when it ends or restarts.
 *
 * Decoding is switched once, at boot, before the other CPUs start, and
 * never again: the board fixes the windows, so a partition has no use for
 * switching them, and a switch changes the machine's physical address
 * map. QEMU 7.2 under TCG does not survive that while other vCPUs run:
 * the memory-map update reaches them through TLB entries that still
 * index the old map (its tcg_commit runs on the writer's thread; later
 * QEMUs run it on each vCPU's own), so their next MMIO access can land
 * in another device or in RAM. Here that
 * was a CPU's local APIC timer write lost (its CPU never woke again) and,
 * when a function lost decoding, QEMU crashing with SIGSEGV.
 */

#include <drivers/pci.h>
#include <tessera/device.h>
#include <tessera/device_map.h>
#include <tessera/errno.h>
#include <tessera/partition.h>
#include <tessera/pci_filter.h>
#include <tessera/printk.h>

#define PCI_BAR_IO		0x1
#define PCI_BAR_TYPE_MASK	0x6
#define PCI_BAR_TYPE_64		0x4
#define PCI_BAR_FLAGS		0xfULL
#define PCI_NR_BARS		6
#define PCI_STATUS_CAPS		0x0010
#define PCI_CAP_MSI		0x05
#define PCI_CAP_MSIX		0x11
#define PCI_MSI_ENABLE		0x0001
#define PCI_MSIX_ENABLE		0x8000
/* a list longer than the capabilities that fit in 256 bytes is a loop */
#define PCI_MAX_CAPS		48

#define PCI_DECODE	(PCI_COMMAND_IO | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER)

/* "00:03.0 (ethernet@3)" */
#define PCI_FMT		"%02x:%02x.%x (%s)"
#define PCI_ARGS(d)	(d)->pci_bdf >> 8, ((d)->pci_bdf >> 3) & 0x1f, \
			(d)->pci_bdf & 7, (d)->name

static uint32_t pci_read(const struct tt_device *d, unsigned int offset,
			 unsigned int size)
{
	return pci_config_read(d->pci_bdf, offset, size);
}

static void pci_write(const struct tt_device *d, unsigned int offset,
		      unsigned int size, uint32_t value)
{
	pci_config_write(d->pci_bdf, offset, size, value);
}

/* How many bytes the BAR decodes, as the function answers all-ones. */
static uint64_t device_bar_size(const struct tt_device *d, unsigned int off,
				bool wide)
{
	uint64_t mask;

	pci_write(d, off, 4, ~0U);
	mask = pci_read(d, off, 4) & ~PCI_BAR_FLAGS;
	if (wide) {
		pci_write(d, off + 4, 4, ~0U);
		mask |= (uint64_t)pci_read(d, off + 4, 4) << 32;
	} else {
		mask |= ~0ULL << 32;
	}
	return ~mask + 1;
}

/* Window j of d into its BAR, decoding being off: problems printed. */
static int device_bar_program(const struct tt_device *d, unsigned int j)
{
	unsigned int bar = d->mmio_bar[j], off = PCI_BAR0 + 4 * bar;
	uint64_t base = d->mmio[j].base, size = d->mmio[j].size, bar_size;
	uint32_t low;
	bool wide;

	if (bar >= PCI_NR_BARS) {
		printk("pci " PCI_FMT ": no BAR%u", PCI_ARGS(d), bar);
		return 1;
	}
	low = pci_read(d, off, 4);
	wide = (low & PCI_BAR_TYPE_MASK) == PCI_BAR_TYPE_64;
	if ((low & PCI_BAR_IO) || (wide && bar == PCI_NR_BARS - 1)) {
		printk("pci " PCI_FMT ": BAR%u is not a memory BAR", PCI_ARGS(d),
		       bar);
		return 1;
	}
	bar_size = device_bar_size(d, off, wide);
	if (!size || bar_size != size || base % size ||
	    (!wide && base + size > 1ULL << 32)) {
		printk("pci " PCI_FMT ": BAR%u decodes 0x%lx bytes, the board "
		       "gives it 0x%lx at 0x%lx", PCI_ARGS(d), bar, bar_size,
		       size, base);
		return 1;
	}
	pci_write(d, off, 4, (uint32_t)base);
	if (wide)
		pci_write(d, off + 4, 4, (uint32_t)(base >> 32));
	return 0;
}

/* Neither MSI nor MSI-X: the function interrupts through its line. */
static void device_msi_off(const struct tt_device *d)
{
	unsigned int at, n = 0;

	if (!(pci_read(d, PCI_STATUS, 2) & PCI_STATUS_CAPS))
		return;
	for (at = pci_read(d, PCI_CAP_PTR, 1) & 0xfc; at && n < PCI_MAX_CAPS;
	     at = pci_read(d, at + 1, 1) & 0xfc, n++) {
		unsigned int id = pci_read(d, at, 1);
		uint32_t control = pci_read(d, at + 2, 2);

		if (id == PCI_CAP_MSI)
			pci_write(d, at + 2, 2, control & ~PCI_MSI_ENABLE);
		else if (id == PCI_CAP_MSIX)
			pci_write(d, at + 2, 2, control & ~PCI_MSIX_ENABLE);
	}
}

/* The function is there, and the one the board names: problems printed. */
static int device_pci_identify(const struct tt_device *d)
{
	uint32_t id = pci_read(d, PCI_VENDOR_ID, 4);
	uint16_t vendor, device;

	if ((id & 0xffff) == 0xffff) {
		printk("pci " PCI_FMT ": no function there", PCI_ARGS(d));
		return 1;
	}
	if (!device_pci_ids(d->compatible, &vendor, &device))
		return 0;
	if ((id & 0xffff) == vendor && id >> 16 == device)
		return 0;
	printk("pci " PCI_FMT ": function %04x:%04x, the board says %s",
	       PCI_ARGS(d), id & 0xffff, id >> 16, d->compatible);
	return 1;
}

/* Memory decoding for a function with windows, I/O for one with ports. */
static uint32_t device_pci_decode(const struct tt_device *d)
{
	return (device_res(d->nr_mmio) ? PCI_COMMAND_MEMORY : 0) |
	       (device_res(d->nr_ports) ? PCI_COMMAND_IO : 0);
}

int device_pci_init(const struct tt_device *d)
{
	uint32_t command;
	int problems = device_pci_identify(d);

	if (problems)
		return problems;
	/* BARs move with decoding off, as the PCI spec wants */
	command = pci_read(d, PCI_COMMAND, 2) & ~PCI_DECODE;
	pci_write(d, PCI_COMMAND, 2, command);
	for (unsigned int j = 0; j < device_res(d->nr_mmio); j++)
		if (d->mmio_bar[j] != TESSERA_NO_BAR)
			problems += device_bar_program(d, j);
	device_msi_off(d);
	if (!problems)	/* for good: the file's comment says why */
		pci_write(d, PCI_COMMAND, 2, command | device_pci_decode(d));
	printk("pci " PCI_FMT ": %s for %s", PCI_ARGS(d), d->compatible,
	       tessera_tables.partitions[d->owner].name);
	return problems;
}

/*
 * Bus mastering off is what stops a dead driver's device: it can write no
 * memory any more, and its line is masked. Decoding stays on: no page
 * table maps the BARs but their owner's, which resets the device when it
 * starts again.
 */
void device_pci_stop(const struct tt_device *d)
{
	pci_write(d, PCI_COMMAND, 2,
		  pci_read(d, PCI_COMMAND, 2) & ~PCI_COMMAND_MASTER);
}

/* Partition p's PCI function `index`, the access checked; or an error. */
static int device_pci_find(const struct partition *p, uint64_t index,
			   uint64_t offset, uint64_t size,
			   const struct tt_device **d)
{
	const struct tt_device *devs[TESSERA_MAX_DEVICES];
	unsigned int n = device_list(&tessera_tables, p->id, devs);

	if (index >= n || pci_filter_access(offset, size))
		return -EINVAL;
	*d = devs[index];
	return (*d)->flags & TESSERA_DEVICE_PCI ? 0 : -ENODEV;
}

int64_t device_pci_read(struct partition *p, uint64_t index, uint64_t offset,
			uint64_t size)
{
	const struct tt_device *d;
	int err = device_pci_find(p, index, offset, size, &d);

	if (err)
		return err;
	return pci_read(d, (unsigned int)offset, (unsigned int)size);
}

int64_t device_pci_write(struct partition *p, uint64_t index, uint64_t offset,
			 uint64_t size, uint64_t value)
{
	const struct tt_device *d;
	int err = device_pci_find(p, index, offset, size, &d);
	uint32_t out;

	if (!err)
		err = pci_filter_write((unsigned int)offset, (unsigned int)size,
				       (uint32_t)value,
				       pci_read(d, (unsigned int)offset,
						(unsigned int)size), &out);
	if (!err)
		pci_write(d, (unsigned int)offset, (unsigned int)size, out);
	return err;
}
