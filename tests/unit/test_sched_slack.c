// SPDX-License-Identifier: MIT
/* test_sched.c against the scheduler built with CONFIG_SCHED_SLACK (sources.mk). */
#include "test_sched.c"
