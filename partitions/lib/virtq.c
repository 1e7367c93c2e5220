// SPDX-License-Identifier: MIT
/*
 * Split virtqueues (virtio 1.0 section 2.4) of <tessera/virtio.h>, with
 * every value the device writes (the used ring) loaded once and checked
 * against the driver's private record of what is in flight. Nothing here
 * touches the PCI transport but the doorbell, so tests/unit/test_virtq.c
 * drives a queue in host memory, playing the device.
 */

#include <string.h>
#include <tessera/virtio.h>

#define VQ_LOAD(field) (*(const volatile __typeof__(field) *)&(field))
#define VQ_STORE(field, v) (*(volatile __typeof__(field) *)&(field) = (v))

/* x86-64 is TSO: only a store then a load needs the CPU's barrier. */
#define vq_rmb()	__asm__ __volatile__("" ::: "memory")
#define vq_wmb()	__asm__ __volatile__("" ::: "memory")
#define vq_mb()		__asm__ __volatile__("lock addl $0, (%%rsp)" ::: "memory", "cc")

static int vq_break(struct tessera_virtq *q, const char *why)
{
	q->error = why;
	return -EPROTO;
}

/* Whether [addr, addr + len) lies in the partition's memory. */
static bool vq_in_memory(const struct tessera_virtq *q, const void *addr,
			 uint32_t len)
{
	uint64_t off = (uint64_t)(uintptr_t)addr - q->mem_base;

	return (uint64_t)(uintptr_t)addr >= q->mem_base && off < q->mem_size &&
	       len <= q->mem_size - off;
}

/* Never the identity: an IOMMU or the placement decides (dma_base). */
uint64_t tessera_virtq_bus(const struct tessera_virtq *q, const void *addr)
{
	return q->dma_base + ((uint64_t)(uintptr_t)addr - q->mem_base);
}

int tessera_virtq_init(struct tessera_virtq *q, uint16_t size,
		       uint64_t mem_base, uint64_t mem_size, uint64_t dma_base)
{
	if (!size || size > TESSERA_VIRTQ_SIZE_MAX || (size & (size - 1)))
		return -EINVAL;
	memset(q, 0, sizeof(*q));
	q->size = q->nr_free = size;
	q->mem_base = mem_base;
	q->mem_size = mem_size;
	q->dma_base = dma_base;
	if (!vq_in_memory(q, q, sizeof(*q)))
		return -EFAULT;
	for (uint16_t i = 0; i < size; i++)
		q->link[i] = (uint16_t)(i + 1);
	return 0;
}

static int vq_check_bufs(const struct tessera_virtq *q,
			 const struct tessera_virtq_buf *bufs, unsigned int n)
{
	if (!n || n > q->size)
		return -EINVAL;
	for (unsigned int i = 0; i < n; i++) {
		if (!bufs[i].len ||
		    (i && bufs[i - 1].device_writes && !bufs[i].device_writes))
			return -EINVAL;
		if (!vq_in_memory(q, bufs[i].addr, bufs[i].len))
			return -EFAULT;
	}
	return n > q->nr_free ? -EAGAIN : 0;
}

int tessera_virtq_add(struct tessera_virtq *q, const struct tessera_virtq_buf *bufs,
		      unsigned int n, uint16_t *head)
{
	uint16_t d, last = 0;
	uint32_t writable = 0;
	int ret;

	if (q->error)
		return -EPROTO;
	ret = vq_check_bufs(q, bufs, n);
	if (ret)
		return ret;
	*head = d = q->free_head;
	for (unsigned int i = 0; i < n; i++) {
		struct tessera_virtq_desc *desc = &q->desc[d];

		desc->addr = tessera_virtq_bus(q, bufs[i].addr);
		desc->len = bufs[i].len;
		desc->flags = (uint16_t)((i + 1 < n ? TESSERA_VIRTQ_DESC_F_NEXT : 0) |
			(bufs[i].device_writes ? TESSERA_VIRTQ_DESC_F_WRITE : 0));
		desc->next = q->link[d];
		writable += bufs[i].device_writes ? bufs[i].len : 0;
		last = d;
		d = q->link[d];
	}
	q->free_head = d;
	q->nr_free = (uint16_t)(q->nr_free - n);
	q->link[last] = *head;	/* unused at a chain's end; anything valid */
	q->chain[*head] = (uint16_t)n;
	q->writable[*head] = writable;
	q->avail.ring[q->avail_idx & (q->size - 1)] = *head;
	q->avail_idx++;
	return 0;
}

int tessera_virtq_kick(struct tessera_virtq *q)
{
	if (q->error)
		return -EPROTO;
	if (q->avail_idx == q->avail_pub)
		return 0;
	vq_wmb();	/* the device sees the ring entries before the index */
	VQ_STORE(q->avail.idx, q->avail_idx);
	q->avail_pub = q->avail_idx;
	vq_mb();	/* the index is out before the device's flags are read */
	if (VQ_LOAD(q->used.flags) & TESSERA_VIRTQ_USED_F_NO_NOTIFY)
		return 0;
	*q->doorbell = q->index;
	return 1;
}

/* Gives the chain at `head` back to the free list. */
static void vq_free(struct tessera_virtq *q, uint16_t head)
{
	uint16_t d = head, n = q->chain[head];

	for (uint16_t i = 1; i < n; i++)
		d = q->link[d];
	q->link[d] = q->free_head;
	q->free_head = head;
	q->nr_free = (uint16_t)(q->nr_free + n);
	q->chain[head] = 0;
}

int tessera_virtq_get(struct tessera_virtq *q, uint16_t *head, uint32_t *len)
{
	const struct tessera_virtq_used_elem *e;
	uint16_t idx;
	uint32_t id, n;

	if (q->error)
		return -EPROTO;
	idx = VQ_LOAD(q->used.idx);
	if (idx == q->last_used)
		return 0;
	/* the device uses only what was published and not yet used */
	if ((uint16_t)(idx - q->last_used) > (uint16_t)(q->avail_pub - q->last_used))
		return vq_break(q, "used idx beyond the chains in flight");
	vq_rmb();	/* the entry is read after the index that covers it */
	e = &q->used.ring[q->last_used & (q->size - 1)];
	id = VQ_LOAD(e->id);
	n = VQ_LOAD(e->len);
	if (id >= q->size || !q->chain[id])
		return vq_break(q, "used id not a chain in flight");
	if (n > q->writable[id])
		return vq_break(q, "used len beyond the chain's writable bytes");
	vq_free(q, (uint16_t)id);
	q->last_used++;
	*head = (uint16_t)id;
	*len = n;
	return 1;
}
