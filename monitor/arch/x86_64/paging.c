// SPDX-License-Identifier: MIT
/*
 * The monitor's address space (arch/layout.h), built once on the boot CPU
 * from the linker's symbols and the board's RAM, then shared by every
 * CPU. Page-table pages come from a pool in .bss and are never freed: the
 * monitor maps nothing of its own after boot.
 */

#include <stdint.h>
#include <arch/cpufeature.h>
#include <arch/image.h>
#include <arch/memrange.h>
#include <arch/pagetable.h>
#include <arch/paging.h>
#include <arch/percpu.h>
#include <arch/processor.h>
#include <tessera/compiler.h>
#include <tessera/cpu.h>
#include <tessera/errno.h>
#include <tessera/panic.h>

/* Enough for the image and a direct map of 64 GiB in 2 MiB pages. */
#define PT_POOL_PAGES	96

#define PAGE_RX		0
#define PAGE_RO		PTE_NX
#define PAGE_RW		(PTE_W | PTE_NX)
#define PAGE_UNCACHED	(PTE_W | PTE_NX | PTE_PCD | PTE_PWT)

static uint8_t pt_pool[PT_POOL_PAGES][PAGE_SIZE] __aligned(PAGE_SIZE);
static unsigned int pt_pool_used;
static uint64_t mmio_used;

/* Table pages are in the image, zeroed with .bss. */
static int paging_alloc(uint64_t *pa)
{
	if (pt_pool_used == PT_POOL_PAGES)
		return -ENOMEM;
	*pa = image_phys(pt_pool[pt_pool_used++]);
	return 0;
}

static uint64_t *paging_table(uint64_t pa)
{
	return (uint64_t *)(pa + IMAGE_VBASE);
}

static struct pt monitor_pt = {
	.table = paging_table,
	.alloc = paging_alloc,
};

uint64_t paging_root(void)
{
	return monitor_pt.root;
}

static void paging_map(uint64_t va, uint64_t pa, uint64_t size, uint64_t flags)
{
	int err = pt_map(&monitor_pt, va, pa, size, flags);

	if (err)
		panic("cannot map 0x%lx-0x%lx at 0x%lx (error %d%s)", pa, pa + size,
		      va, err, err == -ENOMEM ? ": PT_POOL_PAGES too small" : "");
}

static void paging_map_image(const void *start, const void *end, uint64_t flags)
{
	paging_map((uint64_t)start, image_phys(start),
		   (uint64_t)end - (uint64_t)start, flags);
}

/* Each CPU's stacks, without the guard page below each. */
static void paging_map_stacks(uint32_t nr_cpus)
{
	for (uint32_t i = 0; i < nr_cpus && i < CONFIG_MAX_CPUS; i++)
		for (unsigned int n = 0; n < NR_STACKS; n++) {
			const uint8_t *data = cpu_stacks[i].stack[n].data;

			paging_map_image(data, data + STACK_SIZE, PAGE_RW);
		}
}

static void paging_map_ram(uint64_t base, uint64_t size, void *unused)
{
	paging_map(DIRECTMAP_BASE + base, base, size, PAGE_RW);
}

void paging_init(const struct tessera_tables *t)
{
	monitor_pt.page_1g = cpu_features.page_1g;
	if (paging_alloc(&monitor_pt.root))
		panic("no page for the page-table root");
	paging_map_image(_image_start, _text_end, PAGE_RX);
	paging_map_image(_text_end, _rodata_end, PAGE_RO);
	paging_map_image(_rodata_end, _stacks_start, PAGE_RW);
	paging_map_stacks(t->nr_cpus);
	paging_map_image(_stacks_end, _image_end, PAGE_RW);
	/* the board's RAM but its reservations (no-map: firmware, monitor) */
	for (uint32_t i = 0; i < t->nr_ram; i++)
		memrange_subtract(&t->ram[i], t->reserved, t->nr_reserved,
				  paging_map_ram, NULL);
	write_cr3(monitor_pt.root);
}

void *paging_map_mmio(uint64_t pa, size_t size)
{
	uint64_t base = ALIGN_DOWN(pa, PAGE_SIZE);
	uint64_t len = ALIGN_UP(pa + size, PAGE_SIZE) - base;
	uint64_t va = MMIO_BASE + mmio_used;

	if (len > MMIO_SIZE - mmio_used)
		panic("no room left to map 0x%lx bytes of MMIO at 0x%lx", len, base);
	paging_map(va, base, len, PAGE_UNCACHED);
	mmio_used += len;
	return (void *)(va + (pa - base));
}

const void *paging_map_firmware(uint64_t pa, size_t len)
{
	uint64_t end = pa + len;

	if (end < pa || end > DIRECTMAP_SIZE)
		return NULL;
	for (uint64_t page = ALIGN_DOWN(pa, PAGE_SIZE); page < end; page += PAGE_SIZE) {
		uint64_t mapped, flags;

		if (pt_lookup(&monitor_pt, DIRECTMAP_BASE + page, &mapped, &flags))
			paging_map(DIRECTMAP_BASE + page, page, PAGE_SIZE, PAGE_RO);
	}
	return paging_direct(pa);
}

void paging_map_trampoline(uint64_t pa)
{
	paging_map(pa, pa, PAGE_SIZE, PAGE_RX);
	paging_map(DIRECTMAP_BASE + pa, pa, PAGE_SIZE, PAGE_RW);
}

static void paging_flush_local(void)
{
	write_cr3(read_cr3());	/* no global pages: this flushes all */
}

void paging_unmap_trampoline(uint64_t pa)
{
	if (pt_unmap(&monitor_pt, pa, PAGE_SIZE) ||
	    pt_unmap(&monitor_pt, DIRECTMAP_BASE + pa, PAGE_SIZE))
		panic("cannot unmap the trampoline page 0x%lx", pa);
	paging_flush_local();
	for (unsigned int i = 0; i < CONFIG_MAX_CPUS; i++) {
		int err;

		if (!percpu[i].online || &percpu[i] == this_cpu())
			continue;
		err = smp_call(i, paging_flush_local, true);
		if (err)
			panic("cpu %u did not flush its TLB (error %d)", i, err);
	}
}
