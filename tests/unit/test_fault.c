// SPDX-License-Identifier: MIT
/*
 * A partition's fault (monitor/core/fault.c): the line, exactly; the
 * unfinished console line before it; and each on-fault policy: halt,
 * restart up to CONFIG_MAX_RESTARTS then halt, halt-system at once.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <console_capture.h>
#include <tessera/fault.h>
#include <tessera/halt.h>
#include <tessera/partition.h>

#ifndef CONFIG_MAX_RESTARTS
#error "built with -DCONFIG_MAX_RESTARTS (sources.mk)"
#endif

static struct tt_partition tt = { .name = "web" };
static struct partition p;
static struct vcpu v;
static int starts, ends, halts;
static enum halt_status halt_status;
static jmp_buf halted;

void partition_start(struct partition *part)
{
	starts++;
}

void partition_end(struct partition *part, enum partition_state how,
		   int exit_status)
{
	assert_int_equal(how, PARTITION_HALTED);
	ends++;
}

void machine_halt(enum halt_status status)
{
	halts++;
	halt_status = status;
	longjmp(halted, 1);
}

static const struct fault_info pf = { "#PF", 14, 0x6, 0x401234, 0x7ff000 };

static int setup(void **state)
{
	capture_start();
	p = (struct partition){ .tt = &tt };
	console_stream_init(&p.console, tt.name);
	v = (struct vcpu){ .partition = &p, .cpu = 2 };
	starts = ends = halts = 0;
	return 0;
}

static void test_halt(void **state)
{
	tt.on_fault = TT_ON_FAULT_HALT;
	console_stream_write(&p.console, "half a line", 11);
	fault_partition(&v, &pf);
	assert_string_equal(capture_text(), "[web] half a line\n"
		"[tessera] web: fault #PF (vector 14, error 0x6) at rip 0x401234 "
		"addr 0x7ff000 on cpu 2: halted\n");
	assert_int_equal(ends, 1);
	assert_int_equal(starts, 0);
	assert_int_equal(p.faults, 1);
}

static void test_restart_up_to_the_limit(void **state)
{
	char want[160];

	tt.on_fault = TT_ON_FAULT_RESTART;
	for (unsigned int n = 1; n <= CONFIG_MAX_RESTARTS; n++) {
		capture_clear();
		fault_partition(&v, &pf);
		snprintf(want, sizeof(want), "[tessera] web: fault #PF (vector 14, "
			 "error 0x6) at rip 0x401234 addr 0x7ff000 on cpu 2: "
			 "restarting (restart %u of %u)\n", n, CONFIG_MAX_RESTARTS);
		assert_string_equal(capture_text(), want);
		assert_int_equal(starts, n);
		assert_int_equal(p.restarts, n);
	}
	capture_clear();
	fault_partition(&v, &pf);
	assert_non_null(strstr(capture_text(), ": restart limit reached: halted\n"));
	assert_int_equal(starts, CONFIG_MAX_RESTARTS);
	assert_int_equal(ends, 1);
	assert_int_equal(p.faults, CONFIG_MAX_RESTARTS + 1);
}

static void test_halt_system(void **state)
{
	const struct fault_info ud = { "#UD", 6, 0, 0x400010, 0 };

	tt.on_fault = TT_ON_FAULT_HALT_SYSTEM;
	if (!setjmp(halted))
		fault_partition(&v, &ud);
	assert_string_equal(capture_text(), "[tessera] web: fault #UD (vector 6, "
			    "error 0x0) at rip 0x400010 addr 0x0 on cpu 2: "
			    "halting the system\n");
	assert_int_equal(halts, 1);
	assert_int_equal(halt_status, HALT_PARTITION_FAILED);
	assert_int_equal(ends + starts, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_halt, setup),
		cmocka_unit_test_setup(test_restart_up_to_the_limit, setup),
		cmocka_unit_test_setup(test_halt_system, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
