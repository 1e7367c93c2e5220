// SPDX-License-Identifier: MIT
/*
 * The console (see tessera/console.h). One ticket lock, taken with
 * interrupts off, covers each call: its lines reach the device whole and
 * together, whatever the other CPUs print. Before console_init the lines
 * wait in a buffer; after console_panic the lock is no longer trusted.
 */

#include <stdbool.h>
#include <tessera/compiler.h>
#include <tessera/console.h>
#include <tessera/format.h>
#include <tessera/printk.h>
#include <tessera/spinlock.h>
#include <tessera/string.h>

/*
 * How long a panicking CPU waits for the lock before it writes anyway: a
 * million pauses, from a few to some tens of milliseconds depending on the
 * CPU, about what a healthy holder needs to finish a line at 115200 baud.
 * Waiting longer for a holder that may be dead would delay the panic
 * report; a shorter wait would mix it more often into a live line.
 */
#define CONSOLE_PANIC_SPINS	(1U << 20)

#define CONSOLE_EARLY_SIZE	4096

static spinlock_t console_lock = SPINLOCK_INIT;
static console_write_fn console_writer;
static bool console_panicking;
static bool console_holder_dead;	/* a panic writer waited in vain */

/* Whole lines printed before console_init; those that did not fit are counted. */
static char console_early[CONSOLE_EARLY_SIZE];
static size_t console_early_len;
static unsigned int console_early_lost;

struct console_hold {
	unsigned long flags;
	bool locked;
};

static struct console_hold console_acquire(void)
{
	struct console_hold h = { arch_irq_save(), true };

	if (!READ_ONCE(console_panicking)) {
		spin_lock(&console_lock);
		return h;
	}
	/*
	 * The holder may be dead, or this very CPU, interrupted while
	 * printing. Once a wait has run out, the next lines of the panic
	 * report do not each wait again.
	 */
	for (unsigned int i = 0; i < CONSOLE_PANIC_SPINS; i++) {
		if (spin_trylock(&console_lock))
			return h;
		if (READ_ONCE(console_holder_dead))
			break;
		arch_cpu_relax();
	}
	WRITE_ONCE(console_holder_dead, true);
	h.locked = false;
	return h;
}

static void console_release(struct console_hold h)
{
	if (h.locked)
		spin_unlock(&console_lock);
	arch_irq_restore(h.flags);
}

static void console_early_put(const char *s, size_t n)
{
	memcpy(console_early + console_early_len, s, n);
	console_early_len += n;
}

/* One line, prefix and newline added; lock held. */
static void console_put_line(const char *prefix, size_t plen,
			     const char *text, size_t len)
{
	if (console_writer) {
		console_writer(prefix, plen);
		console_writer(text, len);
		console_writer("\n", 1);
		return;
	}
	if (plen + len + 1 > sizeof(console_early) - console_early_len) {
		console_early_lost++;
		return;
	}
	console_early_put(prefix, plen);
	console_early_put(text, len);
	console_early_put("\n", 1);
}

/* Length of the first line of text: up to a newline or CONSOLE_LINE_MAX. */
static size_t console_line_length(const char *text, size_t len)
{
	size_t n = 0;

	while (n < len && n < CONSOLE_LINE_MAX && text[n] != '\n')
		n++;
	return n;
}

static void console_put_text(const char *prefix, const char *text, size_t len)
{
	size_t plen = strlen(prefix);

	do {
		size_t n = console_line_length(text, len);

		console_put_line(prefix, plen, text, n);
		if (n < len && text[n] == '\n')
			n++;	/* the newline ended this line: not text */
		text += n;
		len -= n;
	} while (len);
}

void console_write_line(const char *prefix, const char *text, size_t len)
{
	struct console_hold h = console_acquire();

	console_put_text(prefix, text, len);
	console_release(h);
}

void console_init(console_write_fn write)
{
	struct console_hold h = console_acquire();

	console_writer = write;
	if (console_early_len)
		write(console_early, console_early_len);
	console_early_len = 0;
	if (console_early_lost) {
		char msg[64];
		int n = snprintf(msg, sizeof(msg),
				 "console: %u early lines lost (buffer full)",
				 console_early_lost);

		console_put_text(PRINTK_PREFIX, msg, (size_t)n);
		console_early_lost = 0;
	}
	console_release(h);
}

void console_panic(void)
{
	WRITE_ONCE(console_panicking, true);
}
