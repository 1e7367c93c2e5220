// SPDX-License-Identifier: MIT
/*
 * The VT-d tables (monitor/drivers/vtd_tables.c) built into ordinary
 * memory from hand-written domain tables and read back as the IOMMU
 * walks them: a context entry for each PCI function a partition owns and
 * for no other, one domain per partition, and a second-level table that
 * maps exactly the owner's memory at TESSERA_MEM_BASE, read-write, with
 * nothing below it, above it or elsewhere — with 3 levels and with 4.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <drivers/vtd.h>
#include <tessera/errno.h>

#define POOL_PAGES	64
#define BASE		TESSERA_MEM_BASE
#define NO_PAGE		UINT64_MAX

static uint8_t *pool;
static unsigned int pool_used, pool_limit;

static int test_alloc(uint64_t *pa)
{
	if (pool_used == pool_limit)
		return -ENOMEM;
	*pa = (uint64_t)(uintptr_t)(pool + PAGE_SIZE * pool_used++);
	return 0;
}

static uint64_t *test_table(uint64_t pa)
{
	return (uint64_t *)(uintptr_t)pa;
}

#define PCI(bus, dev, fn)	.flags = TESSERA_DEVICE_PCI, \
				.pci_bdf = TESSERA_PCI_BDF(bus, dev, fn)

/* net: 2 MiB-aligned memory; disk: memory on no 2 MiB boundary; plain: no device */
static struct tt_partition partitions[] = {
	{ .name = "net", .mem = { 0x1000000, 0x400000 } },
	{ .name = "disk", .mem = { 0x2345000, 0x203000 } },
	{ .name = "plain", .mem = { 0x3000000, 0x200000 } },
};

static struct tt_device devices[] = {
	{ .name = "nic", .owner = 0, PCI(0, 3, 0) },
	{ .name = "blk", .owner = 1, PCI(0, 4, 0) },
	{ .name = "nic2", .owner = 0, PCI(2, 1, 1) },
	{ .name = "serial", .owner = 1 },			/* ISA: pci_bdf 0 */
	{ .name = "loose", .owner = TT_NONE, PCI(0, 5, 0) },
	{ .name = "mine", .owner = TT_MONITOR, PCI(0, 6, 0) },
};

static struct tessera_tables tables = {
	.nr_partitions = 3, .partitions = partitions,
	.nr_devices = 6, .devices = devices,
};

static struct vtd_build build;

static int setup(void **state)
{
	if (!pool)
		pool = aligned_alloc(PAGE_SIZE, POOL_PAGES * PAGE_SIZE);
	memset(pool, 0, POOL_PAGES * PAGE_SIZE);
	pool_used = 0;
	pool_limit = POOL_PAGES;
	build = (struct vtd_build){ .table = test_table, .alloc = test_alloc,
				    .levels = 4 };
	return pool ? 0 : -1;
}

static int teardown(void **state)
{
	free(pool);
	pool = NULL;
	return 0;
}

static const struct vtd_entry *entries(uint64_t pa)
{
	return (const struct vtd_entry *)(uintptr_t)pa;
}

/* The context entry of bus:dev.fn, or NULL when the root has no table. */
static const struct vtd_entry *context(uint8_t bus, uint8_t dev, uint8_t fn)
{
	const struct vtd_entry *r = &entries(build.root)[bus];

	if (!(r->lo & VTD_PRESENT))
		return NULL;
	assert_int_equal(r->hi, 0);
	return &entries(r->lo & PTE_ADDR_MASK)[(dev << 3) | fn];
}

static uint64_t context_slpt(const struct vtd_entry *c)
{
	return c->lo & PTE_ADDR_MASK;
}

/*
 * What `iova` reaches through the table at slpt, as VT-d walks it: the
 * physical address, or NO_PAGE; *perm the Read and Write bits granted
 * at every level.
 */
static uint64_t translate(uint64_t slpt, uint64_t iova, uint64_t *perm)
{
	uint64_t table = slpt;

	*perm = VTD_SL_R | VTD_SL_W;
	if (iova >> (12 + 9 * build.levels))
		return NO_PAGE;		/* beyond the address width */
	for (unsigned int level = build.levels; level >= 1; level--) {
		unsigned int shift = 12 + 9 * (level - 1);
		uint64_t e = test_table(table)[(iova >> shift) & 511];

		*perm &= e;
		if (!(e & (VTD_SL_R | VTD_SL_W)))
			return NO_PAGE;
		if (level == 1 || (e & VTD_SL_PS)) {
			uint64_t size = 1ULL << shift;

			return (e & PTE_ADDR_MASK & ~(size - 1)) +
			       (iova & (size - 1));
		}
		table = e & PTE_ADDR_MASK;
	}
	return NO_PAGE;
}

static void assert_unmapped(uint64_t slpt, uint64_t iova)
{
	uint64_t perm;

	assert_int_equal(translate(slpt, iova, &perm), NO_PAGE);
}

/* Exactly the partition's memory, page by page, read-write. */
static void assert_maps_partition(uint64_t slpt, const struct tt_partition *p)
{
	for (uint64_t off = 0; off < p->mem.size; off += PAGE_SIZE) {
		uint64_t perm;

		assert_int_equal(translate(slpt, BASE + off, &perm),
				 p->mem.base + off);
		assert_int_equal(perm, VTD_SL_R | VTD_SL_W);
	}
	assert_int_equal(translate(slpt, BASE + 0x123, &(uint64_t){ 0 }),
			 p->mem.base + 0x123);
	assert_unmapped(slpt, BASE + p->mem.size);
	assert_unmapped(slpt, BASE - PAGE_SIZE);
	assert_unmapped(slpt, 0);
	assert_unmapped(slpt, TESSERA_START_INFO_ADDR);
	assert_unmapped(slpt, TESSERA_SHARED_INFO_ADDR);
	assert_unmapped(slpt, p->mem.base);	/* its physical address */
	assert_unmapped(slpt, TESSERA_RING_BASE);
	assert_unmapped(slpt, TESSERA_MMIO_BASE);
}

/* The context entries present, on all 256 buses. */
static unsigned int count_contexts(void)
{
	unsigned int n = 0;

	for (unsigned int bus = 0; bus < VTD_BUSES; bus++) {
		for (unsigned int devfn = 0; devfn < VTD_DEVFNS; devfn++) {
			const struct vtd_entry *c =
				context(bus, devfn >> 3, devfn & 7);

			n += c && (c->lo & VTD_PRESENT);
		}
	}
	return n;
}

static void check_build(unsigned int levels)
{
	const struct vtd_entry *nic, *blk, *nic2;

	build.levels = levels;
	assert_int_equal(vtd_build(&build, &tables), 0);
	assert_true(pool_used <= VTD_POOL_PAGES(3, 6, 0x400000));

	nic = context(0, 3, 0);
	blk = context(0, 4, 0);
	nic2 = context(2, 1, 1);
	assert_int_equal(count_contexts(), 3);
	assert_true(nic->lo & VTD_PRESENT);
	assert_true(blk->lo & VTD_PRESENT);
	assert_true(nic2->lo & VTD_PRESENT);
	assert_null(context(1, 0, 0));
	assert_int_equal(nic->hi, VTD_AW(levels) | 1 << VTD_CONTEXT_DID_SHIFT);
	assert_int_equal(nic2->hi, VTD_AW(levels) | 1 << VTD_CONTEXT_DID_SHIFT);
	assert_int_equal(blk->hi, VTD_AW(levels) | 2 << VTD_CONTEXT_DID_SHIFT);
	/* translation type 0, fault processing on, nothing else */
	assert_int_equal(nic->lo & ~PTE_ADDR_MASK, VTD_PRESENT);
	assert_int_equal(blk->lo & ~PTE_ADDR_MASK, VTD_PRESENT);

	/* one domain, one table: the partition's functions share it */
	assert_int_equal(context_slpt(nic), context_slpt(nic2));
	assert_int_not_equal(context_slpt(nic), context_slpt(blk));
	assert_maps_partition(context_slpt(nic), &partitions[0]);
	assert_maps_partition(context_slpt(blk), &partitions[1]);
	assert_unmapped(context_slpt(blk), BASE + 0x400000);	/* net's */
}

static void test_four_levels(void **state)
{
	check_build(4);
}

static void test_three_levels(void **state)
{
	check_build(3);
}

/* 2 MiB pages where both addresses allow them, 4 KiB pages elsewhere. */
static void test_page_sizes(void **state)
{
	uint64_t pd, e;

	assert_int_equal(vtd_build(&build, &tables), 0);
	pd = test_table(test_table(context_slpt(context(0, 3, 0)))[0] &
			PTE_ADDR_MASK)[0] & PTE_ADDR_MASK;
	e = test_table(pd)[BASE >> 21];
	assert_int_equal(e, 0x1000000 | VTD_SL_PS | VTD_SL_R | VTD_SL_W);
	pd = test_table(test_table(context_slpt(context(0, 4, 0)))[0] &
			PTE_ADDR_MASK)[0] & PTE_ADDR_MASK;
	assert_false(test_table(pd)[BASE >> 21] & VTD_SL_PS);
}

/* A function given twice (gen refuses it; the monitor does not trust gen). */
static void test_function_twice(void **state)
{
	devices[1].pci_bdf = TESSERA_PCI_BDF(2, 1, 1);
	assert_int_equal(vtd_build(&build, &tables), -EEXIST);
	devices[1].pci_bdf = TESSERA_PCI_BDF(0, 4, 0);
}

static void test_partition_without_memory(void **state)
{
	partitions[1].mem.size = 0;
	assert_int_equal(vtd_build(&build, &tables), -EINVAL);
	partitions[1].mem.size = 0x203000;
}

static void test_pool_exhausted(void **state)
{
	for (pool_limit = 0; pool_limit < 8; pool_limit++) {
		memset(pool, 0, POOL_PAGES * PAGE_SIZE);
		pool_used = 0;
		assert_int_equal(vtd_build(&build, &tables), -ENOMEM);
	}
}

/* No PCI function given to a partition: a root table and nothing in it. */
static void test_no_functions(void **state)
{
	struct tessera_tables none = tables;

	none.nr_devices = 0;
	assert_int_equal(vtd_build(&build, &none), 0);
	assert_int_equal(pool_used, 1);
	for (unsigned int bus = 0; bus < VTD_BUSES; bus++)
		assert_null(context(bus, 0, 0));
}

#define TEST(t)	cmocka_unit_test_setup_teardown(t, setup, NULL)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(test_four_levels),
		TEST(test_three_levels),
		TEST(test_page_sizes),
		TEST(test_function_twice),
		TEST(test_partition_without_memory),
		TEST(test_pool_exhausted),
		TEST(test_no_functions),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
