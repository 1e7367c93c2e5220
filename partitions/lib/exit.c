// SPDX-License-Identifier: MIT
/* How a program ends (see <stdlib.h>). */

#include <stdlib.h>
#include <tessera.h>
#include "stdout.h"

_Noreturn void exit(int status)
{
	tessera_stdout_flush();
	tessera_exit(status);
}

_Noreturn void abort(void)
{
	tessera_stdout_flush();
	__builtin_trap();
}
