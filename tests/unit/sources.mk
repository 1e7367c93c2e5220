# The sources each host unit test is linked with (see unit.mk).
