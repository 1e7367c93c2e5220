# SPDX-License-Identifier: MIT
"""The one error type of gen, and the one place that turns it into lines."""


class GenError(Exception):
    """Everything found wrong, as (node path, message) pairs in the order
    found. The problems are in the system DTS unless `file` names another
    input (a .config, a binding); a problem about a whole file has no node
    path (None)."""

    def __init__(self, problems, file=None):
        self.problems = list(problems)
        self.file = file
        super().__init__("; ".join(f"{p}: {m}" for p, m in self.problems))


def fail(path, message):
    """Stop at a problem that leaves nothing sound to check after it."""
    raise GenError([(path, message)])


def error_lines(dts, error):
    """`<dts as given>: <node path>: <what is wrong>`, one line a problem."""
    return [": ".join(part for part in (error.file or dts, path, message) if part)
            for path, message in error.problems]
