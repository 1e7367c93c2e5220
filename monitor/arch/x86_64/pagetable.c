// SPDX-License-Identifier: MIT
/* Page tables from ranges (see arch/pagetable.h). */

#include <stdint.h>
#include <arch/pagetable.h>
#include <tessera/errno.h>

#define PT_LEVELS	4
#define PT_ENTRIES	512
/* what a table entry grants: the leaves below decide */
#define PT_TABLE_FLAGS	(PTE_P | PTE_W)

static unsigned int pt_shift(unsigned int level)
{
	return PAGE_SHIFT + 9 * (level - 1);
}

static uint64_t pt_size(unsigned int level)
{
	return 1UL << pt_shift(level);
}

static unsigned int pt_index(uint64_t va, unsigned int level)
{
	return (va >> pt_shift(level)) & (PT_ENTRIES - 1);
}

static bool pt_is_leaf(uint64_t e, unsigned int level)
{
	return level == 1 || (e & PTE_PS);
}

/*
 * The entry for va at `level`, with the tables above it created as
 * needed (user-accessible when the leaf will be); NULL with *err set
 * when a larger page is in the way (-EEXIST) or alloc fails.
 */
static uint64_t *pt_walk(const struct pt *pt, uint64_t va, unsigned int level,
			 uint64_t flags, int *err)
{
	uint64_t *table = pt->table(pt->root);

	for (unsigned int l = PT_LEVELS; l > level; l--) {
		uint64_t *e = &table[pt_index(va, l)];

		if (!(*e & PTE_P)) {
			uint64_t pa;

			*err = pt->alloc(&pa);
			if (*err)
				return NULL;
			*e = pa | PT_TABLE_FLAGS;
		}
		if (*e & PTE_PS) {
			*err = -EEXIST;
			return NULL;
		}
		*e |= flags & PTE_U;
		table = pt->table(*e & PTE_ADDR_MASK);
	}
	return &table[pt_index(va, level)];
}

/* The largest page for this step of a mapping. */
static unsigned int pt_leaf_level(const struct pt *pt, uint64_t va, uint64_t pa,
				  uint64_t size)
{
	for (unsigned int level = pt->page_1g ? 3 : 2; level > 1; level--) {
		uint64_t s = pt_size(level);

		if (size >= s && !(va & (s - 1)) && !(pa & (s - 1)))
			return level;
	}
	return 1;
}

int pt_map(const struct pt *pt, uint64_t va, uint64_t pa, uint64_t size,
	   uint64_t flags)
{
	if ((va | pa | size) & (PAGE_SIZE - 1))
		return -EINVAL;
	while (size) {
		unsigned int level = pt_leaf_level(pt, va, pa, size);
		uint64_t want = pa | flags | PTE_P | (level > 1 ? PTE_PS : 0);
		int err = 0;
		uint64_t *e = pt_walk(pt, va, level, flags, &err);

		if (!e)
			return err;
		/* the CPU sets accessed and dirty: they make no difference */
		if ((*e & PTE_P) && (*e & ~(PTE_A | PTE_D)) != want)
			return -EEXIST;
		*e = want;
		va += pt_size(level);
		pa += pt_size(level);
		size -= pt_size(level);
	}
	return 0;
}

/*
 * The leaf entry mapping va, with its level; or NULL and the level of
 * the hole where nothing maps it.
 */
static uint64_t *pt_find(const struct pt *pt, uint64_t va, unsigned int *level)
{
	uint64_t *table = pt->table(pt->root);

	for (unsigned int l = PT_LEVELS; l >= 1; l--) {
		uint64_t *e = &table[pt_index(va, l)];

		*level = l;
		if (!(*e & PTE_P))
			return NULL;
		if (pt_is_leaf(*e, l))
			return e;
		table = pt->table(*e & PTE_ADDR_MASK);
	}
	return NULL;
}

/* Calls fn on each leaf entry in [va, va + size), holes skipped. */
static int pt_for_each_leaf(const struct pt *pt, uint64_t va, uint64_t size,
			    int (*fn)(uint64_t *e, uint64_t va, uint64_t size,
				      unsigned int level))
{
	uint64_t end = va + size;

	while (va < end) {
		unsigned int level;
		uint64_t *e = pt_find(pt, va, &level);
		uint64_t next = (va & ~(pt_size(level) - 1)) + pt_size(level);
		int err = e ? fn(e, va, end - va, level) : 0;

		if (err)
			return err;
		if (next < va)		/* the top of the address space */
			break;
		va = next;
	}
	return 0;
}

static int pt_check_whole(uint64_t *e, uint64_t va, uint64_t size,
			  unsigned int level)
{
	uint64_t s = pt_size(level);

	return (va & (s - 1)) || size < s ? -EBUSY : 0;
}

static int pt_clear(uint64_t *e, uint64_t va, uint64_t size, unsigned int level)
{
	*e = 0;
	return 0;
}

int pt_unmap(const struct pt *pt, uint64_t va, uint64_t size)
{
	int err;

	if ((va | size) & (PAGE_SIZE - 1))
		return -EINVAL;
	err = pt_for_each_leaf(pt, va, size, pt_check_whole);
	return err ? err : pt_for_each_leaf(pt, va, size, pt_clear);
}

int pt_lookup(const struct pt *pt, uint64_t va, uint64_t *pa, uint64_t *flags)
{
	unsigned int level;
	uint64_t *e = pt_find(pt, va, &level);
	uint64_t offset = va & (pt_size(level) - 1);

	if (!e)
		return -ENOENT;
	*pa = (*e & PTE_ADDR_MASK & ~(pt_size(level) - 1)) + offset;
	*flags = *e & ~PTE_ADDR_MASK;
	return 0;
}
