// SPDX-License-Identifier: MIT
/*
 * The block frontend (partitions/lib/blkfront.c) against a backend that
 * the test plays with the ring helpers, from inside tessera_wait_event():
 * a start-info page mapped at its fixed address with a block channel of
 * 4 slots of 4 sectors. Open refuses what is not a block frontend of a
 * usable slot size; reads and writes are cut into slot-sized requests, 4
 * in flight, with the data where the sectors say; a flush is one empty
 * request, and so is the goodbye, after which nothing moves; an error status is returned once every response is in, with
 * the ring still in step; a backend that lies (a read's length, a
 * status that is no errno, an id not in flight) twice gets -EPROTO and
 * a ring started afresh, and nothing of its data is copied; once, and
 * the batch is sent again after both ends reset; a restarted frontend
 * (its ring zeroed, the backend's indices ahead) is served.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <cmocka.h>

#include <tessera.h>
#include <tessera/blkfront.h>

#define SLOTS		4
#define PER		4		/* sectors a slot carries */
#define SLOT_SIZE	(16 + PER * TESSERA_BLK_SECTOR)
#define PORT		3
#define SECTORS		100
#define DISK_SECTORS	200

static struct tessera_start_info *si;
static uint8_t *mem;
static struct tessera_channel back_ch;
static struct tessera_ring_back back;
static struct tessera_blk blk;
static uint8_t slot[SLOT_SIZE], disk[DISK_SECTORS * TESSERA_BLK_SECTOR];
static uint8_t data[64 * TESSERA_BLK_SECTOR];

/* what the backend saw, and how it lies */
static struct tessera_blk_request seen[64];
static unsigned int nr_seen;
static enum { HONEST, ERANGE_SECOND, SHORT_READ, POSITIVE_STATUS,
	      BAD_ID, READ_NO_DATA, SHORT_READ_ONCE } liar;

int tessera_notify(unsigned int port)
{
	assert_int_equal(port, PORT);
	return 0;
}

int tessera_event_clear(unsigned int port)
{
	assert_int_equal(port, PORT);
	return 0;
}

/* The backend's answer to one request, as `liar` says. */
static void backend_answer(const struct tessera_ring_msg *m)
{
	struct tessera_blk_request req;
	uint32_t id = m->id, len = 0;
	int32_t status = 0;
	uint8_t *at;

	memcpy(&req, slot, sizeof(req));
	seen[nr_seen++] = req;
	at = disk + req.sector * TESSERA_BLK_SECTOR;
	if (req.op == TESSERA_BLK_OP_WRITE) {
		assert_int_equal(m->len, 16 + req.nr_sectors * TESSERA_BLK_SECTOR);
		memcpy(at, slot + 16, req.nr_sectors * TESSERA_BLK_SECTOR);
	} else if (req.op == TESSERA_BLK_OP_READ) {
		assert_int_equal(m->len, 16);
		len = req.nr_sectors * TESSERA_BLK_SECTOR;
		memcpy(slot, at, len);
	}
	if (liar == ERANGE_SECOND && nr_seen == 2)
		status = -ERANGE, len = 0;
	if (liar == SHORT_READ || (liar == SHORT_READ_ONCE && nr_seen == 1))
		len -= 1;
	if (liar == POSITIVE_STATUS)
		status = 5;
	if (liar == BAD_ID)
		id = (id + 1) % SLOTS;
	if (liar == READ_NO_DATA)
		len = 0;
	assert_int_equal(tessera_ring_back_push(&back, id, status, slot, len), 0);
}

/* The backend serves what is there: whether the ring broke. */
static bool backend_serve(void)
{
	struct tessera_ring_msg m;
	int ret;

	while ((ret = tessera_ring_back_take(&back, &m, slot, sizeof(slot))) > 0)
		backend_answer(&m);
	if (ret < 0)
		tessera_ring_back_reset(&back);
	assert_true(tessera_ring_back_publish(&back) >= 0);
	return ret < 0;
}

/*
 * blkfront waits for responses: the backend serves, and as blkdrv does
 * when the frontend broke the ring, resets and looks once more.
 */
void tessera_wait_event(void)
{
	if (backend_serve())
		backend_serve();
}

/* ...and until its reset is seen, with a deadline */
void tessera_wait_event_until(uint64_t ns)
{
	tessera_wait_event();
}

uint64_t tessera_now_ns(void)
{
	return 0;
}

static int setup(void **state)
{
	uint64_t bytes = TESSERA_RING_BYTES(SLOTS, SLOT_SIZE);

	if (!si) {
		si = mmap((void *)TESSERA_START_INFO_ADDR, TESSERA_PAGE_SIZE,
			  PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
		assert_ptr_equal(si, (void *)TESSERA_START_INFO_ADDR);
		mem = aligned_alloc(TESSERA_PAGE_SIZE, bytes);
		assert_non_null(mem);
	}
	memset(si, 0, TESSERA_PAGE_SIZE);
	memset(mem, 0, bytes);
	si->nr_channels = 3;
	si->channels[0] = (struct tessera_channel){
		.name = "plain", .ring = (uintptr_t)mem, .ring_bytes = bytes,
		.slots = SLOTS, .slot_size = SLOT_SIZE, .port = PORT,
		.role = TESSERA_ROLE_FRONTEND, .kind = TESSERA_CHANNEL_RING,
	};
	si->channels[1] = si->channels[0];
	strcpy(si->channels[1].name, "web-disk");
	si->channels[1].kind = TESSERA_CHANNEL_BLOCK;
	si->params[1].blk = (struct tessera_blk_params){
		.start_sector = 2048, .nr_sectors = SECTORS, .read_only = 1 };
	si->channels[2] = si->channels[1];
	strcpy(si->channels[2].name, "served");
	si->channels[2].role = TESSERA_ROLE_BACKEND;
	back_ch = si->channels[1];
	back_ch.role = TESSERA_ROLE_BACKEND;
	assert_int_equal(tessera_ring_back_init(&back, &back_ch), 0);
	for (size_t i = 0; i < sizeof(disk); i++)
		disk[i] = (uint8_t)(i * 7 + i / 512);
	memset(&blk, 0, sizeof(blk));
	nr_seen = 0;
	liar = HONEST;
	return 0;
}

static void test_open(void **state)
{
	assert_int_equal(tessera_blk_open(&blk, "nothing"), -ENOENT);
	assert_int_equal(tessera_blk_open(&blk, "plain"), -ENOENT);
	assert_int_equal(tessera_blk_open(&blk, "served"), -ENOENT);
	si->channels[1].slot_size = 16 + 511;
	assert_int_equal(tessera_blk_open(&blk, "web-disk"), -EINVAL);
	si->channels[1].slot_size = TESSERA_BLK_SLOT_MAX + 8;
	assert_int_equal(tessera_blk_open(&blk, "web-disk"), -EINVAL);
	/* nothing opened, nothing moves */
	assert_int_equal(tessera_blk_read(&blk, 0, 1, data), -ENOENT);
	si->channels[1].slot_size = SLOT_SIZE;
	assert_int_equal(tessera_blk_open(&blk, "web-disk"), 0);
	assert_int_equal(tessera_blk_sectors(&blk), SECTORS);
	assert_int_equal(tessera_blk_read_only(&blk), 1);
	assert_int_equal(tessera_blk_read(&blk, 0, 0, data), -EINVAL);
	assert_int_equal(nr_seen, 0);
}

/* 21 sectors: a batch of 4 requests of 4, then one of 4 and one of 1 */
static void test_read_split(void **state)
{
	assert_int_equal(tessera_blk_open(&blk, "web-disk"), 0);
	assert_int_equal(tessera_blk_read(&blk, 7, 21, data), 0);
	assert_memory_equal(data, disk + 7 * TESSERA_BLK_SECTOR,
			    21 * TESSERA_BLK_SECTOR);
	assert_int_equal(nr_seen, 6);
	for (unsigned int i = 0; i < nr_seen; i++) {
		assert_int_equal(seen[i].op, TESSERA_BLK_OP_READ);
		assert_int_equal(seen[i].sector, 7 + 4 * i);
		assert_int_equal(seen[i].nr_sectors, i == 5 ? 1 : 4);
	}
}

static void test_write_and_flush(void **state)
{
	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)~i;
	assert_int_equal(tessera_blk_open(&blk, "web-disk"), 0);
	assert_int_equal(tessera_blk_write(&blk, 30, 9, data), 0);
	assert_memory_equal(disk + 30 * TESSERA_BLK_SECTOR, data,
			    9 * TESSERA_BLK_SECTOR);
	assert_int_equal(disk[39 * TESSERA_BLK_SECTOR],
			 (uint8_t)(39 * TESSERA_BLK_SECTOR * 7 + 39));
	assert_int_equal(tessera_blk_flush(&blk), 0);
	assert_int_equal(nr_seen, 4);
	assert_int_equal(seen[3].op, TESSERA_BLK_OP_FLUSH);
	assert_int_equal(seen[3].nr_sectors, 0);
	assert_int_equal(seen[3].sector, 0);
}

static void test_close(void **state)
{
	assert_int_equal(tessera_blk_open(&blk, "web-disk"), 0);
	assert_int_equal(tessera_blk_close(&blk), 0);
	assert_int_equal(nr_seen, 1);
	assert_int_equal(seen[0].op, TESSERA_BLK_OP_CLOSE);
	assert_int_equal(seen[0].nr_sectors, 0);
	assert_int_equal(seen[0].sector, 0);
	assert_int_equal(tessera_blk_read(&blk, 0, 1, data), -ENOENT);
	assert_int_equal(tessera_blk_close(&blk), -ENOENT);
	assert_int_equal(nr_seen, 1);
}

static void test_error_keeps_step(void **state)
{
	assert_int_equal(tessera_blk_open(&blk, "web-disk"), 0);
	liar = ERANGE_SECOND;
	assert_int_equal(tessera_blk_read(&blk, 0, 16, data), -ERANGE);
	assert_int_equal(nr_seen, 4);	/* every response taken */
	liar = HONEST;
	assert_int_equal(tessera_blk_read(&blk, 1, 2, data), 0);
	assert_memory_equal(data, disk + TESSERA_BLK_SECTOR, 2 * TESSERA_BLK_SECTOR);
}

static void assert_lie_refused(int lie)
{
	assert_int_equal(tessera_blk_open(&blk, "web-disk"), 0);
	memset(data, 0xee, sizeof(data));
	liar = lie;
	assert_int_equal(tessera_blk_read(&blk, 0, 4, data), -EPROTO);
	for (size_t i = 0; i < 4 * TESSERA_BLK_SECTOR; i++)
		assert_int_equal(data[i], 0xee);
	/* the ring was started afresh: the producer index is 0 again */
	assert_int_equal(((struct tessera_ring_page *)mem)->req_prod, 0);
	assert_null(blk.front.ring.error);
}

static void test_short_read(void **state)
{
	assert_lie_refused(SHORT_READ);
}

static void test_read_without_data(void **state)
{
	assert_lie_refused(READ_NO_DATA);
}

static void test_status_not_an_errno(void **state)
{
	assert_lie_refused(POSITIVE_STATUS);
}

static void test_unknown_id(void **state)
{
	assert_lie_refused(BAD_ID);
}

/* the batch is sent again once, after both ends reset: the read is done */
static void test_recovers_after_one_lie(void **state)
{
	assert_int_equal(tessera_blk_open(&blk, "web-disk"), 0);
	liar = SHORT_READ_ONCE;
	assert_int_equal(tessera_blk_read(&blk, 40, 4, data), 0);
	assert_memory_equal(data, disk + 40 * TESSERA_BLK_SECTOR,
			    4 * TESSERA_BLK_SECTOR);
	assert_int_equal(nr_seen, 2);
}

/* a restarted frontend finds its ring zeroed and the backend ahead */
static void test_frontend_restart(void **state)
{
	assert_int_equal(tessera_blk_open(&blk, "web-disk"), 0);
	assert_int_equal(tessera_blk_read(&blk, 0, 24, data), 0);
	memset(mem, 0, TESSERA_RING_BYTES(SLOTS, SLOT_SIZE));
	memset(&blk, 0, sizeof(blk));
	assert_int_equal(tessera_blk_open(&blk, "web-disk"), 0);
	assert_int_equal(tessera_blk_read(&blk, 9, 3, data), 0);
	assert_memory_equal(data, disk + 9 * TESSERA_BLK_SECTOR,
			    3 * TESSERA_BLK_SECTOR);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_open, setup),
		cmocka_unit_test_setup(test_read_split, setup),
		cmocka_unit_test_setup(test_write_and_flush, setup),
		cmocka_unit_test_setup(test_close, setup),
		cmocka_unit_test_setup(test_error_keeps_step, setup),
		cmocka_unit_test_setup(test_short_read, setup),
		cmocka_unit_test_setup(test_read_without_data, setup),
		cmocka_unit_test_setup(test_status_not_an_errno, setup),
		cmocka_unit_test_setup(test_unknown_id, setup),
		cmocka_unit_test_setup(test_recovers_after_one_lie, setup),
		cmocka_unit_test_setup(test_frontend_restart, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
