/* SPDX-License-Identifier: MIT */
#ifndef NETDRV_NIC_H
#define NETDRV_NIC_H

/*
 * The wire: the partition's virtio-net function (nic.c) through the
 * virtio library, no offloads, no control queue. Each frame on a queue
 * is preceded by the 12-byte struct virtio_net_hdr of VERSION_1, zero
 * when netdrv sends.
 */

#include <stdbool.h>
#include <stdint.h>

/*
 * Finds and starts the first virtio-net function of the partition, its
 * receive queue filled: 0, -ENODEV when there is none or it refused.
 * Prints one line saying which.
 */
int nic_open(void);

/* The event port of its interrupt; meaningful after nic_open() gave 0. */
unsigned int nic_port(void);

/*
 * Queues a frame for the wire: 0, -EAGAIN when every transmit buffer is
 * in flight, -ENODEV without a NIC, -EPROTO once the device broke its
 * queue.
 */
int nic_send(const uint8_t *frame, uint32_t len);

/*
 * After an event on nic_port() (`irq`), or when the last call said so:
 * acknowledges the interrupt if there was one, frees what the device
 * sent, and hands each frame it received, copied out of its buffer, to
 * netdrv_from_wire(), a queue's worth at most. Whether it stopped there
 * with frames perhaps left: then call it again before waiting.
 */
bool nic_poll(bool irq);

#endif
