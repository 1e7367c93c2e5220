// SPDX-License-Identifier: MIT
/* Round-robin of each CPU's vCPUs (see tessera/sched.h). */

#include <stdbool.h>
#include <tessera/partition.h>
#include <tessera/percpu.h>
#include <tessera/sched.h>
#include <tessera/cpu.h>

struct sched_cpu {
	struct vcpu *current;	/* the vCPU on this CPU, or NULL */
	bool switch_due;	/* its turn is over: tick or yield */
};

static struct sched_cpu sched_cpus[CONFIG_MAX_CPUS];
static bool sched_started;

static struct sched_cpu *sched_this(void)
{
	return &sched_cpus[this_cpu()->index];
}

struct vcpu *sched_current(void)
{
	return sched_this()->current;
}

void sched_yield(void)
{
	sched_this()->switch_due = true;
}

void sched_tick(void)
{
	sched_this()->switch_due = true;
}

void sched_resume(void)
{
	struct sched_cpu *sc = sched_this();
	struct vcpu *v = sc->current;
	unsigned int nr;

	if (v && v->state == VCPU_RUNNABLE && !sc->switch_due)
		arch_vcpu_resume(v);
	v = sched_pick(vcpus, tessera_tables.nr_vcpus, this_cpu()->index, v,
		       &nr);
	sc->current = v;
	sc->switch_due = false;
	/* a new turn: a tick only when another vCPU waits for this CPU */
	arch_tick_arm(nr > 1 ? CONFIG_TIME_SLICE_US : 0);
	if (!v)
		arch_cpu_idle();	/* nothing here wakes again in ABI 1.0 */
	arch_vcpu_resume(v);
}

static void sched_wake(void)
{
}

void sched_start_all(void)
{
	__atomic_store_n(&sched_started, true, __ATOMIC_RELEASE);
	for (unsigned int i = 0; i < tessera_tables.nr_cpus; i++)
		if (i != this_cpu()->index)
			smp_call(i, sched_wake, false);
}

void sched_run(void)
{
	while (!__atomic_load_n(&sched_started, __ATOMIC_ACQUIRE))
		arch_cpu_wait();
	arch_cpu_partitions_init();
	sched_resume();
}
