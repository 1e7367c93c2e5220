// SPDX-License-Identifier: MIT
/* Host tests of httpd's ustar index (partitions/httpd/tar.c): the archives
 * Python's tarfile and GNU tar write, and disks that lie. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "../../partitions/httpd/tar.h"

#define DISK_SECTORS	(TAR_FILES_MAX + 8)

static uint8_t disk[DISK_SECTORS][TAR_BLOCK];
static int fail_at = -1;

static int disk_read(void *ctx, uint64_t sector, void *buf)
{
	assert_true(sector < DISK_SECTORS);
	if ((int)sector == fail_at)
		return -5;
	memcpy(buf, disk[sector], TAR_BLOCK);
	return 0;
}

static void seal(uint8_t *h)
{
	unsigned int sum = 0;

	memset(h + 148, ' ', 8);
	for (int i = 0; i < TAR_BLOCK; i++)
		sum += h[i];
	snprintf((char *)h + 148, 8, "%06o", sum);
}

/* A ustar header at `sector` as Python's tarfile writes it; the sector
 * after its data. */
static int header(int sector, const char *name, unsigned long size, char type)
{
	uint8_t *h = disk[sector];

	memset(h, 0, TAR_BLOCK);
	strncpy((char *)h, name, 100);
	snprintf((char *)h + 100, 8, "%07o", 0644);
	snprintf((char *)h + 124, 12, "%011lo", size);
	h[156] = (uint8_t)type;
	memcpy(h + 257, "ustar\0" "00", 8);
	seal(h);
	return sector + 1 + (int)((size + TAR_BLOCK - 1) / TAR_BLOCK);
}

static int setup(void **state)
{
	memset(disk, 0, sizeof(disk));
	fail_at = -1;
	return 0;
}

static int scan(struct tar_index *idx, const char **why)
{
	return tar_scan(idx, DISK_SECTORS, disk_read, NULL, why);
}

static void test_files(void **state)
{
	static struct tar_index idx;
	const char *why;
	int s = header(0, "./", 0, '5');

	s = header(s, "./index.html", 600, '0');
	s = header(s, "./css/", 0, '5');
	s = header(s, "css/site.css", 0, '\0');
	assert_int_equal(scan(&idx, &why), 2);
	assert_string_equal(why, "end of archive");
	assert_string_equal(idx.files[0].name, "index.html");
	assert_int_equal(idx.files[0].sector, 2);
	assert_int_equal(idx.files[0].size, 600);
	assert_ptr_equal(tar_lookup(&idx, "css/site.css"), &idx.files[1]);
	assert_int_equal(idx.files[1].size, 0);
	assert_null(tar_lookup(&idx, "css"));
	assert_null(tar_lookup(&idx, "missing"));
}

static void test_prefix(void **state)
{
	static struct tar_index idx;
	const char *why;

	header(0, "page.html", 1, '0');
	strcpy((char *)disk[0] + 345, "a/long/folder");
	seal(disk[0]);
	assert_int_equal(scan(&idx, &why), 1);
	assert_string_equal(idx.files[0].name, "a/long/folder/page.html");
}

/* Links and extension headers are skipped with their data, never followed. */
static void test_links_skipped(void **state)
{
	static struct tar_index idx;
	const char *why;
	int s = header(0, "passwd", 0, '2');

	s = header(s, "././@PaxHeader", 700, 'x');
	memset(disk[s - 1], 0xff, TAR_BLOCK);
	s = header(s, "hard", 0, '1');
	header(s, "real.txt", 3, '0');
	assert_int_equal(scan(&idx, &why), 1);
	assert_string_equal(idx.files[0].name, "real.txt");
}

static void test_bad_checksum_ends_the_walk(void **state)
{
	static struct tar_index idx;
	const char *why;
	int s = header(0, "a.txt", 10, '0');

	header(s, "b.txt", 10, '0');
	disk[s][0] = 'c';
	assert_int_equal(scan(&idx, &why), 1);
	assert_string_equal(why, "bad checksum");
}

static void test_not_ustar(void **state)
{
	static struct tar_index idx;
	const char *why;

	header(0, "a.txt", 10, '0');
	memcpy(disk[0] + 257, "nope!", 5);
	seal(disk[0]);
	assert_int_equal(scan(&idx, &why), 0);
	assert_string_equal(why, "not ustar");
}

static void test_sizes(void **state)
{
	static const char *bad[] = {
		"", "           ", "0000000001x", "\x80\0\0\0\0\0\0\0\0\0\x10\0",
		"777777777777",
	};
	static struct tar_index idx;
	const char *why;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		header(0, "a.txt", 1, '0');
		memset(disk[0] + 124, 0, 12);
		memcpy(disk[0] + 124, bad[i], strlen(bad[i]) ? 12 : 0);
		seal(disk[0]);
		assert_int_equal(scan(&idx, &why), 0);
		assert_string_equal(why, "bad size");
	}
	header(0, "a.txt", 1, '0');
	memset(disk[0] + 124, 0, 12);
	memcpy(disk[0] + 124, "  17 ", 5);
	seal(disk[0]);
	assert_int_equal(scan(&idx, &why), 1);
	assert_int_equal(idx.files[0].size, 15);
}

/* No entry, of any type, may reach past the disk: the last sector too. */
static void test_past_the_end(void **state)
{
	static struct tar_index idx;
	const char *why;

	header(0, "big", (DISK_SECTORS - 1) * TAR_BLOCK, '0');
	assert_int_equal(scan(&idx, &why), 1);
	assert_string_equal(why, "end of disk");
	header(0, "big", (DISK_SECTORS - 1) * TAR_BLOCK + 1, '0');
	assert_int_equal(scan(&idx, &why), 0);
	assert_string_equal(why, "entry past the end of the disk");
	header(0, "dir", 077777777777UL, '5');
	assert_int_equal(scan(&idx, &why), 0);
	assert_string_equal(why, "entry past the end of the disk");
}

static void test_bad_names(void **state)
{
	static struct tar_index idx;
	const char *why;

	header(0, "a\tb", 1, '0');
	assert_int_equal(scan(&idx, &why), 0);
	assert_string_equal(why, "bad name");
	header(0, "./", 1, '0');
	assert_int_equal(scan(&idx, &why), 0);
	assert_string_equal(why, "bad name");
	/* a name field of 100 bytes has no NUL */
	header(0, "x", 1, '0');
	memset(disk[0], 'n', 100);
	seal(disk[0]);
	assert_int_equal(scan(&idx, &why), 1);
	assert_int_equal(strlen(idx.files[0].name), 100);
}

static void test_too_many_files(void **state)
{
	static struct tar_index idx;
	const char *why;
	char name[16];

	for (int i = 0; i <= TAR_FILES_MAX; i++) {
		snprintf(name, sizeof(name), "f%d", i);
		header(i, name, 0, '0');
	}
	assert_int_equal(scan(&idx, &why), TAR_FILES_MAX);
	assert_string_equal(why, "too many files");
	assert_string_equal(idx.files[TAR_FILES_MAX - 1].name, "f127");
}

static void test_read_error(void **state)
{
	static struct tar_index idx;
	const char *why;

	header(header(0, "a", 1, '0'), "b", 1, '0');
	fail_at = 2;
	assert_int_equal(scan(&idx, &why), -5);
	assert_string_equal(why, "read error");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_files, setup),
		cmocka_unit_test_setup(test_prefix, setup),
		cmocka_unit_test_setup(test_links_skipped, setup),
		cmocka_unit_test_setup(test_bad_checksum_ends_the_walk, setup),
		cmocka_unit_test_setup(test_not_ustar, setup),
		cmocka_unit_test_setup(test_sizes, setup),
		cmocka_unit_test_setup(test_past_the_end, setup),
		cmocka_unit_test_setup(test_bad_names, setup),
		cmocka_unit_test_setup(test_too_many_files, setup),
		cmocka_unit_test_setup(test_read_error, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
