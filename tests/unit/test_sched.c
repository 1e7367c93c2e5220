// SPDX-License-Identifier: MIT
/*
 * The scheduler (monitor/core/sched.c) on a pretend CPU: system time is
 * whatever the test says, the timer records what it is armed for, and
 * ring 3 is a longjmp back to the test with the vCPU that would run (NULL
 * when the CPU idles). cpu1 has a schedule of 10 ms: a 0-2 ms, b 2-5 ms,
 * idle to 10 ms; cpu2 is dedicated to c. Windows start from T0 whenever
 * the interrupt comes, a window passed unseen is missed, lateness and CPU
 * time are counted, yield and sleep give the window away (to nobody, or
 * as slack when built with CONFIG_SCHED_SLACK: test_sched_slack), a
 * sleeper wakes at its deadline or at its next window, a vCPU waiting for
 * events wakes at a pending unmasked port or at its deadline (the timer
 * port), and a dedicated CPU arms no timer but for its sleeper.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <tessera/partition.h>
#include <tessera/percpu.h>
#include <tessera/sched.h>
#include <tessera/time.h>

#define US	1000ULL
#define MS	1000000ULL

#ifdef CONFIG_SCHED_SLACK
#define SLACK	1
#else
#define SLACK	0
#endif

static const struct tt_window windows[] = {
	{ .start_us = 0, .length_us = 2000, .vcpu = 0 },
	{ .start_us = 2000, .length_us = 3000, .vcpu = 1 },
};

static const struct tt_cpu cpus[] = {
	{ .dedicated_to = TT_NONE },			/* idle */
	{ .dedicated_to = TT_NONE, .nr_vcpus = 2, .first_window = 0,
	  .nr_windows = 2, .hyperperiod_us = 10000 },
	{ .dedicated_to = 2, .nr_vcpus = 1 },
};

static const struct tt_vcpu tt_vcpus[] = {
	{ .partition = 0, .cpu = 1, .budget_us = 2000, .period_us = 10000 },
	{ .partition = 1, .cpu = 1, .budget_us = 3000, .period_us = 10000 },
	{ .partition = 2, .cpu = 2 },
};

const struct tessera_tables tessera_tables = {
	.cpus = cpus, .nr_cpus = 3,
	.vcpus = tt_vcpus, .nr_vcpus = 3,
	.windows = windows, .nr_windows = 2,
};

struct percpu percpu[CONFIG_MAX_CPUS];
struct vcpu vcpus[3];
static struct partition parts[3];
static union shared_info_page shared[3];
static struct vcpu *const a = &vcpus[0], *const b = &vcpus[1],
	*const c = &vcpus[2];

/* ---- the monitor around the scheduler ------------------------------ */

static jmp_buf back;
static struct vcpu *ran;
static uint64_t now_ns, armed_ns;
static unsigned int arms;

uint64_t time_now_ns(void)
{
	return now_ns;
}

void time_arm(uint64_t ns)
{
	armed_ns = ns;
	arms++;
}

void time_timer_init(void)
{
	armed_ns = TIME_NEVER;
}

void arch_cpu_partitions_init(void)
{
}

int smp_call(unsigned int index, void (*fn)(void), bool wait)
{
	return 0;
}

void arch_vcpu_resume(struct vcpu *v)
{
	ran = v;
	longjmp(back, 1);
}

void arch_cpu_wait(void)
{
	ran = NULL;
	longjmp(back, 1);
}

/* ---- driving it ---------------------------------------------------- */

/* The CPU starts its schedule at time 0 (released then). */
static struct vcpu *start(unsigned int cpu)
{
	for (unsigned int i = 0; i < 3; i++) {
		parts[i] = (struct partition){ .shared_info = &shared[i] };
		shared[i] = (union shared_info_page){ 0 };
		vcpus[i] = (struct vcpu){ .partition = &parts[i],
					  .tt = &tt_vcpus[i],
					  .cpu = tt_vcpus[i].cpu,
					  .state = VCPU_RUNNABLE };
	}
	percpu[cpu].index = cpu;
	host_percpu_self = &percpu[cpu];
	now_ns = 0;
	arms = 0;
	if (!setjmp(back)) {
		sched_start_all();
		sched_run();
	}
	return ran;
}

/* Something brought the CPU into the monitor at t: who runs next. */
static struct vcpu *enter(uint64_t t)
{
	now_ns = t;
	if (!setjmp(back))
		sched_resume();
	return ran;
}

/* The timer interrupt, at t. */
static struct vcpu *tick(uint64_t t)
{
	now_ns = t;
	if (!setjmp(back)) {
		sched_tick();
		sched_resume();
	}
	return ran;
}

/* The current vCPU yields, at t. */
static struct vcpu *yield(uint64_t t)
{
	now_ns = t;
	if (!setjmp(back)) {
		sched_yield();
		sched_resume();
	}
	return ran;
}

/* The current vCPU sleeps until `until`, asking at t. */
static struct vcpu *sleep_until(uint64_t t, uint64_t until)
{
	now_ns = t;
	if (!setjmp(back)) {
		sched_sleep_until(until);
		sched_resume();
	}
	return ran;
}

/* The current vCPU waits for events until `until`, asking at t. */
static struct vcpu *block(uint64_t t, uint64_t until)
{
	now_ns = t;
	if (!setjmp(back)) {
		sched_block(until);
		sched_resume();
	}
	return ran;
}

/* ---- the tests ----------------------------------------------------- */

static void test_windows_from_t0(void **state)
{
	/* the first whole hyperperiod 1 ms after the release: at 10 ms */
	assert_ptr_equal(start(1), SLACK ? a : NULL);
	assert_int_equal(armed_ns, 10 * MS);
	assert_ptr_equal(tick(10 * MS), a);
	assert_int_equal(armed_ns, 12 * MS);
	assert_ptr_equal(tick(12 * MS), b);
	assert_int_equal(armed_ns, 15 * MS);
	assert_ptr_equal(tick(15 * MS), SLACK ? a : NULL);
	assert_int_equal(armed_ns, 20 * MS);
	assert_ptr_equal(tick(20 * MS), a);
	assert_ptr_equal(tick(22 * MS), b);
	assert_ptr_equal(tick(25 * MS), SLACK ? a : NULL);
	assert_ptr_equal(tick(30 * MS), a);
	/* late by 300 us: the window starts late, its end does not move */
	assert_ptr_equal(tick(32 * MS + 300 * US), b);
	assert_int_equal(armed_ns, 35 * MS);
	assert_int_equal(b->acct.lateness_max_ns, 300 * US);
	assert_int_equal(b->acct.windows_missed, 0);
	if (!SLACK) {
		assert_int_equal(a->acct.runtime_ns, 3 * 2 * MS + 300 * US);
		assert_int_equal(b->acct.runtime_ns, 2 * 3 * MS);
		assert_int_equal(a->acct.lateness_max_ns, 0);
	}
	/* the figures reach the partition's page */
	assert_int_equal(shared[0].shi.vcpu[0].runtime_ns, a->acct.runtime_ns);
	assert_int_equal(shared[0].shi.vcpu[0].budget_us, 2000);
	assert_int_equal(shared[1].shi.vcpu[0].lateness_max_ns, 300 * US);
}

static void test_missed_window(void **state)
{
	start(1);
	assert_ptr_equal(tick(10 * MS), a);
	/* the next interrupt comes after b's whole window */
	assert_ptr_equal(tick(16 * MS), SLACK ? b : NULL);
	assert_int_equal(b->acct.windows_missed, 1);
	assert_int_equal(a->acct.windows_missed, 0);
	assert_int_equal(armed_ns, 20 * MS);
	/* a hyperperiod and more: a's window and b's, then a's again */
	assert_ptr_equal(tick(20 * MS), a);
	assert_ptr_equal(tick(41 * MS), a);
	assert_int_equal(a->acct.windows_missed, 1);
	assert_int_equal(b->acct.windows_missed, 3);
	/* a had the CPU all along (no interrupt came): it was not late */
	assert_int_equal(a->acct.lateness_max_ns, 0);
}

static void test_blocked_misses_nothing(void **state)
{
	start(1);
	assert_ptr_equal(tick(10 * MS), a);
	assert_ptr_equal(tick(12 * MS), b);
	assert_ptr_equal(sleep_until(13 * MS, 40 * MS), SLACK ? a : NULL);
	assert_ptr_equal(tick(36 * MS), SLACK ? a : NULL);
	assert_int_equal(b->acct.windows_missed, 0);
	assert_int_equal(b->state, VCPU_BLOCKED);
}

static void test_yield_gives_the_window(void **state)
{
	uint64_t before;

	start(1);
	assert_ptr_equal(tick(10 * MS), a);
	before = a->acct.runtime_ns;	/* slack ran it before its window */
	/* strict: nobody has the rest; slack: b, but not a again */
	assert_ptr_equal(yield(11 * MS), SLACK ? b : NULL);
	assert_int_equal(armed_ns, 12 * MS);
	assert_int_equal(a->acct.runtime_ns - before, 1 * MS);
	assert_ptr_equal(tick(12 * MS), b);
	assert_ptr_equal(tick(20 * MS), a);
	assert_ptr_equal(tick(30 * MS), a);
	/* periods: 10-20 (given back), 20-30 (whole), 30- (open) */
	assert_int_equal(a->acct.periods, 3);
	assert_int_equal(a->acct.exhausted, 1);
}

static void test_sleep(void **state)
{
	start(1);
	tick(10 * MS);
	assert_ptr_equal(tick(12 * MS), b);
	/* inside its window: the timer for the deadline, not the boundary */
	assert_ptr_equal(sleep_until(12 * MS + 500 * US, 13 * MS),
			 SLACK ? a : NULL);
	assert_int_equal(armed_ns, 13 * MS);
	assert_ptr_equal(tick(13 * MS), b);
	assert_int_equal(armed_ns, 15 * MS);
	/* a deadline passed: back at once, still running */
	assert_ptr_equal(sleep_until(13 * MS + 500 * US, 13 * MS), b);
	assert_int_equal(b->state, VCPU_RUNNABLE);
	/* a deadline outside its windows: awake there, runs at its next */
	assert_ptr_equal(sleep_until(14 * MS, 16 * MS), SLACK ? a : NULL);
	assert_int_equal(armed_ns, 15 * MS);
	tick(15 * MS);
	assert_int_equal(armed_ns, 16 * MS);
	/* strict: it waits for its window; slack: its turn after a */
	assert_ptr_equal(tick(16 * MS), SLACK ? b : NULL);
	assert_int_equal(b->state, VCPU_RUNNABLE);
	assert_int_equal(armed_ns, 20 * MS);
	assert_ptr_equal(tick(20 * MS), a);
	assert_ptr_equal(tick(22 * MS), b);
	/* never: no timer for it, and it does not run again */
	assert_ptr_equal(sleep_until(23 * MS, UINT64_MAX), SLACK ? a : NULL);
	assert_int_equal(armed_ns, 25 * MS);
	tick(25 * MS);
	tick(30 * MS);
	assert_ptr_equal(tick(32 * MS), SLACK ? a : NULL);
	assert_int_equal(b->state, VCPU_BLOCKED);
}

/*
 * Waiting for events: back at once for a pending, unmasked port; else
 * blocked until its CPU finds one at an entry (a notification's kick) or
 * its deadline comes, which sets the timer port. Events stay pending, and
 * a plain sleep sets no port.
 */
static void test_block_for_events(void **state)
{
	uint64_t *pending = &shared[1].shi.event_pending[0];
	const uint64_t timer = TESSERA_EVENT_BIT(TESSERA_PORT_TIMER);

	start(1);
	tick(10 * MS);
	assert_ptr_equal(tick(12 * MS), b);
	*pending = TESSERA_EVENT_BIT(3);
	assert_ptr_equal(block(12 * MS + 100 * US, UINT64_MAX), b);
	assert_int_equal(b->state, VCPU_RUNNABLE);
	/* masked, it ends no wait: blocked, and no timer for it */
	shared[1].shi.event_mask[0] = TESSERA_EVENT_BIT(3);
	assert_ptr_equal(block(12 * MS + 200 * US, UINT64_MAX),
			 SLACK ? a : NULL);
	assert_int_equal(b->state, VCPU_BLOCKED);
	assert_int_equal(armed_ns, 15 * MS);
	/* another port, in its window: the next entry runs it */
	*pending |= 1;
	assert_ptr_equal(enter(13 * MS), b);
	assert_int_equal(*pending, TESSERA_EVENT_BIT(3) | 1);
	/* the deadline is the timer port's event */
	*pending = 0;
	assert_ptr_equal(block(13 * MS + 100 * US, 14 * MS), SLACK ? a : NULL);
	assert_int_equal(armed_ns, 14 * MS);
	assert_ptr_equal(tick(14 * MS), b);
	assert_int_equal(*pending, timer);
	/* one passed: back at once, the timer port set */
	*pending = 0;
	assert_ptr_equal(block(14 * MS + 100 * US, 14 * MS), b);
	assert_int_equal(*pending, timer);
	/* an event outside its windows: awake, it runs at its next */
	*pending = 0;
	block(14 * MS + 200 * US, UINT64_MAX);
	tick(15 * MS);
	assert_int_equal(b->state, VCPU_BLOCKED);
	*pending = 1;
	enter(16 * MS);
	assert_int_equal(b->state, VCPU_RUNNABLE);
	assert_ptr_equal(tick(20 * MS), a);
	assert_ptr_equal(tick(22 * MS), b);
	/* a sleep is no wait for events */
	*pending = 0;
	sleep_until(22 * MS + 100 * US, 22 * MS + 500 * US);
	assert_ptr_equal(tick(22 * MS + 500 * US), b);
	assert_int_equal(*pending, 0);
}

static void test_ticks_counted(void **state)
{
	start(1);
	tick(10 * MS);
	tick(12 * MS);			/* struck a at the end of its window */
	tick(15 * MS);			/* struck b */
	tick(20 * MS);			/* struck nobody, or a as slack */
	/* slack ran a from the start: struck at 10, 12 and 20 ms */
	assert_int_equal(a->acct.timer_interrupts, SLACK ? 3 : 1);
	assert_int_equal(b->acct.timer_interrupts, 1);
	assert_int_equal(shared[1].shi.vcpu[0].timer_interrupts, 1);
}

static void test_dedicated_cpu(void **state)
{
	assert_ptr_equal(start(2), c);
	assert_ptr_equal(enter(5 * MS), c);	/* a hypercall */
	assert_ptr_equal(yield(6 * MS), c);
	assert_int_equal(arms, 0);		/* no timer, ever */
	assert_ptr_equal(sleep_until(7 * MS, 9 * MS), NULL);
	assert_int_equal(arms, 1);
	assert_int_equal(armed_ns, 9 * MS);
	assert_ptr_equal(tick(9 * MS), c);
	assert_int_equal(c->acct.timer_interrupts, 0);	/* it slept through */
	assert_int_equal(c->acct.runtime_ns, 7 * MS);
	assert_int_equal(c->acct.periods, 0);
}

static void test_ended_vcpu_leaves_its_window(void **state)
{
	start(1);
	assert_ptr_equal(tick(10 * MS), a);
	a->state = VCPU_STOPPED;		/* its partition exited */
	assert_ptr_equal(enter(11 * MS), SLACK ? b : NULL);
	assert_ptr_equal(tick(20 * MS), SLACK ? b : NULL);
	assert_int_equal(a->acct.windows_missed, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_windows_from_t0),
		cmocka_unit_test(test_missed_window),
		cmocka_unit_test(test_blocked_misses_nothing),
		cmocka_unit_test(test_yield_gives_the_window),
		cmocka_unit_test(test_sleep),
		cmocka_unit_test(test_block_for_events),
		cmocka_unit_test(test_ticks_counted),
		cmocka_unit_test(test_dedicated_cpu),
		cmocka_unit_test(test_ended_vcpu_leaves_its_window),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
