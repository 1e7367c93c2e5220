# SPDX-License-Identifier: MIT
"""The dt-schema check of the DTB against docs/bindings/ (and dt-schema's
core schemas), through the dtschema Python API rather than dt-validate:
dt-validate exits 0 on violations and names nodes by their last component,
while gen needs every violation as an error with the node's full path.

Every node is checked against every schema whose `select` matches it, as
dt-validate does; a compatible that no binding documents is an error too,
so that a typo in one cannot skip the check of its node."""

import contextlib
import glob
import io
import os
import re

import dtschema
from jsonschema.exceptions import best_match

from .errors import GenError

_COMPATIBLES = "generated-compatibles"
_loaded = {}


def _schemas(bindings):
    """dtschema keeps its schemas in globals: load them once per process."""
    if _loaded.get("dir") != bindings:
        noise = io.StringIO()
        with contextlib.redirect_stderr(noise):
            schemas = dtschema.set_schemas([bindings])
        files = {os.path.abspath(f)
                 for f in glob.glob(os.path.join(bindings, "**", "*.yaml"), recursive=True)}
        refused = sorted(files - {s.get("$filename") for s in schemas.values()})
        if refused:
            raise GenError([(None, "dt-schema refused the binding: "
                             + noise.getvalue().strip())], file=refused[0])
        for schema in schemas.values():
            schema["$select_validator"] = dtschema.DTValidator(schema["select"])
        _loaded.update(dir=bindings, schemas=schemas)
    return _loaded["schemas"]


def _walk(node, path="/"):
    yield path, node
    for name, value in node.items():
        if isinstance(value, dict):
            yield from _walk(value, path.rstrip("/") + "/" + name)


def _locate(path, node, error):
    """The full path of the node an error is about, and the property."""
    for key in error.absolute_path:
        if isinstance(node, dict) and isinstance(node.get(key), dict):
            path, node = path.rstrip("/") + "/" + key, node[key]
        else:
            return path, key
    return path, None


def _unexpected(error):
    """The names an additionalProperties / unevaluatedProperties error
    refuses: the quoted names in front of what it says of them."""
    head = re.split(r" (?:do|does) not match|were unexpected|was unexpected",
                    error.message)[0]
    return re.findall(r"'([^']+)'", head)


def _declared(schema, name):
    """Whether a schema names the property: jsonschema counts a declared
    property whose value failed as unevaluated too, and that failure is
    reported on its own."""
    return name in schema.get("properties", {}) or \
        any(re.search(p, name) for p in schema.get("patternProperties", {}))


def _problems(path, node, schema, error):
    where, prop = _locate(path, node, error)
    if schema["$id"] == _COMPATIBLES:
        yield where, f'compatible "{error.instance}" has no binding in docs/bindings/'
    elif error.validator in ("additionalProperties", "unevaluatedProperties") \
            and isinstance(error.instance, dict):
        for name in _unexpected(error):
            if _declared(error.schema, name):
                continue
            kind = "node" if isinstance(error.instance.get(name), dict) else "property"
            yield where, f"unknown {kind} {name}"
    else:
        message = best_match(error.context).message if error.context else error.message
        yield where, f"{prop}: {message}" if prop else message


def _non_ascii_strings(tree):
    """dtschema decodes string properties as ASCII and fails on anything
    else: name them instead."""
    for node in tree.root.walk():
        for name, data in node.props.items():
            if not data.isascii() and any(t.startswith("string")
                                          for t in dtschema.property_get_type(name)):
                yield node.path, f"{name} is not ASCII text"


def violations(dtb, tree, bindings):
    """(node path, message) of every violation, in tree order. `tree` is
    the same DTB as read by fdt.load()."""
    schemas = _schemas(bindings)
    found = list(_non_ascii_strings(tree))
    if found:
        return found
    with contextlib.redirect_stderr(io.StringIO()):
        unflattened = dtschema.load(dtb)[0]
    for path, node in _walk(unflattened):
        node["$nodename"] = [path.rsplit("/", 1)[-1] or "/"]
        for schema in schemas.values():
            if not schema["$select_validator"].is_valid(node):
                continue
            for error in dtschema.DTValidator(schema).iter_errors(node):
                for problem in _problems(path, node, schema, error):
                    if problem not in found:
                        found.append(problem)
    return found


def check(dtb, tree, bindings):
    problems = violations(dtb, tree, bindings)
    if problems:
        raise GenError(problems)
