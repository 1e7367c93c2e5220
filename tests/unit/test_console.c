// SPDX-License-Identifier: MIT
/*
 * The console and printk (monitor/core/console.c, printk.c): whole lines,
 * the prefix on each, splitting, the early buffer, interrupts off while
 * writing, lines of concurrent writers never mixed, and the bounded wait
 * of panic mode. The tests run in order: the early buffer exists only
 * before the first console_init, and panic mode cannot be left.
 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arch/irq.h>
#include <console_capture.h>
#include <tessera/console.h>
#include <tessera/printk.h>
#include <tessera/string.h>

static void write_line(const char *prefix, const char *text)
{
	console_write_line(prefix, text, strlen(text));
}

/* Lines printed before console_init come out first, in order; the
 * lines that did not fit in the early page are counted, not cut. */
static void test_early_lines(void **state)
{
	char text[51];
	size_t kept = 4096 / (sizeof("[early] ") - 1 + 50 + 1);
	size_t i;

	write_line("[a] ", "first");
	write_line("[b] ", "second");
	memset(text, 'x', 50);
	text[50] = '\0';
	for (i = 0; i < 100; i++)
		write_line("[early] ", text);

	capture_start();

	const char *out = capture_text();
	char want[128];

	assert_memory_equal(out, "[a] first\n[b] second\n[early] xxx", 31);
	/* 2 short lines took 21 bytes: one line of 59 bytes fewer fits */
	kept = (4096 - 21) / 59;
	snprintf(want, sizeof(want),
		 "[tessera] console: %zu early lines lost (buffer full)\n",
		 100 - kept);
	assert_int_equal(strlen(out), 21 + kept * 59 + strlen(want));
	assert_string_equal(out + 21 + kept * 59, want);
}

static void test_prefix_and_newline(void **state)
{
	capture_start();
	write_line("[web] ", "hello");
	assert_string_equal(capture_text(), "[web] hello\n");
}

/* Only len bytes count, not the NUL. */
static void test_length_not_nul(void **state)
{
	capture_start();
	console_write_line("[p] ", "abcdef", 3);
	assert_string_equal(capture_text(), "[p] abc\n");
}

static void test_newlines_end_lines(void **state)
{
	capture_start();
	write_line("[p] ", "a\n\nb\n");
	write_line("[p] ", "");
	write_line("[p] ", "\n");
	assert_string_equal(capture_text(),
			    "[p] a\n[p] \n[p] b\n[p] \n[p] \n");
}

static char long_text[3 * CONSOLE_LINE_MAX];

static void test_long_lines_split(void **state)
{
	char want[4 * CONSOLE_LINE_MAX];

	for (size_t i = 0; i < sizeof(long_text); i++)
		long_text[i] = (char)('a' + i % 26);

	capture_start();
	console_write_line("[p] ", long_text, CONSOLE_LINE_MAX);
	snprintf(want, sizeof(want), "[p] %.*s\n", CONSOLE_LINE_MAX, long_text);
	assert_string_equal(capture_text(), want);

	capture_start();
	console_write_line("[p] ", long_text, 2 * CONSOLE_LINE_MAX + 5);
	snprintf(want, sizeof(want), "[p] %.*s\n[p] %.*s\n[p] %.5s\n",
		 CONSOLE_LINE_MAX, long_text,
		 CONSOLE_LINE_MAX, long_text + CONSOLE_LINE_MAX,
		 long_text + 2 * CONSOLE_LINE_MAX);
	assert_string_equal(capture_text(), want);
}

static void test_interrupts_off_while_writing(void **state)
{
	capture_start();
	write_line("[p] ", "x");
	printk("y\n");
	assert_int_equal(capture_writes_with_irqs_on(), 0);
	assert_true(host_irqs_enabled());
}

static void test_printk(void **state)
{
	capture_start();
	printk("cpu %u online (APIC id %#x)\n", 3, 0x10);
	printk("no newline");
	printk("two\nlines\n");
	printk("\n");
	printk("%s", "");
	assert_string_equal(capture_text(),
			    "[tessera] cpu 3 online (APIC id 0x10)\n"
			    "[tessera] no newline\n"
			    "[tessera] two\n[tessera] lines\n"
			    "[tessera] \n");
}

/* A long message is split at CONSOLE_LINE_MAX, each piece prefixed. */
static void test_printk_long(void **state)
{
	char want[4 * CONSOLE_LINE_MAX];

	capture_start();
	printk("%.*s|%d\n", CONSOLE_LINE_MAX + 10, long_text, 42);
	snprintf(want, sizeof(want), "[tessera] %.*s\n[tessera] %.10s|42\n",
		 CONSOLE_LINE_MAX, long_text, long_text + CONSOLE_LINE_MAX);
	assert_string_equal(capture_text(), want);

	capture_start();
	printk("%.*s\n", CONSOLE_LINE_MAX, long_text);
	snprintf(want, sizeof(want), "[tessera] %.*s\n", CONSOLE_LINE_MAX,
		 long_text);
	assert_string_equal(capture_text(), want);
}

#define WRITERS		4
#define LINES		100

/* A device as slow as a UART: a byte at a time, yielding the CPU. */
static void slow_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		capture_write(s + i, 1);
		if (i % 16 == 0)
			sched_yield();
	}
}

static void *writer_thread(void *arg)
{
	unsigned int id = (unsigned int)(uintptr_t)arg;
	char prefix[16], text[2 * CONSOLE_LINE_MAX];

	snprintf(prefix, sizeof(prefix), "[w%u] ", id);
	for (unsigned int i = 0; i < LINES; i++) {
		/* every 50th line is long enough to be split */
		size_t pad = i % 50 ? i % 7 : CONSOLE_LINE_MAX;
		int n = snprintf(text, sizeof(text), "line %u %.*s", i,
				 (int)pad, long_text);

		console_write_line(prefix, text, (size_t)n);
		if (i % 10 == 0)
			printk("w%u line %u\n", id, i);
	}
	return NULL;
}

/* Which writer printed this line: "[w<id>] ..." or "[tessera] w<id> ...". */
static unsigned int line_owner(const char *line)
{
	unsigned int id = WRITERS;

	if (sscanf(line, "[w%u] ", &id) != 1)
		assert_int_equal(sscanf(line, "[tessera] w%u ", &id), 1);
	assert_true(id < WRITERS);
	return id;
}

static char *copy_text(const char *s)
{
	char *copy = test_malloc(strlen(s) + 1);

	return memcpy(copy, s, strlen(s) + 1);
}

/*
 * Each writer's lines, picked out of the mixed output, are exactly what it
 * prints alone: every line whole, in its order, whatever the others do.
 */
static void test_concurrent_writers(void **state)
{
	char *alone[WRITERS], *picked[WRITERS];
	size_t picked_len[WRITERS] = { 0 };
	pthread_t threads[WRITERS];
	const char *p, *end;

	for (uintptr_t i = 0; i < WRITERS; i++) {
		capture_start();
		writer_thread((void *)i);
		alone[i] = copy_text(capture_text());
		picked[i] = test_calloc(1, strlen(alone[i]) + 1);
	}

	capture_clear();
	console_init(slow_write);
	for (uintptr_t i = 0; i < WRITERS; i++)
		assert_int_equal(pthread_create(&threads[i], NULL,
						writer_thread, (void *)i), 0);
	for (int i = 0; i < WRITERS; i++)
		assert_int_equal(pthread_join(threads[i], NULL), 0);
	assert_int_equal(capture_writes_with_irqs_on(), 0);

	for (p = capture_text(); *p; p = end + 1) {
		unsigned int id = line_owner(p);
		size_t n;

		end = strchr(p, '\n');
		assert_non_null(end);
		n = (size_t)(end - p) + 1;
		assert_true(picked_len[id] + n <= strlen(alone[id]));
		memcpy(picked[id] + picked_len[id], p, n);
		picked_len[id] += n;
	}
	for (int i = 0; i < WRITERS; i++) {
		assert_string_equal(picked[i], alone[i]);
		test_free(alone[i]);
		test_free(picked[i]);
	}
}

static bool stuck_entered, stuck_release;

/* The first call never returns until released: a CPU that died printing. */
static void stuck_write(const char *s, size_t n)
{
	capture_write(s, n);
	if (__atomic_exchange_n(&stuck_entered, true, __ATOMIC_ACQ_REL))
		return;
	while (!__atomic_load_n(&stuck_release, __ATOMIC_ACQUIRE))
		sched_yield();
}

static void *stuck_thread(void *arg)
{
	write_line("[dead] ", "finally");
	return NULL;
}

/*
 * In panic mode a writer waits a bounded time for a lock whose holder is
 * stuck, then writes anyway; with the lock free again it locks as before.
 * Last test: panic mode is for good.
 */
static void test_panic_writes_past_stuck_holder(void **state)
{
	pthread_t thread;

	capture_clear();
	console_init(stuck_write);
	assert_int_equal(pthread_create(&thread, NULL, stuck_thread, NULL), 0);
	while (!__atomic_load_n(&stuck_entered, __ATOMIC_ACQUIRE))
		sched_yield();

	console_panic();
	write_line("[panic] ", "cpu 0: #PF");
	/* the holder, now taken for dead, is not waited for again */
	write_line("[panic] ", "rip 0x1000");
	assert_string_equal(capture_text(),
			    "[dead] [panic] cpu 0: #PF\n[panic] rip 0x1000\n");

	__atomic_store_n(&stuck_release, true, __ATOMIC_RELEASE);
	assert_int_equal(pthread_join(thread, NULL), 0);
	write_line("[panic] ", "halted");
	assert_string_equal(capture_text(),
			    "[dead] [panic] cpu 0: #PF\n[panic] rip 0x1000\n"
			    "finally\n[panic] halted\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_early_lines),
		cmocka_unit_test(test_prefix_and_newline),
		cmocka_unit_test(test_length_not_nul),
		cmocka_unit_test(test_newlines_end_lines),
		cmocka_unit_test(test_long_lines_split),
		cmocka_unit_test(test_interrupts_off_while_writing),
		cmocka_unit_test(test_printk),
		cmocka_unit_test(test_printk_long),
		cmocka_unit_test(test_concurrent_writers),
		cmocka_unit_test(test_panic_writes_past_stuck_holder),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
