// SPDX-License-Identifier: MIT
/*
 * The ticket lock (tessera/spinlock.h) with threads standing in for CPUs:
 * mutual exclusion under contention, first come first served, trylock
 * taking no ticket, the ticket counters wrapping, and interrupts off (the
 * host stand-in's per-thread flag) while an irqsave lock is held.
 */
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arch/irq.h>
#include <tessera/spinlock.h>

#define THREADS		4
#define ROUNDS		20000

static spinlock_t lock = SPINLOCK_INIT;
static unsigned long counter;		/* plain: only the lock protects it */
static unsigned long irqs_on_inside;

static void *hammer(void *arg)
{
	bool irqsave = (uintptr_t)arg & 1;

	for (int i = 0; i < ROUNDS; i++) {
		unsigned long flags = 0;

		if (irqsave)
			flags = spin_lock_irqsave(&lock);
		else
			spin_lock(&lock);
		/* a read, a yield, a write: any other holder would lose counts */
		unsigned long seen = counter;

		if (i % 256 == 0)
			sched_yield();
		counter = seen + 1;
		if (irqsave && host_irqs_enabled())
			irqs_on_inside++;
		if (irqsave)
			spin_unlock_irqrestore(&lock, flags);
		else
			spin_unlock(&lock);
	}
	return NULL;
}

static void test_mutual_exclusion(void **state)
{
	pthread_t threads[THREADS];

	for (uintptr_t i = 0; i < THREADS; i++)
		assert_int_equal(pthread_create(&threads[i], NULL, hammer,
						(void *)i), 0);
	for (int i = 0; i < THREADS; i++)
		assert_int_equal(pthread_join(threads[i], NULL), 0);
	assert_int_equal(counter, THREADS * ROUNDS);
	assert_int_equal(irqs_on_inside, 0);
	assert_false(spin_is_locked(&lock));
}

static int order[THREADS];
static int served;

static void *take_turn(void *arg)
{
	spin_lock(&lock);
	order[served++] = (int)(uintptr_t)arg;
	spin_unlock(&lock);
	return NULL;
}

/* Waiters are served in the order they arrived, whoever the scheduler picks. */
static void test_fifo(void **state)
{
	pthread_t threads[THREADS];

	lock = (spinlock_t)SPINLOCK_INIT;
	spin_lock(&lock);
	for (uintptr_t i = 0; i < THREADS; i++) {
		assert_int_equal(pthread_create(&threads[i], NULL, take_turn,
						(void *)i), 0);
		/* thread i holds its ticket before thread i + 1 starts */
		while (__atomic_load_n(&lock.next, __ATOMIC_ACQUIRE) != i + 2)
			sched_yield();
	}
	spin_unlock(&lock);
	for (int i = 0; i < THREADS; i++)
		assert_int_equal(pthread_join(threads[i], NULL), 0);
	assert_int_equal(served, THREADS);
	for (int i = 0; i < THREADS; i++)
		assert_int_equal(order[i], i);
}

static void test_trylock(void **state)
{
	spinlock_t l = SPINLOCK_INIT;

	assert_false(spin_is_locked(&l));
	assert_true(spin_trylock(&l));
	assert_true(spin_is_locked(&l));
	/* a failed try takes no ticket: unlocking once frees the lock */
	assert_false(spin_trylock(&l));
	assert_false(spin_trylock(&l));
	spin_unlock(&l);
	assert_false(spin_is_locked(&l));
	spin_lock(&l);
	assert_false(spin_trylock(&l));
	spin_unlock(&l);
	assert_true(spin_trylock(&l));
	spin_unlock(&l);
	assert_int_equal(l.next, 3);
	assert_int_equal(l.owner, 3);
}

/* The tickets are 32-bit counters: they wrap, and the lock goes on. */
static void test_ticket_wrap(void **state)
{
	spinlock_t l = { UINT32_MAX - 1, UINT32_MAX - 1 };

	for (int i = 0; i < 4; i++) {
		spin_lock(&l);
		assert_true(spin_is_locked(&l));
		assert_false(spin_trylock(&l));
		spin_unlock(&l);
		assert_false(spin_is_locked(&l));
	}
	assert_int_equal(l.owner, 2);
	assert_true(spin_trylock(&l));
	spin_unlock(&l);
	assert_int_equal(l.next, 3);
}

/* irqsave turns interrupts off and restore brings back what was before. */
static void test_irqsave_restores(void **state)
{
	spinlock_t l = SPINLOCK_INIT;
	unsigned long outer, inner;

	assert_true(host_irqs_enabled());
	outer = spin_lock_irqsave(&l);
	assert_false(host_irqs_enabled());
	spin_unlock_irqrestore(&l, outer);
	assert_true(host_irqs_enabled());

	outer = arch_irq_save();
	inner = spin_lock_irqsave(&l);
	spin_unlock_irqrestore(&l, inner);
	assert_false(host_irqs_enabled());
	arch_irq_restore(outer);
	assert_true(host_irqs_enabled());
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mutual_exclusion),
		cmocka_unit_test(test_fifo),
		cmocka_unit_test(test_trylock),
		cmocka_unit_test(test_ticket_wrap),
		cmocka_unit_test(test_irqsave_restores),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
