// SPDX-License-Identifier: MIT
/*
 * Block frontends (<tessera/blkfront.h>): a transfer cut into requests of
 * a slot each, pushed as a batch of up to `slots`, then every response
 * taken, checked and copied before the next batch. The request with id k
 * of a batch moves the batch's k-th piece, so a response's id (checked
 * by the ring helpers against the ids in flight) says where its data go.
 */

#include <string.h>
#include <tessera.h>
#include <tessera/blkfront.h>

#define BLK_HEADER	((uint32_t)sizeof(struct tessera_blk_request))
#define BLK_ERRNO_MAX	4095	/* a status below -4095 is no errno */
#define BLK_RESYNC_NS	1000000	/* a look at the backend's reset, each */
#define BLK_RESYNC_TRIES 1000	/* a backend that never resets: 1 s */

struct blk_xfer {
	uint32_t op;
	uint64_t sector;		/* the first of the whole transfer */
	uint32_t count;
	uint8_t *rbuf;			/* a read's destination */
	const uint8_t *wbuf;		/* a write's source */
	uint32_t done;			/* sectors of the batches done */
	uint32_t per;			/* sectors a request moves at most */
};

int tessera_blk_open(struct tessera_blk *b, const char *channel)
{
	const struct tessera_channel *ch = tessera_channel(channel);
	const struct tessera_start_info *si = tessera_start_info();

	if (!ch || ch->kind != TESSERA_CHANNEL_BLOCK ||
	    ch->role != TESSERA_ROLE_FRONTEND)
		return -ENOENT;
	if (ch->slot_size > TESSERA_BLK_SLOT_MAX ||
	    ch->slot_size < BLK_HEADER + TESSERA_BLK_SECTOR)
		return -EINVAL;
	b->ch = ch;
	b->params = si->params[ch - si->channels].blk;
	return tessera_ring_front_init(&b->front, ch);
}

uint64_t tessera_blk_sectors(const struct tessera_blk *b)
{
	return b->params.nr_sectors;
}

int tessera_blk_read_only(const struct tessera_blk *b)
{
	return !!b->params.read_only;
}

/* The request with id `k` of the batch: its first sector and count. */
static uint32_t blk_piece(const struct blk_xfer *x, uint32_t k, uint64_t *sector)
{
	uint32_t off = x->done + k * x->per, left = x->count - off;

	*sector = x->sector + off;
	return left < x->per ? left : x->per;
}

/* Pushes the batch's requests: how many, or an error. */
static int blk_push(struct tessera_blk *b, const struct blk_xfer *x)
{
	uint32_t k;

	/* a flush (count 0) is one request too */
	for (k = 0; k < b->ch->slots &&
		    (!k || x->done + k * x->per < x->count); k++) {
		struct tessera_blk_request req = { x->op, 0, 0 };
		uint32_t len = BLK_HEADER;
		int ret;

		req.nr_sectors = blk_piece(x, k, &req.sector);
		memcpy(b->buf, &req, BLK_HEADER);
		if (x->wbuf) {
			len += req.nr_sectors * TESSERA_BLK_SECTOR;
			memcpy(b->buf + BLK_HEADER, x->wbuf +
			       (uint64_t)(x->done + k * x->per) * TESSERA_BLK_SECTOR,
			       len - BLK_HEADER);
		}
		ret = tessera_ring_front_push(&b->front, k, b->buf, len);
		if (ret)
			return ret;
	}
	return (int)k;
}

/* The next response, waiting for it: 1 or -EPROTO. */
static int blk_take(struct tessera_blk *b, struct tessera_ring_msg *msg)
{
	for (;;) {
		int ret;

		tessera_event_clear(b->ch->port);
		ret = tessera_ring_front_take(&b->front, msg, b->buf,
					      sizeof(b->buf));
		if (ret)
			return ret;
		tessera_wait_event();
	}
}

/* Checks a response and copies a read's data: 0 or its error. */
static int blk_complete(struct tessera_blk *b, const struct blk_xfer *x,
			const struct tessera_ring_msg *msg)
{
	uint64_t sector;
	uint32_t n = blk_piece(x, msg->id, &sector);
	uint32_t bytes = x->rbuf && !msg->status ? n * TESSERA_BLK_SECTOR : 0;

	if (msg->status > 0 || msg->status < -BLK_ERRNO_MAX || msg->len != bytes)
		return -EPROTO;
	if (bytes)
		memcpy(x->rbuf + (uint64_t)(x->done + msg->id * x->per) *
		       TESSERA_BLK_SECTOR, b->buf, bytes);
	return msg->status;
}

/*
 * Starts the ring afresh, and waits until blkdrv has too (its rsp_prod
 * back to 0, which our req_prod of 0 makes it do): else, if its consumer
 * index were where ours comes back to, it would take our next requests
 * for ones it has seen (the ids repeat) and never answer.
 */
static void blk_reset(struct tessera_blk *b)
{
	tessera_ring_front_reset(&b->front);
	for (int i = 0; i < BLK_RESYNC_TRIES &&
	     *(const volatile uint32_t *)b->front.ring.peer_prod; i++) {
		tessera_notify(b->ch->port);
		tessera_wait_event_until(tessera_now_ns() + BLK_RESYNC_NS);
	}
}

/*
 * One batch: pushed, published, every response in. 0 or the first error;
 * -EPROTO (or a push's error) after resetting the ring.
 */
static int blk_batch(struct tessera_blk *b, const struct blk_xfer *x)
{
	struct tessera_ring_msg msg;
	int n = blk_push(b, x), err = 0, ret = n;

	if (n >= 0)
		ret = tessera_ring_front_publish(&b->front);
	if (ret > 0)
		tessera_notify(b->ch->port);
	for (int i = 0; i < n && ret >= 0; i++) {
		ret = blk_take(b, &msg);	/* 1, or the ring is broken */
		if (ret < 0)
			break;
		ret = blk_complete(b, x, &msg);
		if (ret == -EPROTO)
			break;
		err = err ? err : ret;
		ret = 0;
	}
	if (ret < 0)
		blk_reset(b);
	return ret < 0 ? ret : err;
}

/*
 * A batch, sent again once after a protocol error: the ring a restart
 * left behind (ours or blkdrv's) breaks once, then both ends agree.
 */
static int blk_batch_again(struct tessera_blk *b, const struct blk_xfer *x)
{
	int ret = blk_batch(b, x);

	return ret == -EPROTO ? blk_batch(b, x) : ret;
}

static int blk_transfer(struct tessera_blk *b, struct blk_xfer *x)
{
	uint32_t batch;
	int ret = 0;

	if (!b->ch)
		return -ENOENT;
	x->per = (uint32_t)TESSERA_BLK_SECTORS_MAX(b->ch->slot_size);
	batch = x->per * b->ch->slots;
	for (x->done = 0; !ret && x->done < x->count;
	     x->done += x->count - x->done < batch ? x->count - x->done : batch)
		ret = blk_batch_again(b, x);
	return ret;
}

int tessera_blk_read(struct tessera_blk *b, uint64_t sector, uint32_t count,
		     void *buf)
{
	struct blk_xfer x = { TESSERA_BLK_OP_READ, sector, count, buf, NULL, 0, 0 };

	return count ? blk_transfer(b, &x) : -EINVAL;
}

int tessera_blk_write(struct tessera_blk *b, uint64_t sector, uint32_t count,
		      const void *buf)
{
	struct blk_xfer x = { TESSERA_BLK_OP_WRITE, sector, count, NULL, buf, 0, 0 };

	return count ? blk_transfer(b, &x) : -EINVAL;
}

/* A request that moves nothing (a flush or the goodbye): one header. */
static int blk_empty(struct tessera_blk *b, uint32_t op)
{
	struct blk_xfer x = { op, 0, 0, NULL, NULL, 0, 1 };

	return b->ch ? blk_batch_again(b, &x) : -ENOENT;
}

int tessera_blk_flush(struct tessera_blk *b)
{
	return blk_empty(b, TESSERA_BLK_OP_FLUSH);
}

int tessera_blk_close(struct tessera_blk *b)
{
	int ret = blk_empty(b, TESSERA_BLK_OP_CLOSE);

	b->ch = NULL;
	return ret;
}
