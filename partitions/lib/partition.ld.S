/* SPDX-License-Identifier: MIT */
/*
 * How a partition program is linked: at TESSERA_MEM_BASE, the fixed
 * virtual base of every partition's memory (public/layout.h), crt0's
 * _start first. Text, read-only data and data start on pages of their
 * own, so the monitor can map text read-only and executable and the rest
 * no-execute, and nothing is writable and executable at once.
 */

#include <public/layout.h>

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(_start)

PHDRS
{
	text PT_LOAD FLAGS(5);		/* R X */
	rodata PT_LOAD FLAGS(4);	/* R */
	data PT_LOAD FLAGS(6);		/* R W */
}

SECTIONS
{
	. = TESSERA_MEM_BASE;

	.text : {
		KEEP(*(.text.start))
		*(.text .text.*)
	} :text

	. = ALIGN(TESSERA_PAGE_SIZE);
	.rodata : {
		*(.rodata .rodata.*)
	} :rodata

	. = ALIGN(TESSERA_PAGE_SIZE);
	.data : {
		*(.data .data.*)
	} :data

	.bss : {
		*(.bss .bss.*)
		*(COMMON)
	} :data

	/* crt0 runs no constructors: refuse a program that has some */
	.init_array : {
		KEEP(*(.init_array* .ctors*))
	} :data
	ASSERT(SIZEOF(.init_array) == 0,
	       "partition programs cannot have constructors")

	/* nothing unwinds, and nothing reads notes at run time */
	/DISCARD/ : {
		*(.eh_frame* .note.* .comment .fini_array* .dtors*)
	}
}
