#!/usr/bin/env python3
"""The instruction-count guard: callgrind counts of the release `scale` binary on fixed inputs, compared with
the committed baseline (Benchmarks/InstructionCounts.json). Instruction counts do not move with the load of
the machine, as wall-clock times do; a count more than 3% above its baseline fails.

usage: check.py [--record REASON] [--binary PATH] [--only NAME,...]
  --record REASON  write the counts measured as the new baseline, with the reason (a change that moves them on
                   purpose commits the baseline with it)
  --binary PATH    the release `scale` binary (default: built with `swift build -c release --static-swift-stdlib
                   --product scale`, as Formwork's binaries are built for use: see BENCHMARKS.md)
  --only NAMES     measure only these (comma-separated names of MEASUREMENTS)

Each measurement runs a stripped copy of the binary (valgrind cannot read Swift's debug info) under
`valgrind --tool=callgrind`. `scale synth` is counted whole, in a fresh process: start-up, synthesis with
validation, writing the assembly. A phase of the benchmark (validate, check, json, yaml, yamlread, diff) is
counted as the difference between two and one iterations of it in one process: one warm run, without the
synthesis that makes its input; the median of three such differences, since a parallel phase's count varies
with the scheduling of its threads.
"""
import json, os, re, shutil, subprocess, sys, tempfile

sys.dont_write_bytecode = True
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BASELINE = os.path.join(ROOT, "Benchmarks", "InstructionCounts.json")
TOLERANCE = 0.03
SIZE = ["--stacks", "4", "--services", "50"]  # 1,400 resources
PHASES = ["validate", "check", "json", "yaml", "yamlread", "diff"]
MEASUREMENTS = ["synth"] + PHASES


def callgrind(binary, arguments, workdir):
    """The instructions executed by `binary arguments` (every thread), as callgrind counts them."""
    out = os.path.join(workdir, "callgrind.out")
    if os.path.exists(out):
        os.remove(out)
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", binary] + arguments
    # Swift seeds its hashing per process; a fixed seed makes dictionaries (and so the counts) repeat.
    environment = dict(os.environ, SWIFT_DETERMINISTIC_HASHING="1")
    run = subprocess.run(command, cwd=workdir, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if run.returncode != 0:
        raise SystemExit(f"error: {' '.join(arguments)} failed under valgrind:\n{run.stderr[-2000:]}")
    with open(out, encoding="utf-8", errors="replace") as f:
        for line in f:
            match = re.match(r"(?:summary|totals): (\d+)", line)
            if match:
                return int(match.group(1))
    raise SystemExit(f"error: no instruction total in {out}")


# A phase's count is the median of this many measurements: a phase that runs in parallel (the JSON texts, stack by
# stack) counts the instructions of the threads' waiting too, which vary with their scheduling (3% between runs).
PHASE_REPETITIONS = 3


def measure(binary, name, workdir):
    if name == "synth":
        return callgrind(binary, ["synth"] + SIZE + ["--output", os.path.join(workdir, "scale.out")], workdir)
    differences = []
    for _ in range(PHASE_REPETITIONS):
        once = callgrind(binary, ["bench"] + SIZE + ["--iterations", "1", "--phases", name], workdir)
        twice = callgrind(binary, ["bench"] + SIZE + ["--iterations", "2", "--phases", name], workdir)
        differences.append(twice - once)
    return sorted(differences)[len(differences) // 2]


# The Swift runtime and Foundation linked in: binding their symbols at start-up cost a synthesis 15 M instructions.
RELEASE = ["swift", "build", "-c", "release", "--static-swift-stdlib"]


def release_binary():
    subprocess.run(RELEASE + ["--product", "scale"], cwd=ROOT, check=True)
    path = subprocess.run(RELEASE + ["--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "scale")


def main(argv):
    record = argv[argv.index("--record") + 1] if "--record" in argv else None
    binary = argv[argv.index("--binary") + 1] if "--binary" in argv else release_binary()
    names = argv[argv.index("--only") + 1].split(",") if "--only" in argv else MEASUREMENTS
    unknown = [n for n in names if n not in MEASUREMENTS]
    if unknown:
        raise SystemExit(f"error: unknown measurement {', '.join(unknown)}; these exist: {', '.join(MEASUREMENTS)}")
    if shutil.which("valgrind") is None:
        raise SystemExit("error: valgrind is not installed (apt-get install valgrind)")
    baseline = json.load(open(BASELINE, encoding="utf-8")) if os.path.exists(BASELINE) else {"counts": {}}
    with tempfile.TemporaryDirectory() as workdir:
        stripped = os.path.join(workdir, "scale")
        shutil.copy(binary, stripped)
        subprocess.run(["strip", stripped], check=True)
        counts = {name: measure(stripped, name, workdir) for name in names}
    failures = []
    for name, count in counts.items():
        before = baseline["counts"].get(name)
        change = "" if not before else f" ({(count - before) / before:+.2%} against {before:,})"
        print(f"{name:9} {count:>15,} instructions{change}")
        if before and count > before * (1 + TOLERANCE):
            failures.append(name)
    if record:
        baseline["counts"].update(counts)
        baseline["reason"] = record
        baseline["size"] = "scale " + " ".join(SIZE) + " (1,400 resources)"
        with open(BASELINE, "w", encoding="utf-8") as f:
            json.dump(baseline, f, indent=2, ensure_ascii=False)
            f.write("\n")
        print(f"recorded {os.path.relpath(BASELINE, ROOT)}")
        return 0
    if failures:
        print(f"error: {', '.join(failures)} executed more than {TOLERANCE:.0%} more instructions than the baseline; "
              "find out why (valgrind --tool=callgrind, callgrind_annotate), or, when the change is intended, "
              "record a new baseline with its reason: Scripts/instruction-counts/check.py --record REASON",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
