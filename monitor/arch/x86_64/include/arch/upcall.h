/* SPDX-License-Identifier: MIT */
#ifndef ARCH_UPCALL_H
#define ARCH_UPCALL_H

/*
 * Upcalls on x86_64 (public/hypercall.h, TESSERA_HC_SET_UPCALL): the
 * frame written on a partition's stack to enter its handler and read
 * back to leave it. upcall_frame.c is pure logic over the partition's
 * memory as the monitor sees it, host-tested (tests/unit/test_upcall.c);
 * upcall.c delivers and serves the calls.
 */

#include <stdbool.h>
#include <stdint.h>
#include <arch/regs.h>
#include <tessera/elf.h>

/* A partition's memory: the monitor's view of TESSERA_MEM_BASE, its program. */
struct upcall_mem {
	void *mem;
	uint64_t size;
	const struct elf_image *elf;
};

/* Whether `handler` lies in one of the program's executable segments. */
bool upcall_handler_ok(const struct upcall_mem *m, uint64_t handler);

/*
 * Writes the frame of an upcall below regs->rsp, 16-byte aligned, and
 * points regs at `handler` with rsp at the frame and rflags clean: 0, or
 * -EFAULT, regs untouched, when the frame would not lie in memory the
 * partition may write (outside its memory, in a read-only segment, or
 * wrapping).
 */
int upcall_push(const struct upcall_mem *m, struct cpu_regs *regs,
		uint64_t handler);

/*
 * Reads the frame at `frame` once and puts its registers, rflags, rip
 * and rsp back into regs: 0, or -EFAULT, regs untouched, when it is not
 * inside the partition's memory. The values are the partition's; the
 * way back to ring 3 checks them as any others.
 */
int upcall_pop(const struct upcall_mem *m, uint64_t frame,
	       struct cpu_regs *regs);

struct vcpu;

/*
 * On the way back to ring 3 (arch_vcpu_resume): enters v's handler when
 * an upcall is due (upcall.c). Whether v faulted instead, its stack
 * unable to take the frame; the caller then calls sched_resume.
 */
bool arch_upcall_deliver(struct vcpu *v, struct cpu_regs *regs);

#endif
