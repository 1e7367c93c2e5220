// SPDX-License-Identifier: MIT
/* The ustar walk of tar.h. */
#include <stdbool.h>
#include <string.h>
#include "tar.h"

/* Offsets of the header fields used (POSIX ustar). */
#define TAR_NAME	0
#define TAR_NAME_LEN	100
#define TAR_SIZE	124
#define TAR_SIZE_LEN	12
#define TAR_CHKSUM	148
#define TAR_CHKSUM_LEN	8
#define TAR_TYPE	156
#define TAR_MAGIC	257
#define TAR_PREFIX	345
#define TAR_PREFIX_LEN	155

/*
 * An octal field: optional leading spaces, octal digits, then NULs or
 * spaces to its end. False for anything else (base-256 numbers too),
 * and for a value of more than 11 octal digits.
 */
static bool tar_octal(const uint8_t *field, size_t len, uint64_t *value)
{
	size_t i = 0, digits = 0;

	*value = 0;
	while (i < len && field[i] == ' ')
		i++;
	for (; i < len && field[i] >= '0' && field[i] <= '7'; i++, digits++)
		*value = *value << 3 | (uint64_t)(field[i] - '0');
	if (!digits || digits > 11)
		return false;
	for (; i < len; i++)
		if (field[i] != '\0' && field[i] != ' ')
			return false;
	return true;
}

static bool tar_checksum_ok(const uint8_t *h)
{
	uint64_t stored, sum = 0;

	if (!tar_octal(h + TAR_CHKSUM, TAR_CHKSUM_LEN, &stored))
		return false;
	for (size_t i = 0; i < TAR_BLOCK; i++)
		sum += (i >= TAR_CHKSUM && i < TAR_CHKSUM + TAR_CHKSUM_LEN) ?
			' ' : h[i];
	return sum == stored;
}

static bool tar_zero(const uint8_t *h)
{
	for (size_t i = 0; i < TAR_BLOCK; i++)
		if (h[i])
			return false;
	return true;
}

/* Appends the field's bytes up to its first NUL; false if unprintable. */
static bool tar_append(char *name, size_t *len, const uint8_t *field,
		       size_t max)
{
	for (size_t i = 0; i < max && field[i]; i++) {
		if (field[i] < ' ' || field[i] > '~')
			return false;
		name[(*len)++] = (char)field[i];
	}
	return true;
}

/* prefix + '/' + name, without a leading "./"; false if unprintable. */
static bool tar_name(const uint8_t *h, char name[TAR_NAME_MAX + 1])
{
	size_t len = 0;

	if (!tar_append(name, &len, h + TAR_PREFIX, TAR_PREFIX_LEN))
		return false;
	if (len)
		name[len++] = '/';
	if (!tar_append(name, &len, h + TAR_NAME, TAR_NAME_LEN))
		return false;
	name[len] = '\0';
	if (!strncmp(name, "./", 2))
		memmove(name, name + 2, len - 1);
	return name[0] != '\0';
}

/* The header at `sector`: its file if it is one; the next header's sector. */
static const char *tar_entry(struct tar_index *idx, const uint8_t *h,
			     uint64_t sector, uint64_t nr_sectors,
			     uint64_t *next)
{
	struct tar_file *f;
	uint64_t size, blocks;

	if (!tar_checksum_ok(h))
		return "bad checksum";
	if (memcmp(h + TAR_MAGIC, "ustar", 5))
		return "not ustar";
	if (!tar_octal(h + TAR_SIZE, TAR_SIZE_LEN, &size))
		return "bad size";
	blocks = size / TAR_BLOCK + (size % TAR_BLOCK != 0);
	if (blocks > nr_sectors - sector - 1)
		return "entry past the end of the disk";
	*next = sector + 1 + blocks;
	if (h[TAR_TYPE] != '0' && h[TAR_TYPE] != '\0')
		return NULL;
	if (idx->count == TAR_FILES_MAX)
		return "too many files";
	f = &idx->files[idx->count];
	if (!tar_name(h, f->name))
		return "bad name";
	f->sector = sector + 1;
	f->size = size;
	idx->count++;
	return NULL;
}

int tar_scan(struct tar_index *idx, uint64_t nr_sectors, tar_read_fn *read,
	     void *ctx, const char **why)
{
	uint8_t h[TAR_BLOCK];
	uint64_t sector = 0;

	idx->count = 0;
	*why = "end of disk";
	while (sector < nr_sectors) {
		int rc = read(ctx, sector, h);

		if (rc < 0) {
			*why = "read error";
			return rc;
		}
		if (tar_zero(h)) {
			*why = "end of archive";
			break;
		}
		*why = tar_entry(idx, h, sector, nr_sectors, &sector);
		if (*why)
			break;
		*why = "end of disk";
	}
	return (int)idx->count;
}

const struct tar_file *tar_lookup(const struct tar_index *idx,
				  const char *name)
{
	for (unsigned int i = idx->count; i-- > 0;)
		if (!strcmp(idx->files[i].name, name))
			return &idx->files[i];
	return NULL;
}
