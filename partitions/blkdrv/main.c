// SPDX-License-Identifier: MIT
/*
 * blkdrv: the driver partition of the disk (docs/drivers.md, "Block
 * devices"). It owns the virtio-blk function given to it by the DTS and
 * serves every channel of kind TESSERA_CHANNEL_BLOCK on which it is the
 * backend (public/io/blkif.h): each frontend sees its extent of the disk
 * and nothing else.
 *
 * Every frontend is hostile. A request is copied out of the ring once
 * (the ring helpers), checked on that copy (check.c) and only then
 * acted on; the disk moves data to and from blkdrv's own buffers, never
 * the ring. A frontend that breaks the ring protocol is reported
 * ("<channel>: protocol error: <what>"), its ring reset (what it had in
 * the disk is not answered), and the others served on. Channels take
 * turns, one request each, so a busy or hostile frontend delays the
 * others by one request at most per turn.
 *
 * It blocks in tessera_wait_event() on the ring ports and the disk's
 * IRQ port, up to DISK_INFLIGHT requests in the disk (answered as they
 * finish: a response carries its request's id), and serves forever;
 * with the bootarg `exit=goodbye` it exits 0 once every channel it
 * serves has said goodbye (TESSERA_BLK_OP_CLOSE) and sent nothing since,
 * the disk idle; with `exit-after=<n>` (for tests) once it has answered
 * n requests with status 0.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tessera.h>
#include <tessera/ring.h>
#include "check.h"
#include "disk.h"

/* payload bytes of the largest slot blkdrv serves: 128 sectors */
#define BLKDRV_SLOT_MAX	(sizeof(struct tessera_blk_request) + 128 * TESSERA_BLK_SECTOR)
#define BLKDRV_SLOT_MIN	(sizeof(struct tessera_blk_request) + TESSERA_BLK_SECTOR)

struct blkdrv_channel {
	const struct tessera_channel *ch;
	struct tessera_ring_back back;
	struct tessera_blk_params extent;	/* a private copy */
	uint32_t resets;		/* its ring's, so far */
	bool served;
	bool look;			/* notified, or requests may be left */
	bool retry;			/* a reset may look again at once */
	bool done;			/* said goodbye, sent nothing since */
};

/* A request taken from a channel, while the disk has it. */
struct blkdrv_request {
	struct blkdrv_channel *c;	/* NULL: the place is free */
	uint32_t resets;		/* c's when it was taken */
	uint32_t id, bytes;		/* bytes a read answers with */
	uint8_t buf[BLKDRV_SLOT_MAX] __attribute__((aligned(16)));
};

static struct blkdrv_channel channels[TESSERA_MAX_CHANNELS];
static struct blkdrv_request requests[DISK_INFLIGHT];
static struct disk_info disk_info;
static unsigned long exit_after, answered;
static bool exit_on_goodbye;

static void blkdrv_protocol_error(struct blkdrv_channel *c)
{
	printf("%s: protocol error: %s\n", c->ch->name,
	       c->back.ring.error ? c->back.ring.error : "request refused");
	tessera_ring_back_reset(&c->back);
	c->resets++;	/* its requests in the disk are lost with the ring */
	/*
	 * A restarted frontend's first request is in the ring already and
	 * it will not notify again: look once more after the reset. Once per
	 * notification, so a ring kept broken costs a line or two an event.
	 */
	c->look = c->retry;
	c->retry = false;
}

static void blkdrv_answer(struct blkdrv_channel *c, uint32_t id, int status,
			  const uint8_t *data, uint32_t len)
{
	int ret = tessera_ring_back_push(&c->back, id, status, data, len);

	if (!ret)
		ret = tessera_ring_back_publish(&c->back);
	if (ret < 0) {
		blkdrv_protocol_error(c);
		return;
	}
	if (ret > 0)
		tessera_notify(c->ch->port);
	if (!status && exit_after && ++answered >= exit_after) {
		printf("%lu requests answered\n", answered);
		disk_close();
		exit(0);
	}
}

/* Whether every served channel said goodbye and the disk has nothing. */
static bool blkdrv_all_done(void)
{
	for (unsigned int i = 0; i < TESSERA_MAX_CHANNELS; i++)
		if (channels[i].served && !channels[i].done)
			return false;
	for (unsigned int k = 0; k < DISK_INFLIGHT; k++)
		if (requests[k].c)
			return false;
	return true;
}

/* Sends a checked request to the disk; a status when it is done at once. */
static int blkdrv_start(struct blkdrv_request *r,
			const struct tessera_blk_request *req)
{
	bool write = req->op == TESSERA_BLK_OP_WRITE;
	uint8_t *data = write ? r->buf + sizeof(*req) : r->buf;

	r->bytes = req->op == TESSERA_BLK_OP_READ ?
		   req->nr_sectors * TESSERA_BLK_SECTOR : 0;
	return disk_start((unsigned int)(r - requests), req->op,
			  r->c->extent.start_sector + req->sector,
			  req->nr_sectors, data);
}

/* Takes one request of the channel, if it has one, into the free r. */
static void blkdrv_take(struct blkdrv_channel *c, struct blkdrv_request *r)
{
	struct tessera_ring_msg msg;
	struct tessera_blk_request req;
	int ret = tessera_ring_back_take(&c->back, &msg, r->buf, sizeof(r->buf));

	if (ret <= 0) {
		c->look = false;
		if (ret < 0)
			blkdrv_protocol_error(c);
		return;
	}
	r->c = c;
	r->resets = c->resets;
	r->id = msg.id;
	ret = blkdrv_check(r->buf, msg.len, &c->extent, c->ch->slot_size, &req);
	c->done = !ret && req.op == TESSERA_BLK_OP_CLOSE;
	if (!ret && !c->done)
		ret = blkdrv_start(r, &req);
	if (ret > 0)
		return;
	r->c = NULL;
	blkdrv_answer(c, msg.id, ret, r->buf, 0);
}

static struct blkdrv_request *blkdrv_free_request(void)
{
	for (unsigned int k = 0; k < DISK_INFLIGHT; k++)
		if (!requests[k].c)
			return &requests[k];
	return NULL;
}

/*
 * Channels take turns, one request each, until the disk has all it
 * takes or no channel is left to look at (each has none, or broke its
 * ring).
 */
static void blkdrv_serve(void)
{
	bool more = true;

	while (more && blkdrv_free_request()) {
		more = false;
		for (unsigned int i = 0; i < TESSERA_MAX_CHANNELS; i++) {
			struct blkdrv_request *r = blkdrv_free_request();

			if (!r)
				break;
			if (!channels[i].look)
				continue;
			blkdrv_take(&channels[i], r);
			more |= channels[i].look;
		}
	}
}

/* Answers each request the disk has finished, unless its ring was reset. */
static void blkdrv_disk_event(void)
{
	unsigned int k;
	int status;

	disk_interrupt();
	while (disk_finish(&k, &status)) {
		struct blkdrv_request *r = &requests[k];
		struct blkdrv_channel *c = r->c;

		r->c = NULL;
		if (c->resets == r->resets)
			blkdrv_answer(c, r->id, status, r->buf,
				      status ? 0 : r->bytes);
	}
}

/* Whether the channel can be served; a line when it cannot. */
static bool blkdrv_usable(struct blkdrv_channel *c)
{
	const struct tessera_blk_params *e = &c->extent;

	if (c->ch->slot_size > BLKDRV_SLOT_MAX || c->ch->slot_size < BLKDRV_SLOT_MIN) {
		printf("%s: not served: slot size %u, not %u to %u\n", c->ch->name,
		       c->ch->slot_size, (unsigned int)BLKDRV_SLOT_MIN,
		       (unsigned int)BLKDRV_SLOT_MAX);
		return false;
	}
	if (e->start_sector > disk_info.sectors ||
	    e->nr_sectors > disk_info.sectors - e->start_sector) {
		printf("%s: not served: extent of %llu sectors from sector %llu "
		       "ends beyond the disk's %llu sectors\n", c->ch->name,
		       (unsigned long long)e->nr_sectors,
		       (unsigned long long)e->start_sector,
		       (unsigned long long)disk_info.sectors);
		return false;
	}
	return !tessera_ring_back_init(&c->back, c->ch);
}

static unsigned int blkdrv_setup(void)
{
	const struct tessera_start_info *si = tessera_start_info();
	unsigned int n = 0;

	for (uint32_t i = 0; i < si->nr_channels && i < TESSERA_MAX_CHANNELS; i++) {
		struct blkdrv_channel *c = &channels[i];

		c->ch = &si->channels[i];
		if (c->ch->role != TESSERA_ROLE_BACKEND ||
		    c->ch->kind != TESSERA_CHANNEL_BLOCK) {
			tessera_event_mask(c->ch->port);
			continue;
		}
		c->extent = si->params[i].blk;
		c->extent.read_only |= disk_info.read_only;
		c->served = c->look = c->retry = blkdrv_usable(c);
		if (!c->served)	/* its notifications would end every wait */
			tessera_event_mask(c->ch->port);
		n += c->served;
	}
	return n;
}

static void blkdrv_args(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strncmp(argv[i], "exit-after=", 11))
			exit_after = strtoul(argv[i] + 11, NULL, 0);
		if (!strcmp(argv[i], "exit=goodbye"))
			exit_on_goodbye = true;
	}
}

int main(int argc, char **argv)
{
	unsigned int n;

	blkdrv_args(argc, argv);
	if (disk_open(&disk_info))
		return 1;
	printf("disk: %llu sectors%s\n", (unsigned long long)disk_info.sectors,
	       disk_info.read_only ? ", read-only" : "");
	n = blkdrv_setup();
	printf("serving %u channel%s\n", n, n == 1 ? "" : "s");
	for (;;) {
		if (tessera_event_clear(disk_info.irq_port) > 0)
			blkdrv_disk_event();
		for (unsigned int i = 0; i < TESSERA_MAX_CHANNELS; i++)
			if (channels[i].served &&
			    tessera_event_clear(channels[i].ch->port) > 0)
				channels[i].look = channels[i].retry = true;
		blkdrv_serve();
		if (exit_on_goodbye && n && blkdrv_all_done())
			break;
		tessera_wait_event();
	}
	printf("every frontend said goodbye\n");
	disk_close();
	return 0;
}
