// SPDX-License-Identifier: MIT
/*
 * probe: the default system's client of both driver partitions
 * (docs/partitions.md). It prints the first file of its virtual block
 * device (a ustar archive that scripts/mkdisk wrote from the vbd's
 * `content` folder), pings the gateway of its virtual interface, then
 * says goodbye to blkdrv and netdrv, so that both, run with
 * exit=goodbye, end and the machine halts.
 *
 *	probe [disk=<vbd channel>] [vif=<vif channel>] [count=<n>]
 *
 * It returns 0 only when the file was read and every echo was answered.
 */
#include <stdlib.h>
#include <tessera/option.h>
#include "probe.h"

int main(int argc, char **argv)
{
	const char *disk = tessera_option(argc, argv, "disk", "probe-disk");
	const char *vif = tessera_option(argc, argv, "vif", "probe-net");
	unsigned long count = strtoul(tessera_option(argc, argv, "count", "3"),
				      NULL, 0);
	bool disk_ok = probe_disk(disk);
	bool net_ok = probe_net(vif, (unsigned int)count);

	return disk_ok && net_ok ? 0 : 1;
}
