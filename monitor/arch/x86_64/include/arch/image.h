/* SPDX-License-Identifier: MIT */
#ifndef ARCH_IMAGE_H
#define ARCH_IMAGE_H

/* The parts of the monitor's image, from the linker script (monitor.ld.S). */

#include <stdint.h>
#include <arch/layout.h>

extern const uint8_t _image_start[];	/* text: the multiboot header, code */
extern const uint8_t _text_end[];	/* rodata from here */
extern const uint8_t _rodata_end[];	/* data from here */
extern const uint8_t _stacks_start[], _stacks_end[];	/* then .bss */
extern const uint8_t _image_end[];

/* The physical address of something in the image. */
static inline uint64_t image_phys(const void *p)
{
	return (uint64_t)p - IMAGE_VBASE;
}

#endif
