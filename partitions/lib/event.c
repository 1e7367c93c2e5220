// SPDX-License-Identifier: MIT
/*
 * Events (see <tessera.h>; tests/unit/test_guest_event.c). The bitmaps
 * are shared with the monitor, which sets pending bits at any time from
 * any CPU: every change is a locked bit operation on the whole word.
 */

/* by path: the host test builds this without the library's include
 * directory (see stdout.c) */
#include "include/tessera.h"
#include "syscall.h"

int tessera_port_set(uint64_t *words, unsigned int port)
{
	uint64_t bit = TESSERA_EVENT_BIT(port);

	if (port >= TESSERA_MAX_PORTS)
		return -EINVAL;
	return !!(__atomic_fetch_or(&words[TESSERA_EVENT_WORD(port)], bit,
				    __ATOMIC_SEQ_CST) & bit);
}

int tessera_port_clear(uint64_t *words, unsigned int port)
{
	uint64_t bit = TESSERA_EVENT_BIT(port);

	if (port >= TESSERA_MAX_PORTS)
		return -EINVAL;
	return !!(__atomic_fetch_and(&words[TESSERA_EVENT_WORD(port)], ~bit,
				     __ATOMIC_SEQ_CST) & bit);
}

int tessera_port_test(const uint64_t *words, unsigned int port)
{
	if (port >= TESSERA_MAX_PORTS)
		return -EINVAL;
	return !!(__atomic_load_n(&words[TESSERA_EVENT_WORD(port)],
				  __ATOMIC_SEQ_CST) & TESSERA_EVENT_BIT(port));
}

int tessera_notify(unsigned int port)
{
	return (int)tessera_syscall1(TESSERA_HC_NOTIFY, port);
}

void tessera_wait_event_until(uint64_t ns)
{
	tessera_syscall1(TESSERA_HC_BLOCK, ns);
}

void tessera_wait_event(void)
{
	tessera_wait_event_until(UINT64_MAX);
}

int tessera_event_mask(unsigned int port)
{
	int ret = tessera_port_set(tessera_shared_info()->event_mask, port);

	return ret < 0 ? ret : 0;
}

int tessera_event_unmask(unsigned int port)
{
	int ret = tessera_port_clear(tessera_shared_info()->event_mask, port);

	/* the locked AND comes before this load: an event that arrived
	 * while masked is seen here */
	return ret < 0 ? ret :
	       tessera_port_test(tessera_shared_info()->event_pending, port);
}

int tessera_event_clear(unsigned int port)
{
	return tessera_port_clear(tessera_shared_info()->event_pending, port);
}
