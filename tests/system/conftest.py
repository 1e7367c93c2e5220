# SPDX-License-Identifier: MIT
"""The `system` fixture: the harness of harness.py, one per test session,
so that the default configuration is built once. Tests import what else
they need from harness (not from conftest, a module name that
tests/unit/gen has too)."""
import pytest

from harness import System


@pytest.fixture(scope="session")
def system(tmp_path_factory):
    return System(tmp_path_factory)
