// SPDX-License-Identifier: MIT
/*
 * Upcalls delivered and returned from (tessera/upcall.h; the frame in
 * upcall_frame.c). Delivery happens on the one way back to ring 3,
 * arch_vcpu_resume, so that a hypercall's return, an interrupt's or the
 * start of a window all deliver alike. The shared-info fields are the
 * partition's: each is read once, and a bad stack faults the partition,
 * never the monitor.
 */

#include <arch/upcall.h>
#include <arch/vectors.h>
#include <tessera/errno.h>
#include <tessera/fault.h>
#include <tessera/partition.h>
#include <tessera/upcall.h>

static struct upcall_mem upcall_mem(struct partition *p)
{
	return (struct upcall_mem){ p->mem, p->tt->mem.size, &p->elf };
}

static struct tessera_vcpu_info *upcall_info(struct vcpu *v)
{
	return &v->partition->shared_info->shi.vcpu[v - v->partition->vcpus];
}

bool upcall_wanted(struct vcpu *v)
{
	return __atomic_load_n(&v->arch.upcall, __ATOMIC_RELAXED) &&
	       !__atomic_load_n(&upcall_info(v)->upcall_mask, __ATOMIC_RELAXED);
}

bool arch_upcall_deliver(struct vcpu *v, struct cpu_regs *regs)
{
	struct tessera_vcpu_info *info = upcall_info(v);
	struct upcall_mem m = upcall_mem(v->partition);
	struct fault_info f = { "#SS", VECTOR_SS, 0, regs->rip, regs->rsp };

	if (!v->arch.upcall ||
	    !__atomic_load_n(&info->upcall_pending, __ATOMIC_SEQ_CST) ||
	    __atomic_load_n(&info->upcall_mask, __ATOMIC_SEQ_CST))
		return false;
	if (!upcall_push(&m, regs, v->arch.upcall)) {
		__atomic_store_n(&info->upcall_mask, 1, __ATOMIC_SEQ_CST);
		return false;
	}
	fault_partition(v, &f);
	return true;
}

int64_t upcall_call_set(struct vcpu *v, const uint64_t *args)
{
	struct upcall_mem m = upcall_mem(v->partition);

	if (args[0] && !upcall_handler_ok(&m, args[0]))
		return -EFAULT;
	__atomic_store_n(&v->arch.upcall, args[0], __ATOMIC_RELAXED);
	return 0;
}

int64_t upcall_call_return(struct vcpu *v, const uint64_t *args)
{
	struct upcall_mem m = upcall_mem(v->partition);

	if (upcall_pop(&m, args[0], &v->arch.regs))
		return -EFAULT;
	/* unmasked with the return: the way back delivers what came meanwhile */
	__atomic_store_n(&upcall_info(v)->upcall_mask, 0, __ATOMIC_SEQ_CST);
	return (int64_t)v->arch.regs.rax;	/* vcpu_syscall stores it to rax */
}
