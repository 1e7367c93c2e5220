# Partition programs (included by the top-level Makefile).
#
# Builds $(O)/partitions/<program>.elf for each program of
# $(TESSERA_PROGRAMS) (the programs the system DTS names, from gen's
# $(O)/gen/programs.mk) out of the C files of its folder,
# $(TESSERA_PROGRAM_DIR_<program>) (partitions/<program>/ or another
# folder of the Makefile's PROGRAM_PATH, as gen found it), and the guest
# library, which is built once into $(O)/partitions/lib/libtessera.a with
# crt0.o beside it. Each program is one static ELF linked at the fixed
# base of public/layout.h by partitions/lib/partition.ld.S.
#
# Expects: srctree, O, CC, CPP, AR, OPT_FLAGS, Q, quiet (all set before
# this file is included), TESSERA_PROGRAMS and TESSERA_PROGRAM_DIR_* from
# programs.mk, CONFIG_DEBUG_INFO and CONFIG_WERROR from
# $(O)/include/config.mk.
# Provides: PARTITION_ELFS and the target `partitions`.

PARTITIONS_OUT := $(O)/partitions
PARTITION_LIB_DIR := $(srctree)/partitions/lib
PARTITION_LIB := $(PARTITIONS_OUT)/lib/libtessera.a
PARTITION_CRT0 := $(PARTITIONS_OUT)/lib/crt0.o
PARTITION_LDS := $(PARTITIONS_OUT)/lib/partition.ld
PARTITION_ELFS := $(patsubst %,$(PARTITIONS_OUT)/%.elf,$(TESSERA_PROGRAMS))

# Freestanding ring-3 code: the library's headers, gcc's own (stdint.h,
# stdarg.h...) and public/ only. No red zone, because the monitor will
# deliver upcalls on the partition's stack; SSE is allowed, the monitor
# saves it.
PARTITION_CFLAGS := -std=gnu11 $(OPT_FLAGS) $(if $(CONFIG_DEBUG_INFO),-g) \
	-Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter \
	$(if $(CONFIG_WERROR),-Werror) -ffreestanding -nostdinc -nostdlib \
	-fno-pic -fno-pie -mno-red-zone -fno-stack-protector \
	-fno-asynchronous-unwind-tables -fno-common -ffunction-sections \
	-fdata-sections -isystem $(shell $(CC) -print-file-name=include) \
	-I $(PARTITION_LIB_DIR)/include -I $(srctree)/monitor/include -MMD -MP
PARTITION_LIB_CFLAGS := $(PARTITION_CFLAGS) -Wmissing-prototypes
# Sections per function and --gc-sections: a program carries only the
# parts of the library it uses.
PARTITION_LDFLAGS := -nostdlib -static -no-pie -Wl,-T,$(PARTITION_LDS) \
	-Wl,--gc-sections -Wl,-z,max-page-size=0x1000 -Wl,-z,noexecstack \
	-Wl,--build-id=none

# The monitor's formatter and string functions, built again for ring 3.
# Each is compiled with the library's header of the same functions
# included first, so that a declaration that drifts is a compile error.
PARTITION_SHARED := format string
PARTITION_LIB_OBJS := \
	$(patsubst $(PARTITION_LIB_DIR)/%.c,$(PARTITIONS_OUT)/lib/%.o, \
		$(wildcard $(PARTITION_LIB_DIR)/*.c)) \
	$(patsubst %,$(PARTITIONS_OUT)/lib/shared/%.o,$(PARTITION_SHARED))
$(PARTITIONS_OUT)/lib/shared/format.o: PARTITION_SHARED_HEADER := stdio.h
$(PARTITIONS_OUT)/lib/shared/string.o: PARTITION_SHARED_HEADER := string.h

# Flags are part of what an object depends on.
PARTITION_DEPS := $(O)/include/config.mk $(srctree)/partitions/partitions.mk

$(PARTITIONS_OUT)/lib/%.o: $(PARTITION_LIB_DIR)/%.c $(PARTITION_DEPS)
	$(quiet) CC $(patsubst $(srctree)/%,%,$<)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(PARTITION_LIB_CFLAGS) -c -o $@ $<

$(PARTITIONS_OUT)/lib/shared/%.o: $(srctree)/monitor/lib/%.c $(PARTITION_DEPS)
	$(quiet) CC $(patsubst $(O)/%,%,$@)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(PARTITION_LIB_CFLAGS) \
		-include $(PARTITION_LIB_DIR)/include/$(PARTITION_SHARED_HEADER) \
		-c -o $@ $<

$(PARTITION_CRT0): $(PARTITION_LIB_DIR)/crt0.S $(PARTITION_DEPS)
	$(quiet) AS $(patsubst $(srctree)/%,%,$<)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(PARTITION_CFLAGS) -D__ASSEMBLY__ -c -o $@ $<

$(PARTITION_LIB): $(PARTITION_LIB_OBJS)
	$(quiet) AR $(patsubst $(O)/%,%,$@)
	$(Q)rm -f $@
	$(Q)$(AR) rcsD $@ $^

$(PARTITION_LDS): $(PARTITION_LIB_DIR)/partition.ld.S $(PARTITION_DEPS)
	@mkdir -p $(dir $@)
	$(Q)$(CPP) -P -undef -D__ASSEMBLY__ -I $(srctree)/monitor/include \
		-MD -MP -MT $@ -MF $@.d -o $@ $<

# A program's objects: <its folder>/<file>.c to
# $(O)/partitions/<program>/<file>.o. Its folder's program.mk, if any,
# names in PROGRAM_NEEDS the libraries beyond the guest library that it
# needs (lwip: partitions/lwip/lwip.mk), which add to its
# PARTITION_CFLAGS_<program> and PARTITION_LIBS_<program>.
define partition_program
PARTITION_SRC_$(1) := $$(srctree)/$$(TESSERA_PROGRAM_DIR_$(1))
PROGRAM_NEEDS :=
-include $$(PARTITION_SRC_$(1))/program.mk
PARTITION_NEEDS_$(1) := $$(PROGRAM_NEEDS)
PARTITION_OBJS_$(1) := $$(patsubst $$(PARTITION_SRC_$(1))/%.c,$$(PARTITIONS_OUT)/$(1)/%.o, \
	$$(wildcard $$(PARTITION_SRC_$(1))/*.c))

$$(PARTITIONS_OUT)/$(1)/%.o: $$(PARTITION_SRC_$(1))/%.c $$(PARTITION_DEPS)
	$$(quiet) CC $$(patsubst $$(srctree)/%,%,$$<)
	@mkdir -p $$(dir $$@)
	$$(Q)$$(CC) $$(PARTITION_CFLAGS) $$(PARTITION_CFLAGS_$(1)) -c -o $$@ $$<

$$(PARTITIONS_OUT)/$(1).elf: $$(PARTITION_CRT0) $$(PARTITION_OBJS_$(1)) \
		$$(PARTITION_LIB) $$(PARTITION_LDS)
	$$(quiet) LD $$(patsubst $$(O)/%,%,$$@)
	$$(Q)$$(CC) $$(PARTITION_LDFLAGS) -o $$@ $$(PARTITION_CRT0) \
		$$(PARTITION_OBJS_$(1)) $$(PARTITION_LIBS_$(1)) $$(PARTITION_LIB) -lgcc
endef
$(foreach p,$(TESSERA_PROGRAMS),$(eval $(call partition_program,$(p))))
include $(srctree)/partitions/lwip/lwip.mk

.PHONY: partitions
partitions: $(PARTITION_ELFS)

-include $(shell find $(PARTITIONS_OUT) -name '*.d' 2>/dev/null)
