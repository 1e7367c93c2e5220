// SPDX-License-Identifier: MIT
/*
 * Page tables from ranges (monitor/arch/x86_64/pagetable.c), built in
 * ordinary memory: a "physical address" here is the host address of a
 * page from a small pool, so the tables can be read back directly.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <arch/pagetable.h>
#include <tessera/errno.h>

#define POOL_PAGES	16
#define MiB		0x100000UL
#define GiB		0x40000000UL
#define VA		0xffff800000000000UL

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

static struct pt pt;

static int setup(void **state)
{
	pool = aligned_alloc(PAGE_SIZE, POOL_PAGES * PAGE_SIZE);
	memset(pool, 0, POOL_PAGES * PAGE_SIZE);
	pool_used = 0;
	pool_limit = POOL_PAGES;
	pt = (struct pt){ .table = test_table, .alloc = test_alloc };
	assert_int_equal(test_alloc(&pt.root), 0);
	return 0;
}

static int teardown(void **state)
{
	free(pool);
	return 0;
}

static void assert_maps(uint64_t va, uint64_t pa, uint64_t flags)
{
	uint64_t got_pa, got_flags;

	assert_int_equal(pt_lookup(&pt, va, &got_pa, &got_flags), 0);
	assert_int_equal(got_pa, pa);
	assert_int_equal(got_flags, flags);
}

static void assert_unmapped(uint64_t va)
{
	uint64_t pa, flags;

	assert_int_equal(pt_lookup(&pt, va, &pa, &flags), -ENOENT);
}

/* 4 KiB pages: each page where it belongs, with its flags, and no more. */
static void test_map_small_pages(void **state)
{
	assert_int_equal(pt_map(&pt, VA + 0x5000, 0x123000, 0x3000,
				PTE_W | PTE_NX), 0);
	assert_maps(VA + 0x5000, 0x123000, PTE_P | PTE_W | PTE_NX);
	assert_maps(VA + 0x7fff, 0x125fff, PTE_P | PTE_W | PTE_NX);
	assert_unmapped(VA + 0x4fff);
	assert_unmapped(VA + 0x8000);
	assert_int_equal(pool_used, 4);		/* PML4, PDPT, PD, PT */
}

/* 2 MiB pages where both addresses and the size allow, 4 KiB around. */
static void test_map_uses_large_pages(void **state)
{
	assert_int_equal(pt_map(&pt, VA + 2 * MiB - 0x1000, 2 * MiB - 0x1000,
				4 * MiB + 0x2000, PTE_NX), 0);
	assert_maps(VA + 2 * MiB - 0x1000, 2 * MiB - 0x1000, PTE_P | PTE_NX);
	assert_maps(VA + 2 * MiB, 2 * MiB, PTE_P | PTE_NX | PTE_PS);
	assert_maps(VA + 5 * MiB + 0x1234, 5 * MiB + 0x1234, PTE_P | PTE_NX | PTE_PS);
	assert_maps(VA + 6 * MiB, 6 * MiB, PTE_P | PTE_NX);
	assert_unmapped(VA + 6 * MiB + 0x1000);
}

/* Misaligned physical addresses keep 4 KiB pages. */
static void test_map_misaligned_pa_stays_small(void **state)
{
	assert_int_equal(pt_map(&pt, VA, 0x1000, 2 * MiB, 0), 0);
	assert_maps(VA + 0x1ff000, 0x200000, PTE_P);
}

static void test_map_1g_pages_only_when_allowed(void **state)
{
	assert_int_equal(pt_map(&pt, VA, 0, GiB, 0), 0);
	assert_maps(VA + GiB - 1, GiB - 1, PTE_P | PTE_PS);
	assert_int_equal(pool_used, 3);		/* root, PDPT, a PD of large pages */

	pt.page_1g = true;
	assert_int_equal(pt_map(&pt, VA + GiB, GiB, GiB, 0), 0);
	assert_int_equal(pool_used, 3);		/* one more PDPT entry */
	assert_maps(VA + 2 * GiB - 0x1000, 2 * GiB - 0x1000, PTE_P | PTE_PS);
}

static void test_map_rejects_misalignment(void **state)
{
	assert_int_equal(pt_map(&pt, VA + 1, 0, PAGE_SIZE, 0), -EINVAL);
	assert_int_equal(pt_map(&pt, VA, 0x10, PAGE_SIZE, 0), -EINVAL);
	assert_int_equal(pt_map(&pt, VA, 0, 100, 0), -EINVAL);
	assert_int_equal(pool_used, 1);
}

/* The same mapping again is fine; a different one in the way is not. */
static void test_map_conflicts(void **state)
{
	assert_int_equal(pt_map(&pt, VA, 0x200000, 0x2000, PTE_W), 0);
	assert_int_equal(pt_map(&pt, VA, 0x200000, 0x2000, PTE_W), 0);
	assert_int_equal(pt_map(&pt, VA + 0x1000, 0x201000, 0x1000, 0), -EEXIST);
	assert_int_equal(pt_map(&pt, VA + 0x1000, 0x300000, 0x1000, PTE_W), -EEXIST);
	/* a large page over existing small ones, and small ones inside it */
	assert_int_equal(pt_map(&pt, VA, 0x200000, 2 * MiB, PTE_W), -EEXIST);
	assert_int_equal(pt_map(&pt, VA + 2 * MiB, 0x400000, 2 * MiB, 0), 0);
	assert_int_equal(pt_map(&pt, VA + 2 * MiB, 0x400000, 0x1000, 0), -EEXIST);
}

/* Accessed and dirty bits the CPU set do not make a mapping different. */
static void test_map_ignores_accessed_dirty(void **state)
{
	uint64_t *pml4 = test_table(pt.root), *pdpt, *pd, *ptab;

	assert_int_equal(pt_map(&pt, VA, 0x200000, 0x1000, PTE_W), 0);
	pdpt = test_table(pml4[256] & PTE_ADDR_MASK);
	pd = test_table(pdpt[0] & PTE_ADDR_MASK);
	ptab = test_table(pd[0] & PTE_ADDR_MASK);
	ptab[0] |= PTE_A | PTE_D;
	assert_int_equal(pt_map(&pt, VA, 0x200000, 0x1000, PTE_W), 0);
}

/* Tables on the way to a user page are user-accessible too. */
static void test_map_user_reaches_leaf(void **state)
{
	uint64_t *pml4 = test_table(pt.root);

	assert_int_equal(pt_map(&pt, 0x400000, 0x800000, 0x1000, 0), 0);
	assert_int_equal(pml4[0] & PTE_U, 0);
	assert_int_equal(pt_map(&pt, 0x401000, 0x801000, 0x1000, PTE_U | PTE_W), 0);
	assert_int_equal(pml4[0] & PTE_U, PTE_U);
	assert_maps(0x401000, 0x801000, PTE_P | PTE_U | PTE_W);
}

static void test_map_out_of_pages(void **state)
{
	pool_limit = 3;
	assert_int_equal(pt_map(&pt, VA, 0, 0x1000, 0), -ENOMEM);
}

static void test_unmap(void **state)
{
	assert_int_equal(pt_map(&pt, 0x8000, 0x8000, 0x3000, 0), 0);
	assert_int_equal(pt_unmap(&pt, 0x9000, 0x1000), 0);
	assert_maps(0x8000, 0x8000, PTE_P);
	assert_unmapped(0x9000);
	assert_maps(0xa000, 0xa000, PTE_P);
	/* holes, even whole missing tables, are skipped */
	assert_int_equal(pt_unmap(&pt, 0, 4 * GiB), 0);
	assert_unmapped(0x8000);
	assert_unmapped(0xa000);
}

/* Splitting a large page is refused before anything is removed. */
static void test_unmap_refuses_split(void **state)
{
	assert_int_equal(pt_map(&pt, VA, 0, 0x1000, 0), 0);
	assert_int_equal(pt_map(&pt, VA + 2 * MiB, 2 * MiB, 2 * MiB, 0), 0);
	assert_int_equal(pt_unmap(&pt, VA, 2 * MiB + 0x1000), -EBUSY);
	assert_maps(VA, 0, PTE_P);
	assert_int_equal(pt_unmap(&pt, VA, 4 * MiB), 0);
	assert_unmapped(VA);
	assert_unmapped(VA + 3 * MiB);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_map_small_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_map_uses_large_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_map_misaligned_pa_stays_small, setup, teardown),
		cmocka_unit_test_setup_teardown(test_map_1g_pages_only_when_allowed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_map_rejects_misalignment, setup, teardown),
		cmocka_unit_test_setup_teardown(test_map_conflicts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_map_ignores_accessed_dirty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_map_user_reaches_leaf, setup, teardown),
		cmocka_unit_test_setup_teardown(test_map_out_of_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unmap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unmap_refuses_split, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
