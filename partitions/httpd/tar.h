/* SPDX-License-Identifier: MIT */
#ifndef HTTPD_TAR_H
#define HTTPD_TAR_H

/*
 * The index of a ustar archive on a disk (POSIX.1-1988 headers, as
 * Python's tarfile and GNU tar write them): the regular files' names,
 * where their data starts and how long it is. Every header is input
 * from the disk: its checksum, magic, octal fields and sizes are checked
 * and no entry may reach past the disk's end; an archive that breaks a
 * rule ends the index there. Directories, links and pax or GNU extension
 * headers are skipped, never followed.
 */

#include <stddef.h>
#include <stdint.h>

#define TAR_BLOCK	512
#define TAR_NAME_MAX	255	/* prefix, '/', name */
#define TAR_FILES_MAX	128

struct tar_file {
	char name[TAR_NAME_MAX + 1];	/* without a leading "./" */
	uint64_t sector;		/* of its first data block */
	uint64_t size;			/* in bytes */
};

struct tar_index {
	unsigned int count;
	struct tar_file files[TAR_FILES_MAX];
};

/* Reads block `sector` of the disk into `buf`: 0 or a negative error. */
typedef int tar_read_fn(void *ctx, uint64_t sector, void *buf);

/*
 * Indexes the archive at the start of a disk of `nr_sectors` blocks: the
 * number of files (also when a bad header ended the walk early), or the
 * error of a read that failed. *why says how the walk ended ("end of
 * archive", "bad checksum"...).
 */
int tar_scan(struct tar_index *idx, uint64_t nr_sectors, tar_read_fn *read,
	     void *ctx, const char **why);

/* The file called `name`, the archive's last of that name, or NULL. */
const struct tar_file *tar_lookup(const struct tar_index *idx,
				  const char *name);

#endif
