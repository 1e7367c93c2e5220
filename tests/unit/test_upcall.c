// SPDX-License-Identifier: MIT
/*
 * The upcall frame (monitor/arch/x86_64/upcall_frame.c) over a pretend
 * partition of 64 KiB: text at the base, read-only data after it, then
 * data and free memory up to the stack at the top. The handler must be
 * in the text; the frame goes below the interrupted rsp, 16-byte
 * aligned, only into memory the partition may write, and comes back
 * whole; anything else is -EFAULT with nothing written and the
 * registers untouched.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <arch/upcall.h>
#include <public/hypercall.h>
#include <public/layout.h>
#include <tessera/errno.h>

#define MEM_SIZE	0x10000
#define BASE		TESSERA_MEM_BASE
#define TEXT		BASE			/* 0x2000 bytes, r-x */
#define RODATA		(BASE + 0x2000)		/* 0x1000 bytes, r-- */
#define DATA		(BASE + 0x3000)		/* 0x800 bytes, rw-; page to 0x4000 */
#define TOP		(BASE + MEM_SIZE)

static uint8_t mem[MEM_SIZE] __attribute__((aligned(4096)));
static const struct elf_image elf = {
	.entry = TEXT,
	.nr_segments = 3,
	.segments = {
		{ TEXT, 0x1234, 0, 0x1234, ELF_SEG_R | ELF_SEG_X },
		{ RODATA, 0x800, 0, 0x800, ELF_SEG_R },
		{ DATA, 0x800, 0, 0x10, ELF_SEG_R | ELF_SEG_W },
	},
};
static const struct upcall_mem m = { mem, MEM_SIZE, &elf };
static struct cpu_regs regs, was;

static int setup(void **state)
{
	memset(mem, 0x5a, sizeof(mem));
	/* every register a value of its own */
	for (size_t i = 0; i < sizeof(regs) / 8; i++)
		((uint64_t *)&regs)[i] = 0x1000 + i;
	regs.rip = TEXT + 0x100;
	regs.rsp = TOP - 0x100;
	regs.rflags = 0x40ed7;		/* AC, DF, TF, IF, arithmetic flags */
	was = regs;
	return 0;
}

static struct tessera_upcall_frame *frame_at(uint64_t va)
{
	return (struct tessera_upcall_frame *)(mem + (va - BASE));
}

static void test_handler_in_text_only(void **state)
{
	assert_true(upcall_handler_ok(&m, TEXT));
	assert_true(upcall_handler_ok(&m, TEXT + 0x1233));
	assert_false(upcall_handler_ok(&m, TEXT + 0x1234));	/* past the segment */
	assert_false(upcall_handler_ok(&m, RODATA));
	assert_false(upcall_handler_ok(&m, DATA + 8));
	assert_false(upcall_handler_ok(&m, TOP - 16));
	assert_false(upcall_handler_ok(&m, 0x1000));
	assert_false(upcall_handler_ok(&m, 0xffffffff80000000UL));
	assert_false(upcall_handler_ok(&m, UINT64_MAX));
}

/* The frame holds the interrupted state, the registers enter the handler. */
static void test_push(void **state)
{
	struct tessera_upcall_frame *f;

	assert_int_equal(upcall_push(&m, &regs, TEXT + 0x40), 0);
	assert_int_equal(regs.rsp, TOP - 0x100 - TESSERA_UPCALL_FRAME_SIZE);
	assert_int_equal(regs.rsp % 16, 0);
	assert_int_equal(regs.rip, TEXT + 0x40);
	assert_int_equal(regs.rflags, 0x202);
	f = frame_at(regs.rsp);
	assert_int_equal(f->rax, was.rax);
	assert_int_equal(f->rcx, was.rcx);
	assert_int_equal(f->rdx, was.rdx);
	assert_int_equal(f->rsi, was.rsi);
	assert_int_equal(f->rdi, was.rdi);
	assert_int_equal(f->r8, was.r8);
	assert_int_equal(f->r9, was.r9);
	assert_int_equal(f->r10, was.r10);
	assert_int_equal(f->r11, was.r11);
	assert_int_equal(f->rflags, was.rflags);
	assert_int_equal(f->rip, was.rip);
	assert_int_equal(f->rsp, was.rsp);
	/* the callee-saved registers stay for the handler to keep */
	assert_int_equal(regs.rbx, was.rbx);
	assert_int_equal(regs.rbp, was.rbp);
	assert_int_equal(regs.r12, was.r12);
	assert_int_equal(regs.r15, was.r15);
	/* nothing written at or above the interrupted rsp */
	assert_int_equal(mem[MEM_SIZE - 0x100], 0x5a);
}

/* Any rsp gives an aligned frame below it, never touching rsp's bytes. */
static void test_push_aligns(void **state)
{
	for (uint64_t rsp = TOP - 0x200; rsp < TOP - 0x1f0; rsp++) {
		setup(state);
		regs.rsp = rsp;
		assert_int_equal(upcall_push(&m, &regs, TEXT), 0);
		assert_int_equal(regs.rsp % 16, 0);
		assert_true(regs.rsp + TESSERA_UPCALL_FRAME_SIZE <= rsp);
		assert_true(rsp - regs.rsp < TESSERA_UPCALL_FRAME_SIZE + 16);
		assert_int_equal(frame_at(regs.rsp)->rsp, rsp);
	}
}

static void assert_refused(uint64_t rsp)
{
	static uint8_t copy[MEM_SIZE];

	setup(NULL);
	regs.rsp = was.rsp = rsp;
	memcpy(copy, mem, sizeof(mem));
	assert_int_equal(upcall_push(&m, &regs, TEXT), -EFAULT);
	assert_memory_equal(&regs, &was, sizeof(regs));
	assert_memory_equal(mem, copy, sizeof(mem));
}

/* A stack that cannot take the frame: outside, wrapping, read-only. */
static void test_push_refused(void **state)
{
	assert_refused(0);
	assert_refused(8);
	assert_refused(BASE);
	assert_refused(BASE + TESSERA_UPCALL_FRAME_SIZE - 1);
	assert_refused(TEXT + 0x1000);			/* in the text */
	assert_refused(RODATA + 0x800);			/* read-only data */
	assert_refused(DATA + TESSERA_UPCALL_FRAME_SIZE - 16); /* reaches rodata */
	assert_refused(TOP + 0x1000);			/* above the memory */
	assert_refused(TESSERA_START_INFO_ADDR + 0x800);
	assert_refused(0xffffffff80100000UL);		/* the monitor */
	assert_refused(1UL << 63);			/* not canonical */
	assert_refused(UINT64_MAX);
}

static void test_push_at_the_edges(void **state)
{
	regs.rsp = TOP;			/* the stack's first push */
	assert_int_equal(upcall_push(&m, &regs, TEXT), 0);
	assert_int_equal(regs.rsp, TOP - TESSERA_UPCALL_FRAME_SIZE);
	setup(state);
	regs.rsp = DATA + TESSERA_UPCALL_FRAME_SIZE;	/* data's first bytes */
	assert_int_equal(upcall_push(&m, &regs, TEXT), 0);
	assert_int_equal(regs.rsp, DATA);
}

/* Back to where it was interrupted, with what the frame holds. */
static void test_pop(void **state)
{
	uint64_t frame;

	assert_int_equal(upcall_push(&m, &regs, TEXT), 0);
	frame = regs.rsp;
	memset(&regs, 0, sizeof(regs));
	regs.rbx = was.rbx;
	assert_int_equal(upcall_pop(&m, frame, &regs), 0);
	assert_int_equal(regs.rax, was.rax);
	assert_int_equal(regs.r11, was.r11);
	assert_int_equal(regs.rflags, was.rflags);
	assert_int_equal(regs.rip, was.rip);
	assert_int_equal(regs.rsp, was.rsp);
	assert_int_equal(regs.rbx, was.rbx);
	/* what the partition wrote there is what it gets back */
	frame_at(frame)->rip = 0xdead;
	assert_int_equal(upcall_pop(&m, frame, &regs), 0);
	assert_int_equal(regs.rip, 0xdead);
}

static void test_pop_refused(void **state)
{
	static const uint64_t frames[] = {
		0, BASE - 8, TOP - TESSERA_UPCALL_FRAME_SIZE + 8, TOP,
		UINT64_MAX - 16, TESSERA_SHARED_INFO_ADDR,
	};

	for (size_t i = 0; i < sizeof(frames) / sizeof(frames[0]); i++) {
		assert_int_equal(upcall_pop(&m, frames[i], &regs), -EFAULT);
		assert_memory_equal(&regs, &was, sizeof(regs));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_handler_in_text_only),
		cmocka_unit_test_setup(test_push, setup),
		cmocka_unit_test_setup(test_push_aligns, setup),
		cmocka_unit_test_setup(test_push_refused, setup),
		cmocka_unit_test_setup(test_push_at_the_edges, setup),
		cmocka_unit_test_setup(test_pop, setup),
		cmocka_unit_test_setup(test_pop_refused, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
