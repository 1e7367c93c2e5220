// SPDX-License-Identifier: MIT
/*
 * The boot CPU's first C (from head.S, on the boot stack and the boot
 * page tables): its per-CPU data and IDT, so that a fault from here on is
 * reported, a copy of the loader's memory map while the loader's memory
 * is still mapped, then main_bsp on the CPU's own stack. Also the boot
 * hooks of tessera/cpu.h about memory.
 */

#include <stdint.h>
#include <arch/cpufeature.h>
#include <arch/image.h>
#include <arch/multiboot.h>
#include <arch/paging.h>
#include <arch/percpu.h>
#include <arch/processor.h>
#include <arch/traps.h>
#include <arch/trampoline.h>
#include <tessera/cpu.h>
#include <tessera/errno.h>
#include <tessera/printk.h>

#define BOOT_MEMMAP_MAX		128
#define BOOT_IDENTITY_END	0x100000000UL	/* head.S maps 4 GiB */

__noreturn void arch_boot_bsp(uint32_t multiboot_info);

static struct memmap_entry boot_memmap[BOOT_MEMMAP_MAX];
static int boot_memmap_count;

/* The loader's memory through the boot identity map; 0 is no address. */
static const void *boot_phys(uint64_t pa, size_t len)
{
	if (!pa || pa + len < pa || pa + len > BOOT_IDENTITY_END)
		return NULL;
	return (const void *)pa;
}

void arch_boot_bsp(uint32_t multiboot_info)
{
	uint32_t apic_id = cpuid(1, 0).ebx >> 24;	/* the initial APIC id */
	int index = cpu_index_of(apic_id);
	/* a boot CPU the board lacks is refused in main_bsp, from slot 0 */
	struct percpu *cpu = &percpu[index < 0 ? 0 : index];

	idt_init();
	percpu_setup(cpu, index < 0 ? 0 : (unsigned int)index, apic_id);
	percpu_load(cpu);
	boot_memmap_count = multiboot_memmap(
		boot_phys(multiboot_info, sizeof(struct multiboot_info)),
		boot_phys, boot_memmap, BOOT_MEMMAP_MAX);
	arch_run_on_stack(stack_top(cpu->arch.stacks, STACK_KERNEL), main_bsp);
}

void arch_mm_init(const struct tessera_tables *t)
{
	cpu_features_detect();
	paging_init(t);
	cpu_protect();
	cpu_features_print();
}

int arch_memory_map(const struct memmap_entry **map)
{
	switch (boot_memmap_count) {
	case -ENOENT:
		printk("the boot loader gave no memory map");
		break;
	case -EINVAL:
		printk("the boot loader's memory map is malformed");
		break;
	case -E2BIG:
		printk("the boot loader's memory map has more than %u entries",
		       BOOT_MEMMAP_MAX);
		break;
	}
	for (int i = 0; i < boot_memmap_count; i++)
		pr_debug("memory map: 0x%lx-0x%lx type %u", boot_memmap[i].base,
			 boot_memmap[i].base + boot_memmap[i].size,
			 boot_memmap[i].type);
	*map = boot_memmap;
	return boot_memmap_count;
}

/* The reservation of the tables that holds [base, base + size), or NULL. */
static const struct tt_range *boot_reservation(const struct tessera_tables *t,
					       uint64_t base, uint64_t size)
{
	for (uint32_t i = 0; i < t->nr_reserved; i++) {
		const struct tt_range *r = &t->reserved[i];

		if (base >= r->base && base + size <= r->base + r->size)
			return r;
	}
	return NULL;
}

int arch_check_reservations(const struct tessera_tables *t)
{
	uint64_t start = image_phys(_image_start), end = image_phys(_image_end);
	int problems = 0;

	if (start != t->monitor.base || end > t->monitor.base + t->monitor.size) {
		printk("monitor image at 0x%lx-0x%lx lies outside its reservation "
		       "0x%lx-0x%lx", start, end, t->monitor.base,
		       t->monitor.base + t->monitor.size);
		problems++;
	}
	if (!boot_reservation(t, TRAMPOLINE_PA, PAGE_SIZE)) {
		printk("no reservation of the board holds the AP start page 0x%x-0x%lx",
		       TRAMPOLINE_PA, TRAMPOLINE_PA + PAGE_SIZE);
		problems++;
	}
	return problems;
}
