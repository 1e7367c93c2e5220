/* SPDX-License-Identifier: MIT */
#ifndef PROBE_USTAR_H
#define PROBE_USTAR_H

/*
 * The first header of a ustar archive (POSIX.1-1988, as Python's tarfile
 * writes it for scripts/mkdisk), read from a disk and so not trusted:
 * the checksum, the magic and version, the type (a regular file), the name (ended
 * inside its field) and every octal digit of the size and the checksum
 * are checked. Pure: the host test is tests/unit/test_probe_ustar.c.
 */

#include <stdint.h>

#define USTAR_BLOCK	512

/*
 * 0 and the file's name (inside `hdr`) and size, or a negative error
 * with *why saying what is wrong.
 */
int ustar_first(const uint8_t hdr[USTAR_BLOCK], const char **name,
		uint64_t *size, const char **why);

#endif
