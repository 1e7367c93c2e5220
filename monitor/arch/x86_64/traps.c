// SPDX-License-Identifier: MIT
/*
 * Where every trap lands (from entry.S): an NMI goes to the CPU-stopping
 * code, whatever ring it came from; anything else from ring 3 is the
 * running vCPU's (vcpu.c); from ring 0 the monitor's interrupts are
 * served, and any exception is a bug of the monitor, so a panic with the
 * trap's registers.
 */

#include <stdint.h>
#include <arch/smp.h>
#include <arch/traps.h>
#include <arch/vcpu.h>
#include <arch/vectors.h>
#include <drivers/lapic.h>
#include <tessera/device.h>
#include <tessera/panic.h>
#include <tessera/sched.h>

static const char *const trap_names[NR_EXCEPTIONS] = {
	[VECTOR_DE] = "divide error (#DE)",
	[VECTOR_DB] = "debug (#DB)",
	[VECTOR_NMI] = "non-maskable interrupt (NMI)",
	[VECTOR_BP] = "breakpoint (#BP)",
	[VECTOR_OF] = "overflow (#OF)",
	[VECTOR_BR] = "bound range exceeded (#BR)",
	[VECTOR_UD] = "invalid opcode (#UD)",
	[VECTOR_NM] = "device not available (#NM)",
	[VECTOR_DF] = "double fault (#DF)",
	[VECTOR_TS] = "invalid TSS (#TS)",
	[VECTOR_NP] = "segment not present (#NP)",
	[VECTOR_SS] = "stack-segment fault (#SS)",
	[VECTOR_GP] = "general protection (#GP)",
	[VECTOR_PF] = "page fault (#PF)",
	[VECTOR_MF] = "x87 floating-point error (#MF)",
	[VECTOR_AC] = "alignment check (#AC)",
	[VECTOR_MC] = "machine check (#MC)",
	[VECTOR_XM] = "SIMD floating-point error (#XM)",
	[VECTOR_VE] = "virtualization exception (#VE)",
	[VECTOR_CP] = "control protection (#CP)",
	[VECTOR_HV] = "hypervisor injection (#HV)",
	[VECTOR_VC] = "VMM communication (#VC)",
	[VECTOR_SX] = "security exception (#SX)",
};

const char *trap_name(uint64_t vector)
{
	if (vector < NR_EXCEPTIONS && trap_names[vector])
		return trap_names[vector];
	return vector < NR_EXCEPTIONS ? "reserved exception" : "interrupt";
}

void trap_dispatch(struct cpu_regs *regs)
{
	if (regs->vector == VECTOR_NMI) {
		smp_stop_nmi(regs);
		return;
	}
	if (regs->cs & 3)
		vcpu_trap(regs);
	switch (regs->vector) {
	case VECTOR_TIMER:
		/* the idle loop's wake-up, or a tick that was due as its
		 * vCPU entered the monitor */
		lapic_eoi();
		sched_tick();
		return;
	case VECTOR_CALL:
		smp_call_interrupt();
		return;
	case VECTOR_KICK:
		lapic_eoi();	/* the idle loop looks at its vCPUs again */
		return;
	case VECTOR_SPURIOUS:
		return;		/* no EOI for a spurious interrupt */
	}
	if (device_interrupt(regs->vector))
		return;
	panic_regs(regs, "%s, vector %lu, error 0x%lx", trap_name(regs->vector),
		   regs->vector, regs->error_code);
}
