// SPDX-License-Identifier: MIT
/* A partition's devices, their windows and ports (see tessera/device_map.h). */

#include <public/layout.h>
#include <tessera/channel.h>
#include <tessera/compiler.h>
#include <tessera/device_map.h>

unsigned int device_list(const struct tessera_tables *t, unsigned int id,
			 const struct tt_device *list[TESSERA_MAX_DEVICES])
{
	unsigned int n = 0;

	for (uint32_t i = 0; i < t->nr_devices && n < TESSERA_MAX_DEVICES; i++)
		if (t->devices[i].owner == id)
			list[n++] = &t->devices[i];
	return n;
}

unsigned int device_res(uint8_t n)
{
	return n < TESSERA_DEVICE_RES_MAX ? n : TESSERA_DEVICE_RES_MAX;
}

/* Where a window of `size` bytes goes when the free space starts at va. */
static uint64_t device_window_va(uint64_t va, uint64_t size)
{
	uint64_t align = size >= DEVICE_LARGE_WINDOW ? DEVICE_LARGE_WINDOW :
						      TESSERA_PAGE_SIZE;

	return ALIGN_UP(va, align);
}

unsigned int device_windows(const struct tessera_tables *t, unsigned int id,
			    struct device_window out[DEVICE_MAX_WINDOWS])
{
	const struct tt_device *devs[TESSERA_MAX_DEVICES];
	unsigned int nr = device_list(t, id, devs), n = 0;
	uint64_t va = TESSERA_MMIO_BASE;

	for (unsigned int i = 0; i < nr; i++) {
		for (unsigned int j = 0; j < device_res(devs[i]->nr_mmio); j++) {
			const struct tt_range *r = &devs[i]->mmio[j];
			struct device_window *w = &out[n++];
			uint64_t room = TESSERA_USER_TOP - va;

			w->va = device_window_va(va, r->size);
			w->pa = r->base;
			w->size = r->size;
			if (r->size % TESSERA_PAGE_SIZE || w->va - va >= room ||
			    r->size >= room - (w->va - va))
				w->size = 0;
			va = w->size ? w->va + w->size + TESSERA_PAGE_SIZE : va;
		}
	}
	return n;
}

unsigned int device_first_port(const struct tessera_tables *t, unsigned int id)
{
	struct channel_end ends[TESSERA_MAX_CHANNELS];

	return channel_ends(t, id, ends);
}

/* Four hex digits at s into *v: true, or false at anything else. */
static bool device_hex16(const char *s, uint16_t *v)
{
	*v = 0;
	for (unsigned int i = 0; i < 4; i++) {
		char c = s[i];
		unsigned int digit;

		if (c >= '0' && c <= '9')
			digit = (unsigned int)(c - '0');
		else if (c >= 'a' && c <= 'f')
			digit = (unsigned int)(c - 'a' + 10);
		else
			return false;
		*v = (uint16_t)(*v << 4 | digit);
	}
	return true;
}

bool device_pci_ids(const char *compatible, uint16_t *vendor,
		    uint16_t *device)
{
	const char *s = compatible;

	return s[0] == 'p' && s[1] == 'c' && s[2] == 'i' &&
	       device_hex16(s + 3, vendor) && s[7] == ',' &&
	       device_hex16(s + 8, device) && s[12] == '\0';
}
