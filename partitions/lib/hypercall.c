// SPDX-License-Identifier: MIT
/* The hypercalls of public/hypercall.h as functions (see <tessera.h>). */

#include <tessera.h>
#include "syscall.h"

long tessera_version(unsigned int query)
{
	return tessera_syscall1(TESSERA_HC_VERSION, query);
}

long tessera_console_write(const char *buf, size_t len)
{
	return tessera_syscall2(TESSERA_HC_CONSOLE_WRITE, (unsigned long)buf,
				len);
}

void tessera_yield(void)
{
	tessera_syscall0(TESSERA_HC_YIELD);
}

void tessera_sleep_until(uint64_t ns)
{
	tessera_syscall1(TESSERA_HC_SLEEP_UNTIL, ns);
}

_Noreturn void tessera_exit(int status)
{
	tessera_syscall1(TESSERA_HC_EXIT, (unsigned int)status);
	__builtin_trap();	/* a monitor that returns from exit is broken */
}
