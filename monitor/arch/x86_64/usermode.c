// SPDX-License-Identifier: MIT
/*
 * What a CPU needs before it runs partitions (arch_cpu_partitions_init):
 * the syscall MSRs and the FPU/SSE state partitions use.
 */

#include <stdint.h>
#include <arch/msr.h>
#include <arch/processor.h>
#include <arch/regs.h>
#include <arch/segment.h>
#include <arch/vcpu.h>
#include <tessera/partition.h>

/*
 * Cleared by syscall: interrupts stay off until the kernel stack is in
 * use, DF and AC are the monitor's (C, SMAP), a single step or a nested
 * task flag set by the partition must not follow it into the monitor.
 */
#define SYSCALL_FMASK	(RFLAGS_IF | RFLAGS_DF | RFLAGS_TF | RFLAGS_AC | \
			 RFLAGS_NT | RFLAGS_IOPL)

static void usermode_syscall_init(void)
{
	/* sysret's base: CS = base + 16, SS = base + 8 (arch/segment.h) */
	uint64_t star = (uint64_t)(GDT_SYSRET_BASE | 3) << 48 |
			(uint64_t)GDT_KERNEL_CS << 32;

	wrmsr(MSR_STAR, star);
	wrmsr(MSR_LSTAR, (uint64_t)syscall_entry);
	/* no 32-bit code segment exists, so no partition reaches CSTAR;
	 * were one to, it would get the same checked entry */
	wrmsr(MSR_CSTAR, (uint64_t)syscall_entry);
	wrmsr(MSR_FMASK, SYSCALL_FMASK);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

/*
 * fxsave/fxrstor and SSE for ring 3, SIMD errors as #XM, x87 errors as
 * #MF (CR0.NE, set at boot), no lazy FPU trap (TS clear): the monitor
 * saves and restores the state itself on every vCPU switch. AM lets a
 * partition ask for alignment checks (#AC) with RFLAGS.AC; in ring 0, AC
 * only opens SMAP, and every entry clears it. XSAVE stays off: AVX
 * instructions are #UD in partitions.
 */
static void usermode_fpu_init(void)
{
	write_cr4(read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT);
	write_cr0((read_cr0() & ~(uint64_t)(CR0_EM | CR0_TS)) | CR0_MP | CR0_AM);
}

void arch_cpu_partitions_init(void)
{
	usermode_syscall_init();
	usermode_fpu_init();
}
