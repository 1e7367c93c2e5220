// SPDX-License-Identifier: MIT
/* Host test of SipHash-2-4 (partitions/lwip/siphash.c), the keyed function
 * of the TCP initial sequence numbers: the reference vectors of the
 * SipHash paper (key 00..0f, messages 00, 00 01, ... of every length up
 * to 15 bytes, which take every tail length and one whole word). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../partitions/lwip/siphash.h"

static const uint64_t want[16] = {
	0x726fdb47dd0e0e31ULL, 0x74f839c593dc67fdULL, 0x0d6c8009d9a94f5aULL,
	0x85676696d7fb7e2dULL, 0xcf2794e0277187b7ULL, 0x18765564cd99a68dULL,
	0xcbc9466e58fee3ceULL, 0xab0200f58b01d137ULL, 0x93f5f5799a932462ULL,
	0x9e0082df0ba9e4b0ULL, 0x7a5dbbc594ddb9f3ULL, 0xf4b32f46226bada7ULL,
	0x751e8fbc860ee5fbULL, 0x14ea5627c0843d90ULL, 0xf723ca908e7af2eeULL,
	0xa129ca6149be45e5ULL,
};

static void test_vectors(void **state)
{
	const uint64_t key[2] = { 0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL };
	uint8_t msg[16];

	for (int len = 0; len < 16; len++) {
		msg[len] = (uint8_t)len;
		assert_int_equal(siphash24(key, msg, (size_t)len), want[len]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
