// SPDX-License-Identifier: MIT
/* VT-d root, context and second-level tables (see drivers/vtd.h). */

#include <drivers/vtd.h>
#include <tessera/compiler.h>
#include <tessera/errno.h>

BUILD_BUG_ON(sizeof(struct vtd_entry) * VTD_BUSES != PAGE_SIZE);
BUILD_BUG_ON(VTD_SL_R != 0x1 || VTD_SL_W != 0x2 || VTD_SL_PS != 0x80);

static struct vtd_entry *vtd_entries(const struct vtd_build *b, uint64_t pa)
{
	return (struct vtd_entry *)b->table(pa);
}

/* The partition's memory at TESSERA_MEM_BASE; *slpt its table's root. */
static int vtd_map_partition(const struct vtd_build *b,
			     const struct tt_partition *p, uint64_t *slpt)
{
	struct pt pt = { .table = b->table, .alloc = b->alloc };
	int err;

	if (!p->mem.size)
		return -EINVAL;
	err = b->alloc(&pt.root);
	if (!err)
		err = pt_map(&pt, TESSERA_MEM_BASE, p->mem.base, p->mem.size,
			     VTD_SL_W);
	if (err)
		return err;
	/* the memory lies below 512 GiB, under the first PML4 entry */
	*slpt = b->levels == 4 ? pt.root :
				 b->table(pt.root)[0] & PTE_ADDR_MASK;
	return 0;
}

/* The context entry of `bdf`, its bus's context table made as needed. */
static struct vtd_entry *vtd_context(const struct vtd_build *b, uint16_t bdf,
				     int *err)
{
	struct vtd_entry *r = &vtd_entries(b, b->root)[bdf >> 8];

	if (!(r->lo & VTD_PRESENT)) {
		uint64_t pa;

		*err = b->alloc(&pa);
		if (*err)
			return NULL;
		r->lo = pa | VTD_PRESENT;
	}
	return &vtd_entries(b, r->lo & PTE_ADDR_MASK)[bdf & 0xff];
}

static int vtd_add_function(const struct vtd_build *b, uint16_t bdf,
			    uint64_t slpt, unsigned int domain)
{
	int err = 0;
	struct vtd_entry *c = vtd_context(b, bdf, &err);

	if (!c)
		return err;
	if (c->lo & VTD_PRESENT)
		return -EEXIST;
	c->hi = VTD_AW(b->levels) | (uint64_t)domain << VTD_CONTEXT_DID_SHIFT;
	/* translation type 0: untranslated requests through slpt */
	c->lo = slpt | VTD_PRESENT;
	return 0;
}

/* The partition's PCI functions, with its page tables if it has one. */
static int vtd_build_partition(const struct vtd_build *b,
			       const struct tessera_tables *t, uint16_t id)
{
	uint64_t slpt = 0;

	for (uint32_t i = 0; i < t->nr_devices; i++) {
		const struct tt_device *d = &t->devices[i];
		int err = 0;

		if (d->owner != id || !(d->flags & TESSERA_DEVICE_PCI))
			continue;
		if (!slpt)
			err = vtd_map_partition(b, &t->partitions[id], &slpt);
		if (!err)
			err = vtd_add_function(b, d->pci_bdf, slpt,
					       VTD_DOMAIN(id));
		if (err)
			return err;
	}
	return 0;
}

int vtd_build(struct vtd_build *b, const struct tessera_tables *t)
{
	int err = b->alloc(&b->root);

	for (uint32_t id = 0; !err && id < t->nr_partitions; id++)
		err = vtd_build_partition(b, t, (uint16_t)id);
	return err;
}
