# SPDX-License-Identifier: MIT
"""The partition programs of the source tree.

A program is a folder <top>/<program>/ with at least one C file, <top> one
of the folders of the program path (the Makefile's PROGRAM_PATH: the
programs of partitions/, then those only tests run, tests/programs/). When
two folders have a program of the same name, the first in the path wins,
as with a shell's PATH. partitions/lib/ is the guest library, never a
program."""

import os
from dataclasses import dataclass

LIBRARY = "lib"
DEFAULT_PATH = ("partitions",)


@dataclass(frozen=True)
class Programs:
    path: tuple     # the folders searched, in order, relative to the source tree
    folders: dict   # program name -> its folder "<top>/<program>", relative too

    def __contains__(self, name):
        return name in self.folders

    def searched(self, name):
        """Where a program of this name would be, in the order looked in."""
        return " or ".join(f"{top}/{name}/" for top in self.path)


def _names(folder):
    if not os.path.isdir(folder):
        return []
    return [name for name in os.listdir(folder)
            if name != LIBRARY and os.path.isdir(os.path.join(folder, name))
            and any(f.endswith(".c") for f in os.listdir(os.path.join(folder, name)))]


def find(srctree, path=None):
    """The programs of the folders of `path` (DEFAULT_PATH if None)."""
    path = tuple(path or DEFAULT_PATH)
    folders = {}
    for top in path:
        for name in _names(os.path.join(srctree, top)):
            folders.setdefault(name, f"{top}/{name}")
    return Programs(path, folders)
