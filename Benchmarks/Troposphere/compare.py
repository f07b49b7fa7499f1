"""Times `scale synth` against the troposphere app of the same resources, alternately, in fresh processes.

    python3 Benchmarks/Troposphere/compare.py --scale .build/release/scale [--scale OTHER] [--runs 9]

with `scale` built as the guard builds it: `swift build -c release --static-swift-stdlib --product scale`.

Each round runs every command once, in turn, so a busy machine slows all of them alike; wall time is that of
the whole process (start-up, synthesis, writing the files), into a fresh folder each time. Prints each
command's median and fastest, and the ratio of troposphere's median to each Formwork build's.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(command, output):
    shutil.rmtree(output, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(command + ["--output", output], check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", action="append", required=True, help="a release build of the scale benchmark")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--stacks", type=int, default=20)
    parser.add_argument("--services", type=int, default=50)
    arguments = parser.parse_args()
    size = ["--stacks", str(arguments.stacks), "--services", str(arguments.services)]
    commands = {binary: [binary, "synth"] + size for binary in arguments.scale}
    commands["troposphere"] = [sys.executable, os.path.join(HERE, "scale_app.py")] + size
    times = {name: [] for name in commands}
    with tempfile.TemporaryDirectory() as folder:
        output = os.path.join(folder, "out")
        for name, command in commands.items():
            run(command, output)  # warm the page cache
        for _ in range(arguments.runs):
            for name, command in commands.items():
                times[name].append(run(command, output))
    reference = statistics.median(times["troposphere"])
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name}: median {median:.1f} ms, fastest {min(values):.1f} ms, slowest {max(values):.1f} ms "
              f"({len(values)} runs); troposphere / this = {reference / median:.1f}x")


if __name__ == "__main__":
    main()
