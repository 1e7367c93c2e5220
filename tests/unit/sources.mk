# The sources each host unit test is linked with (see unit.mk).

test_format_SRCS := monitor/lib/format.c monitor/lib/string.c
test_string_SRCS := monitor/lib/string.c
