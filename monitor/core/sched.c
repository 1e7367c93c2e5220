// SPDX-License-Identifier: MIT
/*
 * The CPU schedules enforced (see tessera/sched.h, docs/scheduling.md).
 *
 * Each CPU decides from the system time alone: at every entry it wakes
 * its due sleepers, moves its schedule to the window in force (counting
 * the windows that passed unseen as missed by their runnable vCPUs),
 * picks the vCPU, charges the CPU time of the one before, and arms its
 * timer for the earlier of the next boundary and the earliest sleeper.
 * Nothing depends on when the last interrupt came, so a late one delays
 * a window's start without moving any later boundary.
 *
 * All of a CPU's state, and the vCPUs pinned to it, are touched by that
 * CPU only, with interrupts off; another CPU only reads a vCPU's state,
 * to kick a blocked one after an event (monitor/core/event_send.c).
 */

#include <stdbool.h>
#include <tessera/cpu.h>
#include <tessera/event.h>
#include <tessera/partition.h>
#include <tessera/percpu.h>
#include <tessera/sched.h>
#include <tessera/sched_table.h>
#include <tessera/time.h>

#define NS_PER_US	1000

/*
 * The schedules begin with the first hyperperiod of each CPU that starts
 * this long after the release: every CPU has left its wait by then, so no
 * first window starts late, and none is counted missed.
 */
#define SCHED_START_DELAY_NS	1000000

struct sched_cpu {
	struct sched_table table;	/* nr 0: a dedicated or idle CPU */
	struct sched_slot win;		/* the window started last (end_ns 0: none) */
	uint64_t next;			/* the position of the next to start */
	bool yielded;			/* win's vCPU gave up the rest of it */
	struct vcpu *current;		/* in ring 3, or NULL: idle */
	uint64_t since_ns;		/* current's CPU time counts from here */
	uint64_t armed_ns;		/* the timer's instant, or TIME_NEVER */
};

static struct sched_cpu sched_cpus[CONFIG_MAX_CPUS];
static bool sched_started;
static uint64_t sched_start_ns;

static struct sched_cpu *sched_this(void)
{
	return &sched_cpus[this_cpu()->index];
}

struct vcpu *sched_current(void)
{
	return sched_this()->current;
}

/* v's figures to its shared-info page, which the monitor never reads back. */
static void sched_publish(const struct vcpu *v)
{
	struct tessera_vcpu_info *vi =
		&v->partition->shared_info->shi.vcpu[v->tt->index];
	const struct vcpu_acct *a = &v->acct;

	vi->runtime_ns = a->runtime_ns;
	vi->periods = a->periods;
	vi->exhausted = a->exhausted;
	vi->budget_us = v->tt->budget_us;
	vi->period_us = v->tt->period_us;
	vi->windows_missed = a->windows_missed;
	vi->lateness_max_ns = a->lateness_max_ns;
	vi->timer_interrupts = a->timer_interrupts;
}

/* The current vCPU's time on the CPU, up to now. */
static void sched_charge(struct sched_cpu *sc, uint64_t now)
{
	struct vcpu *v = sc->current;

	if (!v)
		return;
	v->acct.runtime_ns += now - sc->since_ns;
	sc->since_ns = now;
	sched_publish(v);
}

void sched_account(void)
{
	sched_charge(sched_this(), time_now_ns());
}

void sched_tick(void)
{
	struct sched_cpu *sc = sched_this();

	sc->armed_ns = TIME_NEVER;	/* it fired: nothing is armed now */
	if (sc->current)
		sc->current->acct.timer_interrupts++;
}

static bool sched_in_window(const struct sched_cpu *sc, const struct vcpu *v,
			    uint64_t now)
{
	return sc->table.nr && now < sc->win.end_ns &&
	       &vcpus[sc->win.vcpu] == v;
}

void sched_yield(void)
{
	struct sched_cpu *sc = sched_this();

	if (sched_in_window(sc, sc->current, time_now_ns())) {
		sc->yielded = true;
		sc->current->acct.gave_back = true;
	}
}

static struct tessera_shared_info *sched_shared_info(const struct vcpu *v)
{
	return &v->partition->shared_info->shi;
}

/* The deadline of a vCPU that waits for events is its timer port's event. */
static void sched_timer_due(struct vcpu *v)
{
	if (v->waits_event)
		event_set_pending(sched_shared_info(v), TESSERA_PORT_TIMER);
}

static void sched_block_until(uint64_t ns, bool event)
{
	struct sched_cpu *sc = sched_this();
	struct vcpu *v = sc->current;
	uint64_t now = time_now_ns();

	v->waits_event = event;
	if (ns <= now) {
		sched_timer_due(v);
		return;
	}
	v->wake_ns = ns;
	/* a full barrier before sched_wake reads the bits (event_notify) */
	__atomic_store_n(&v->state, VCPU_BLOCKED, __ATOMIC_SEQ_CST);
	if (sched_in_window(sc, v, now))
		v->acct.gave_back = true;
}

void sched_sleep_until(uint64_t ns)
{
	sched_block_until(ns, false);
}

void sched_block(uint64_t ns)
{
	if (!event_deliverable(sched_shared_info(sched_this()->current)))
		sched_block_until(ns, true);
}

/*
 * Wakes this CPU's due sleepers and its event waiters with an event; the
 * earliest deadline of the others.
 */
static uint64_t sched_wake(unsigned int cpu, uint64_t now)
{
	uint64_t earliest = TIME_NEVER;

	for (unsigned int i = 0; i < tessera_tables.nr_vcpus; i++) {
		struct vcpu *v = &vcpus[i];

		if (v->cpu != cpu || v->state != VCPU_BLOCKED)
			continue;
		if (v->wake_ns <= now) {
			sched_timer_due(v);
			v->state = VCPU_RUNNABLE;
		} else if (v->waits_event &&
			   event_deliverable(sched_shared_info(v))) {
			v->state = VCPU_RUNNABLE;
		} else if (v->wake_ns < earliest)
			earliest = v->wake_ns;
	}
	return earliest;
}

/*
 * The windows at positions [sc->next, to) passed without starting: each
 * one was missed by its vCPU if that is runnable (a blocked one gave it).
 */
static void sched_count_missed(struct sched_cpu *sc, unsigned int cpu,
			       uint64_t to)
{
	for (unsigned int i = 0; i < tessera_tables.nr_vcpus; i++) {
		struct vcpu *v = &vcpus[i];
		uint64_t n;

		if (v->cpu != cpu || v->state != VCPU_RUNNABLE)
			continue;
		n = sched_table_count(&sc->table, sc->next, to, (uint16_t)i);
		v->acct.windows_missed += n;
		if (n)
			v->acct.gave_back = true;
	}
}

/*
 * v's window s starts: the period it opens is counted, and the lateness
 * of its start unless v had the CPU already (its last window ended here,
 * or it ran on as slack).
 */
static void sched_window_start(struct vcpu *v, const struct sched_slot *s,
			       uint64_t now, bool continues)
{
	struct vcpu_acct *a = &v->acct;
	uint64_t period = s->start_ns / ((uint64_t)v->tt->period_us * NS_PER_US);

	if (!a->periods || period != a->period) {
		if (a->periods && !a->gave_back)
			a->exhausted++;
		a->periods++;
		a->period = period;
		a->gave_back = false;
	}
	if (v->state != VCPU_RUNNABLE)
		a->gave_back = true;
	else if (!continues && now - s->start_ns > a->lateness_max_ns)
		a->lateness_max_ns = now - s->start_ns;
}

/* The schedule moved to now: the window in force started, if new. */
static void sched_advance(struct sched_cpu *sc, unsigned int cpu,
			  uint64_t now)
{
	uint64_t pos = sched_table_find(&sc->table, now);
	struct sched_slot s;

	/* the window in force started before, or the schedule's start is ahead */
	if (pos < sc->next)
		return;
	if (pos > sc->next)
		sched_count_missed(sc, cpu, pos);
	sched_table_slot(&sc->table, pos, &s);
	if (s.start_ns > now) {
		sc->next = pos;		/* a gap: the next window is ahead */
		return;
	}
	sched_window_start(&vcpus[s.vcpu], &s, now,
			   sc->current == &vcpus[s.vcpu]);
	sc->win = s;
	sc->yielded = false;
	sc->next = pos + 1;
}

#ifdef CONFIG_SCHED_SLACK
/*
 * Time the window's vCPU left, or no window's: the CPU's runnable vCPUs
 * in turn from the last to run, each until it blocks or yields or the
 * next boundary comes. A vCPU that yielded its window waits for its next.
 */
static struct vcpu *sched_slack(struct sched_cpu *sc, unsigned int cpu,
				struct vcpu *owner)
{
	unsigned int n = tessera_tables.nr_vcpus;
	struct vcpu *v = sched_pick(vcpus, n, cpu, sc->current);

	if (v && v == owner)
		v = sched_pick(vcpus, n, cpu, owner);
	return v == owner ? NULL : v;
}
#endif

/* Who runs now: the window's vCPU, else slack if configured, else nobody. */
static struct vcpu *sched_choose(struct sched_cpu *sc, unsigned int cpu,
				 uint64_t now)
{
	struct vcpu *owner;

	if (!sc->table.nr)	/* dedicated, or a CPU nobody uses */
		return sched_pick(vcpus, tessera_tables.nr_vcpus, cpu, NULL);
	owner = now < sc->win.end_ns ? &vcpus[sc->win.vcpu] : NULL;
	if (owner && !sc->yielded && owner->state == VCPU_RUNNABLE)
		return owner;
#ifdef CONFIG_SCHED_SLACK
	return sched_slack(sc, cpu, owner);
#else
	return NULL;
#endif
}

static void sched_switch(struct sched_cpu *sc, struct vcpu *v, uint64_t now)
{
	sched_charge(sc, now);
	sc->current = v;
	sc->since_ns = now;
	if (v)
		sched_publish(v);
}

/* The timer for the next boundary or the earliest sleeper, if not armed so. */
static void sched_arm(struct sched_cpu *sc, uint64_t now, uint64_t sleeper)
{
	uint64_t at = sleeper;

	if (sc->table.nr) {
		struct sched_slot s;

		if (now < sc->win.end_ns)
			s.start_ns = sc->win.end_ns;
		else
			sched_table_slot(&sc->table, sc->next, &s);
		if (s.start_ns < at)
			at = s.start_ns;
	}
	if (at != sc->armed_ns) {
		sc->armed_ns = at;
		time_arm(at);
	}
}

void sched_resume(void)
{
	struct sched_cpu *sc = sched_this();
	unsigned int cpu = this_cpu()->index;

	for (;;) {
		uint64_t now = time_now_ns();
		uint64_t sleeper = sched_wake(cpu, now);
		struct vcpu *v;

		if (sc->table.nr)
			sched_advance(sc, cpu, now);
		v = sched_choose(sc, cpu, now);
		sched_switch(sc, v, now);
		sched_arm(sc, now, sleeper);
		if (v)
			arch_vcpu_resume(v);
		arch_cpu_wait();	/* until the timer, or another CPU's call */
	}
}

static void sched_release(void)
{
}

void sched_start_all(void)
{
	sched_start_ns = time_now_ns() + SCHED_START_DELAY_NS;
	__atomic_store_n(&sched_started, true, __ATOMIC_RELEASE);
	for (unsigned int i = 0; i < tessera_tables.nr_cpus; i++)
		if (i != this_cpu()->index)
			smp_call(i, sched_release, false);
}

void sched_run(void)
{
	struct sched_cpu *sc = sched_this();
	const struct tt_cpu *c = &tessera_tables.cpus[this_cpu()->index];

	while (!__atomic_load_n(&sched_started, __ATOMIC_ACQUIRE))
		arch_cpu_wait();
	arch_cpu_partitions_init();
	time_timer_init();
	*sc = (struct sched_cpu){ .armed_ns = TIME_NEVER };
	if (c->nr_windows) {
		sched_table_init(&sc->table, &tessera_tables, c);
		sc->next = sched_table_first(&sc->table, sched_start_ns);
	}
	sched_resume();
}
