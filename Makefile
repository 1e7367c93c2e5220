# SPDX-License-Identifier: MIT
#
# Tessera's build, in the manner of Kbuild:
#
#   make <name>_defconfig | menuconfig | olddefconfig | savedefconfig
#   make [gen]      the image $(O)/tessera.elf [stop after the generator]
#   make run        build and boot under QEMU, console on the terminal
#   make iso        $(O)/tessera.iso (GRUB, BIOS), make run-iso boots it
#   make check      every test; make bench the benchmarks
#
# Variables: O=<dir> (default build), SYSTEM_DTS=<file>, V=1,
# QEMU_ACCEL=tcg|kvm, CROSS_COMPILE=<prefix>.

O ?= build
override O := $(abspath $(O))
srctree := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
PYTHON := /usr/bin/python3
QEMU_ACCEL ?= tcg
ARCH := x86_64

ifeq ($(V),1)
Q :=
quiet = @:
else
Q := @
quiet = @printf '  %-8s %s\n'
endif

KCONFIG_CONFIG := $(O)/.config
export KCONFIG_CONFIG srctree
KCONFIG_DEFAULT := qemu_pc_defconfig
DEPS := $(srctree)/scripts/deps

GOALS := $(or $(MAKECMDGOALS),all)

# On a fresh machine every goal but these installs what is missing first,
# before make reads a .config or runs the generator to include its output.
NO_DEPS_TARGETS := deps help clean distclean
ifeq ($(TESSERA_DEPS_CHECKED),)
ifneq ($(filter-out $(NO_DEPS_TARGETS),$(GOALS)),)
$(if $(shell $(DEPS) >&2 || echo failed),$(error scripts/deps failed))
export TESSERA_DEPS_CHECKED := 1
endif
endif

# Targets that only touch the configuration, or build their own, must not
# need one in $(O).
CONFIG_TARGETS := %_defconfig menuconfig olddefconfig savedefconfig \
	$(NO_DEPS_TARGETS) check check-unit check-gen check-system bench
NEED_CONFIG := $(filter-out $(CONFIG_TARGETS),$(GOALS))

.DEFAULT_GOAL := all
.PHONY: all gen partitions run iso run-iso check check-unit check-gen check-system \
	deps help clean distclean menuconfig olddefconfig savedefconfig FORCE
.DELETE_ON_ERROR:

deps:
	$(Q)$(DEPS)

# ---- configuration ------------------------------------------------------

%_defconfig: configs/%_defconfig
	$(Q)mkdir -p $(O)
	$(Q)cd $(srctree) && $(PYTHON) -m defconfig --kconfig Kconfig configs/$@

menuconfig olddefconfig savedefconfig: | $(if $(wildcard $(KCONFIG_CONFIG)),,$(KCONFIG_DEFAULT))
menuconfig:
	$(Q)cd $(srctree) && $(PYTHON) -m menuconfig Kconfig
olddefconfig:
	$(Q)cd $(srctree) && $(PYTHON) -m olddefconfig Kconfig
savedefconfig:
	$(Q)cd $(srctree) && $(PYTHON) -m savedefconfig --kconfig Kconfig --out $(O)/defconfig

ifneq ($(NEED_CONFIG),)
$(KCONFIG_CONFIG):
	@echo "no $(KCONFIG_CONFIG): using $(KCONFIG_DEFAULT)"
	$(Q)mkdir -p $(O)
	$(Q)cd $(srctree) && $(PYTHON) -m defconfig --kconfig Kconfig configs/$(KCONFIG_DEFAULT)

# The .config in make's syntax (strings unquoted) and as a C header.
$(O)/include/config.mk $(O)/include/generated/autoconf.h &: $(KCONFIG_CONFIG) \
		$(srctree)/scripts/kconfig-export $(shell find $(srctree) -name Kconfig -not -path '*/build*')
	$(Q)$(PYTHON) $(srctree)/scripts/kconfig-export $(O)/include
-include $(O)/include/config.mk
-include $(O)/gen/programs.mk
endif

SYSTEM_DTS ?= $(CONFIG_SYSTEM_DTS)
BOARD := $(CONFIG_BOARD)
BOARD_DIR := $(srctree)/boards/$(BOARD)
SYSTEM_DTS_PATH := $(if $(filter /%,$(SYSTEM_DTS)),$(SYSTEM_DTS),$(srctree)/$(SYSTEM_DTS))

# ---- system device tree and generator -------------------------------------

# gen reads the bindings, the table contract, the partition ABI's limits
# and the program folders too.
GEN_OUT := $(O)/gen
DISK_IMAGE := $(O)/disk.img
GEN_SRCS := $(srctree)/gen/tessera-gen $(shell find $(srctree)/gen \
	$(srctree)/docs/bindings -name '*.py' -o -name '*.yaml') \
	$(addprefix $(srctree)/monitor/include/,tessera/tables.h \
		public/start_info.h public/shared_info.h public/io/ring.h \
		public/io/netif.h public/io/blkif.h)
# Where partition programs are, relative to the source tree, in search
# order: a program is <folder>/<program>/*.c in the first folder that has
# one (gen/tessera_gen/programs.py). tests/programs/ holds the attackers
# and victims of the system tests.
PROGRAM_PATH := partitions tests/programs
PROGRAM_DIRS := $(wildcard $(addprefix $(srctree)/,$(addsuffix /*/,$(PROGRAM_PATH))))
GEN_FILES := $(addprefix $(GEN_OUT)/,tables.c tables.h layout.txt programs.mk \
	programs.S)

# A partition's `reg` is a reservation, not a bus address, so its node is
# named after the partition and carries no unit address.
DTC_FLAGS := -W no-unit_address_vs_reg

# The rules need the configuration. On make's first pass over a fresh
# $(O), before config.mk exists, there are none: make restarts once it has
# made config.mk, and only then builds the DTB and runs gen.
ifneq ($(BOARD),)

# Rebuild the DTB when SYSTEM_DTS names another file than last time.
$(O)/system.name: FORCE | $(KCONFIG_CONFIG)
	$(Q)echo '$(SYSTEM_DTS_PATH)' | cmp -s - $@ || echo '$(SYSTEM_DTS_PATH)' > $@

$(O)/system.dtb: $(SYSTEM_DTS_PATH) $(O)/system.name
	$(quiet) DTC $(SYSTEM_DTS)
	$(Q)cpp -nostdinc -undef -x assembler-with-cpp -I $(BOARD_DIR) \
		-MD -MT $@ -MF $(O)/system.dtb.d -o $(O)/system.dts.pre $<
	$(Q)dtc $(DTC_FLAGS) -I dts -O dtb -o $@ $(O)/system.dts.pre
-include $(O)/system.dtb.d

# One run writes them all, atomically (gen/tessera_gen/output.py): a run
# that fails leaves the previous ones, which make must not delete either.
$(GEN_FILES) &: $(O)/system.dtb $(KCONFIG_CONFIG) $(GEN_SRCS) $(PROGRAM_DIRS)
	$(quiet) GEN $(GEN_OUT)
	$(Q)$(PYTHON) $(srctree)/gen/tessera-gen --dts $(SYSTEM_DTS) \
		--dtb $(O)/system.dtb --config $(KCONFIG_CONFIG) \
		--srctree $(srctree) $(addprefix --program-path ,$(PROGRAM_PATH)) \
		--out $(GEN_OUT)
.PRECIOUS: $(GEN_FILES)

endif

gen: $(GEN_OUT)/tables.c

# ---- the monitor ----------------------------------------------------------

CC := $(CROSS_COMPILE)gcc
LD := $(CROSS_COMPILE)ld
AR := $(CROSS_COMPILE)ar
CPP := $(CROSS_COMPILE)cpp
HOSTCC := gcc

OPT_FLAGS := $(if $(CONFIG_OPTIMIZE_OS),-Os,$(if $(CONFIG_OPTIMIZE_OG),-Og,-O2))
MONITOR_CFLAGS := -std=gnu11 $(OPT_FLAGS) $(if $(CONFIG_DEBUG_INFO),-g) \
	-Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wno-unused-parameter $(if $(CONFIG_WERROR),-Werror) \
	-ffreestanding -fno-builtin -nostdinc -nostdlib -fno-pic -fno-pie \
	-mcmodel=kernel -mno-red-zone -mgeneral-regs-only -mno-mmx -mno-sse \
	-mno-sse2 -fno-stack-protector -fno-omit-frame-pointer \
	-fno-asynchronous-unwind-tables -fno-strict-aliasing -fno-common \
	-isystem $(shell $(CC) -print-file-name=include) \
	-I $(srctree)/monitor/include -I $(srctree)/monitor/arch/$(ARCH)/include \
	-I $(GEN_OUT) -include $(O)/include/generated/autoconf.h -MMD -MP \
	-fmacro-prefix-map=$(srctree)/=
MONITOR_ASFLAGS := $(filter-out -std=gnu11,$(MONITOR_CFLAGS)) -D__ASSEMBLY__

# Every .c and .S but the linker script (monitor.ld.S, preprocessed below).
MONITOR_SRCS := $(shell cd $(srctree) && find monitor/core monitor/lib \
	monitor/drivers monitor/arch/$(ARCH) \( -name '*.c' -o -name '*.S' \) \
	-not -name '*.ld.S' | sort)
MONITOR_OBJS := $(patsubst %,$(O)/%.o,$(MONITOR_SRCS)) $(GEN_OUT)/tables.o \
	$(GEN_OUT)/programs.o
MONITOR_LDS := $(O)/monitor/monitor.ld

$(O)/monitor/%.c.o: $(srctree)/monitor/%.c $(GEN_OUT)/tables.c $(O)/include/generated/autoconf.h
	$(quiet) CC $(patsubst $(srctree)/%,%,$<)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(MONITOR_CFLAGS) -c -o $@ $<

$(O)/monitor/%.S.o: $(srctree)/monitor/%.S $(GEN_OUT)/tables.c $(O)/include/generated/autoconf.h
	$(quiet) AS $(patsubst $(srctree)/%,%,$<)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(MONITOR_ASFLAGS) -c -o $@ $<

$(GEN_OUT)/tables.o: $(GEN_OUT)/tables.c $(O)/include/generated/autoconf.h
	$(quiet) CC gen/tables.c
	$(Q)$(CC) $(MONITOR_CFLAGS) -c -o $@ $<

# The linker script takes the monitor's physical base and size from the
# board (via gen), so an image that outgrows its reservation fails here.
$(MONITOR_LDS): $(srctree)/monitor/arch/$(ARCH)/monitor.ld.S $(GEN_OUT)/tables.c
	@mkdir -p $(dir $@)
	$(Q)$(CPP) -P -undef -D__ASSEMBLY__ -I $(GEN_OUT) -I $(srctree)/monitor/include \
		-I $(srctree)/monitor/arch/$(ARCH)/include -o $@ $<

$(O)/tessera.elf: $(MONITOR_OBJS) $(MONITOR_LDS)
	$(quiet) LD $(patsubst $(O)/%,%,$@)
	$(Q)$(LD) -nostdlib -static -z max-page-size=0x1000 -z noexecstack \
		--no-warn-rwx-segments -T $(MONITOR_LDS) -o $@ $(MONITOR_OBJS)

all: $(O)/tessera.elf $(DISK_IMAGE)

-include $(shell find $(O)/monitor -name '*.d' 2>/dev/null) $(GEN_OUT)/tables.d

# ---- partition programs -------------------------------------------------------

include $(srctree)/partitions/partitions.mk

# The images of the programs the system runs, embedded in the monitor's
# read-only data (gen's programs.S .incbin's each from $(O)/partitions).
$(GEN_OUT)/programs.o: $(GEN_OUT)/programs.S $(PARTITION_ELFS)
	$(quiet) AS gen/programs.S
	$(Q)$(CC) -c -I $(O)/partitions -o $@ $<

# ---- booting ----------------------------------------------------------------

# The board's disk (qemu.args's {disk}): the extents of the system's
# virtual block devices, each with its `content` folder as a ustar archive
# (scripts/mkdisk, docs/drivers.md); remade when the DTB or a content file
# changes (mkdisk's $(DISK_IMAGE).d).
$(DISK_IMAGE): $(O)/system.dtb $(srctree)/scripts/mkdisk
	$(quiet) DISK $(patsubst $(O)/%,%,$@)
	$(Q)$(PYTHON) $(srctree)/scripts/mkdisk --dtb $(O)/system.dtb \
		--dts $(SYSTEM_DTS) --srctree $(srctree) --out $@ --deps $@.d
-include $(DISK_IMAGE).d

# Host ports forwarded to the guests (qemu.args's {hostfwd}): empty, or
# ",hostfwd=tcp:127.0.0.1:<host port>-<guest ip>:<guest port>" and more.
# By default, the guest services the .config names (CONFIG_QEMU_FORWARD_HTTP
# and _TCP, the servers system's) on 127.0.0.1:$(HTTP_PORT) and $(TCP_PORT).
HTTP_PORT ?= 8080
TCP_PORT ?= 8081
comma := ,
qemu_forward = $(if $(2),$(comma)hostfwd=tcp:127.0.0.1:$(1)-$(2))
QEMU_HOSTFWD ?= $(call qemu_forward,$(HTTP_PORT),$(CONFIG_QEMU_FORWARD_HTTP))$(call \
	qemu_forward,$(TCP_PORT),$(CONFIG_QEMU_FORWARD_TCP))
QEMU_RUN := $(srctree)/scripts/qemu-run
QEMU_RUN_VARS = --var disk=$(DISK_IMAGE) --var hostfwd=$(QEMU_HOSTFWD)

run: $(O)/tessera.elf $(DISK_IMAGE)
	$(Q)QEMU_ACCEL=$(QEMU_ACCEL) $(QEMU_RUN) $(QEMU_RUN_VARS) $(BOARD_DIR) kernel $(O)/tessera.elf

$(O)/tessera.iso: $(O)/tessera.elf $(srctree)/scripts/grub.cfg
	$(quiet) ISO $(patsubst $(O)/%,%,$@)
	$(Q)rm -rf $(O)/iso && mkdir -p $(O)/iso/boot/grub
	$(Q)cp $(O)/tessera.elf $(O)/iso/boot/tessera.elf
	$(Q)cp $(srctree)/scripts/grub.cfg $(O)/iso/boot/grub/grub.cfg
	$(Q)grub-mkrescue -o $@ $(O)/iso >$(O)/iso.log 2>&1 || { cat $(O)/iso.log; exit 1; }

iso: $(O)/tessera.iso $(DISK_IMAGE)

run-iso: $(O)/tessera.iso $(DISK_IMAGE)
	$(Q)QEMU_ACCEL=$(QEMU_ACCEL) $(QEMU_RUN) $(QEMU_RUN_VARS) $(BOARD_DIR) iso $(O)/tessera.iso

# ---- tests ------------------------------------------------------------------

include $(srctree)/tests/unit/unit.mk

PYTEST := $(PYTHON) -m pytest -q -p no:cacheprovider

check:
	$(Q)$(MAKE) --no-print-directory check-unit
	$(Q)$(PYTEST) $(srctree)/tests/unit $(srctree)/tests/system

check-gen:
	$(Q)$(PYTEST) $(srctree)/tests/unit/gen

check-system:
	$(Q)$(PYTEST) $(srctree)/tests/system

# ---- benchmarks ---------------------------------------------------------------

# Tessera against the Linux baseline on the same QEMU machine, figures and
# ratios in a table (docs/benchmarks.md); BENCH_MODES=icount and/or tcg.
# Builds and downloads go to $(O)/bench; no test here times anything.
BENCH_MODES ?= icount tcg

.PHONY: bench
bench:
	$(Q)$(PYTHON) $(srctree)/tests/bench/run \
		$(addprefix --mode ,$(BENCH_MODES)) $(O)/bench

# ---- housekeeping -------------------------------------------------------------

clean:
	$(Q)rm -rf $(O)/monitor $(O)/gen $(O)/iso $(O)/tests $(O)/partitions \
		$(O)/tessera.elf \
		$(O)/tessera.iso $(O)/system.*

distclean:
	$(Q)rm -rf $(O)

help:
	@awk 'NR > 2 && !/^#/ { exit } NR > 2 { sub(/^# ?/, ""); print }' \
		$(srctree)/Makefile

FORCE:
