// SPDX-License-Identifier: MIT
/* Port ranges in an I/O permission bitmap (see arch/ioport.h). */

#include <arch/ioport.h>

void iobitmap_set(uint8_t *map, uint32_t base, uint32_t count, bool open)
{
	uint32_t end = base < IO_PORTS && count < IO_PORTS - base ?
		       base + count : IO_PORTS;

	for (uint32_t port = base; port < end; port++) {
		uint8_t bit = (uint8_t)(1U << (port % 8));

		if (open)
			map[port / 8] &= (uint8_t)~bit;
		else
			map[port / 8] |= bit;
	}
}
