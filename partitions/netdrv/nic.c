// SPDX-License-Identifier: MIT
/*
 * The virtio-net function of nic.h (virtio 1.0 section 5.1): queue 0
 * receives, queue 1 transmits, each buffer one descriptor of a header
 * and a whole frame (no VIRTIO_NET_F_MRG_RXBUF: a receive buffer must
 * hold the largest frame). The device writes only the receive buffers
 * and its used rings; what it wrote is checked by the virtqueue library
 * (heads, lengths) and copied before netdrv parses it.
 */

#include <stdio.h>
#include <string.h>
#include <tessera.h>
#include <tessera/virtio.h>
#include "netdrv.h"
#include "nic.h"

#define NIC_HDR		12	/* struct virtio_net_hdr with num_buffers */
#define NIC_BUF		2048	/* a header and the largest frame */
#define NIC_QSIZE	64
#define NIC_RXQ		0
#define NIC_TXQ		1

static struct tessera_virtio nic_dev;
static struct tessera_virtq nic_rxq, nic_txq;
static uint8_t nic_rx_bufs[NIC_QSIZE][NIC_BUF] __attribute__((aligned(64)));
static uint8_t nic_tx_bufs[NIC_QSIZE][NIC_BUF] __attribute__((aligned(64)));
static uint8_t nic_frame[NIC_BUF];	/* a received frame's private copy */
/* which buffer each chain in flight is, by its head */
static uint8_t nic_rx_of[TESSERA_VIRTQ_SIZE_MAX];
static uint8_t nic_tx_of[TESSERA_VIRTQ_SIZE_MAX];
static uint8_t nic_tx_free[NIC_QSIZE];	/* a stack of free tx buffers */
static unsigned int nic_nr_tx_free;
static bool nic_up;

static int nic_post_rx(unsigned int buf)
{
	struct tessera_virtq_buf b = {
		.addr = nic_rx_bufs[buf], .len = NIC_BUF, .device_writes = true,
	};
	uint16_t head;
	int ret = tessera_virtq_add(&nic_rxq, &b, 1, &head);

	if (!ret)
		nic_rx_of[head] = (uint8_t)buf;
	return ret;
}

static int nic_start(int device)
{
	int ret = tessera_virtio_open(&nic_dev, (unsigned int)device);

	if (!ret)
		ret = tessera_virtio_negotiate(&nic_dev, 0);
	if (!ret)
		ret = tessera_virtio_queue(&nic_dev, &nic_rxq, NIC_RXQ, NIC_QSIZE);
	if (!ret)
		ret = tessera_virtio_queue(&nic_dev, &nic_txq, NIC_TXQ, NIC_QSIZE);
	for (unsigned int i = 0; !ret && i < NIC_QSIZE && i < nic_rxq.size; i++)
		ret = nic_post_rx(i);
	for (unsigned int i = 0; i < NIC_QSIZE && i < nic_txq.size; i++)
		nic_tx_free[nic_nr_tx_free++] = (uint8_t)i;
	if (ret)
		return ret;
	tessera_virtio_ready(&nic_dev);
	return tessera_virtq_kick(&nic_rxq) < 0 ? -ENODEV : 0;
}

int nic_open(void)
{
	const struct tessera_start_info *si = tessera_start_info();
	int device = tessera_virtio_find(TESSERA_VIRTIO_ID_NET, 0);
	int ret = device < 0 ? device : nic_start(device);

	if (ret) {
		if (device >= 0)
			tessera_virtio_fail(&nic_dev);
		printf("nic: none (%d): vifs only\n", ret);
		return ret;
	}
	nic_up = true;
	printf("nic %s: virtio-net, %u receive buffers\n",
	       si->devices[device].name, nic_rxq.size);
	return 0;
}

unsigned int nic_port(void)
{
	return nic_dev.irq_port;
}

/* The device broke a queue: say so once and stop using the NIC. */
static void nic_broken(const struct tessera_virtq *q)
{
	printf("nic: protocol error: %s\n", q->error ? q->error : "?");
	tessera_virtio_fail(&nic_dev);
	nic_up = false;
}

static int nic_reap_tx(void)
{
	uint16_t head;
	uint32_t len;
	int ret;

	while ((ret = tessera_virtq_get(&nic_txq, &head, &len)) > 0)
		nic_tx_free[nic_nr_tx_free++] = nic_tx_of[head];
	return ret;
}

int nic_send(const uint8_t *frame, uint32_t len)
{
	struct tessera_virtq_buf b = { .len = NIC_HDR + len };
	unsigned int buf;
	uint16_t head;
	int ret;

	if (!nic_up)
		return -ENODEV;
	if (!nic_nr_tx_free && nic_reap_tx() < 0) {
		nic_broken(&nic_txq);
		return -EPROTO;
	}
	if (!nic_nr_tx_free || len > NIC_BUF - NIC_HDR)
		return -EAGAIN;
	buf = nic_tx_free[--nic_nr_tx_free];
	b.addr = nic_tx_bufs[buf];
	memset(b.addr, 0, NIC_HDR);
	memcpy(nic_tx_bufs[buf] + NIC_HDR, frame, len);
	ret = tessera_virtq_add(&nic_txq, &b, 1, &head);
	if (ret) {
		nic_tx_free[nic_nr_tx_free++] = (uint8_t)buf;
		return ret == -EPROTO ? ret : -EAGAIN;
	}
	nic_tx_of[head] = (uint8_t)buf;
	return tessera_virtq_kick(&nic_txq) < 0 ? -EPROTO : 0;
}

/*
 * Takes at most a queue's worth of received frames: 1 when it stopped
 * there, with frames perhaps left, 0, or -EPROTO.
 */
static int nic_receive(void)
{
	uint16_t head;
	uint32_t len;
	int ret = 1;

	for (unsigned int n = 0; n < NIC_QSIZE && ret > 0; n++) {
		unsigned int buf;

		ret = tessera_virtq_get(&nic_rxq, &head, &len);
		if (ret <= 0)
			break;
		buf = nic_rx_of[head];
		/* the library bounds len by the buffer; the header is ours */
		len = len < NIC_HDR ? 0 : len - NIC_HDR;
		memcpy(nic_frame, nic_rx_bufs[buf] + NIC_HDR, len);
		if (nic_post_rx(buf))
			return -EPROTO;
		netdrv_from_wire(nic_frame, len);
	}
	if (tessera_virtq_kick(&nic_rxq) < 0)
		return -EPROTO;
	return ret;
}

bool nic_poll(bool irq)
{
	int ret;

	if (!nic_up)
		return false;
	if (irq)
		tessera_virtio_irq(&nic_dev);
	if (nic_reap_tx() < 0) {
		nic_broken(&nic_txq);
		return false;
	}
	ret = nic_receive();
	if (ret < 0)
		nic_broken(&nic_rxq);
	return ret > 0;
}
