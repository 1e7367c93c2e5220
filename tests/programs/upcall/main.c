// SPDX-License-Identifier: MIT
/*
 * upcall: events delivered as upcalls (tests/system/test_upcalls.py). The
 * partition is an end of one channel, whose peer notifies it (ringcheck
 * notify); its handler counts the events of that port. Waits that spin
 * read the clock only, never a hypercall, and end after UPCALL_WAIT_NS
 * (the upcall never came: the run fails).
 *
 *	upcall spin <channel>	spins until the handler has counted an
 *		event: "upcall 1 seen by the loop"
 *	upcall masked <channel>	masks upcalls, spins until the port is
 *		pending, then unmasks: "pending while masked, 0 upcalls",
 *		"unmasked: 1 upcall"
 *	upcall wait <channel>	blocks in tessera_wait_event(), which
 *		returns after the upcall: "woke with 1 upcall"
 *	upcall badstack <channel> text|<rsp>	spins with rsp at the
 *		address (the program's text, or a number): the upcall
 *		cannot be delivered, and the partition faults
 *	upcall handler text|data|rodata|<address>...	sets each as the
 *		handler with the bare hypercall, then 0 again: "handler
 *		<what>: <result>"
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tessera.h>

#define UPCALL_WAIT_NS	10000000000ULL	/* 10 s of system time */

static volatile unsigned int upcalls;
static unsigned int upcall_port;
static const char upcall_rodata[] = "read-only";
static uint64_t upcall_data = 1;

static void upcall_count(void)
{
	if (tessera_event_clear(upcall_port) > 0)
		upcalls++;
}

/* Spins, without a hypercall, until done() or the time is up: whether done. */
static int upcall_spin_until(int (*done)(void))
{
	uint64_t end = tessera_now_ns() + UPCALL_WAIT_NS;

	while (!done())
		if (tessera_now_ns() > end)
			return 0;
	return 1;
}

static int upcall_counted(void)
{
	return upcalls > 0;
}

static int upcall_port_pending(void)
{
	return tessera_port_test(tessera_shared_info()->event_pending,
				 upcall_port) > 0;
}

static int upcall_setup(const char *name)
{
	const struct tessera_channel *ch = tessera_channel(name);
	int ret;

	if (!ch)
		return -1;
	upcall_port = ch->port;
	ret = tessera_set_upcall(upcall_count);
	if (ret)
		printf("tessera_set_upcall: %d\n", ret);
	return ret;
}

static int upcall_spin(void)
{
	if (!upcall_spin_until(upcall_counted))
		return 1;
	printf("upcall %u seen by the loop\n", upcalls);
	return 0;
}

static int upcall_masked(void)
{
	tessera_upcall_mask();
	if (!upcall_spin_until(upcall_port_pending))
		return 1;
	printf("pending while masked, %u upcalls\n", upcalls);
	tessera_upcall_unmask();
	printf("unmasked: %u upcall%s\n", upcalls, upcalls == 1 ? "" : "s");
	return 0;
}

static int upcall_wait(void)
{
	while (!upcalls)
		tessera_wait_event();
	printf("woke with %u upcall\n", upcalls);
	return 0;
}

static uintptr_t upcall_address(const char *what)
{
	if (!strcmp(what, "text"))
		return (uintptr_t)upcall_spin_until;
	if (!strcmp(what, "data"))
		return (uintptr_t)&upcall_data;
	if (!strcmp(what, "rodata"))
		return (uintptr_t)upcall_rodata;
	return strtoul(what, NULL, 0);
}

/* No return: the first upcall must fault the partition. */
static int upcall_badstack(uintptr_t rsp)
{
	__asm__ __volatile__("mov %0, %%rsp\n1:\tjmp 1b" :: "r"(rsp));
	__builtin_unreachable();
}

static long upcall_set_raw(uintptr_t handler)
{
	long ret;

	__asm__ __volatile__("syscall"
			     : "=a"(ret)
			     : "a"(TESSERA_HC_SET_UPCALL), "D"(handler)
			     : "rcx", "r11", "cc", "memory");
	return ret;
}

static int upcall_handlers(int n, char **what)
{
	for (int i = 0; i < n; i++) {
		printf("handler %s: %ld\n", what[i],
		       upcall_set_raw(upcall_address(what[i])));
		upcall_set_raw(0);
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "handler"))
		return upcall_handlers(argc - 2, argv + 2);
	if (argc < 3 || upcall_setup(argv[2]))
		return 2;
	if (!strcmp(argv[1], "spin"))
		return upcall_spin();
	if (!strcmp(argv[1], "masked"))
		return upcall_masked();
	if (!strcmp(argv[1], "wait"))
		return upcall_wait();
	if (argc == 4 && !strcmp(argv[1], "badstack"))
		return upcall_badstack(upcall_address(argv[3]));
	printf("usage: upcall spin|masked|wait <channel> | badstack <channel> "
	       "text|<rsp> | handler text|data|rodata|<address>...\n");
	return 2;
}
