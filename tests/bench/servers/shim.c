// SPDX-License-Identifier: MIT
/*
 * The guest API that partitions/httpd uses, for Linux (httpd.c): the
 * real headers' declarations, implemented with Linux's own means.
 *
 * <tessera/net.h> over non-blocking BSD sockets: eth0 is /init's
 * (scripts/linux-baseline --ipv4), so net_init() has nothing to do, and
 * net_poll() is poll(2) on the listeners and connections.
 *
 * <tessera/blkfront.h> over a block device: the "channel" names the
 * device and the extent, "<device>:<start sector>:<sectors>", since the
 * extent a DTS gives blkdrv has no other place here. Reads go through
 * O_DIRECT, so that every one reaches the disk as every read through
 * blkdrv does, instead of Linux's page cache.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <tessera.h>
#include <tessera/blkfront.h>
#include <tessera/net.h>

uint64_t tessera_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* A disk read here returns with its data: no event is left pending. */
int tessera_event_clear(unsigned int port)
{
	(void)port;
	return 0;
}

/* ---- <tessera/blkfront.h> ---- */

static const struct tessera_channel blk_channel;
static int blk_fd = -1;
/* O_DIRECT wants aligned buffers; httpd's are not */
static uint8_t blk_bounce[64 * 1024] __attribute__((aligned(4096)));

int tessera_blk_open(struct tessera_blk *b, const char *channel)
{
	char path[256];
	unsigned long long start, sectors;

	if (sscanf(channel, "%255[^:]:%llu:%llu", path, &start, &sectors) != 3)
		return -ENOENT;
	blk_fd = open(path, O_RDONLY | O_DIRECT | O_CLOEXEC);
	if (blk_fd < 0)
		return -errno;
	b->ch = &blk_channel;
	b->params.start_sector = start;
	b->params.nr_sectors = sectors;
	b->params.read_only = 1;
	return 0;
}

uint64_t tessera_blk_sectors(const struct tessera_blk *b)
{
	return b->params.nr_sectors;
}

int tessera_blk_read(struct tessera_blk *b, uint64_t sector, uint32_t count,
		     void *buf)
{
	size_t len, max = sizeof(blk_bounce) / TESSERA_BLK_SECTOR;
	ssize_t n;

	if (!count)
		return -EINVAL;
	if (sector >= b->params.nr_sectors ||
	    count > b->params.nr_sectors - sector)
		return -ERANGE;
	for (; count; count -= len / TESSERA_BLK_SECTOR) {
		len = (count < max ? count : max) * TESSERA_BLK_SECTOR;
		n = pread(blk_fd, blk_bounce, len, (off_t)((b->params.start_sector
				+ sector) * TESSERA_BLK_SECTOR));
		if (n != (ssize_t)len)
			return -EIO;
		memcpy(buf, blk_bounce, len);
		buf = (uint8_t *)buf + len;
		sector += len / TESSERA_BLK_SECTOR;
	}
	return 0;
}

/* ---- <tessera/net.h> ---- */

struct net_conn {
	int fd;			/* -1: the slot is free */
	bool sending;		/* it has a response to send: poll for room */
};

static struct net_conn conns[NET_CONNS_MAX];
static int listeners[NET_LISTENERS_MAX];
static int nr_listeners;

int net_init(const char *channel)
{
	(void)channel;
	for (unsigned int i = 0; i < NET_CONNS_MAX; i++)
		conns[i].fd = -1;
	return 0;
}

int net_listen(uint16_t port)
{
	struct sockaddr_in addr = { .sin_family = AF_INET,
				    .sin_port = htons(port) };
	int fd, one = 1;

	if (!port)
		return -EINVAL;
	if (nr_listeners == NET_LISTENERS_MAX)
		return -EBUSY;
	fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -ENOMEM;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) ||
	    listen(fd, NET_CONNS_MAX)) {
		close(fd);
		return -EBUSY;
	}
	listeners[nr_listeners] = fd;
	return nr_listeners++;
}

/* As lwIP's: a connection stays in the backlog while every slot is taken. */
struct net_conn *net_accept(int listener)
{
	for (unsigned int i = 0; i < NET_CONNS_MAX; i++) {
		if (conns[i].fd < 0) {
			conns[i].fd = accept4(listeners[listener], NULL, NULL,
					      SOCK_NONBLOCK | SOCK_CLOEXEC);
			conns[i].sending = false;
			return conns[i].fd < 0 ? NULL : &conns[i];
		}
	}
	return NULL;
}

long net_recv(struct net_conn *c, void *buf, size_t cap)
{
	ssize_t n = recv(c->fd, buf, cap, 0);

	if (n >= 0)
		return n;
	return errno == EAGAIN ? -EAGAIN : -ECONNRESET;
}

long net_send(struct net_conn *c, const void *buf, size_t len)
{
	ssize_t n = send(c->fd, buf, len, MSG_NOSIGNAL);

	c->sending = true;
	if (n >= 0)
		return n;
	return errno == EAGAIN ? 0 : -ECONNRESET;
}

/*
 * The send buffer less what is still in it. Linux counts the buffer in
 * its own overheads too, so a send may take less: httpd copes.
 */
size_t net_send_room(const struct net_conn *c)
{
	int size, queued;
	socklen_t len = sizeof(size);

	if (getsockopt(c->fd, SOL_SOCKET, SO_SNDBUF, &size, &len) ||
	    ioctl(c->fd, SIOCOUTQ, &queued))
		return 0;
	return size > queued ? (size_t)(size - queued) : 0;
}

void net_close(struct net_conn *c)
{
	close(c->fd);
	c->fd = -1;
}

void net_poll(uint64_t timeout_ns)
{
	struct pollfd fds[NET_LISTENERS_MAX + NET_CONNS_MAX];
	uint64_t ms = timeout_ns / 1000000 + (timeout_ns % 1000000 != 0);
	int n = 0;

	for (int i = 0; i < nr_listeners; i++)
		fds[n++] = (struct pollfd){ .fd = listeners[i], .events = POLLIN };
	for (unsigned int i = 0; i < NET_CONNS_MAX; i++) {
		if (conns[i].fd >= 0)
			fds[n++] = (struct pollfd){ .fd = conns[i].fd,
				.events = conns[i].sending ? POLLOUT : POLLIN };
	}
	poll(fds, (nfds_t)n, timeout_ns == NET_FOREVER || ms > INT_MAX ? -1 :
	     (int)ms);
}
