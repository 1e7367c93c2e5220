// SPDX-License-Identifier: MIT
/* Host tests of the partition program checker (monitor/core/elf.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <tessera/elf.h>
#include <tessera/errno.h>

#define LO 0x400000ULL
#define HI 0x800000ULL

/* A little ELF64 executable: header, program headers, then file bytes. */
struct test_elf {
	struct {
		uint8_t ident[16];
		uint16_t type, machine;
		uint32_t version;
		uint64_t entry, phoff, shoff;
		uint32_t flags;
		uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
	} eh;
	struct {
		uint32_t type, flags;
		uint64_t offset, vaddr, paddr, filesz, memsz, align;
	} ph[4];
	uint8_t data[0x2000];
};

static struct test_elf elf;

static void add_load(uint32_t flags, uint64_t vaddr, uint64_t filesz,
		     uint64_t memsz)
{
	unsigned int i = elf.eh.phnum++;

	elf.ph[i].type = 1;
	elf.ph[i].flags = flags;
	elf.ph[i].offset = offsetof(struct test_elf, data);
	elf.ph[i].vaddr = vaddr;
	elf.ph[i].filesz = filesz;
	elf.ph[i].memsz = memsz;
	elf.ph[i].align = 0x1000;
}

/* text RX at LO, data RW at LO + 0x2000 with .bss */
static int setup(void **state)
{
	memset(&elf, 0, sizeof(elf));
	memcpy(elf.eh.ident, "\x7f" "ELF\x02\x01\x01", 7);
	elf.eh.type = 2;
	elf.eh.machine = 62;
	elf.eh.version = 1;
	elf.eh.entry = LO + 0x10;
	elf.eh.phoff = offsetof(struct test_elf, ph);
	elf.eh.ehsize = sizeof(elf.eh);
	elf.eh.phentsize = sizeof(elf.ph[0]);
	add_load(5, LO, 0x1000, 0x1000);
	add_load(6, LO + 0x2000, 0x800, 0x3000);
	return 0;
}

static const char *parse_why(int expect)
{
	struct elf_image img;
	const char *why = NULL;

	assert_int_equal(elf_parse(&elf, sizeof(elf), LO, HI, &img, &why),
			 expect);
	return why;
}

static void test_good_image(void **state)
{
	struct elf_image img;
	const char *why = NULL;

	assert_int_equal(elf_parse(&elf, sizeof(elf), LO, HI, &img, &why), 0);
	assert_int_equal(img.entry, LO + 0x10);
	assert_int_equal(img.nr_segments, 2);
	assert_int_equal(img.segments[0].vaddr, LO);
	assert_int_equal(img.segments[0].flags, ELF_SEG_R | ELF_SEG_X);
	assert_int_equal(img.segments[1].filesz, 0x800);
	assert_int_equal(img.segments[1].memsz, 0x3000);
}

static void test_segments_come_out_sorted(void **state)
{
	struct elf_image img;
	const char *why;

	elf.ph[2] = elf.ph[0];
	elf.ph[0] = elf.ph[1];
	elf.ph[1] = elf.ph[2];
	assert_int_equal(elf_parse(&elf, sizeof(elf), LO, HI, &img, &why), 0);
	assert_true(img.segments[0].vaddr < img.segments[1].vaddr);
}

static void test_bad_magic(void **state)
{
	elf.eh.ident[1] = 'X';
	assert_string_equal(parse_why(-EINVAL), "not an ELF file");
}

static void test_elf32_refused(void **state)
{
	elf.eh.ident[4] = 1;
	assert_string_equal(parse_why(-EINVAL), "not a little-endian ELF64 file");
}

static void test_shared_object_refused(void **state)
{
	elf.eh.type = 3;
	assert_string_equal(parse_why(-EINVAL), "not an x86-64 executable");
}

static void test_truncated_file(void **state)
{
	struct elf_image img;
	const char *why;

	assert_int_equal(elf_parse(&elf, 10, LO, HI, &img, &why), -EINVAL);
	assert_string_equal(why, "truncated ELF header");
}

static void test_program_headers_past_the_end(void **state)
{
	elf.eh.phoff = sizeof(elf) - 8;
	assert_string_equal(parse_why(-EINVAL), "program headers outside the file");
}

static void test_program_header_offset_wraps(void **state)
{
	elf.eh.phoff = UINT64_MAX - 8;
	assert_string_equal(parse_why(-EINVAL), "program headers outside the file");
}

static void test_segment_file_bytes_past_the_end(void **state)
{
	elf.ph[1].filesz = 0x3000;
	assert_string_equal(parse_why(-EINVAL), "segment outside the file");
}

static void test_segment_offset_wraps(void **state)
{
	elf.ph[1].offset = UINT64_MAX - 0x10;
	assert_string_equal(parse_why(-EINVAL), "segment outside the file");
}

static void test_filesz_above_memsz(void **state)
{
	elf.ph[1].memsz = 0x400;
	assert_string_equal(parse_why(-EINVAL), "segment with bad sizes");
}

static void test_segment_below_the_window(void **state)
{
	elf.ph[0].vaddr = LO - 0x1000;
	assert_string_equal(parse_why(-EINVAL),
			    "segment outside the partition's memory");
}

static void test_segment_past_the_window(void **state)
{
	elf.ph[1].memsz = HI - LO;
	assert_string_equal(parse_why(-EINVAL),
			    "segment outside the partition's memory");
}

static void test_segment_size_wraps(void **state)
{
	elf.ph[1].memsz = UINT64_MAX - 0x1000;
	elf.ph[1].filesz = 0;
	assert_string_equal(parse_why(-EINVAL),
			    "segment outside the partition's memory");
}

static void test_writable_and_executable_refused(void **state)
{
	elf.ph[1].flags = 7;
	assert_string_equal(parse_why(-EINVAL),
			    "segment both writable and executable");
}

static void test_unaligned_segment_refused(void **state)
{
	elf.ph[1].vaddr = LO + 0x1800;
	assert_string_equal(parse_why(-EINVAL), "segment not page-aligned");
}

static void test_overlapping_pages_refused(void **state)
{
	/* text ends inside the page where data begins */
	elf.ph[0].memsz = 0x2001;
	elf.ph[0].filesz = 0x1000;
	assert_string_equal(parse_why(-EINVAL), "segments overlap");
}

static void test_entry_outside_code(void **state)
{
	elf.eh.entry = LO + 0x2000;
	assert_string_equal(parse_why(-EINVAL),
			    "entry point outside executable code");
}

static void test_dynamic_executable_refused(void **state)
{
	elf.ph[elf.eh.phnum++].type = 3;
	assert_string_equal(parse_why(-EINVAL), "not a static executable");
}

static void test_no_loadable_segment(void **state)
{
	elf.eh.phnum = 0;
	assert_string_equal(parse_why(-EINVAL), "no loadable segment");
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_good_image),
		T(test_segments_come_out_sorted),
		T(test_bad_magic),
		T(test_elf32_refused),
		T(test_shared_object_refused),
		T(test_truncated_file),
		T(test_program_headers_past_the_end),
		T(test_program_header_offset_wraps),
		T(test_segment_file_bytes_past_the_end),
		T(test_segment_offset_wraps),
		T(test_filesz_above_memsz),
		T(test_segment_below_the_window),
		T(test_segment_past_the_window),
		T(test_segment_size_wraps),
		T(test_writable_and_executable_refused),
		T(test_unaligned_segment_refused),
		T(test_overlapping_pages_refused),
		T(test_entry_outside_code),
		T(test_dynamic_executable_refused),
		T(test_no_loadable_segment),
	};

	return cmocka_run_group_tests_name("elf", tests, NULL, NULL);
}
