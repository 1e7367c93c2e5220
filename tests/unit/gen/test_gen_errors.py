# SPDX-License-Identifier: MIT
"""Every rule gen enforces has a fixture of its own in fixtures/: a system
that breaks that rule (most of them by changing fixtures/base.dtsi), with
the exact errors expected in `// error: <node path>: <message>` lines. A
fixture may add Kconfig lines (`// config: CONFIG_...=...`) and rename
nodes in the DTB (`// rename: <node path> <name>`) to give it what a DTS
cannot say, such as two nodes of the same name."""

import pytest

from gen_harness import FIXTURES, SRCTREE, rename_node

FIXTURE_FILES = sorted(FIXTURES.glob("*.dts"))


def _header(fixture, key):
    prefix = f"// {key}: "
    return [line[len(prefix):] for line in fixture.read_text().splitlines()
            if line.startswith(prefix)]


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda f: f.stem)
def test_fixture_is_refused_with_its_errors(build, fixture):
    expected = _header(fixture, "error")
    assert expected, f"{fixture.name} names no expected error"
    build.configure("".join(line + "\n" for line in _header(fixture, "config")))
    build.compile(fixture)
    for rename in _header(fixture, "rename"):
        rename_node(build.dtb, *rename.split())
    dts = str(fixture.relative_to(SRCTREE))
    assert build.gen(dts) == (1, [f"{dts}: {e}" for e in expected])
    assert not build.out.exists()


@pytest.mark.parametrize("valid", ["base.dtsi", "io.dtsi"])
def test_base_fixtures_are_valid(build, valid):
    build.compile(FIXTURES / valid)
    assert build.gen(valid) == (0, [])
