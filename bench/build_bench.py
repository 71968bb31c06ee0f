"""Print how long `python -m data build` takes in each mode (in-process, the store on a temporary file).

    python bench/build_bench.py [--runs 3]

The build runs in `make run` and in the test fixtures, so it should stay quick. For each mode the fastest
and the median of the runs are printed, and the machine's load average beside them (the machine is shared:
a figure measured under load is not the build's own). A benchmark, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from data.build import MODES, build  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for mode, (real_data, records, statistics_, _words) in MODES.items():
            times = []
            for run in range(args.runs):
                url = f"sqlite:///{folder}/{mode}-{run}.sqlite"
                started = time.perf_counter()
                build(url, real_data=real_data, example_records=records, example_statistics=statistics_)
                times.append(time.perf_counter() - started)
            load = os.getloadavg()[0]
            print(f"{mode:10} fastest {min(times):5.2f} s, median {statistics.median(times):5.2f} s (load {load:.1f})")


if __name__ == "__main__":
    main()
