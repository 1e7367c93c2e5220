// SPDX-License-Identifier: MIT
/* Checking and describing a partition program's ELF64 image. */
#include <stdbool.h>
#include <tessera/compiler.h>
#include <tessera/elf.h>
#include <tessera/errno.h>
#include <tessera/string.h>

#define EI_NIDENT	16
#define ELFCLASS64	2
#define ELFDATA2LSB	1
#define EV_CURRENT	1
#define ET_EXEC		2
#define EM_X86_64	62
#define PT_LOAD		1
#define PT_DYNAMIC	2
#define PT_INTERP	3
#define PAGE_SIZE	4096ULL

struct elf64_ehdr {
	uint8_t e_ident[EI_NIDENT];
	uint16_t e_type;
	uint16_t e_machine;
	uint32_t e_version;
	uint64_t e_entry;
	uint64_t e_phoff;
	uint64_t e_shoff;
	uint32_t e_flags;
	uint16_t e_ehsize;
	uint16_t e_phentsize;
	uint16_t e_phnum;
	uint16_t e_shentsize;
	uint16_t e_shnum;
	uint16_t e_shstrndx;
};

struct elf64_phdr {
	uint32_t p_type;
	uint32_t p_flags;
	uint64_t p_offset;
	uint64_t p_vaddr;
	uint64_t p_paddr;
	uint64_t p_filesz;
	uint64_t p_memsz;
	uint64_t p_align;
};

/* [off, off + len) lies inside [0, size), without overflow. */
static bool elf_within(uint64_t off, uint64_t len, uint64_t size)
{
	return off <= size && len <= size - off;
}

static int elf_fail(const char **why, const char *reason)
{
	*why = reason;
	return -EINVAL;
}

static const char *elf_check_header(const struct elf64_ehdr *eh, size_t size)
{
	static const uint8_t magic[4] = { 0x7f, 'E', 'L', 'F' };

	if (memcmp(eh->e_ident, magic, sizeof(magic)) != 0)
		return "not an ELF file";
	if (eh->e_ident[4] != ELFCLASS64 || eh->e_ident[5] != ELFDATA2LSB ||
	    eh->e_ident[6] != EV_CURRENT)
		return "not a little-endian ELF64 file";
	if (eh->e_type != ET_EXEC || eh->e_machine != EM_X86_64)
		return "not an x86-64 executable";
	if (eh->e_phentsize != sizeof(struct elf64_phdr))
		return "unexpected program header size";
	if (!elf_within(eh->e_phoff, (uint64_t)eh->e_phnum * eh->e_phentsize,
			size))
		return "program headers outside the file";
	if (eh->e_phoff % 8 != 0)
		return "misaligned program headers";
	return NULL;
}

static const char *elf_check_load(const struct elf64_phdr *ph, size_t size,
				  uint64_t lo, uint64_t hi)
{
	if (ph->p_vaddr % PAGE_SIZE != 0)
		return "segment not page-aligned";
	if (ph->p_memsz == 0 || ph->p_filesz > ph->p_memsz)
		return "segment with bad sizes";
	if (!elf_within(ph->p_offset, ph->p_filesz, size))
		return "segment outside the file";
	if (ph->p_vaddr < lo || !elf_within(ph->p_vaddr - lo, ph->p_memsz,
					    hi - lo))
		return "segment outside the partition's memory";
	if ((ph->p_flags & ELF_SEG_W) && (ph->p_flags & ELF_SEG_X))
		return "segment both writable and executable";
	return NULL;
}

/* The end of a segment's last page: pages carry the permissions. */
static uint64_t elf_end(const struct elf_segment *s)
{
	return s->vaddr + ALIGN_UP(s->memsz, PAGE_SIZE);
}

/* Inserts seg into the sorted table; refuses an overlap with a neighbour. */
static const char *elf_insert(struct elf_image *img,
			      const struct elf_segment *seg)
{
	unsigned int i = img->nr_segments;

	if (i == ELF_MAX_SEGMENTS)
		return "too many segments";
	while (i > 0 && img->segments[i - 1].vaddr > seg->vaddr) {
		img->segments[i] = img->segments[i - 1];
		i--;
	}
	img->segments[i] = *seg;
	img->nr_segments++;
	if (i > 0 && elf_end(&img->segments[i - 1]) > seg->vaddr)
		return "segments overlap";
	if (i + 1 < img->nr_segments &&
	    elf_end(seg) > img->segments[i + 1].vaddr)
		return "segments overlap";
	return NULL;
}

static bool elf_entry_executable(const struct elf_image *img)
{
	for (unsigned int i = 0; i < img->nr_segments; i++) {
		const struct elf_segment *s = &img->segments[i];

		if ((s->flags & ELF_SEG_X) && img->entry >= s->vaddr &&
		    img->entry - s->vaddr < s->memsz)
			return true;
	}
	return false;
}

int elf_parse(const void *image, size_t size, uint64_t lo, uint64_t hi,
	      struct elf_image *out, const char **why)
{
	const struct elf64_ehdr *eh = image;
	const char *bad;

	if (size < sizeof(*eh) || lo > hi)
		return elf_fail(why, "truncated ELF header");
	bad = elf_check_header(eh, size);
	if (bad)
		return elf_fail(why, bad);

	memset(out, 0, sizeof(*out));
	out->entry = eh->e_entry;
	for (unsigned int i = 0; i < eh->e_phnum; i++) {
		const struct elf64_phdr *ph = (const void *)((const uint8_t *)image +
			eh->e_phoff + (uint64_t)i * sizeof(*ph));
		struct elf_segment seg;

		if (ph->p_type == PT_INTERP || ph->p_type == PT_DYNAMIC)
			return elf_fail(why, "not a static executable");
		if (ph->p_type != PT_LOAD)
			continue;
		bad = elf_check_load(ph, size, lo, hi);
		if (bad)
			return elf_fail(why, bad);
		seg = (struct elf_segment){ ph->p_vaddr, ph->p_memsz,
					    ph->p_offset, ph->p_filesz,
					    ph->p_flags & 7U };
		bad = elf_insert(out, &seg);
		if (bad)
			return elf_fail(why, bad);
	}
	if (out->nr_segments == 0)
		return elf_fail(why, "no loadable segment");
	if (!elf_entry_executable(out))
		return elf_fail(why, "entry point outside executable code");
	return 0;
}
