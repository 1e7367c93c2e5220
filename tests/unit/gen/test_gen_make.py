# SPDX-License-Identifier: MIT
"""The pipeline as a user runs it: `make O=<dir> <name>_defconfig` then
`make O=<dir> gen` for every configuration in configs/, with no warning
from dtc and nothing compiled; a refused system leaves $(O)/gen as it
was; the Kconfig targets work in an output directory."""

import os
import subprocess

import pytest

from gen_harness import SRCTREE

DEFCONFIGS = sorted(p.name for p in (SRCTREE / "configs").glob("*_defconfig"))
GEN_OUTPUTS = ["layout.txt", "programs.S", "programs.mk", "tables.c", "tables.h"]


def _make(out, *goals):
    """make in the source tree as a user runs it, not as the make that may
    be running these tests (its MAKEFLAGS would carry its variables)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "SYSTEM_DTS", "O")}
    return subprocess.run(["make", "-C", str(SRCTREE), "--no-print-directory",
                           f"O={out}", *goals],
                          env=env, capture_output=True, text=True)


@pytest.mark.parametrize("defconfig", DEFCONFIGS)
def test_every_defconfig_goes_through_gen(tmp_path, defconfig):
    assert _make(tmp_path, defconfig).returncode == 0
    result = _make(tmp_path, "gen")
    assert (result.returncode, result.stderr) == (0, "")
    assert "Warning" not in result.stdout
    assert sorted(p.name for p in (tmp_path / "gen").iterdir()) == GEN_OUTPUTS
    assert not list(tmp_path.rglob("*.o")) and not (tmp_path / "tessera.elf").exists()


def test_refused_system_fails_make_and_keeps_previous_gen(tmp_path):
    assert _make(tmp_path, "qemu_pc_defconfig", "gen").returncode == 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "gen").iterdir()}
    bad = "tests/unit/gen/fixtures/slots-zero.dts"
    result = _make(tmp_path, f"SYSTEM_DTS={bad}", "gen")
    assert result.returncode != 0
    assert f"{bad}: /channels/alpha-beta: slots 0 is not a power of two\n" in result.stderr
    assert {p.name: p.read_bytes() for p in (tmp_path / "gen").iterdir()} == before


def test_kconfig_targets_work_in_the_output_directory(tmp_path):
    assert _make(tmp_path, "qemu_pc_defconfig").returncode == 0
    config = tmp_path / ".config"
    assert "CONFIG_MAX_PARTITIONS=16\n" in config.read_text()
    config.write_text(config.read_text().replace("CONFIG_MAX_PARTITIONS=16",
                                                 "CONFIG_MAX_PARTITIONS=8"))
    assert _make(tmp_path, "olddefconfig").returncode == 0
    assert "CONFIG_MAX_PARTITIONS=8\n" in config.read_text()
    assert _make(tmp_path, "savedefconfig").returncode == 0
    assert (tmp_path / "defconfig").read_text() == "CONFIG_MAX_PARTITIONS=8\n"
    assert not (SRCTREE / ".config").exists()
