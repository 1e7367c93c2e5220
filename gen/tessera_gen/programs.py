# SPDX-License-Identifier: MIT
"""The partition programs of the source tree: partitions/<program>/ folders
with at least one C file; partitions/lib/ is the guest library."""

import os

LIBRARY = "lib"


def find(srctree):
    top = os.path.join(srctree, "partitions")
    if not os.path.isdir(top):
        return frozenset()
    return frozenset(
        name for name in os.listdir(top)
        if name != LIBRARY and os.path.isdir(os.path.join(top, name))
        and any(f.endswith(".c") for f in os.listdir(os.path.join(top, name))))
