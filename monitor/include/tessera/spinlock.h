/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_SPINLOCK_H
#define TESSERA_SPINLOCK_H

/*
 * A ticket lock: FIFO-fair, so no CPU starves under contention, which a
 * partitioning monitor owes its time guarantees. Tested on the host with
 * threads (tests/unit/test_spinlock.c).
 */

#include <stdbool.h>
#include <stdint.h>
#include <arch/irq.h>	/* arch_cpu_relax, arch_irq_save, arch_irq_restore */

typedef struct {
	uint32_t next;		/* ticket of the next arrival */
	uint32_t owner;		/* ticket now served */
} spinlock_t;

#define SPINLOCK_INIT { 0, 0 }

static inline void spin_lock(spinlock_t *l)
{
	uint32_t me = __atomic_fetch_add(&l->next, 1, __ATOMIC_RELAXED);

	while (__atomic_load_n(&l->owner, __ATOMIC_ACQUIRE) != me)
		arch_cpu_relax();
}

static inline bool spin_trylock(spinlock_t *l)
{
	uint32_t owner = __atomic_load_n(&l->owner, __ATOMIC_RELAXED);
	uint32_t expected = owner;

	return __atomic_compare_exchange_n(&l->next, &expected, owner + 1,
					   false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

static inline void spin_unlock(spinlock_t *l)
{
	/* only the holder writes owner: a plain increment, released */
	__atomic_store_n(&l->owner, l->owner + 1, __ATOMIC_RELEASE);
}

static inline bool spin_is_locked(spinlock_t *l)
{
	return __atomic_load_n(&l->owner, __ATOMIC_RELAXED) !=
	       __atomic_load_n(&l->next, __ATOMIC_RELAXED);
}

static inline unsigned long spin_lock_irqsave(spinlock_t *l)
{
	unsigned long flags = arch_irq_save();

	spin_lock(l);
	return flags;
}

static inline void spin_unlock_irqrestore(spinlock_t *l, unsigned long flags)
{
	spin_unlock(l);
	arch_irq_restore(flags);
}

#endif
