"""extract_many against the command line on the same files, as whole processes.

    python bench_extract_many.py LIST [JOBS] [RUNS]

LIST holds one path a line (e.g. 3,000 reports from
``cargo run --release --example make_archive -- /tmp/archive 3000`` and
``find /tmp/archive -type f | sort``). Prints the median and best wall time
of ``huiyi extract -j JOBS --format jsonl --files-from LIST`` and of a Python
process that imports huiyi and consumes ``Extractor().extract_many(paths,
jobs=JOBS)`` as dicts, runs interleaved. The binary is ``$HUIYI_BIN`` or
``huiyi`` on the PATH.
"""

import os
import statistics
import subprocess
import sys
import time

SCRIPT = """
import sys, huiyi
paths = open(sys.argv[1], encoding="utf-8").read().split("\\n")
paths = [p for p in paths if p.strip()]
n = sum(1 for _ in huiyi.Extractor().extract_many(paths, jobs=int(sys.argv[2])))
assert n == len(paths), (n, len(paths))
"""


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    listing = sys.argv[1]
    jobs = sys.argv[2] if len(sys.argv) > 2 else "2"
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    binary = os.environ.get("HUIYI_BIN", "huiyi")
    cli, py = [], []
    for _ in range(runs):
        cli.append(timed([binary, "extract", "-j", jobs, "--format", "jsonl", "--files-from", listing]))
        # -I: not the source folder's huiyi/ when run from python/.
        py.append(timed([sys.executable, "-I", "-c", SCRIPT, listing, jobs]))
    for name, times in (("huiyi extract", cli), ("extract_many", py)):
        print(f"{name:14} median {statistics.median(times):.3f} s, best {min(times):.3f} s")
    print(f"extract_many / CLI: {statistics.median(py) / statistics.median(cli):.2f} (median)")


if __name__ == "__main__":
    main()
