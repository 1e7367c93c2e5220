// SPDX-License-Identifier: MIT
/* The scheduler's tick on the local APIC timer (arch_tick_arm). */

#include <stdint.h>
#include <arch/muldiv.h>
#include <arch/timer.h>
#include <drivers/lapic.h>
#include <tessera/partition.h>

void arch_tick_arm(uint64_t us)
{
	uint64_t count = mul_div_u64(us, lapic_timer_hz, 1000000);

	/* an initial count of 0 stops the timer; a slice is never shorter
	 * than one timer tick */
	if (us && !count)
		count = 1;
	lapic_timer_oneshot(count > UINT32_MAX ? UINT32_MAX : (uint32_t)count);
}
