# SPDX-License-Identifier: MIT
"""The program path: gen looks for a program in each folder of
--program-path in turn (the Makefile passes PROGRAM_PATH), the first that
has it wins, a refusal names every folder it looked in, and programs.mk
tells the Makefile which folder to build."""

from gen_harness import FIXTURES
from tessera_gen import programs

PROGRAM_PATH = ("--program-path", "partitions", "--program-path", "tests/programs")


def _program(srctree, folder, *files):
    path = srctree / folder
    path.mkdir(parents=True)
    for name in files:
        (path / name).write_text("int main(void) { return 0; }\n")


def test_the_first_folder_that_has_a_program_wins(tmp_path):
    _program(tmp_path, "first/both", "main.c")
    _program(tmp_path, "second/both", "main.c")
    _program(tmp_path, "second/only", "a.c", "b.c")
    _program(tmp_path, "second/empty", "README")
    _program(tmp_path, "first/lib", "printf.c")
    found = programs.find(str(tmp_path), ["first", "second", "missing"])
    assert found.path == ("first", "second", "missing")
    assert found.folders == {"both": "first/both", "only": "second/only"}
    assert "only" in found and "empty" not in found and "lib" not in found


def test_the_default_path_is_partitions(tmp_path):
    _program(tmp_path, "partitions/hello", "main.c")
    _program(tmp_path, "tests/programs/victim", "main.c")
    assert programs.find(str(tmp_path)).folders == {"hello": "partitions/hello"}


def test_a_missing_program_names_every_folder_looked_in(build):
    fixture = FIXTURES / "program-missing.dts"
    build.compile(fixture)
    assert build.gen("system.dts", *PROGRAM_PATH) == (1, [
        'system.dts: /partitions/beta: program "nosuch" does not exist: no C '
        "file in partitions/nosuch/ or tests/programs/nosuch/"])


def test_programs_mk_names_the_folder_of_each_program(build, tmp_path):
    dts = tmp_path / "system.dts"
    dts.write_text(f'#include "{FIXTURES / "base.dtsi"}"\n'
                   '&beta { program = "victim"; };\n')
    build.compile(dts)
    assert build.gen("system.dts", *PROGRAM_PATH) == (0, [])
    assert (build.out / "programs.mk").read_text().splitlines()[1:] == [
        "TESSERA_PROGRAMS := hello victim",
        "TESSERA_PROGRAM_DIR_hello := partitions/hello",
        "TESSERA_PROGRAM_DIR_victim := tests/programs/victim"]
