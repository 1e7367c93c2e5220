# SPDX-License-Identifier: MIT
"""Fixtures of the gen tests (the helpers are in gen_harness.py)."""

import pytest

from gen_harness import DEFAULT_DTS, SRCTREE, Build


@pytest.fixture
def build(tmp_path):
    return Build(tmp_path / "build")


@pytest.fixture
def default_build(build):
    """The default system, generated."""
    build.compile(SRCTREE / DEFAULT_DTS)
    assert build.gen(DEFAULT_DTS) == (0, [])
    return build
