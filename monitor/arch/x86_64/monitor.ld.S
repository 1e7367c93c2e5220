/* SPDX-License-Identifier: MIT */
/*
 * The monitor's image: linked at IMAGE_VBASE + physical, loaded at the
 * board's monitor reservation (TESSERA_MONITOR_BASE, from gen) by a
 * multiboot loader through the a.out-kludge fields of head.S. One PT_LOAD
 * segment, so that file offsets and addresses stay in step as those
 * fields assume. Each part starts on a page, for paging_init to give it
 * its own rights: text RX, rodata R, data and bss RW.
 */
#include "tables.h"
#include <arch/layout.h>

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(_start_phys)

PHDRS
{
	image PT_LOAD FLAGS(7);
}

SECTIONS
{
	. = IMAGE_VBASE + TESSERA_MONITOR_BASE;
	_image_start = .;

	.text : AT(ADDR(.text) - IMAGE_VBASE) {
		KEEP(*(.multiboot))	/* in the first 8 KiB of the file */
		*(.text.boot)
		*(.text .text.*)
	} :image
	. = ALIGN(PAGE_SIZE);
	_text_end = .;

	.rodata : AT(ADDR(.rodata) - IMAGE_VBASE) {
		*(.rodata .rodata.*)
		*(.data.rel.ro .data.rel.ro.*)
	} :image
	. = ALIGN(PAGE_SIZE);
	_rodata_end = .;

	.data : AT(ADDR(.data) - IMAGE_VBASE) {
		*(.data .data.*)
		. = ALIGN(8);	/* head.S clears from here by words */
	} :image
	_load_end = .;

	/* claimed before .bss so that .bss.* leaves it alone */
	.stacks (NOLOAD) : AT(ADDR(.stacks) - IMAGE_VBASE) {
		. = ALIGN(PAGE_SIZE);
		_stacks_start = .;
		*(.bss.stacks)
		_stacks_end = .;
	} :image

	.bss (NOLOAD) : AT(ADDR(.bss) - IMAGE_VBASE) {
		*(.bss .bss.*)
		*(COMMON)
	} :image
	. = ALIGN(PAGE_SIZE);
	_image_end = .;

	/DISCARD/ : {
		*(.note .note.*)
		*(.comment)
		*(.eh_frame .eh_frame_hdr)
	}
}

_start_phys = _start - IMAGE_VBASE;

ASSERT(_image_end - _image_start <= TESSERA_MONITOR_SIZE,
       "the monitor's image outgrows its reservation (/reserved-memory/monitor)")
