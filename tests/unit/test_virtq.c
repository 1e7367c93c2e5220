// SPDX-License-Identifier: MIT
/*
 * Split virtqueues (partitions/lib/virtq.c) with the test as the device:
 * chains laid out with bus addresses (dma_base + offset, never the
 * virtual address), the doorbell rung unless the device said not to,
 * descriptors given back, the 16-bit indices across their wrap, and each
 * lie a device can tell in the used ring (an index beyond what is in
 * flight, an id that is no chain in flight or is one already finished,
 * a length beyond what the chain lets it write) refused with -EPROTO,
 * the queue broken from then on, never a crash.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <tessera/virtio.h>

#define DMA_BASE	0x7654000ULL	/* where the "device" sees `mem` */

/* the partition's memory: the queue and its buffers */
static struct {
	struct tessera_virtq q;
	uint8_t hdr[16];
	uint8_t data[4096];
	uint8_t status;
} mem;
static volatile uint16_t doorbell;
static struct tessera_virtq *q = &mem.q;

static uint64_t bus(const void *p)
{
	return DMA_BASE + (uint64_t)((const uint8_t *)p - (const uint8_t *)&mem);
}

static int setup(void **state)
{
	memset(&mem, 0, sizeof(mem));
	assert_int_equal(tessera_virtq_init(q, 8, (uint64_t)(uintptr_t)&mem,
					    sizeof(mem), DMA_BASE), 0);
	q->doorbell = &doorbell;
	q->index = 3;
	doorbell = 0xffff;
	return 0;
}

/* a block request's chain: header out, data and status in */
static int add_request(uint16_t *head)
{
	struct tessera_virtq_buf bufs[] = {
		{ mem.hdr, sizeof(mem.hdr), false },
		{ mem.data, sizeof(mem.data), true },
		{ &mem.status, 1, true },
	};

	return tessera_virtq_add(q, bufs, 3, head);
}

/* the device finishes the chain at `head`, writing `len` bytes */
static void device_use(uint32_t head, uint32_t len)
{
	struct tessera_virtq_used_elem *e = &q->used.ring[q->used.idx & (q->size - 1)];

	e->id = head;
	e->len = len;
	q->used.idx++;
}

static void test_init(void **state)
{
	static struct tessera_virtq other;

	assert_int_equal(tessera_virtq_init(q, 0, (uint64_t)(uintptr_t)&mem,
					    sizeof(mem), DMA_BASE), -EINVAL);
	assert_int_equal(tessera_virtq_init(q, 6, (uint64_t)(uintptr_t)&mem,
					    sizeof(mem), DMA_BASE), -EINVAL);
	assert_int_equal(tessera_virtq_init(q, 2 * TESSERA_VIRTQ_SIZE_MAX,
					    (uint64_t)(uintptr_t)&mem,
					    sizeof(mem), DMA_BASE), -EINVAL);
	/* the queue itself must be memory the device reaches */
	assert_int_equal(tessera_virtq_init(&other, 8, (uint64_t)(uintptr_t)&mem,
					    sizeof(mem), DMA_BASE), -EFAULT);
	assert_int_equal(q->nr_free, 8);
}

static void test_chain_layout(void **state)
{
	uint16_t head;

	assert_int_equal(add_request(&head), 0);
	assert_int_equal(head, 0);
	assert_int_equal(q->desc[0].addr, bus(mem.hdr));
	assert_int_equal(q->desc[0].len, 16);
	assert_int_equal(q->desc[0].flags, TESSERA_VIRTQ_DESC_F_NEXT);
	assert_int_equal(q->desc[1].addr, bus(mem.data));
	assert_int_equal(q->desc[1].flags,
			 TESSERA_VIRTQ_DESC_F_NEXT | TESSERA_VIRTQ_DESC_F_WRITE);
	assert_int_equal(q->desc[0].next, 1);
	assert_int_equal(q->desc[1].next, 2);
	assert_int_equal(q->desc[2].addr, bus(&mem.status));
	assert_int_equal(q->desc[2].flags, TESSERA_VIRTQ_DESC_F_WRITE);
	assert_int_equal(q->avail.ring[0], 0);
	assert_int_equal(q->nr_free, 5);
	/* unpublished until the kick */
	assert_int_equal(q->avail.idx, 0);
	assert_int_equal(doorbell, 0xffff);
	assert_int_equal(tessera_virtq_kick(q), 1);
	assert_int_equal(q->avail.idx, 1);
	assert_int_equal(doorbell, 3);
	/* nothing new: no second doorbell */
	doorbell = 0xffff;
	assert_int_equal(tessera_virtq_kick(q), 0);
	assert_int_equal(doorbell, 0xffff);
}

static void test_no_notify(void **state)
{
	uint16_t head;

	q->used.flags = TESSERA_VIRTQ_USED_F_NO_NOTIFY;
	assert_int_equal(add_request(&head), 0);
	assert_int_equal(tessera_virtq_kick(q), 0);
	assert_int_equal(q->avail.idx, 1);
	assert_int_equal(doorbell, 0xffff);
}

static void test_get_frees(void **state)
{
	uint16_t head, got;
	uint32_t len;

	assert_int_equal(tessera_virtq_get(q, &got, &len), 0);
	assert_int_equal(add_request(&head), 0);
	assert_int_equal(tessera_virtq_kick(q), 1);
	assert_int_equal(tessera_virtq_get(q, &got, &len), 0);
	device_use(head, 4097);
	assert_int_equal(tessera_virtq_get(q, &got, &len), 1);
	assert_int_equal(got, head);
	assert_int_equal(len, 4097);
	assert_int_equal(q->nr_free, 8);
	assert_int_equal(tessera_virtq_get(q, &got, &len), 0);
}

static void test_exhaustion(void **state)
{
	uint16_t head;

	assert_int_equal(add_request(&head), 0);
	assert_int_equal(add_request(&head), 0);
	assert_int_equal(add_request(&head), -EAGAIN);	/* 2 left of 8 */
	assert_int_equal(q->nr_free, 2);
}

static void test_bad_buffers(void **state)
{
	static uint8_t outside[16];
	uint16_t head;
	struct tessera_virtq_buf wrong_order[] = {
		{ mem.data, 16, true }, { mem.hdr, 16, false },
	};
	struct tessera_virtq_buf out[] = { { outside, sizeof(outside), false } };
	struct tessera_virtq_buf past_end[] = {
		{ &mem.status, 2 + (uint32_t)(sizeof(mem) - offsetof(__typeof__(mem), status)), false },
	};
	struct tessera_virtq_buf empty[] = { { mem.hdr, 0, false } };

	assert_int_equal(tessera_virtq_add(q, wrong_order, 2, &head), -EINVAL);
	assert_int_equal(tessera_virtq_add(q, out, 1, &head), -EFAULT);
	assert_int_equal(tessera_virtq_add(q, past_end, 1, &head), -EFAULT);
	assert_int_equal(tessera_virtq_add(q, empty, 1, &head), -EINVAL);
	assert_int_equal(tessera_virtq_add(q, empty, 0, &head), -EINVAL);
	assert_int_equal(q->nr_free, 8);
	assert_int_equal(q->avail_idx, 0);
}

/* A lie breaks the queue; later calls keep saying so. */
static void assert_broken(void)
{
	uint16_t head;
	uint32_t len;

	assert_non_null(q->error);
	assert_int_equal(tessera_virtq_get(q, &head, &len), -EPROTO);
	assert_int_equal(add_request(&head), -EPROTO);
	assert_int_equal(tessera_virtq_kick(q), -EPROTO);
}

static void test_used_idx_too_far(void **state)
{
	uint16_t head, got = 0xaaaa;
	uint32_t len = 0xaaaa;

	assert_int_equal(add_request(&head), 0);
	assert_int_equal(tessera_virtq_kick(q), 1);
	device_use(head, 1);
	q->used.idx = 2;	/* two used, one in flight */
	assert_int_equal(tessera_virtq_get(q, &got, &len), -EPROTO);
	assert_int_equal(got, 0xaaaa);
	assert_broken();
}

static void test_used_before_publish(void **state)
{
	uint16_t head, got;
	uint32_t len;

	assert_int_equal(add_request(&head), 0);
	device_use(head, 1);	/* added, never kicked */
	assert_int_equal(tessera_virtq_get(q, &got, &len), -EPROTO);
	assert_broken();
}

static void test_used_id_unknown(void **state)
{
	uint16_t head, got;
	uint32_t len;

	assert_int_equal(add_request(&head), 0);
	assert_int_equal(tessera_virtq_kick(q), 1);
	device_use(0xffffffffu, 1);
	assert_int_equal(tessera_virtq_get(q, &got, &len), -EPROTO);
	assert_broken();
}

static void test_used_id_not_a_head(void **state)
{
	uint16_t head, got;
	uint32_t len;

	assert_int_equal(add_request(&head), 0);
	assert_int_equal(tessera_virtq_kick(q), 1);
	device_use(head + 1, 1);	/* inside the chain, not its head */
	assert_int_equal(tessera_virtq_get(q, &got, &len), -EPROTO);
	assert_broken();
}

static void test_used_twice(void **state)
{
	uint16_t a, b, got;
	uint32_t len;

	assert_int_equal(add_request(&a), 0);
	assert_int_equal(add_request(&b), 0);
	assert_int_equal(tessera_virtq_kick(q), 1);
	device_use(a, 1);
	device_use(a, 1);
	assert_int_equal(tessera_virtq_get(q, &got, &len), 1);
	assert_int_equal(tessera_virtq_get(q, &got, &len), -EPROTO);
	assert_broken();
	assert_int_equal(q->nr_free, 5);	/* b's chain stays taken */
}

static void test_used_len_too_long(void **state)
{
	uint16_t head, got;
	uint32_t len;

	assert_int_equal(add_request(&head), 0);
	assert_int_equal(tessera_virtq_kick(q), 1);
	device_use(head, sizeof(mem.data) + 2);	/* 4097 may be written */
	assert_int_equal(tessera_virtq_get(q, &got, &len), -EPROTO);
	assert_broken();
}

/* 70000 round trips: avail and used indices wrap at 2^16 */
static void test_wrap(void **state)
{
	uint16_t head, got;
	uint32_t len;

	for (uint32_t i = 0; i < 70000; i++) {
		assert_int_equal(add_request(&head), 0);
		assert_int_equal(tessera_virtq_kick(q), 1);
		assert_int_equal(q->avail.ring[i % 8], head);
		device_use(head, i % 4097);
		assert_int_equal(tessera_virtq_get(q, &got, &len), 1);
		assert_int_equal(got, head);
		assert_int_equal(len, i % 4097);
	}
	assert_int_equal(q->nr_free, 8);
	assert_int_equal(q->avail.idx, (uint16_t)70000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_init, setup),
		cmocka_unit_test_setup(test_chain_layout, setup),
		cmocka_unit_test_setup(test_no_notify, setup),
		cmocka_unit_test_setup(test_get_frees, setup),
		cmocka_unit_test_setup(test_exhaustion, setup),
		cmocka_unit_test_setup(test_bad_buffers, setup),
		cmocka_unit_test_setup(test_used_idx_too_far, setup),
		cmocka_unit_test_setup(test_used_before_publish, setup),
		cmocka_unit_test_setup(test_used_id_unknown, setup),
		cmocka_unit_test_setup(test_used_id_not_a_head, setup),
		cmocka_unit_test_setup(test_used_twice, setup),
		cmocka_unit_test_setup(test_used_len_too_long, setup),
		cmocka_unit_test_setup(test_wrap, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
