// SPDX-License-Identifier: MIT
/*
 * Hypercall dispatch (monitor/core/hypercall.c) with a partition in
 * ordinary memory: every number that is not a call is -ENOSYS, the
 * version query, console writes checked before a byte is read (nothing
 * printed on an error), yield, sleep, block and exit reaching the
 * scheduler and the partition's end, notify its port whole to the events.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <console_capture.h>
#include <public/hypercall.h>
#include <public/layout.h>
#include <public/version.h>
#include <tessera/errno.h>
#include <tessera/hypercall.h>
#include <tessera/partition.h>
#include <tessera/sched.h>
#include <tessera/upcall.h>

#define MEM_SIZE	0x10000UL

static uint8_t mem[MEM_SIZE];
static union start_info_page si;
static const struct tt_partition tt = { .name = "web", .mem = { 0, MEM_SIZE } };
static struct partition p;
static struct vcpu v;
static int yields, ends, end_status, sleeps, blocks, notifies;
static uint64_t block_deadline, notify_port;
static uint64_t sleep_deadline;

void sched_yield(void)
{
	yields++;
}

void sched_sleep_until(uint64_t ns)
{
	sleeps++;
	sleep_deadline = ns;
}

void sched_block(uint64_t ns)
{
	blocks++;
	block_deadline = ns;
}

int64_t event_notify(unsigned int id, uint64_t port)
{
	assert_int_equal(id, p.id);
	notifies++;
	notify_port = port;
	return port == 1 ? 0 : -EINVAL;
}

/* the upcall calls (monitor/arch/x86_64/upcall.c, test_upcall.c): their
 * number and argument back, so a test sees which one ran and with what */
int64_t upcall_call_set(struct vcpu *v, const uint64_t *args)
{
	return TESSERA_HC_SET_UPCALL + (int64_t)args[0];
}

int64_t upcall_call_return(struct vcpu *v, const uint64_t *args)
{
	return TESSERA_HC_UPCALL_RETURN + (int64_t)args[0];
}

void partition_end(struct partition *part, enum partition_state how,
		   int exit_status)
{
	assert_ptr_equal(part, &p);
	assert_int_equal(how, PARTITION_EXITED);
	ends++;
	end_status = exit_status;
}

static int setup(void **state)
{
	capture_start();
	p = (struct partition){ .tt = &tt, .id = 3, .mem = mem,
				.start_info = &si };
	console_stream_init(&p.console, tt.name);
	v = (struct vcpu){ .partition = &p };
	yields = ends = end_status = sleeps = blocks = notifies = 0;
	return 0;
}

static int64_t hc(uint64_t nr, uint64_t a0, uint64_t a1)
{
	const uint64_t args[HYPERCALL_NR_ARGS] = { a0, a1, ~0UL, ~0UL, ~0UL, ~0UL };

	return hypercall_dispatch(&v, nr, args);
}

static void test_unknown_numbers(void **state)
{
	for (uint64_t nr = 4; nr < 0x100; nr++)
		if (nr != TESSERA_HC_SLEEP_UNTIL && nr != TESSERA_HC_BLOCK &&
		    nr != TESSERA_HC_NOTIFY && nr != TESSERA_HC_SET_UPCALL &&
		    nr != TESSERA_HC_UPCALL_RETURN && nr != TESSERA_HC_IRQ_ACK &&
		    nr != TESSERA_HC_PCI_CONFIG_READ &&
		    nr != TESSERA_HC_PCI_CONFIG_WRITE)
			assert_int_equal(hc(nr, 0, 0), -ENOSYS);
	assert_int_equal(hc(1UL << 63, 0, 0), -ENOSYS);
	assert_int_equal(hc(UINT64_MAX, 0, 0), -ENOSYS);
	assert_int_equal(hc((1UL << 32) | TESSERA_HC_EXIT, 0, 0), -ENOSYS);
	assert_int_equal(hc(-(uint64_t)TESSERA_HC_MAX, 0, 0), -ENOSYS);
	assert_int_equal(ends + yields + sleeps + blocks + notifies, 0);
}

/* Every deadline reaches the scheduler as it is: 0, the past, never. */
static void test_sleep_until(void **state)
{
	static const uint64_t deadlines[] = { 0, 1, 50000000, UINT64_MAX };

	for (size_t i = 0; i < sizeof(deadlines) / sizeof(deadlines[0]); i++) {
		assert_int_equal(hc(TESSERA_HC_SLEEP_UNTIL, deadlines[i], ~0UL), 0);
		assert_int_equal(sleeps, i + 1);
		assert_int_equal(sleep_deadline, deadlines[i]);
	}
}

/* The block deadline and the notify port reach their modules whole. */
static void test_block_and_notify(void **state)
{
	static const uint64_t values[] = { 0, 1, 0x100000001UL, UINT64_MAX };

	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		assert_int_equal(hc(TESSERA_HC_BLOCK, values[i], ~0UL), 0);
		assert_int_equal(blocks, i + 1);
		assert_int_equal(block_deadline, values[i]);
		assert_int_equal(hc(TESSERA_HC_NOTIFY, values[i], ~0UL),
				 values[i] == 1 ? 0 : -EINVAL);
		assert_int_equal(notify_port, values[i]);
	}
	assert_int_equal(notifies, 4);
}

/* the device calls are dispatched with their arguments (device_call_stub.c) */
static void test_device_calls(void **state)
{
	assert_int_equal(hc(TESSERA_HC_IRQ_ACK, 5, 0), TESSERA_HC_IRQ_ACK + 5);
	assert_int_equal(hc(TESSERA_HC_PCI_CONFIG_READ, 1, 2),
			 TESSERA_HC_PCI_CONFIG_READ + 1 + 2 + ~0UL);
	assert_int_equal(hc(TESSERA_HC_PCI_CONFIG_WRITE, 1, 2),
			 TESSERA_HC_PCI_CONFIG_WRITE + 1 + 2 + ~0UL + ~0UL);
}

static void test_upcall_calls(void **state)
{
	assert_int_equal(hc(TESSERA_HC_SET_UPCALL, 5, 0), TESSERA_HC_SET_UPCALL + 5);
	assert_int_equal(hc(TESSERA_HC_UPCALL_RETURN, 7, 0),
			 TESSERA_HC_UPCALL_RETURN + 7);
}

static void test_version(void **state)
{
	si.si.features = 0;
	assert_int_equal(hc(TESSERA_HC_VERSION, TESSERA_VERSION_ABI, 0),
			 TESSERA_ABI_VERSION);
	assert_int_equal(hc(TESSERA_HC_VERSION, TESSERA_VERSION_FEATURES, 0), 0);
	assert_int_equal(hc(TESSERA_HC_VERSION, 2, 0), -EINVAL);
	assert_int_equal(hc(TESSERA_HC_VERSION, 1UL << 32, 0), -EINVAL);
}

static void test_console_write(void **state)
{
	memcpy(mem + 0x100, "hi\n", 3);
	assert_int_equal(hc(TESSERA_HC_CONSOLE_WRITE, TESSERA_MEM_BASE + 0x100, 3), 3);
	assert_string_equal(capture_text(), "[web] hi\n");
	assert_int_equal(hc(TESSERA_HC_CONSOLE_WRITE, TESSERA_MEM_BASE, 0), 0);
}

static void test_console_write_refused(void **state)
{
	const uint64_t end = TESSERA_MEM_BASE + MEM_SIZE;

	memset(mem, 'x', sizeof(mem));
	assert_int_equal(hc(TESSERA_HC_CONSOLE_WRITE, 0, 16), -EFAULT);
	assert_int_equal(hc(TESSERA_HC_CONSOLE_WRITE, TESSERA_START_INFO_ADDR, 16),
			 -EFAULT);
	assert_int_equal(hc(TESSERA_HC_CONSOLE_WRITE, end - 8, 16), -EFAULT);
	assert_int_equal(hc(TESSERA_HC_CONSOLE_WRITE, UINT64_MAX - 7, 16), -EFAULT);
	assert_int_equal(hc(TESSERA_HC_CONSOLE_WRITE, 0xffffffff80100000UL, 16),
			 -EFAULT);
	assert_int_equal(hc(TESSERA_HC_CONSOLE_WRITE, TESSERA_MEM_BASE,
			    TESSERA_CONSOLE_WRITE_MAX + 1), -E2BIG);
	assert_int_equal(hc(TESSERA_HC_CONSOLE_WRITE, TESSERA_MEM_BASE + 16,
			    UINT64_MAX - 8), -E2BIG);
	console_stream_flush(&p.console);
	assert_string_equal(capture_text(), "");
}

static void test_yield_and_exit(void **state)
{
	assert_int_equal(hc(TESSERA_HC_YIELD, 0, 0), 0);
	assert_int_equal(yields, 1);
	hc(TESSERA_HC_EXIT, 0xdeadbeefffffffffUL, 0);
	assert_int_equal(ends, 1);
	assert_int_equal(end_status, -1);	/* the low 32 bits, signed */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_unknown_numbers, setup),
		cmocka_unit_test_setup(test_sleep_until, setup),
		cmocka_unit_test_setup(test_block_and_notify, setup),
		cmocka_unit_test_setup(test_device_calls, setup),
		cmocka_unit_test_setup(test_upcall_calls, setup),
		cmocka_unit_test_setup(test_version, setup),
		cmocka_unit_test_setup(test_console_write, setup),
		cmocka_unit_test_setup(test_console_write_refused, setup),
		cmocka_unit_test_setup(test_yield_and_exit, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
