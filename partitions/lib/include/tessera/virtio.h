/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_LIB_VIRTIO_H
#define TESSERA_LIB_VIRTIO_H

/*
 * virtio 1.0 devices (OASIS virtio v1.0, 2016) on the modern PCI
 * transport, for driver partitions: partitions/lib/virtio.c (the PCI
 * transport: capabilities, status, features, queue setup, interrupts,
 * device configuration) and partitions/lib/virtq.c (split virtqueues).
 * Used by partitions/blkdrv; docs/drivers.md.
 *
 *	static struct tessera_virtio dev;
 *	static struct tessera_virtq q;		(in the partition's memory)
 *
 *	int i = tessera_virtio_find(TESSERA_VIRTIO_ID_BLOCK, 0);
 *	tessera_virtio_open(&dev, i);		reset, ACKNOWLEDGE, DRIVER
 *	tessera_virtio_negotiate(&dev, wanted);	VERSION_1 required; FEATURES_OK
 *	tessera_virtio_config(&dev, off, &v, sizeof(v));   device config
 *	tessera_virtio_queue(&dev, &q, 0, 128);	queue 0, at most 128 entries
 *	tessera_virtio_ready(&dev);		DRIVER_OK
 *
 *	tessera_virtq_add(&q, bufs, n, &head);	a chain, driver-readable
 *						buffers first
 *	tessera_virtq_kick(&q);			publish, ring the doorbell
 *						unless the device said not to
 *	wait for dev.irq_port (tessera_wait_event), then
 *	tessera_virtio_irq(&dev);		read the ISR, ack the IRQ
 *	while (tessera_virtq_get(&q, &head, &len) > 0)
 *		the chain at head is done, len bytes written by the device;
 *
 * The device is trusted less than the monitor: it can write any of the
 * partition's memory that DMA reaches, and everything it writes is read
 * once and checked before use. tessera_virtq_get() checks the used index
 * against what is in flight, each used id against the chains in flight
 * and each len against the bytes the chain let the device write; a bad
 * value is -EPROTO and breaks the queue (`error` says why), never a
 * crash. Buffers must lie in the partition's memory (start_info mem_base
 * and mem_size): the device is given their bus addresses, dma_base +
 * (address - mem_base), never the virtual ones.
 *
 * One vCPU drives a device: nothing here takes a lock. Errors: -ENODEV
 * (no such device, a capability missing or outside its BAR, the device
 * refused the features), -EINVAL (the caller's mistake), -EFAULT (a
 * buffer outside the partition's memory), -EAGAIN (no free descriptor),
 * -EIO (the device configuration never held still), -EPROTO.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <public/errno.h>
#include <public/start_info.h>

#define TESSERA_VIRTIO_VENDOR		0x1af4
#define TESSERA_VIRTIO_PCI_ID_BASE	0x1040	/* modern: 0x1040 + device id */
#define TESSERA_VIRTIO_ID_NET		1
#define TESSERA_VIRTIO_ID_BLOCK		2

/* Feature bits (virtio 1.0 section 6): the transport's own. */
#define TESSERA_VIRTIO_F_VERSION_1	(1ULL << 32)
#define TESSERA_VIRTIO_F_ACCESS_PLATFORM (1ULL << 33)

/* Device status bits (section 2.1). */
#define TESSERA_VIRTIO_S_ACKNOWLEDGE	0x01
#define TESSERA_VIRTIO_S_DRIVER		0x02
#define TESSERA_VIRTIO_S_DRIVER_OK	0x04
#define TESSERA_VIRTIO_S_FEATURES_OK	0x08
#define TESSERA_VIRTIO_S_FAILED		0x80

/* ISR status bits (section 4.1.4.5). */
#define TESSERA_VIRTIO_ISR_QUEUE	0x01
#define TESSERA_VIRTIO_ISR_CONFIG	0x02

/* Entries of the largest queue the library sets up. */
#define TESSERA_VIRTQ_SIZE_MAX		256

/* ---- split virtqueues (section 2.4), the device's view -------------- */

#define TESSERA_VIRTQ_DESC_F_NEXT	1
#define TESSERA_VIRTQ_DESC_F_WRITE	2	/* the device writes it */
#define TESSERA_VIRTQ_USED_F_NO_NOTIFY	1

struct tessera_virtq_desc {
	uint64_t addr;			/* bus address */
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

struct tessera_virtq_avail {
	uint16_t flags;
	uint16_t idx;
	uint16_t ring[TESSERA_VIRTQ_SIZE_MAX];
	uint16_t used_event;		/* unused: no VIRTIO_F_EVENT_IDX */
};

struct tessera_virtq_used_elem {
	uint32_t id;			/* the head of a chain */
	uint32_t len;			/* bytes the device wrote */
};

struct tessera_virtq_used {
	uint16_t flags;
	uint16_t idx;
	struct tessera_virtq_used_elem ring[TESSERA_VIRTQ_SIZE_MAX];
	uint16_t avail_event;
};

/*
 * A queue: the three areas the device reads and writes by DMA (at the
 * alignments section 2.4 wants), then the driver's private state, which
 * it never takes from the areas: the chain links, which descriptors are
 * in flight, how many bytes each chain lets the device write.
 */
struct tessera_virtq {
	struct tessera_virtq_desc desc[TESSERA_VIRTQ_SIZE_MAX]
		__attribute__((aligned(16)));
	struct tessera_virtq_avail avail __attribute__((aligned(2)));
	struct tessera_virtq_used used __attribute__((aligned(4)));

	volatile uint16_t *doorbell;	/* the queue's notify address */
	uint16_t index;			/* the queue's number */
	uint16_t size;			/* entries, a power of two */
	uint16_t free_head;		/* first free descriptor */
	uint16_t nr_free;
	uint16_t avail_idx;		/* the next avail entry to write */
	uint16_t avail_pub;		/* the avail idx last published */
	uint16_t last_used;		/* the next used entry to take */
	uint64_t mem_base, mem_size, dma_base;	/* start_info's */
	uint16_t link[TESSERA_VIRTQ_SIZE_MAX];	/* each descriptor's next */
	uint16_t chain[TESSERA_VIRTQ_SIZE_MAX];	/* at a head in flight: its
						 * descriptors; else 0 */
	uint32_t writable[TESSERA_VIRTQ_SIZE_MAX]; /* at a head: bytes the
						    * device may write */
	const char *error;		/* why the queue broke, or NULL */
};

/* One buffer of a chain. */
struct tessera_virtq_buf {
	void *addr;			/* in the partition's memory */
	uint32_t len;
	bool device_writes;		/* the device fills it (a read) */
};

/*
 * Makes `q` an empty queue of `size` entries (a power of two, at most
 * TESSERA_VIRTQ_SIZE_MAX) in memory whose bus address is dma_base +
 * (virtual - mem_base). tessera_virtio_queue() calls it; a host test may.
 * -EINVAL for a bad size, -EFAULT when q is not in that memory.
 */
int tessera_virtq_init(struct tessera_virtq *q, uint16_t size,
		       uint64_t mem_base, uint64_t mem_size, uint64_t dma_base);

/* The bus address of `addr`, in q's memory: dma_base + (addr - mem_base). */
uint64_t tessera_virtq_bus(const struct tessera_virtq *q, const void *addr);

/*
 * Chains `n` buffers (the ones the device reads first, then the ones it
 * writes) and puts the chain in the avail ring, unpublished; *head names
 * it in tessera_virtq_get(). 0, -EINVAL (n 0, a readable buffer after a
 * writable one, a zero length), -EFAULT, -EAGAIN, -EPROTO.
 */
int tessera_virtq_add(struct tessera_virtq *q, const struct tessera_virtq_buf *bufs,
		      unsigned int n, uint16_t *head);

/*
 * Publishes the chains added so far and rings the doorbell unless the
 * device asked not to be notified: 1 when it was rung, 0, -EPROTO.
 */
int tessera_virtq_kick(struct tessera_virtq *q);

/*
 * Takes the next used entry: the head of a finished chain into *head and
 * the bytes the device wrote into *len, and frees the chain. 1, 0 when
 * there is none, -EPROTO when the device broke the protocol.
 */
int tessera_virtq_get(struct tessera_virtq *q, uint16_t *head, uint32_t *len);

/* ---- the PCI transport (section 4.1) -------------------------------- */

struct tessera_virtio {
	unsigned int device;		/* index in start_info devices[] */
	volatile uint8_t *common;	/* struct virtio_pci_common_cfg */
	volatile uint8_t *notify;	/* the doorbells */
	volatile uint8_t *isr;
	volatile uint8_t *config;	/* the device-specific configuration */
	uint32_t common_len, notify_len, config_len;
	uint32_t notify_mult;		/* notify_off_multiplier */
	uint64_t features;		/* negotiated */
	uint16_t irq_port;		/* the device's interrupt, an event port */
};

/*
 * The index in start_info devices[] of the first PCI function at or after
 * index `from` that is a modern virtio device of type `id`
 * (TESSERA_VIRTIO_ID_*), by its vendor and device ids; -ENODEV.
 */
int tessera_virtio_find(uint16_t id, unsigned int from);

/*
 * Finds the device's virtio capabilities (common, notify, ISR and device
 * configuration, each inside one of its BAR windows), enables memory
 * space and bus mastering, resets it and sets ACKNOWLEDGE and DRIVER.
 */
int tessera_virtio_open(struct tessera_virtio *v, unsigned int device);

/*
 * Accepts what the device offers of `wanted`, with VERSION_1, which the
 * device must offer, and ACCESS_PLATFORM when offered (the device then
 * honours the IOMMU), and sets FEATURES_OK. v->features is the result;
 * -ENODEV when VERSION_1 is missing or the device refuses (the device is
 * then marked FAILED).
 */
int tessera_virtio_negotiate(struct tessera_virtio *v, uint64_t wanted);

/*
 * Reads `len` bytes at `offset` of the device configuration, again until
 * the configuration generation is the same before and after. 0, -EINVAL
 * (outside the configuration), -EIO (it kept changing).
 */
int tessera_virtio_config(struct tessera_virtio *v, uint32_t offset,
			  void *buf, uint32_t len);

/*
 * Sets up queue `index` in `q` with at most `size` entries (the device's
 * maximum and TESSERA_VIRTQ_SIZE_MAX bound it further) and enables it.
 * -EINVAL for a queue the device does not have, -ENODEV for a doorbell
 * outside the notify window.
 */
int tessera_virtio_queue(struct tessera_virtio *v, struct tessera_virtq *q,
			 uint16_t index, uint16_t size);

/* Sets DRIVER_OK: the device may use its queues from now on. */
void tessera_virtio_ready(struct tessera_virtio *v);

/* Marks the device FAILED: the driver gives up on it. */
void tessera_virtio_fail(struct tessera_virtio *v);

/*
 * Resets the device: it forgets its queues and features and stops using
 * the driver's memory, as a driver that ends should leave it. 0, or
 * -ENODEV when it never reads back as reset.
 */
int tessera_virtio_reset(struct tessera_virtio *v);

/*
 * After an event on irq_port: reads the ISR status, which lowers the
 * line, then acknowledges the interrupt so that the monitor unmasks it.
 * Returns the ISR bits (TESSERA_VIRTIO_ISR_*).
 */
unsigned int tessera_virtio_irq(struct tessera_virtio *v);

#endif
