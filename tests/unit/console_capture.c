// SPDX-License-Identifier: MIT
/* The console's output in memory for host tests (see console_capture.h). */
#include <arch/irq.h>
#include <stdlib.h>
#include <console_capture.h>
#include <tessera/console.h>
#include <tessera/string.h>

static char capture_buf[1 << 20];
static size_t capture_len;
static unsigned long capture_irqs_on;

void capture_write(const char *s, size_t n)
{
	/* each call claims its own room: a racing caller interleaves, never overwrites */
	size_t at = __atomic_fetch_add(&capture_len, n, __ATOMIC_RELAXED);

	if (host_irqs_enabled())
		__atomic_fetch_add(&capture_irqs_on, 1, __ATOMIC_RELAXED);
	/* called from any thread: no cmocka assert (it longjmps) */
	if (at + n >= sizeof(capture_buf))
		abort();
	memcpy(capture_buf + at, s, n);
}

void capture_clear(void)
{
	__atomic_store_n(&capture_len, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&capture_irqs_on, 0, __ATOMIC_RELAXED);
}

void capture_start(void)
{
	capture_clear();
	console_init(capture_write);
}

const char *capture_text(void)
{
	capture_buf[__atomic_load_n(&capture_len, __ATOMIC_ACQUIRE)] = '\0';
	return capture_buf;
}

unsigned long capture_writes_with_irqs_on(void)
{
	return __atomic_load_n(&capture_irqs_on, __ATOMIC_RELAXED);
}
