# SPDX-License-Identifier: MIT
"""Tessera's generator: a system DTB and a .config in, validated and placed
static domain tables out. See gen/tessera_gen/cli.py for the stages."""
