// SPDX-License-Identifier: MIT
/* The first file of probe's vbd, printed line by line (probe.h). */

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <tessera.h>
#include <tessera/blkfront.h>
#include "probe.h"
#include "ustar.h"

#define FILE_MAX	4096	/* bytes of the file probe prints at most */

static struct tessera_blk disk;
static uint8_t data[USTAR_BLOCK + FILE_MAX + 1];

/* Prints the file's lines, each prefixed with its name. */
static void disk_print(const char *name, char *text, uint64_t size)
{
	char *line = text, *end = text + size;

	*end = '\0';
	while (line < end) {
		char *nl = strchr(line, '\n');

		if (nl)
			*nl = '\0';
		printf("%s: %s\n", name, line);
		line = nl ? nl + 1 : end;
	}
}

/* Reads and prints the archive's first file: whether it could. */
static bool disk_read_first(void)
{
	const char *name, *why;
	uint64_t size, sectors;
	int ret = tessera_blk_read(&disk, 0, 1, data);

	if (ret) {
		printf("disk: read: %d\n", ret);
		return false;
	}
	if (ustar_first(data, &name, &size, &why)) {
		printf("disk: first header: %s\n", why);
		return false;
	}
	sectors = (size + USTAR_BLOCK - 1) / USTAR_BLOCK;
	if (size > FILE_MAX || 1 + sectors > tessera_blk_sectors(&disk)) {
		printf("%s: %llu bytes, more than probe reads\n", name,
		       (unsigned long long)size);
		return false;
	}
	ret = sectors ? tessera_blk_read(&disk, 1, (uint32_t)sectors,
					 data + USTAR_BLOCK) : 0;
	if (ret) {
		printf("%s: read: %d\n", name, ret);
		return false;
	}
	disk_print(name, (char *)data + USTAR_BLOCK, size);
	return true;
}

bool probe_disk(const char *channel)
{
	int ret = tessera_blk_open(&disk, channel);
	bool ok;

	if (ret) {
		printf("%s: cannot open: %d\n", channel, ret);
		return false;
	}
	ok = disk_read_first();
	ret = tessera_blk_close(&disk);
	if (ret)
		printf("%s: goodbye: %d\n", channel, ret);
	return ok && !ret;
}
