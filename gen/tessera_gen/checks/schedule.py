# SPDX-License-Identifier: MIT
"""The bounds of the CPU schedules that can be judged before one is built
(schedule.py refuses the rest: a missed deadline, too many windows)."""

from ..schedule import hyperperiod, shared_by_budget
from .registry import check


@check
def check_hyperperiod(ctx):
    limit = ctx.config.max_hyperperiod_us
    for cpu, reserved in shared_by_budget(ctx.system):
        length = hyperperiod(reserved)
        if length > limit:
            periods = ", ".join(f"{r.partition.name} {r.partition.period_us} us"
                                for r in reserved)
            yield cpu.path, (f"hyperperiod {length} us, the least common multiple "
                             f"of the periods ({periods}), is more than "
                             f"CONFIG_MAX_HYPERPERIOD_US {limit}")
