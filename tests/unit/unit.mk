# Host unit tests in C (cmocka). Each tests/unit/test_<name>.c is linked
# with the monitor or library sources listed in test_<name>_SRCS
# (tests/unit/sources.mk), compiled with test_<name>_CFLAGS where a source
# needs a Kconfig value, built with the sanitizers and run by
# `make check-unit` (part of `make check`). They need nothing but the host
# compiler and libcmocka: no configuration, no generated file.
#
# -fno-builtin, as in the monitor: calls reach the code under test rather
# than gcc's own expansion of snprintf, memcpy or strlen. A test linked with
# monitor/lib/string.c runs every caller in the process (cmocka included)
# on those functions, which is part of the test.

UNIT_DIR := $(srctree)/tests/unit
UNIT_OUT := $(O)/tests/unit
UNIT_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	-fno-builtin -fsanitize=address,undefined -fno-sanitize-recover=all \
	-pthread -DTESSERA_HOST_TEST -I $(UNIT_DIR)/include \
	-I $(srctree)/monitor/include -I $(srctree)/monitor/arch/$(ARCH)/include \
	-MMD -MP
UNIT_TESTS := $(sort $(basename $(notdir $(wildcard $(UNIT_DIR)/test_*.c))))

include $(UNIT_DIR)/sources.mk

.SECONDEXPANSION:
$(UNIT_OUT)/%: $(UNIT_DIR)/%.c $$(addprefix $(srctree)/,$$($$*_SRCS)) \
		$(UNIT_DIR)/sources.mk $(UNIT_DIR)/unit.mk
	$(quiet) HOSTCC $(patsubst $(srctree)/%,%,$<)
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(UNIT_CFLAGS) $($*_CFLAGS) -MF $@.d -MT $@ -o $@ $< \
		$(addprefix $(srctree)/,$($*_SRCS)) -lcmocka

-include $(wildcard $(UNIT_OUT)/*.d)

.PHONY: check-unit
check-unit: $(addprefix $(UNIT_OUT)/,$(UNIT_TESTS))
	$(Q)set -e; for t in $^; do echo "== $${t#$(O)/}"; $$t; done
