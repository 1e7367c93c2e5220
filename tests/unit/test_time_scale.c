// SPDX-License-Identifier: MIT
/*
 * Ticks to nanoseconds and back (monitor/lib/time_scale.c): the scale of
 * slow and fast counters, the inverse as the fewest ticks that reach a
 * time, and the ends of the range (no overflow, "never" for a time no
 * tick count reaches).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <tessera/time_scale.h>

static const uint64_t rates[] = {
	1000000, 3579545, 100000000, 999999999, 1000000000, 1000000001,
	2000000000, 2000000001, 2893421000, 3000000000ULL, 5000000000ULL,
};

/* Exact ns of `ticks` at `hz`, for comparison. */
static uint64_t exact_ns(uint64_t ticks, uint64_t hz)
{
	return (uint64_t)((unsigned __int128)ticks * 1000000000 / hz);
}

static void test_scale_in_range(void **state)
{
	for (size_t i = 0; i < sizeof(rates) / sizeof(rates[0]); i++) {
		struct time_scale ts;

		time_scale_init(&ts, rates[i]);
		assert_true(ts.mul >= 1U << 31);
		/* a second of ticks is a second, to a few ns in 10^9 */
		assert_true(time_scale_ns(&ts, rates[i]) <= 1000000000);
		assert_true(time_scale_ns(&ts, rates[i]) >= 1000000000 - 4);
	}
}

static void test_scale_accuracy(void **state)
{
	struct time_scale ts;
	const uint64_t hz = 2893421000, day = 86400 * hz;

	time_scale_init(&ts, hz);
	assert_int_equal(ts.shift, -1);
	/* over a day, within 2^-31 of the exact time, below it */
	assert_true(time_scale_ns(&ts, day) <= exact_ns(day, hz));
	assert_true(exact_ns(day, hz) - time_scale_ns(&ts, day) <
		    exact_ns(day, hz) >> 30);
	time_scale_init(&ts, 100000000);	/* 10 ns a tick: shift > 0 */
	assert_int_equal(ts.shift, 4);
	assert_int_equal(time_scale_ns(&ts, 1), 10);
	assert_int_equal(time_scale_ns(&ts, 100), 1000);
	time_scale_init(&ts, 3000000000ULL);	/* a third of a ns: rounds down */
	assert_int_equal(time_scale_ns(&ts, 1), 0);
	assert_int_equal(time_scale_ns(&ts, 3), 0);	/* 2^-32 short of 1 */
	assert_int_equal(time_scale_ns(&ts, 4), 1);
}

/*
 * ticks is the fewest that reach ns: it does, one fewer does not; or no
 * count of ticks a reader can shift in 64 bits reaches it.
 */
static void assert_fewest(const struct time_scale *ts, uint64_t ns)
{
	uint64_t ticks = time_scale_ticks(ts, ns);
	uint64_t most = ts->shift > 0 ? UINT64_MAX >> ts->shift : UINT64_MAX;

	if (ticks == UINT64_MAX) {
		assert_true(time_scale_ns(ts, most) < ns);
		return;
	}
	assert_true(ticks <= most);
	assert_true(time_scale_ns(ts, ticks) >= ns);
	if (ticks)
		assert_true(time_scale_ns(ts, ticks - 1) < ns);
}

static void test_ticks_inverse(void **state)
{
	static const uint64_t times[] = {
		0, 1, 2, 999, 1000, 12345678, 1000000000, 10000000000ULL,
		86400000000000ULL, 1ULL << 62,
	};

	for (size_t i = 0; i < sizeof(rates) / sizeof(rates[0]); i++) {
		struct time_scale ts;

		time_scale_init(&ts, rates[i]);
		for (size_t j = 0; j < sizeof(times) / sizeof(times[0]); j++)
			assert_fewest(&ts, times[j]);
		for (uint64_t ns = 0; ns < 3000; ns++)
			assert_fewest(&ts, ns);
	}
}

static void test_ticks_never(void **state)
{
	struct time_scale fast, slow;

	time_scale_init(&fast, 3000000000ULL);
	time_scale_init(&slow, 1000000);
	/* UINT64_MAX ns is 3 * 2^64 ticks at 3 GHz: never */
	assert_int_equal(time_scale_ticks(&fast, UINT64_MAX), UINT64_MAX);
	assert_int_equal(time_scale_ticks(&fast, 1ULL << 63), UINT64_MAX);
	assert_fewest(&fast, (1ULL << 62) + 12345);
	/* 1 us a tick, shifted by 10: past 2^54 ticks (1.8e19 ns) it wraps */
	assert_int_equal(slow.shift, 10);
	assert_int_equal(time_scale_ticks(&slow, 18100000000000000000ULL),
			 UINT64_MAX);
	assert_int_equal(time_scale_ticks(&slow, 18000000000000000000ULL),
			 18000000000000000ULL);
	assert_int_equal(time_scale_ticks(&slow, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scale_in_range),
		cmocka_unit_test(test_scale_accuracy),
		cmocka_unit_test(test_ticks_inverse),
		cmocka_unit_test(test_ticks_never),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
