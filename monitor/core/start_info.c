// SPDX-License-Identifier: MIT
/*
 * A partition's start-info page from the domain tables (see
 * tessera/start_info.h). Channels and devices are listed as the public
 * header describes them, with the virtual addresses public/layout.h gives
 * their windows (channel.c places the rings, device_map.c the device
 * windows and IRQ ports).
 */

#include <stdbool.h>
#include <public/layout.h>
#include <public/version.h>
#include <tessera/channel.h>
#include <tessera/compiler.h>
#include <tessera/device_map.h>
#include <tessera/iommu.h>
#include <tessera/start_info.h>
#include <tessera/string.h>

BUILD_BUG_ON(TT_NAME_MAX != TESSERA_NAME_MAX);
BUILD_BUG_ON(TT_BOOTARGS_MAX != TESSERA_BOOTARGS_MAX);
BUILD_BUG_ON(TT_DEVICE_RES_MAX != TESSERA_DEVICE_RES_MAX);

static void start_info_channels(struct tessera_start_info *si,
				const struct tessera_tables *t, unsigned int id)
{
	struct channel_end ends[TESSERA_MAX_CHANNELS];

	si->nr_channels = channel_ends(t, id, ends);
	for (uint32_t i = 0; i < si->nr_channels; i++) {
		const struct tt_channel *c = ends[i].c;
		struct tessera_channel *ci = &si->channels[i];

		memcpy(ci->name, c->name, sizeof(ci->name));
		ci->name[sizeof(ci->name) - 1] = '\0';
		ci->ring = ends[i].va;
		ci->ring_bytes = c->mem.size;
		ci->slots = c->slots;
		ci->slot_size = c->slot_size;
		ci->port = ends[i].front ? c->frontend_port : c->backend_port;
		ci->role = ends[i].front ? TESSERA_ROLE_FRONTEND :
					   TESSERA_ROLE_BACKEND;
		ci->kind = c->kind;
		si->params[i] = c->params;
	}
}

/* What the page says of device d, its windows from *w on. */
static void start_info_device(struct tessera_device_info *di,
			      const struct tt_device *d,
			      const struct device_window **w, uint16_t *port)
{
	memcpy(di->name, d->name, sizeof(di->name));
	memcpy(di->compatible, d->compatible, sizeof(di->compatible));
	di->name[sizeof(di->name) - 1] = '\0';
	di->compatible[sizeof(di->compatible) - 1] = '\0';
	di->nr_ports = (uint8_t)device_res(d->nr_ports);
	di->nr_mmio = (uint8_t)device_res(d->nr_mmio);
	di->nr_irqs = (uint8_t)device_res(d->nr_irqs);
	di->flags = d->flags;
	di->pci_bdf = d->pci_bdf;
	for (unsigned int j = 0; j < di->nr_ports; j++) {
		di->ports[j].base = d->ports[j].base;
		di->ports[j].count = d->ports[j].count;
	}
	for (unsigned int j = 0; j < di->nr_mmio; j++, (*w)++) {
		di->mmio[j].addr = (*w)->va;
		di->mmio[j].size = (*w)->size;
		di->mmio_bar[j] = d->mmio_bar[j];
	}
	for (unsigned int j = di->nr_mmio; j < TESSERA_DEVICE_RES_MAX; j++)
		di->mmio_bar[j] = TESSERA_NO_BAR;
	for (unsigned int j = 0; j < di->nr_irqs; j++) {
		di->irqs[j].irq = d->irqs[j];
		di->irqs[j].port = (*port)++;
		di->irqs[j].flags = d->irq_flags[j];
	}
}

/* In device_map.h's order, with its windows and IRQ ports. */
static void start_info_devices(struct tessera_start_info *si,
			       const struct tessera_tables *t, unsigned int id)
{
	const struct tt_device *devs[TESSERA_MAX_DEVICES];
	struct device_window windows[DEVICE_MAX_WINDOWS];
	const struct device_window *w = windows;
	uint16_t port = (uint16_t)device_first_port(t, id);

	si->nr_devices = device_list(t, id, devs);
	device_windows(t, id, windows);
	for (uint32_t i = 0; i < si->nr_devices; i++)
		start_info_device(&si->devices[i], devs[i], &w, &port);
}

void start_info_fill(struct tessera_start_info *si,
		     const struct tessera_tables *t, unsigned int id)
{
	const struct tt_partition *p = &t->partitions[id];

	memset(si, 0, sizeof(*si));
	si->magic = TESSERA_START_INFO_MAGIC;
	si->abi_version = TESSERA_ABI_VERSION;
	si->size = sizeof(*si);
	si->features = TESSERA_FEATURE_TIME | TESSERA_FEATURE_TIMER |
		       TESSERA_FEATURE_ACCOUNTING | TESSERA_FEATURE_RINGS |
		       TESSERA_FEATURE_EVENTS | TESSERA_FEATURE_DEVICES |
		       TESSERA_FEATURE_UPCALLS | iommu_features();
	si->partition_id = id;
	si->nr_vcpus = p->nr_vcpus;
	memcpy(si->name, p->name, sizeof(si->name));
	memcpy(si->program, p->program, sizeof(si->program));
	si->name[sizeof(si->name) - 1] = '\0';
	si->program[sizeof(si->program) - 1] = '\0';
	si->mem_base = TESSERA_MEM_BASE;
	si->mem_size = p->mem.size;
	memcpy(si->bootargs, p->bootargs, sizeof(si->bootargs));
	si->bootargs[sizeof(si->bootargs) - 1] = '\0';
	si->bootargs_len = (uint32_t)strlen(si->bootargs);
	start_info_channels(si, t, id);
	start_info_devices(si, t, id);
	/* DMA comes with devices: where the IOMMU, if any, shows the memory */
	si->dma_base = si->nr_devices ? iommu_dma_base(p->mem.base) : 0;
}
