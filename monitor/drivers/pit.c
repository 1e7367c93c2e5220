// SPDX-License-Identifier: MIT
/* The 8254 PIT's channel 2 as a reference clock (see drivers/refclock.h). */

#include <stdint.h>
#include <arch/io.h>
#include <drivers/refclock.h>

#define PIT_HZ			1193182
#define PIT_CH2(base)		((base) + 2)
#define PIT_MODE(base)		((base) + 3)
#define  MODE_CH2_LOHI_RATE	0xb4	/* channel 2, lobyte/hibyte, mode 2 */
#define  MODE_CH2_LATCH		0x80

/* The PC's system control port B: bit 0 gates channel 2, bit 1 the speaker. */
#define PORT_B			0x61
#define  PORT_B_GATE2		0x01
#define  PORT_B_SPEAKER		0x02

static uint16_t pit_base;
static uint16_t pit_last;	/* the counter at the previous read */
static uint64_t pit_ticks;	/* ticks since pit_refclock */

static uint16_t pit_latch(void)
{
	uint8_t lo, hi;

	outb(PIT_MODE(pit_base), MODE_CH2_LATCH);
	lo = inb(PIT_CH2(pit_base));
	hi = inb(PIT_CH2(pit_base));
	return (uint16_t)(hi << 8 | lo);
}

/* The counter counts down and reloads: what it lost since the last read. */
static uint64_t pit_read(void)
{
	uint16_t now = pit_latch();

	pit_ticks += (uint16_t)(pit_last - now);
	pit_last = now;
	return pit_ticks;
}

int pit_refclock(uint16_t base, struct refclock *rc)
{
	pit_base = base;
	outb(PORT_B, (inb(PORT_B) & ~PORT_B_SPEAKER) | PORT_B_GATE2);
	outb(PIT_MODE(base), MODE_CH2_LOHI_RATE);
	outb(PIT_CH2(base), 0);		/* reload 0: 65536, the longest period */
	outb(PIT_CH2(base), 0);
	pit_last = pit_latch();
	pit_ticks = 0;
	*rc = (struct refclock){
		.name = "pit",
		.hz = PIT_HZ,
		.read = pit_read,
		.mask = UINT64_MAX,
	};
	return 0;
}
