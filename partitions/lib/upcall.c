// SPDX-License-Identifier: MIT
/*
 * Upcalls (see <tessera.h>; public/hypercall.h TESSERA_HC_SET_UPCALL).
 * The monitor enters upcall_entry with rsp at the frame of the
 * interrupted code (its caller-saved registers, rflags, rip, rsp), 16
 * bytes aligned, rflags clean, every other register as interrupted, and
 * upcall_mask set. The stub saves the x87/SSE state, which the C handler
 * may use, runs it, and returns with TESSERA_HC_UPCALL_RETURN, which
 * restores the frame and unmasks in one step.
 */

#include <tessera.h>
#include "syscall.h"

#define UPCALL_STR_(x)	#x
#define UPCALL_STR(x)	UPCALL_STR_(x)

static void (*upcall_handler)(void);

/* The entry stub below; its address is what the monitor calls. */
void upcall_entry(void);

__asm__(".pushsection .text.upcall_entry, \"ax\", @progbits\n"
	"upcall_entry:\n\t"
	"sub $512, %rsp\n\t"		/* the fxsave area; still aligned */
	"fxsave64 (%rsp)\n\t"
	"call upcall_run\n\t"
	"fxrstor64 (%rsp)\n\t"
	"add $512, %rsp\n\t"
	"mov %rsp, %rdi\n\t"		/* the frame */
	"mov $" UPCALL_STR(TESSERA_HC_UPCALL_RETURN) ", %eax\n\t"
	"syscall\n\t"
	"ud2\n"				/* the monitor refused the frame */
	".popsection");

static struct tessera_vcpu_info *upcall_info(void)
{
	return &tessera_shared_info()->vcpu[0];
}

/* Called by upcall_entry only. */
static void __attribute__((used)) upcall_run(void)
{
	/* taken before the handler looks (a full barrier, xchg): an event
	 * after its look sets it again and comes as the next upcall */
	__atomic_store_n(&upcall_info()->upcall_pending, 0, __ATOMIC_SEQ_CST);
	upcall_handler();
}

int tessera_set_upcall(void (*handler)(void))
{
	if (handler)
		upcall_handler = handler;
	return (int)tessera_syscall1(TESSERA_HC_SET_UPCALL,
				     handler ? (unsigned long)upcall_entry : 0);
}

void tessera_upcall_mask(void)
{
	__atomic_store_n(&upcall_info()->upcall_mask, 1, __ATOMIC_SEQ_CST);
}

void tessera_upcall_unmask(void)
{
	/* the store is out (xchg) before upcall_pending is read: an event
	 * that came while masked is seen here, and any hypercall delivers
	 * it on the way back, as Xen's force_evtchn_callback */
	__atomic_store_n(&upcall_info()->upcall_mask, 0, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&upcall_info()->upcall_pending, __ATOMIC_SEQ_CST))
		tessera_version(TESSERA_VERSION_ABI);
}
