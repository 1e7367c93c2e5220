# Host unit tests in C (cmocka). Each tests/unit/test_<name>.c is linked
# with the monitor or library sources listed in test_<name>_SRCS
# (tests/unit/sources.mk), built with the sanitizers and run by
# `make check-unit` (part of `make check`).

UNIT_DIR := $(srctree)/tests/unit
UNIT_OUT := $(O)/tests/unit
UNIT_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	-fsanitize=address,undefined -fno-sanitize-recover=all -pthread \
	-DTESSERA_HOST_TEST -I $(UNIT_DIR)/include -I $(srctree)/monitor/include \
	-I $(srctree)/monitor/arch/$(ARCH)/include
UNIT_TESTS := $(sort $(basename $(notdir $(wildcard $(UNIT_DIR)/test_*.c))))

include $(UNIT_DIR)/sources.mk

.SECONDEXPANSION:
$(UNIT_OUT)/%: $(UNIT_DIR)/%.c $$(addprefix $(srctree)/,$$($$*_SRCS)) $(UNIT_DIR)/sources.mk
	$(quiet) HOSTCC $(patsubst $(srctree)/%,%,$<)
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(UNIT_CFLAGS) -o $@ $< $(addprefix $(srctree)/,$($*_SRCS)) -lcmocka

.PHONY: check-unit
check-unit: $(addprefix $(UNIT_OUT)/,$(UNIT_TESTS))
	$(Q)set -e; for t in $^; do echo "== $${t#$(O)/}"; $$t; done
