# SPDX-License-Identifier: MIT
"""Every binding in docs/bindings/ is a valid dt-schema binding whose $id
matches its path (or dt-schema would look for it on the network)."""

import subprocess

import pytest

from gen_harness import SRCTREE

BINDINGS = SRCTREE / "docs" / "bindings"


@pytest.mark.parametrize("binding", sorted(BINDINGS.rglob("*.yaml")),
                         ids=lambda b: str(b.relative_to(BINDINGS)))
def test_binding_is_valid(binding):
    result = subprocess.run(["dt-doc-validate", "-u", str(BINDINGS), str(binding)],
                            capture_output=True, text=True)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")
    relative = binding.relative_to(BINDINGS).with_suffix("")
    assert f"$id: http://devicetree.org/schemas/{relative}.yaml#\n" in binding.read_text()
