// SPDX-License-Identifier: MIT
/*
 * httpd: HTTP/1.0 GET of the files of the ustar archive on the
 * partition's virtual block device, one response per connection.
 *
 *	bootargs = "httpd vif=<channel> disk=<channel> port=<port>";
 *
 * The archive is indexed once at start (tar.c); each response reads its
 * file from the disk a chunk at a time, as the connection's send buffer
 * makes room, so a slow client holds a connection slot and nothing more.
 * A connection idle for HTTPD_IDLE_NS is closed.
 *
 * For tests only, `fault=<path>` makes a request of that path fault the
 * partition (a write to address 0), to show on-fault = "restart".
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tessera.h>
#include <tessera/blkfront.h>
#include <tessera/net.h>
#include <tessera/option.h>
#include "http.h"
#include "tar.h"

#define HTTPD_IDLE_NS	(30ull * 1000000000)
#define HTTPD_CHUNK	4096	/* bytes read from the disk at once */
/* the longest head is about 140 bytes: a 21-byte reason, a 24-byte type,
 * a 20-digit length */
#define HTTPD_HEAD_MAX	256

struct client {
	struct net_conn *conn;
	uint64_t last_ns;		/* its last byte in or out */
	size_t req_len;
	bool responding;
	uint64_t head_len, head_sent;
	const struct tar_file *file;	/* the body, or NULL: `error` */
	uint64_t body_len, body_sent;
	char head[HTTPD_HEAD_MAX];
	char error[32];			/* an error's body */
	char req[HTTP_REQUEST_MAX];
};

static struct client clients[NET_CONNS_MAX];
static struct tar_index files;
static struct tessera_blk disk;
static const char *fault_path;
static uint8_t chunk[HTTPD_CHUNK + TAR_BLOCK];

static void respond(struct client *c, int status, const char *name)
{
	const char *type = "text/plain";

	c->file = status == 200 ? tar_lookup(&files, name) : NULL;
	if (status == 200 && !c->file)
		status = 404;
	if (c->file) {
		type = http_content_type(name);
		c->body_len = c->file->size;
	} else {
		snprintf(c->error, sizeof(c->error), "%d %s\n", status,
			 http_reason(status));
		c->body_len = strlen(c->error);
	}
	c->head_len = (size_t)snprintf(c->head, sizeof(c->head),
		"HTTP/1.0 %d %s\r\nContent-Type: %s\r\nContent-Length: %llu\r\n"
		"Connection: close\r\n\r\n", status, http_reason(status), type,
		(unsigned long long)c->body_len);
	c->responding = true;
}

/* Reads more of the request; false once the connection is over. */
static bool client_read(struct client *c)
{
	char name[HTTP_PATH_MAX + 1] = "";
	long n = net_recv(c->conn, c->req + c->req_len,
			  sizeof(c->req) - c->req_len);
	int status;

	if (n == -EAGAIN)
		return true;
	if (n <= 0)
		return false;
	c->req_len += (size_t)n;
	status = http_parse(c->req, c->req_len, name);
	if (status == 200 && fault_path &&
	    !strcmp(name, fault_path + (fault_path[0] == '/'))) {
		printf("httpd: %s asked: faulting on purpose\n", fault_path);
		*(volatile int *)0 = 1;
	}
	if (status)
		respond(c, status, name);
	return true;
}

enum progress { WAIT, DONE, BROKEN };

/* Queues what it can of buf from *sent to len. */
static enum progress queue(struct net_conn *conn, const char *buf,
			   uint64_t len, uint64_t *sent)
{
	long n = net_send(conn, buf + *sent, (size_t)(len - *sent));

	if (n < 0)
		return BROKEN;
	*sent += (uint64_t)n;
	return *sent == len ? DONE : WAIT;
}

/*
 * Queues the file's body a chunk at a time, each read from the disk only
 * when the send buffer has room for all of it.
 */
static enum progress send_file(struct client *c)
{
	while (c->body_sent < c->body_len) {
		uint64_t off = c->body_sent, left = c->body_len - off;
		size_t skip = off % TAR_BLOCK;
		size_t want = left < HTTPD_CHUNK - skip ? (size_t)left :
			HTTPD_CHUNK - skip;
		uint32_t sectors = (uint32_t)((skip + want + TAR_BLOCK - 1) /
					      TAR_BLOCK);
		long n;

		if (net_send_room(c->conn) < want)
			return WAIT;
		if (tessera_blk_read(&disk, c->file->sector + off / TAR_BLOCK,
				     sectors, chunk)) {
			printf("httpd: %s: disk read failed\n", c->file->name);
			return BROKEN;
		}
		n = net_send(c->conn, chunk + skip, want);
		if (n <= 0)
			return n < 0 ? BROKEN : WAIT;
		c->body_sent += (uint64_t)n;
	}
	return DONE;
}

static enum progress client_write(struct client *c)
{
	enum progress p = queue(c->conn, c->head, c->head_len, &c->head_sent);

	if (p != DONE)
		return p;
	if (!c->file)
		return queue(c->conn, c->error, c->body_len, &c->body_sent);
	return send_file(c);
}

/*
 * Reads the request or queues the response: false once the connection
 * is to be closed (the response queued whole, which net_close() still
 * delivers; the peer gone; idle too long).
 */
static bool client_serve(struct client *c)
{
	uint64_t before = c->req_len + c->head_sent + c->body_sent;

	if (!c->responding && !client_read(c))
		return false;
	if (c->responding && client_write(c) != WAIT)
		return false;
	if (c->req_len + c->head_sent + c->body_sent != before)
		c->last_ns = tessera_now_ns();
	return tessera_now_ns() - c->last_ns <= HTTPD_IDLE_NS;
}

static void accept_clients(int listener)
{
	struct net_conn *conn;

	while ((conn = net_accept(listener))) {
		for (unsigned int i = 0; i < NET_CONNS_MAX; i++) {
			if (!clients[i].conn) {
				clients[i] = (struct client){
					.conn = conn, .last_ns = tessera_now_ns() };
				break;
			}
		}
	}
}

static int read_block(void *ctx, uint64_t sector, void *buf)
{
	return tessera_blk_read(&disk, sector, 1, buf);
}

/* Indexes the archive on the disk: false when the disk cannot be read. */
static bool index_disk(const char *channel)
{
	const char *why;
	int rc = tessera_blk_open(&disk, channel);

	if (!rc)
		rc = tar_scan(&files, tessera_blk_sectors(&disk), read_block,
			      NULL, &why);
	if (rc < 0) {
		printf("httpd: disk %s: error %d\n", channel, rc);
		return false;
	}
	printf("httpd: %d files on %s (%s)\n", rc, channel, why);
	return true;
}

int main(int argc, char **argv)
{
	const char *vif = tessera_option(argc, argv, "vif", "web-net");
	const char *vbd = tessera_option(argc, argv, "disk", "web-disk");
	unsigned long port = strtoul(tessera_option(argc, argv, "port", "80"), NULL, 10);
	int rc, listener;

	fault_path = tessera_option(argc, argv, "fault", NULL);
	if (!index_disk(vbd))
		return EXIT_FAILURE;
	rc = net_init(vif);
	listener = rc ? rc : port < 65536 ? net_listen((uint16_t)port) : -EINVAL;
	if (listener < 0) {
		printf("httpd: cannot serve on %s port %lu (%d)\n", vif, port,
		       listener);
		return EXIT_FAILURE;
	}
	printf("httpd: listening on port %lu\n", port);
	for (;;) {
		net_poll(1000000000);
		/* reads from the disk wait for their own answers */
		tessera_event_clear(disk.ch->port);
		accept_clients(listener);
		for (unsigned int i = 0; i < NET_CONNS_MAX; i++) {
			if (clients[i].conn && !client_serve(&clients[i])) {
				net_close(clients[i].conn);
				clients[i].conn = NULL;
			}
		}
	}
}
