// SPDX-License-Identifier: MIT
/*
 * probe's check of the first ustar header (partitions/probe/ustar.c): a
 * header as Python's tarfile writes it is taken, and each field that a
 * disk could get wrong is refused: the checksum, the magic and version,
 * the type, a name empty or not ended in its field, a size with a digit
 * that is not octal, no digit, or a digit after the padding; the
 * largest size the field holds is taken.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <public/errno.h>
#include "../../partitions/probe/ustar.h"

static uint8_t h[USTAR_BLOCK];

/* The checksum of h, written as tarfile does: 6 digits, NUL, space. */
static void seal(void)
{
	unsigned int sum = 0;

	memset(h + 148, ' ', 8);
	for (int i = 0; i < USTAR_BLOCK; i++)
		sum += h[i];
	snprintf((char *)h + 148, 8, "%06o", sum);
}

static int setup(void **state)
{
	memset(h, 0, sizeof(h));
	strcpy((char *)h, "motd.txt");
	strcpy((char *)h + 124, "00000000017");
	h[156] = '0';
	memcpy(h + 257, "ustar\0" "00", 8);
	seal();
	return 0;
}

/* What ustar_first says of h, sealed again after a change. */
static const char *why_not(void)
{
	const char *name, *why;
	uint64_t size;

	seal();
	return ustar_first(h, &name, &size, &why) ? why : NULL;
}

static void test_good(void **state)
{
	const char *name, *why;
	uint64_t size;

	assert_int_equal(ustar_first(h, &name, &size, &why), 0);
	assert_string_equal(name, "motd.txt");
	assert_int_equal(size, 15);
	h[156] = '\0';			/* an old regular file */
	assert_null(why_not());
	memset(h + 124, ' ', 12);	/* padding after the digits only */
	memcpy(h + 124, "17", 2);
	assert_null(why_not());
}

static void test_checksum(void **state)
{
	const char *name, *why;
	uint64_t size;

	h[0] = 'n';
	assert_int_equal(ustar_first(h, &name, &size, &why), -EINVAL);
	assert_string_equal(why, "bad checksum");
	memcpy(h + 148, "0x1234", 6);
	assert_int_equal(ustar_first(h, &name, &size, &why), -EINVAL);
	assert_string_equal(why, "bad checksum");
}

static void test_fields(void **state)
{
	memcpy(h + 257, "ustar  ", 8);	/* GNU's old magic */
	assert_string_equal(why_not(), "not ustar 00");
	setup(state);
	h[156] = '5';			/* a directory */
	assert_string_equal(why_not(), "not a regular file");
	setup(state);
	h[0] = '\0';
	assert_string_equal(why_not(), "bad name");
	memset(h, 'a', 100);		/* runs into the mode field */
	assert_string_equal(why_not(), "bad name");
}

static void test_size(void **state)
{
	memcpy(h + 124, "00000000019", 11);
	assert_string_equal(why_not(), "bad size");
	memset(h + 124, ' ', 12);
	assert_string_equal(why_not(), "bad size");
	memcpy(h + 124, "000000000 17", 12);
	assert_string_equal(why_not(), "bad size");
	memcpy(h + 124, "777777777777", 12);
	assert_null(why_not());
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_good, setup),
		cmocka_unit_test_setup(test_checksum, setup),
		cmocka_unit_test_setup(test_fields, setup),
		cmocka_unit_test_setup(test_size, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
