// SPDX-License-Identifier: MIT
/* From crt0.S to main() (see start.h). */

#include <stdlib.h>
#include <string.h>
#include <tessera.h>
#include "argv.h"
#include "start.h"

_Noreturn void tessera_start(void)
{
	/* the start-info page is read-only: split a copy of bootargs */
	static char args[TESSERA_BOOTARGS_MAX];
	static char *argv[TESSERA_ARGV_MAX];
	const struct tessera_start_info *si = tessera_start_info();

	/* a monitor this library cannot read: fault rather than guess */
	if (si->magic != TESSERA_START_INFO_MAGIC ||
	    TESSERA_ABI_VERSION_MAJOR(si->abi_version) != TESSERA_ABI_MAJOR)
		__builtin_trap();

	strlcpy(args, si->bootargs, sizeof(args));
	exit(main(tessera_argv_split(args, argv, TESSERA_ARGV_MAX), argv));
}
