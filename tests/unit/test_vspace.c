// SPDX-License-Identifier: MIT
/*
 * A partition's address space (monitor/arch/x86_64/vspace.c) built into
 * ordinary memory and read back page by page: the program's text alone
 * executable, its read-only data read-only, the rest of its memory
 * read-write, the info pages as public/layout.h says, each ring
 * read-write at its place in the ring window, every page user, and
 * nothing mapped around them (the guard page after each ring included).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <arch/vspace.h>
#include <public/layout.h>
#include <tessera/errno.h>

#define POOL_PAGES	64
#define MEM_PA		0x2000000UL
#define MEM_SIZE	0x400000UL
#define SI_PA		0x150000UL
#define SHI_PA		0x151000UL
#define BASE		TESSERA_MEM_BASE
#define RING0_PA	0x3000000UL
#define RING1_PA	0x3100000UL
#define RING_SPAN	(0x3000 + PAGE_SIZE + 0x22000 + PAGE_SIZE)

static uint8_t *pool;
static unsigned int pool_used;

static int test_alloc(uint64_t *pa)
{
	if (pool_used == POOL_PAGES)
		return -ENOMEM;
	*pa = (uint64_t)(uintptr_t)(pool + PAGE_SIZE * pool_used++);
	return 0;
}

static uint64_t *test_table(uint64_t pa)
{
	return (uint64_t *)(uintptr_t)pa;
}

static struct pt pt;
static struct elf_image elf;
static struct vspace_desc desc;

/* a small ring, then one of 64 slots of 2 KiB, as channel.c places them */
static const struct tt_channel channels[] = {
	{ .name = "small", .mem = { RING0_PA, 0x3000 } },
	{ .name = "big", .mem = { RING1_PA, 0x22000 } },
};
static struct channel_end rings[2];

/* text 2 pages RX, rodata 1 page R, data+bss 3 pages RW; again for each case */
static int setup(void **state)
{
	if (!pool)
		pool = aligned_alloc(PAGE_SIZE, POOL_PAGES * PAGE_SIZE);
	memset(pool, 0, POOL_PAGES * PAGE_SIZE);
	pool_used = 0;
	pt = (struct pt){ .table = test_table, .alloc = test_alloc };
	assert_int_equal(test_alloc(&pt.root), 0);
	elf = (struct elf_image){
		.entry = BASE,
		.nr_segments = 3,
		.segments = {
			{ BASE, 0x1800, 0, 0x1800, ELF_SEG_R | ELF_SEG_X },
			{ BASE + 0x2000, 0x100, 0x2000, 0x100, ELF_SEG_R },
			{ BASE + 0x3000, 0x2100, 0x3000, 0x10, ELF_SEG_R | ELF_SEG_W },
		},
	};
	rings[0] = (struct channel_end){ &channels[0], TESSERA_RING_BASE, true };
	rings[1] = (struct channel_end){ &channels[1],
					 TESSERA_RING_BASE + 0x4000, false };
	desc = (struct vspace_desc){ MEM_PA, MEM_SIZE, SI_PA, SHI_PA, &elf,
				     rings, 2, NULL, 0 };
	return 0;
}

static int teardown(void **state)
{
	free(pool);
	pool = NULL;
	return 0;
}

static void assert_page(uint64_t va, uint64_t want_pa, uint64_t want_flags)
{
	uint64_t pa, flags;

	assert_int_equal(pt_lookup(&pt, va, &pa, &flags), 0);
	assert_int_equal(pa, want_pa);
	assert_int_equal(flags & (PTE_P | PTE_U | PTE_W | PTE_NX),
			 PTE_P | want_flags);
}

static void assert_unmapped(uint64_t va)
{
	uint64_t pa, flags;

	assert_int_equal(pt_lookup(&pt, va, &pa, &flags), -ENOENT);
}

static void test_permissions(void **state)
{
	assert_int_equal(vspace_build(&pt, &desc), 0);
	assert_page(BASE, MEM_PA, PTE_U);
	assert_page(BASE + 0x1000, MEM_PA + 0x1000, PTE_U);
	assert_page(BASE + 0x2000, MEM_PA + 0x2000, PTE_U | PTE_NX);
	for (uint64_t off = 0x3000; off < 0x6000; off += PAGE_SIZE)
		assert_page(BASE + off, MEM_PA + off, PTE_U | PTE_W | PTE_NX);
	/* the memory no segment covers, up to the stack at the top */
	assert_page(BASE + 0x6000, MEM_PA + 0x6000, PTE_U | PTE_W | PTE_NX);
	assert_page(BASE + MEM_SIZE - 8, MEM_PA + MEM_SIZE - 8,
		    PTE_U | PTE_W | PTE_NX);
	assert_page(TESSERA_START_INFO_ADDR, SI_PA, PTE_U | PTE_NX);
	assert_page(TESSERA_SHARED_INFO_ADDR, SHI_PA, PTE_U | PTE_W | PTE_NX);
	for (uint64_t off = 0; off < 0x3000; off += PAGE_SIZE)
		assert_page(TESSERA_RING_BASE + off, RING0_PA + off,
			    PTE_U | PTE_W | PTE_NX);
	for (uint64_t off = 0; off < 0x22000; off += PAGE_SIZE)
		assert_page(TESSERA_RING_BASE + 0x4000 + off, RING1_PA + off,
			    PTE_U | PTE_W | PTE_NX);
}

static void test_nothing_else(void **state)
{
	assert_int_equal(vspace_build(&pt, &desc), 0);
	assert_unmapped(0);
	assert_unmapped(0x1000);
	assert_unmapped(TESSERA_START_INFO_ADDR - PAGE_SIZE);
	assert_unmapped(TESSERA_SHARED_INFO_ADDR + PAGE_SIZE);
	assert_unmapped(BASE - PAGE_SIZE);
	assert_unmapped(BASE + MEM_SIZE);
	assert_unmapped(TESSERA_RING_BASE - PAGE_SIZE);
	assert_unmapped(TESSERA_RING_BASE + 0x3000);		/* guard pages */
	assert_unmapped(TESSERA_RING_BASE + RING_SPAN - PAGE_SIZE);
	assert_unmapped(TESSERA_RING_BASE + RING_SPAN);
	assert_unmapped(TESSERA_MMIO_BASE);
	assert_unmapped(0xffff800000000000UL + MEM_PA);
	assert_unmapped(0xffffffff80000000UL);
	/* no table page is reachable: every mapping is of memory or an info page */
	for (unsigned int i = 0; i < pool_used; i++) {
		uint64_t table = (uint64_t)(uintptr_t)(pool + PAGE_SIZE * i);

		assert_true(table < MEM_PA || table >= MEM_PA + MEM_SIZE);
		assert_true(table < RING0_PA || table >= RING1_PA + 0x22000);
		assert_true(table != SI_PA && table != SHI_PA);
	}
}

/* A 2 MiB-aligned memory is mapped with large pages where one permission covers them. */
static void test_large_pages_past_the_program(void **state)
{
	uint64_t pa, flags;

	assert_int_equal(vspace_build(&pt, &desc), 0);
	assert_int_equal(pt_lookup(&pt, BASE + 0x200000, &pa, &flags), 0);
	assert_int_equal(pa, MEM_PA + 0x200000);
	assert_true(flags & PTE_PS);
	assert_true(flags & PTE_NX);
}

static void test_the_pool_bound_holds(void **state)
{
	assert_int_equal(vspace_build(&pt, &desc), 0);
	assert_true(pool_used <= VSPACE_TABLE_PAGES(BASE + MEM_SIZE, RING_SPAN));
}

static void test_refused(void **state)
{
	elf.segments[1].flags = ELF_SEG_W | ELF_SEG_X;
	assert_int_equal(vspace_build(&pt, &desc), -EINVAL);
	setup(state);
	elf.segments[2].memsz = MEM_SIZE;	/* past the end */
	assert_int_equal(vspace_build(&pt, &desc), -EINVAL);
	setup(state);
	elf.segments[0].vaddr = BASE + 0x2000;	/* out of order */
	assert_int_equal(vspace_build(&pt, &desc), -EINVAL);
	setup(state);
	desc.mem_size = TESSERA_MEM_MAX + PAGE_SIZE;
	assert_int_equal(vspace_build(&pt, &desc), -EINVAL);
	/* a ring outside the ring window, below it or running past it */
	setup(state);
	rings[1].va = TESSERA_MEM_BASE + MEM_SIZE;
	assert_int_equal(vspace_build(&pt, &desc), -EINVAL);
	setup(state);
	rings[1].va = TESSERA_MMIO_BASE - 0x1000;
	assert_int_equal(vspace_build(&pt, &desc), -EINVAL);
	setup(state);
	rings[1].va = UINT64_MAX & ~0xfffUL;
	assert_int_equal(vspace_build(&pt, &desc), -EINVAL);
}

/*
 * A driver partition's device windows: read-write, no-execute, uncached
 * (PCD and PWT), user, where device_map.c put them, a guard page between;
 * one of size 0 (refused there) maps nothing.
 */
static void test_device_windows(void **state)
{
	static const struct device_window windows[] = {
		{ TESSERA_MMIO_BASE, 0xe0000000, 0x4000 },
		{ TESSERA_MMIO_BASE + 0x5000, 0xfe000000, 0 },
		{ TESSERA_MMIO_BASE + 0x5000, 0xe0010000, 0x1000 },
	};
	uint64_t pa, flags;

	desc.mmio = windows;
	desc.nr_mmio = 3;
	assert_int_equal(vspace_build(&pt, &desc), 0);
	for (uint64_t off = 0; off < 0x4000; off += PAGE_SIZE) {
		assert_page(TESSERA_MMIO_BASE + off, 0xe0000000 + off,
			    PTE_U | PTE_W | PTE_NX);
		assert_int_equal(pt_lookup(&pt, TESSERA_MMIO_BASE + off, &pa,
					   &flags), 0);
		assert_int_equal(flags & (PTE_PCD | PTE_PWT), PTE_PCD | PTE_PWT);
	}
	assert_unmapped(TESSERA_MMIO_BASE + 0x4000);
	assert_page(TESSERA_MMIO_BASE + 0x5000, 0xe0010000,
		    PTE_U | PTE_W | PTE_NX);
	assert_unmapped(TESSERA_MMIO_BASE + 0x6000);
	assert_unmapped(TESSERA_MMIO_BASE - PAGE_SIZE);
}

/* A device window outside the MMIO window, below it or running past it. */
static void test_device_windows_refused(void **state)
{
	static const struct device_window below[] = {
		{ TESSERA_MMIO_BASE - PAGE_SIZE, 0xe0000000, 0x2000 },
	};
	static const struct device_window past[] = {
		{ TESSERA_USER_TOP - PAGE_SIZE, 0xe0000000, 0x2000 },
	};
	static const struct device_window wrapping[] = {
		{ UINT64_MAX & ~0xfffUL, 0xe0000000, 0x2000 },
	};

	desc.mmio = below;
	desc.nr_mmio = 1;
	assert_int_equal(vspace_build(&pt, &desc), -EINVAL);
	setup(state);
	desc.mmio = past;
	desc.nr_mmio = 1;
	assert_int_equal(vspace_build(&pt, &desc), -EINVAL);
	setup(state);
	desc.mmio = wrapping;
	desc.nr_mmio = 1;
	assert_int_equal(vspace_build(&pt, &desc), -EINVAL);
}

static void test_segment_flags(void **state)
{
	assert_int_equal(vspace_segment_flags(ELF_SEG_R | ELF_SEG_X), PTE_U);
	assert_int_equal(vspace_segment_flags(ELF_SEG_X), PTE_U);
	assert_int_equal(vspace_segment_flags(ELF_SEG_R), PTE_U | PTE_NX);
	assert_int_equal(vspace_segment_flags(0), PTE_U | PTE_NX);
	assert_int_equal(vspace_segment_flags(ELF_SEG_R | ELF_SEG_W),
			 PTE_U | PTE_W | PTE_NX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_permissions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nothing_else, setup, teardown),
		cmocka_unit_test_setup_teardown(test_large_pages_past_the_program,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_the_pool_bound_holds, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_device_windows, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_device_windows_refused, setup,
						teardown),
		cmocka_unit_test(test_segment_flags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
