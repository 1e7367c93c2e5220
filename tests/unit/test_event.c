// SPDX-License-Identifier: MIT
/*
 * Event ports in the monitor (monitor/core/event.c): a sender may notify
 * only through its own channel ends' ports, any other 64-bit value is
 * -EINVAL, and the notification goes to the peer's port; the pending
 * bits are set whole-word, and only pending, unmasked ports wake a vCPU.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <tessera/errno.h>
#include <tessera/event.h>

/* partition 0 is the front of two channels, 1 the back of both and the
 * front of the third, 2 the back of the third; 3 is no end at all */
static const struct tt_channel channels[] = {
	{ .name = "a", .frontend = 0, .backend = 1, .slots = 16, .slot_size = 256,
	  .frontend_port = 0, .backend_port = 0, .mem = { 0x7000000, 0x2000 } },
	{ .name = "b", .frontend = 0, .backend = 1, .slots = 16, .slot_size = 256,
	  .frontend_port = 1, .backend_port = 1, .mem = { 0x7100000, 0x2000 } },
	{ .name = "c", .frontend = 1, .backend = 2, .slots = 16, .slot_size = 256,
	  .frontend_port = 2, .backend_port = 0, .mem = { 0x7200000, 0x2000 } },
	{ .name = "bad", .frontend = 2, .backend = 3, .slots = 16, .slot_size = 256,
	  .frontend_port = 1, .backend_port = 0x140, .mem = { 0x7300000, 0x2000 } },
};

static const struct tessera_tables t = {
	.nr_partitions = 4,
	.nr_channels = 4,
	.channels = channels,
};

static void test_peer(void **state)
{
	struct event_target to;

	assert_int_equal(event_peer(&t, 0, 1, &to), 0);
	assert_int_equal(to.partition, 1);
	assert_int_equal(to.port, 1);
	assert_int_equal(event_peer(&t, 1, 0, &to), 0);
	assert_int_equal(to.partition, 0);
	assert_int_equal(to.port, 0);
	assert_int_equal(event_peer(&t, 1, 2, &to), 0);
	assert_int_equal(to.partition, 2);
	assert_int_equal(to.port, 0);
	assert_int_equal(event_peer(&t, 2, 0, &to), 0);
	assert_int_equal(to.partition, 1);
	assert_int_equal(to.port, 2);
}

static void test_not_own_port(void **state)
{
	static const uint64_t bad[] = {
		2, 3, TESSERA_PORT_TIMER, TESSERA_MAX_PORTS, 0x100000000ull,
		0x100000001ull, UINT64_MAX, (uint64_t)-EINVAL,
	};
	struct event_target to = { 77, 77 };

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(event_peer(&t, 0, bad[i], &to), -EINVAL);
		assert_int_equal(event_peer(&t, 3, bad[i], &to), -EINVAL);
	}
	/* 2's port 1 would notify 3 at a port out of range (bad tables) */
	assert_int_equal(event_peer(&t, 2, 1, &to), -EINVAL);
	/* partition out of the tables: no ends */
	assert_int_equal(event_peer(&t, 9, 0, &to), -EINVAL);
	assert_int_equal(to.partition, 77);
}

static void test_pending(void **state)
{
	static struct tessera_shared_info shi;

	memset(&shi, 0, sizeof(shi));
	assert_false(event_deliverable(&shi));
	assert_true(event_set_pending(&shi, 0));
	assert_int_equal(shi.event_pending[0], 1);
	event_set_pending(&shi, TESSERA_PORT_TIMER);
	event_set_pending(&shi, 0);	/* twice is once */
	assert_int_equal(shi.event_pending[0],
			 1 | TESSERA_EVENT_BIT(TESSERA_PORT_TIMER));
	assert_true(event_deliverable(&shi));
}

static void test_masked(void **state)
{
	static struct tessera_shared_info shi;

	memset(&shi, 0, sizeof(shi));
	shi.event_mask[0] = ~0ull;
	assert_false(event_set_pending(&shi, 5));
	assert_false(event_deliverable(&shi));
	shi.event_mask[0] &= ~TESSERA_EVENT_BIT(6);	/* another port */
	assert_false(event_deliverable(&shi));
	shi.event_mask[0] &= ~TESSERA_EVENT_BIT(5);	/* re-delivered */
	assert_true(event_deliverable(&shi));
	shi.event_pending[0] = 0;
	assert_false(event_deliverable(&shi));
	shi.event_pending[0] = TESSERA_EVENT_BIT(7);	/* still masked */
	assert_false(event_deliverable(&shi));
	shi.event_mask[0] = TESSERA_EVENT_BIT(5);	/* another's mask */
	assert_true(event_deliverable(&shi));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_peer),
		cmocka_unit_test(test_not_own_port),
		cmocka_unit_test(test_pending),
		cmocka_unit_test(test_masked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
