// SPDX-License-Identifier: MIT
/*
 * Frame-pointer backtraces (monitor/arch/x86_64/backtrace.c) over fake
 * stacks: a good chain is followed to its end, and a chain that leaves
 * the stacks, goes backwards or loops is cut before a bad read.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <arch/backtrace.h>

#define WORDS	64

static uintptr_t stack_a[WORDS], stack_b[WORDS];
static struct stack_range ranges[2];
static uintptr_t pcs[8];

/* Writes a frame record at stack[slot]: the caller's frame, the return. */
static uintptr_t frame(uintptr_t *stack, int slot, uintptr_t caller_fp,
		       uintptr_t pc)
{
	stack[slot] = caller_fp;
	stack[slot + 1] = pc;
	return (uintptr_t)&stack[slot];
}

static int setup(void **state)
{
	memset(stack_a, 0, sizeof(stack_a));
	memset(stack_b, 0, sizeof(stack_b));
	memset(pcs, 0, sizeof(pcs));
	ranges[0] = (struct stack_range){ (uintptr_t)stack_a,
					  (uintptr_t)(stack_a + WORDS) };
	ranges[1] = (struct stack_range){ (uintptr_t)stack_b,
					  (uintptr_t)(stack_b + WORDS) };
	return 0;
}

static void test_chain_to_its_end(void **state)
{
	uintptr_t top = frame(stack_a, 40, 0, 0x3333);
	uintptr_t mid = frame(stack_a, 20, top, 0x2222);
	uintptr_t fp = frame(stack_a, 4, mid, 0x1111);

	assert_int_equal(backtrace_walk(fp, ranges, 2, pcs, 8), 3);
	assert_int_equal(pcs[0], 0x1111);
	assert_int_equal(pcs[1], 0x2222);
	assert_int_equal(pcs[2], 0x3333);
}

/* An IST stack's frames lead to the interrupted one on another stack. */
static void test_chain_across_stacks(void **state)
{
	uintptr_t interrupted = frame(stack_a, 10, 0, 0xaaaa);
	uintptr_t fp = frame(stack_b, 50, interrupted, 0xbbbb);

	assert_int_equal(backtrace_walk(fp, ranges, 2, pcs, 8), 2);
	assert_int_equal(pcs[0], 0xbbbb);
	assert_int_equal(pcs[1], 0xaaaa);
}

static void test_depth_bound(void **state)
{
	uintptr_t fp = 0;

	for (int slot = 60; slot >= 0; slot -= 4)
		fp = frame(stack_a, slot, fp, 0x1000 + slot);
	assert_int_equal(backtrace_walk(fp, ranges, 2, pcs, 5), 5);
	assert_int_equal(pcs[4], 0x1000 + 16);
}

/* A frame pointer off every stack is never read. */
static void test_stops_outside_the_stacks(void **state)
{
	static uintptr_t elsewhere[2] = { 0, 0x9999 };
	uintptr_t fp = frame(stack_a, 8, (uintptr_t)elsewhere, 0x1111);

	assert_int_equal(backtrace_walk(fp, ranges, 2, pcs, 8), 1);
	assert_int_equal(backtrace_walk((uintptr_t)elsewhere, ranges, 2, pcs, 8), 0);
}

/* A record straddling the top of a stack is not read either. */
static void test_stops_at_the_stack_top(void **state)
{
	uintptr_t fp = frame(stack_a, 8, (uintptr_t)&stack_a[WORDS - 1], 0x1111);

	assert_int_equal(backtrace_walk(fp, ranges, 2, pcs, 8), 1);
}

/* On one stack, callers lie above: a loop or a step down ends the walk. */
static void test_stops_on_loops(void **state)
{
	uintptr_t below = (uintptr_t)&stack_a[4];
	uintptr_t fp = frame(stack_a, 8, below, 0x1111);

	frame(stack_a, 4, fp, 0x2222);
	assert_int_equal(backtrace_walk(fp, ranges, 2, pcs, 8), 1);
	frame(stack_a, 8, (uintptr_t)&stack_a[8], 0x1111);
	assert_int_equal(backtrace_walk(fp, ranges, 2, pcs, 8), 1);
}

static void test_stops_on_misalignment_and_zero_pc(void **state)
{
	uintptr_t fp = frame(stack_a, 8, (uintptr_t)&stack_a[20] + 4, 0x1111);

	assert_int_equal(backtrace_walk(fp, ranges, 2, pcs, 8), 1);
	fp = frame(stack_a, 8, frame(stack_a, 20, 0, 0), 0x1111);
	assert_int_equal(backtrace_walk(fp, ranges, 2, pcs, 8), 1);
	assert_int_equal(backtrace_walk(0, ranges, 2, pcs, 8), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_chain_to_its_end, setup),
		cmocka_unit_test_setup(test_chain_across_stacks, setup),
		cmocka_unit_test_setup(test_depth_bound, setup),
		cmocka_unit_test_setup(test_stops_outside_the_stacks, setup),
		cmocka_unit_test_setup(test_stops_at_the_stack_top, setup),
		cmocka_unit_test_setup(test_stops_on_loops, setup),
		cmocka_unit_test_setup(test_stops_on_misalignment_and_zero_pc, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
