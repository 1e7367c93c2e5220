// SPDX-License-Identifier: MIT
/* CPUID features and the CPU protections that follow from them. */

#include <arch/cpufeature.h>
#include <arch/msr.h>
#include <arch/processor.h>
#include <tessera/printk.h>

struct cpu_features cpu_features;

#define CPUID_1_ECX_TSC_DEADLINE (1U << 24)
#define CPUID_7_EBX_SMEP	(1U << 7)
#define CPUID_7_EBX_SMAP	(1U << 20)
#define CPUID_7_ECX_UMIP	(1U << 2)
#define CPUID_80000001_EDX_1G	(1U << 26)
#define CPUID_80000007_EDX_INVTSC (1U << 8)

void cpu_features_detect(void)
{
	uint32_t max = cpuid(0, 0).eax;
	uint32_t max_ext = cpuid(0x80000000, 0).eax;

	cpu_features.tsc_deadline = cpuid(1, 0).ecx & CPUID_1_ECX_TSC_DEADLINE;
	if (max >= 7) {
		struct cpuid l7 = cpuid(7, 0);

		cpu_features.smep = l7.ebx & CPUID_7_EBX_SMEP;
		cpu_features.smap = l7.ebx & CPUID_7_EBX_SMAP;
		cpu_features.umip = l7.ecx & CPUID_7_ECX_UMIP;
	}
	/* head.S made sure of 0x80000001 (long mode, NX) */
	cpu_features.page_1g = cpuid(0x80000001, 0).edx & CPUID_80000001_EDX_1G;
	if (max_ext >= 0x80000007)
		cpu_features.invariant_tsc =
			cpuid(0x80000007, 0).edx & CPUID_80000007_EDX_INVTSC;
}

void cpu_features_print(void)
{
	const struct cpu_features *f = &cpu_features;
	bool all = f->smep && f->smap && f->umip;

	printk("cpu protections: nx wp%s%s%s%s%s%s%s", f->smep ? " smep" : "",
	       f->smap ? " smap" : "", f->umip ? " umip" : "",
	       all ? "" : "; not on this cpu:", f->smep ? "" : " smep",
	       f->smap ? "" : " smap", f->umip ? "" : " umip");
}

void cpu_protect(void)
{
	uint64_t cr4 = read_cr4();

	write_cr0(read_cr0() | CR0_WP);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_NXE);
	if (cpu_features.smep)
		cr4 |= CR4_SMEP;
	if (cpu_features.smap)
		cr4 |= CR4_SMAP;
	if (cpu_features.umip)
		cr4 |= CR4_UMIP;
	write_cr4(cr4);
}
