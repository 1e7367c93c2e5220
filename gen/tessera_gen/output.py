# SPDX-License-Identifier: MIT
"""Putting the outputs in place all at once: they are written into a
temporary directory beside the output directory and renamed into place,
so that the output directory is either the previous complete one or the
new complete one, never a mixture or a half-written file."""

import os
import shutil
import tempfile


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write(out, files):
    """Replace the directory `out` by one holding `files` {name: text}."""
    out = os.path.abspath(out)
    parent = os.path.dirname(out)
    os.makedirs(parent, exist_ok=True)
    new = tempfile.mkdtemp(prefix=".gen-new-", dir=parent)
    try:
        os.chmod(new, 0o777 & ~_umask())
        for name, text in files.items():
            with open(os.path.join(new, name), "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        old = tempfile.mkdtemp(prefix=".gen-old-", dir=parent)
        if os.path.isdir(out):
            os.rename(out, old)
        os.rename(new, out)
        shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
