// SPDX-License-Identifier: MIT
/*
 * vCPUs on x86_64: their entry state, the switch between them, and their
 * entries into the monitor (from entry.S and syscall.S), which save the
 * frame into the vCPU, act, and leave through sched_resume.
 *
 * A switch reloads CR3 whole: the monitor uses no PCIDs and no global
 * pages, so the new partition's TLB starts empty and nothing of the last
 * one's translations can be used, at the cost of refilling it. The FPU
 * state, FS_BASE and the partition's GS_BASE (in KERNEL_GS_BASE while the
 * monitor runs) change only when another vCPU takes the CPU.
 */

#include <stddef.h>
#include <stdint.h>
#include <arch/entry.h>
#include <arch/msr.h>
#include <arch/processor.h>
#include <arch/segment.h>
#include <arch/smp.h>
#include <arch/traps.h>
#include <arch/upcall.h>
#include <arch/vectors.h>
#include <drivers/lapic.h>
#include <public/layout.h>
#include <tessera/device.h>
#include <tessera/fault.h>
#include <tessera/hypercall.h>
#include <tessera/panic.h>
#include <tessera/partition.h>
#include <tessera/percpu.h>
#include <tessera/sched.h>
#include <tessera/string.h>

BUILD_BUG_ON(offsetof(struct percpu, arch.tss.rsp[0]) != PERCPU_TSS_RSP0);
BUILD_BUG_ON(offsetof(struct percpu, arch.syscall_rsp) != PERCPU_SYSCALL_RSP);
BUILD_BUG_ON(offsetof(struct vcpu, arch.fpu) % 16);

#define FXSAVE_FCW	0	/* x87 control word, 16 bits */
#define FXSAVE_MXCSR	24	/* SSE control and status, 32 bits */
#define FCW_RESET	0x037f	/* every x87 exception masked, 64-bit precision */
#define MXCSR_RESET	0x1f80	/* every SSE exception masked, round to nearest */

/* What a partition's rflags keep across the monitor: never IOPL, NT. */
#define RFLAGS_USER	(RFLAGS_CF | RFLAGS_PF | RFLAGS_AF | RFLAGS_ZF | \
			 RFLAGS_SF | RFLAGS_TF | RFLAGS_DF | RFLAGS_OF | \
			 RFLAGS_AC | RFLAGS_ID)
#define RFLAGS_ENTRY	(RFLAGS_IF | RFLAGS_RESERVED)

/* The vCPU whose FPU state, segment bases and CR3 each CPU holds. */
static struct vcpu *vcpu_loaded[CONFIG_MAX_CPUS];

void arch_vcpu_reset(struct vcpu *v, uint64_t entry)
{
	struct arch_vcpu *a = &v->arch;
	uint16_t fcw = FCW_RESET;
	uint32_t mxcsr = MXCSR_RESET;

	memset(a, 0, sizeof(*a));
	memcpy(a->fpu + FXSAVE_FCW, &fcw, sizeof(fcw));
	memcpy(a->fpu + FXSAVE_MXCSR, &mxcsr, sizeof(mxcsr));
	a->regs.rip = entry;
	a->regs.cs = GDT_USER_CS;
	a->regs.ss = GDT_USER_DS;
	a->regs.rflags = RFLAGS_ENTRY;
	a->regs.vector = REGS_NO_VECTOR;
	/* the CPU's copy of the old state is stale: load this one */
	if (v->cpu < CONFIG_MAX_CPUS && vcpu_loaded[v->cpu] == v)
		vcpu_loaded[v->cpu] = NULL;
}

static void vcpu_save(struct arch_vcpu *a)
{
	__asm__ __volatile__("fxsave64 %0" : "=m"(a->fpu));
	__asm__ __volatile__("mov %%ds, %0; mov %%es, %1; mov %%fs, %2; mov %%gs, %3"
			     : "=r"(a->ds), "=r"(a->es), "=r"(a->fs), "=r"(a->gs));
	a->fs_base = rdmsr(MSR_FS_BASE);
	a->gs_base = rdmsr(MSR_KERNEL_GS_BASE);
}

/*
 * The selectors are ones the partition had loaded, so valid in ring 0 too.
 * Loading GS replaces the active GS_BASE, the monitor's: it is loaded
 * between two swapgs, with the monitor's base parked in KERNEL_GS_BASE
 * (an NMI in between sees a user GS_BASE and swaps, as from ring 3).
 * Loading FS or GS sets its base from the GDT; the MSRs set the real
 * ones after.
 */
static void vcpu_load(const struct arch_vcpu *a)
{
	__asm__ __volatile__("fxrstor64 %0" :: "m"(a->fpu));
	__asm__ __volatile__("mov %0, %%ds; mov %1, %%es; mov %2, %%fs\n\t"
			     "swapgs; mov %3, %%gs; swapgs"
			     :: "r"(a->ds), "r"(a->es), "r"(a->fs), "r"(a->gs)
			     : "memory");
	wrmsr(MSR_FS_BASE, a->fs_base);
	wrmsr(MSR_KERNEL_GS_BASE, a->gs_base);
}

static void vcpu_switch(struct vcpu *old, struct vcpu *v)
{
	if (old)
		vcpu_save(&old->arch);
	vcpu_load(&v->arch);
	write_cr3(v->partition->vspace.root);
	device_enter(v->partition);
}

/* In the lower half: what iretq can load without faulting in ring 0. */
static bool vcpu_canonical(uint64_t va)
{
	return va < (1UL << 47);
}

/*
 * A frame iretq would fault on in ring 0 is the partition's fault: a rip
 * beyond its address space (syscall's return address cannot be one, since
 * nothing is mapped near the end of the lower half; it is checked all the
 * same), or a stack pointer it set to a non-canonical value.
 */
static bool vcpu_frame_faults(struct vcpu *v, const struct cpu_regs *regs)
{
	struct fault_info f = { "#GP", VECTOR_GP, 0, regs->rip, 0 };

	if (regs->rip < TESSERA_USER_TOP && vcpu_canonical(regs->rsp))
		return false;
	if (regs->rip < TESSERA_USER_TOP)
		f = (struct fault_info){ "#SS", VECTOR_SS, 0, regs->rip, 0 };
	fault_partition(v, &f);
	return true;
}

void arch_vcpu_resume(struct vcpu *v)
{
	struct vcpu **loaded = &vcpu_loaded[this_cpu()->index];
	struct cpu_regs *regs = &v->arch.regs;

	if (*loaded != v) {
		vcpu_switch(*loaded, v);
		*loaded = v;
	}
	if (vcpu_frame_faults(v, regs) || arch_upcall_deliver(v, regs))
		sched_resume();
	regs->rflags = (regs->rflags & RFLAGS_USER) | RFLAGS_ENTRY;
	regs->cs = GDT_USER_CS;
	regs->ss = GDT_USER_DS;
	vcpu_enter(regs);
}

/* Short, stable names for the fault line; "#<n>" for the rest. */
static const char *const vcpu_fault_names[NR_EXCEPTIONS] = {
	[VECTOR_DE] = "#DE", [VECTOR_DB] = "#DB", [VECTOR_BP] = "#BP",
	[VECTOR_OF] = "#OF", [VECTOR_BR] = "#BR", [VECTOR_UD] = "#UD",
	[VECTOR_NM] = "#NM", [VECTOR_TS] = "#TS", [VECTOR_NP] = "#NP",
	[VECTOR_SS] = "#SS", [VECTOR_GP] = "#GP", [VECTOR_PF] = "#PF",
	[VECTOR_MF] = "#MF", [VECTOR_AC] = "#AC", [VECTOR_XM] = "#XM",
	[VECTOR_VE] = "#VE", [VECTOR_CP] = "#CP",
};

static void vcpu_fault(struct vcpu *v, const struct cpu_regs *regs)
{
	struct fault_info f = {
		.name = vcpu_fault_names[regs->vector],
		.vector = regs->vector,
		.error = regs->error_code,
		.rip = regs->rip,
		.addr = regs->vector == VECTOR_PF ? read_cr2() : 0,
	};

	if (!f.name)
		f.name = "#?";
	fault_partition(v, &f);
}

void vcpu_trap(struct cpu_regs *regs)
{
	struct vcpu *v = sched_current();

	v->arch.regs = *regs;
	switch (regs->vector) {
	case VECTOR_DF:
	case VECTOR_MC:
		/* the machine or the monitor failed, not the partition */
		panic_regs(regs, "%s, vector %lu, error 0x%lx",
			   trap_name(regs->vector), regs->vector,
			   regs->error_code);
	case VECTOR_TIMER:
		lapic_eoi();
		sched_tick();
		break;
	case VECTOR_CALL:
		smp_call_interrupt();
		break;
	case VECTOR_KICK:
		lapic_eoi();	/* sched_resume does the rest */
		break;
	case VECTOR_SPURIOUS:
		break;
	default:
		if (regs->vector < NR_EXCEPTIONS)
			vcpu_fault(v, regs);
		else
			device_interrupt(regs->vector);
		break;
	}
	sched_resume();
}

void vcpu_syscall(struct cpu_regs *regs)
{
	struct vcpu *v = sched_current();
	const uint64_t args[HYPERCALL_NR_ARGS] = {
		regs->rdi, regs->rsi, regs->rdx, regs->r10, regs->r8, regs->r9,
	};

	v->arch.regs = *regs;
	v->arch.regs.rax = (uint64_t)hypercall_dispatch(v, regs->rax, args);
	sched_resume();
}
