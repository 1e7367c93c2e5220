// SPDX-License-Identifier: MIT
/*
 * The upcall frame (see arch/upcall.h). The stack pointer, the handler
 * and the frame's address are the partition's and hostile: each range is
 * checked against its memory before a byte is touched, and the frame is
 * copied in or out whole, once.
 */

#include <public/hypercall.h>
#include <public/layout.h>
#include <arch/upcall.h>
#include <tessera/errno.h>
#include <tessera/string.h>
#include <tessera/uaccess.h>

#define UPCALL_PAGE_END(va)	(((va) + TESSERA_PAGE_SIZE - 1) & \
				 ~(uint64_t)(TESSERA_PAGE_SIZE - 1))

bool upcall_handler_ok(const struct upcall_mem *m, uint64_t handler)
{
	for (unsigned int i = 0; i < m->elf->nr_segments; i++) {
		const struct elf_segment *s = &m->elf->segments[i];

		if ((s->flags & ELF_SEG_X) && handler >= s->vaddr &&
		    handler - s->vaddr < s->memsz)
			return true;
	}
	return false;
}

/*
 * Whether [va, va + len) may be written by the partition: inside its
 * memory and on no page of a segment without write permission (the rest
 * of its memory, free memory and stack, is read-write). The offset goes
 * to *offset.
 */
static bool upcall_writable(const struct upcall_mem *m, uint64_t va,
			    uint64_t len, uint64_t *offset)
{
	if (uaccess_check(m->size, va, len, offset))
		return false;
	for (unsigned int i = 0; i < m->elf->nr_segments; i++) {
		const struct elf_segment *s = &m->elf->segments[i];

		if (!(s->flags & ELF_SEG_W) && va < UPCALL_PAGE_END(s->vaddr +
		    s->memsz) && s->vaddr < va + len)
			return false;
	}
	return true;
}

int upcall_push(const struct upcall_mem *m, struct cpu_regs *regs,
		uint64_t handler)
{
	uint64_t va = (regs->rsp - TESSERA_UPCALL_FRAME_SIZE) & ~(uint64_t)15;
	const struct tessera_upcall_frame f = {
		.rax = regs->rax, .rcx = regs->rcx, .rdx = regs->rdx,
		.rsi = regs->rsi, .rdi = regs->rdi, .r8 = regs->r8,
		.r9 = regs->r9, .r10 = regs->r10, .r11 = regs->r11,
		.rflags = regs->rflags, .rip = regs->rip, .rsp = regs->rsp,
	};
	uint64_t offset;

	/* an rsp near 0 wraps va to the top, which the check refuses */
	if (!upcall_writable(m, va, sizeof(f), &offset))
		return -EFAULT;
	memcpy((uint8_t *)m->mem + offset, &f, sizeof(f));
	regs->rip = handler;
	regs->rsp = va;
	regs->rflags = RFLAGS_IF | RFLAGS_RESERVED;
	return 0;
}

int upcall_pop(const struct upcall_mem *m, uint64_t frame,
	       struct cpu_regs *regs)
{
	struct tessera_upcall_frame f;
	const void *src = uaccess_map(m->mem, m->size, frame, sizeof(f));

	if (!src)
		return -EFAULT;
	memcpy(&f, src, sizeof(f));
	regs->rax = f.rax;
	regs->rcx = f.rcx;
	regs->rdx = f.rdx;
	regs->rsi = f.rsi;
	regs->rdi = f.rdi;
	regs->r8 = f.r8;
	regs->r9 = f.r9;
	regs->r10 = f.r10;
	regs->r11 = f.r11;
	regs->rflags = f.rflags;
	regs->rip = f.rip;
	regs->rsp = f.rsp;
	return 0;
}
