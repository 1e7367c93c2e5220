// SPDX-License-Identifier: MIT
/*
 * What lwIP needs of the system with NO_SYS: the time in milliseconds,
 * random numbers, and (tessera_lwip_hooks.h) initial sequence numbers.
 */
#include <stdbool.h>
#include <tessera.h>
#include "lwip/sys.h"
#include "siphash.h"
#include "tessera_lwip_hooks.h"

#define RDRAND_TRIES	10

static uint64_t secret[2];
static uint64_t rand_counter;
static bool seeded;

u32_t sys_now(void)
{
	return (u32_t)(tessera_now_ns() / 1000000);
}

static bool cpu_has_rdrand(void)
{
	uint32_t a = 1, b, c = 0, d;

	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
	return c & (1u << 30);
}

static bool rdrand(uint64_t *value)
{
	for (int i = 0; i < RDRAND_TRIES; i++) {
		bool ok;

		__asm__ volatile("rdrand %0" : "=r"(*value), "=@ccc"(ok));
		if (ok)
			return true;
	}
	return false;
}

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

/*
 * The secret of the ISNs and of LWIP_RAND: RDRAND where the CPU has it
 * (QEMU's TCG CPU models mostly do not), else the TSC read at the first
 * connection, which depends on everything that ran before it. That is
 * weak entropy but still no counter an outsider can step through.
 */
static void seed(void)
{
	bool hw = cpu_has_rdrand();

	for (int i = 0; i < 2; i++)
		if (!hw || !rdrand(&secret[i]))
			secret[i] ^= rdtsc() * 0x9e3779b97f4a7c15ULL;
	seeded = true;
}

unsigned int tessera_lwip_rand(void)
{
	if (!seeded)
		seed();
	rand_counter++;
	return (unsigned int)siphash24(secret, &rand_counter, sizeof(rand_counter));
}

/*
 * RFC 6528: ISN = M + F(local ip, local port, remote ip, remote port,
 * secret), M a clock ticking every 4 microseconds.
 */
u32_t tessera_lwip_isn(const ip_addr_t *local_ip, u16_t local_port,
		       const ip_addr_t *remote_ip, u16_t remote_port)
{
	uint32_t tuple[3] = {
		ip4_addr_get_u32(ip_2_ip4(local_ip)),
		ip4_addr_get_u32(ip_2_ip4(remote_ip)),
		(uint32_t)local_port << 16 | remote_port,
	};

	if (!seeded)
		seed();
	return (u32_t)(siphash24(secret, tuple, sizeof(tuple)) +
		       tessera_now_ns() / 4000);
}
