# SPDX-License-Identifier: MIT
"""Phrases and helpers that several checks share, so that they read the
same."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Claim:
    """A node's claim on a range of addresses or ports."""
    path: str
    what: str              # how messages name it: "reg", "MMIO", ...
    range: object          # regions.Range
    item: object = None    # the model's object behind the claim


def too_long(what, text, limit, constant):
    """`limit` is the size of the C array, with its NUL."""
    length = len(text)
    if length <= limit - 1:
        return None
    return (f"{what} is {length} bytes long; at most {limit - 1} fit "
            f"({constant} {limit} with the NUL)")


def exceeds(count, noun, limit, symbol):
    if count <= limit:
        return None
    return f"{count} {noun}{'' if count == 1 else 's'}, more than {symbol} {limit}"


def repeats(pairs):
    """(key, item, first) for each (key, item) of `pairs` whose key an
    earlier item had: `first` is that earlier one."""
    seen = {}
    for key, item in pairs:
        first = seen.setdefault(key, item)
        if first is not item:
            yield key, item, first


def second_names(items, kind):
    """(path, message) for each item whose name an earlier one has."""
    seen = set()
    for item in items:
        if item.name in seen:
            yield item.path, f'a second {kind} named "{item.name}"'
        seen.add(item.name)


def reference(system, prop, phandle, kind, items):
    """What is wrong with a phandle in `prop` that should name one of
    `items` (a `kind`), or None."""
    path = system.node_at(phandle)
    if path is None:
        return f"{prop}: phandle {phandle:#x} names no node"
    if not any(i.path == path for i in items):
        return f"{prop}: {path} is not {kind}"
    return None


def phandle_list(system, prop, phandles, kind, items):
    """A message for each phandle of the list `prop` that names no `kind`
    among `items`, then for each node it lists more than once."""
    for phandle in phandles:
        message = reference(system, prop, phandle, kind, items)
        if message:
            yield message
    yield from repeated(system, prop, phandles)


def repeated(system, prop, phandles):
    """A message for each node that `prop` lists more than once."""
    paths = [system.node_at(p) for p in phandles]
    seen = []
    for path in paths:
        if path and paths.count(path) > 1 and path not in seen:
            seen.append(path)
            yield f"{prop}: {path} is listed {paths.count(path)} times"


def overlapping_pairs(claims):
    """(earlier, later) for every two claims that overlap, in order; an
    empty range overlaps nothing."""
    claims = [c for c in claims if c.range.size > 0]
    for j, later in enumerate(claims):
        for earlier in claims[:j]:
            if earlier.range.overlaps(later.range):
                yield earlier, later
