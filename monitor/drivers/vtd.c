// SPDX-License-Identifier: MIT
/*
 * The VT-d IOMMUs (see tessera/iommu.h; Intel VT-d specification,
 * chapters 6, 7 and 10): legacy root and context tables, second-level
 * translation, register-based invalidation. Interrupt remapping is not
 * used (docs/devices.md).
 *
 * The tables live in a pool of the monitor's own memory, sized at build
 * time from the generated counts, written once at boot before
 * translation is enabled and never changed afterwards.
 */

#include <stdbool.h>
#include <stdint.h>
#include <arch/image.h>
#include <arch/io.h>
#include <arch/paging.h>
#include <arch/timer.h>
#include <drivers/vtd.h>
#include <public/version.h>
#include <tessera/acpi.h>
#include <tessera/errno.h>
#include <tessera/halt.h>
#include <tessera/iommu.h>
#include <tessera/panic.h>
#include <tessera/partition_slots.h>
#include <tessera/printk.h>
#include <tessera/spinlock.h>

#define VTD_CAP			0x08	/* 64-bit */
#define VTD_ECAP		0x10	/* 64-bit */
#define VTD_GCMD		0x18
#define VTD_GSTS		0x1c
#define VTD_RTADDR		0x20	/* 64-bit */
#define VTD_CCMD		0x28	/* 64-bit */
#define VTD_FSTS		0x34
#define VTD_REGS_SIZE		0x1000

#define VTD_CAP_ND(c)		((c) & 0x7)		/* 2^(4+2*ND) domains */
#define VTD_CAP_RWBF		(1ULL << 4)
#define VTD_CAP_SAGAW(levels)	(1ULL << (8 + VTD_AW(levels)))
#define VTD_CAP_FRO(c)		((((c) >> 24) & 0x3ff) * 16)
#define VTD_CAP_SLLPS_2M	(1ULL << 34)
#define VTD_CAP_NFR(c)		((((c) >> 40) & 0xff) + 1)
#define VTD_ECAP_C		(1ULL << 0)	/* table walks snoop caches */
#define VTD_ECAP_IOTLB(e)	((((e) >> 8) & 0x3ff) * 16 + 8)

#define VTD_GCMD_TE		(1U << 31)	/* and GSTS.TES */
#define VTD_GCMD_SRTP		(1U << 30)	/* and GSTS.RTPS */
#define VTD_GCMD_WBF		(1U << 27)	/* and GSTS.WBFS */
/* GSTS bits that GCMD must write back: all but the one-shot commands */
#define VTD_GSTS_KEEP		0x96ffffffU

#define VTD_CCMD_ICC		(1ULL << 63)
#define VTD_CCMD_GLOBAL		(1ULL << 61)
#define VTD_IOTLB_IVT		(1ULL << 63)
#define VTD_IOTLB_GLOBAL	(1ULL << 60)
#define VTD_IOTLB_DR		(1ULL << 49)	/* drain reads and writes */
#define VTD_IOTLB_DW		(1ULL << 48)

#define VTD_FSTS_PFO		(1U << 0)	/* records overflowed */
#define VTD_FRCD_F		(1U << 31)	/* high dword: a fault is here */
#define VTD_FRCD_ADDR_MASK	(~0xfffULL)

/* Hardware answers in microseconds; this only catches a dead unit. */
#define VTD_TIMEOUT_US		100000

struct vtd_unit {
	volatile uint8_t *regs;
	uint64_t address;
	uint64_t cap;
	uint64_t ecap;
};

static struct vtd_unit vtd_units[ACPI_MAX_DRHDS];
static unsigned int vtd_nr_units;
static bool vtd_active;
static spinlock_t vtd_fault_lock = SPINLOCK_INIT;

#define VTD_DEVICE_SLOTS	(TESSERA_NR_DEVICES ? TESSERA_NR_DEVICES : 1)
#define VTD_POOL_SIZE							\
	VTD_POOL_PAGES(PARTITION_SLOTS, VTD_DEVICE_SLOTS,		\
		       TESSERA_MAX_PARTITION_SIZE)

static uint8_t vtd_pool[VTD_POOL_SIZE][PAGE_SIZE] __aligned(PAGE_SIZE);
static unsigned int vtd_pool_used;

static uint64_t *vtd_pool_table(uint64_t pa)
{
	uint64_t off = pa - image_phys(vtd_pool);

	if (off >= sizeof(vtd_pool))
		panic("iommu: 0x%lx is no page of the VT-d tables", pa);
	return (uint64_t *)vtd_pool[off / PAGE_SIZE];
}

static int vtd_pool_alloc(uint64_t *pa)
{
	if (vtd_pool_used == VTD_POOL_SIZE)
		return -ENOMEM;
	*pa = image_phys(vtd_pool[vtd_pool_used++]);
	return 0;
}

static __noreturn __printf(2, 3) void vtd_refuse(const struct tessera_tables *t,
						  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	printk("machine does not match board %s: halting", t->board);
	machine_halt(HALT_MISMATCH);
}

/* The unit can hold the tables: domains, 2 MiB pages, `levels`. */
static void vtd_check_unit(const struct tessera_tables *t,
			   const struct vtd_unit *u, unsigned int levels)
{
	uint64_t domains = 1ULL << (4 + 2 * VTD_CAP_ND(u->cap));

	if (!(u->cap & VTD_CAP_SAGAW(levels)))
		vtd_refuse(t, "iommu: VT-d at 0x%lx walks no %u-level page "
			   "tables (CAP 0x%lx)", u->address, levels, u->cap);
	if (domains <= t->nr_partitions)
		vtd_refuse(t, "iommu: VT-d at 0x%lx has %lu domains, fewer "
			   "than %u partitions and the unused domain 0",
			   u->address, domains, t->nr_partitions);
	if (!(u->cap & VTD_CAP_SLLPS_2M))
		vtd_refuse(t, "iommu: VT-d at 0x%lx has no 2 MiB pages "
			   "(CAP.SLLPS)", u->address);
}

/* 4 levels where every unit walks them, else 3. */
static unsigned int vtd_levels(void)
{
	for (unsigned int i = 0; i < vtd_nr_units; i++) {
		if (!(vtd_units[i].cap & VTD_CAP_SAGAW(4)))
			return 3;
	}
	return 4;
}

static uint64_t vtd_read(const struct vtd_unit *u, unsigned int reg,
			 unsigned int bytes)
{
	return bytes == 8 ? mmio_read64(u->regs + reg) :
			    mmio_read32(u->regs + reg);
}

/* Until (reg & mask) == want, or a panic naming `what` once time is up. */
static void vtd_wait(const struct vtd_unit *u, unsigned int reg,
		     unsigned int bytes, uint64_t mask, uint64_t want,
		     const char *what)
{
	uint64_t deadline = timer_deadline_us(VTD_TIMEOUT_US);

	while ((vtd_read(u, reg, bytes) & mask) != want) {
		if (timer_passed(deadline))
			panic("iommu: VT-d at 0x%lx: %s not %s after %u us",
			      u->address, what, want ? "set" : "clear",
			      VTD_TIMEOUT_US);
		__asm__ __volatile__("pause");
	}
}

/* A global command; `status` is the GSTS bit that says it is done. */
static void vtd_command(const struct vtd_unit *u, uint32_t cmd, bool status,
			const char *what)
{
	uint32_t gsts = mmio_read32(u->regs + VTD_GSTS) & VTD_GSTS_KEEP;

	mmio_write32(u->regs + VTD_GCMD, gsts | cmd);
	vtd_wait(u, VTD_GSTS, 4, cmd, status ? cmd : 0, what);
}

/* Root table in, every cached translation out, translation on. */
static void vtd_enable(const struct vtd_unit *u, uint64_t root)
{
	unsigned int iotlb = VTD_ECAP_IOTLB(u->ecap);

	mmio_write64(u->regs + VTD_RTADDR, root);	/* legacy mode */
	vtd_command(u, VTD_GCMD_SRTP, true, "GSTS.RTPS");
	if (u->cap & VTD_CAP_RWBF)
		vtd_command(u, VTD_GCMD_WBF, false, "GSTS.WBFS");
	mmio_write64(u->regs + VTD_CCMD, VTD_CCMD_ICC | VTD_CCMD_GLOBAL);
	vtd_wait(u, VTD_CCMD, 8, VTD_CCMD_ICC, 0, "CCMD.ICC");
	mmio_write64(u->regs + iotlb, VTD_IOTLB_IVT | VTD_IOTLB_GLOBAL |
		     VTD_IOTLB_DR | VTD_IOTLB_DW);
	vtd_wait(u, iotlb, 8, VTD_IOTLB_IVT, 0, "IOTLB.IVT");
	vtd_command(u, VTD_GCMD_TE, true, "GSTS.TES");
}

/* A unit whose table walks do not snoop reads them from memory. */
static void vtd_flush_tables(void)
{
	for (unsigned int i = 0; i < vtd_nr_units; i++) {
		if (vtd_units[i].ecap & VTD_ECAP_C)
			continue;
		for (unsigned int off = 0; off < vtd_pool_used * PAGE_SIZE;
		     off += 64)
			__asm__ __volatile__("clflush %0"
					     :: "m"(vtd_pool[0][off]));
		__asm__ __volatile__("mfence" ::: "memory");
		return;
	}
}

static void vtd_build_tables(const struct tessera_tables *t, uint64_t *root)
{
	struct vtd_build b = {
		.table = vtd_pool_table, .alloc = vtd_pool_alloc,
		.levels = vtd_levels(),
	};
	int err = vtd_build(&b, t);

	if (err)
		panic("iommu: the VT-d tables of the domain tables: error %d",
		      err);
	vtd_flush_tables();
	*root = b.root;
}

static void vtd_probe(const struct tessera_tables *t,
		      const struct acpi_dmar_info *dmar)
{
	for (size_t i = 0; i < dmar->nr_drhds; i++) {
		struct vtd_unit *u = &vtd_units[vtd_nr_units++];

		u->address = dmar->drhds[i].address;
		u->regs = paging_map_mmio(u->address, VTD_REGS_SIZE);
		u->cap = mmio_read64(u->regs + VTD_CAP);
		u->ecap = mmio_read64(u->regs + VTD_ECAP);
	}
	for (unsigned int i = 0; i < vtd_nr_units; i++)
		vtd_check_unit(t, &vtd_units[i], vtd_levels());
}

void iommu_init(const struct tessera_tables *t)
{
	const struct tt_device *unit = vtd_declared(t);
	struct acpi_dmar_info dmar;
	char why[160];
	uint64_t root;
	int err;

	if (!unit) {
		printk("iommu: none, device DMA is not confined");
		return;
	}
	err = acpi_read_dmar(paging_map_firmware, &dmar);
	if (err)
		vtd_refuse(t, "iommu: the board declares VT-d at 0x%lx, but the "
			   "firmware has no usable ACPI DMAR (error %d)",
			   unit->mmio[0].base, err);
	if (vtd_check_dmar(t, &dmar, why, sizeof(why)))
		vtd_refuse(t, "iommu: %s", why);
	vtd_probe(t, &dmar);
	vtd_build_tables(t, &root);
	for (unsigned int i = 0; i < vtd_nr_units; i++) {
		vtd_enable(&vtd_units[i], root);
		printk("iommu: VT-d at 0x%lx, device DMA confined to each "
		       "driver partition's memory", vtd_units[i].address);
	}
	vtd_active = true;
}

uint64_t iommu_dma_base(uint64_t mem_phys)
{
	return vtd_active ? TESSERA_MEM_BASE : mem_phys;
}

uint64_t iommu_features(void)
{
	return vtd_active ? TESSERA_FEATURE_IOMMU : 0;
}

/* Who asked for the DMA: its owner's name, as the tables give it. */
static const char *vtd_owner(const struct tessera_tables *t, uint16_t sid)
{
	for (uint32_t i = 0; i < t->nr_devices; i++) {
		const struct tt_device *d = &t->devices[i];

		if (!(d->flags & TESSERA_DEVICE_PCI) || d->pci_bdf != sid)
			continue;
		if (d->owner < t->nr_partitions)
			return t->partitions[d->owner].name;
		return d->owner == TT_MONITOR ? "the monitor" : "no partition";
	}
	return "no device of the board";
}

static void vtd_unit_faults(const struct vtd_unit *u)
{
	volatile uint8_t *rec = u->regs + VTD_CAP_FRO(u->cap);

	for (unsigned int i = 0; i < VTD_CAP_NFR(u->cap); i++, rec += 16) {
		uint32_t hi = mmio_read32(rec + 12);
		uint16_t sid = (uint16_t)mmio_read32(rec + 8);
		uint64_t addr = mmio_read64(rec) & VTD_FRCD_ADDR_MASK;

		if (!(hi & VTD_FRCD_F))
			continue;
		printk("iommu: blocked DMA by %02x:%02x.%x (%s) to 0x%lx: "
		       "fault reason %u", sid >> 8, (sid >> 3) & 0x1f, sid & 7,
		       vtd_owner(&tessera_tables, sid), addr, hi & 0xff);
		mmio_write32(rec + 12, VTD_FRCD_F);	/* write 1 to clear */
	}
	if (mmio_read32(u->regs + VTD_FSTS) & VTD_FSTS_PFO) {
		printk("iommu: VT-d at 0x%lx blocked more DMA than it could "
		       "record", u->address);
		mmio_write32(u->regs + VTD_FSTS, VTD_FSTS_PFO);
	}
}

void iommu_report_faults(void)
{
	unsigned long flags;

	if (!vtd_active)
		return;
	flags = spin_lock_irqsave(&vtd_fault_lock);
	for (unsigned int i = 0; i < vtd_nr_units; i++)
		vtd_unit_faults(&vtd_units[i]);
	spin_unlock_irqrestore(&vtd_fault_lock, flags);
}
