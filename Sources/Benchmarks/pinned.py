"""gtm against squigglepy, each pinned to one core and interleaved (not part of gtm; needs
`pip install squigglepy==0.30` and `swift build -c release`).

The machine is shared, so a comparison is only fair inside one run: each round times squigglepy's
in-process sampling of the four-input SOM product (Sources/Benchmarks/market-1m.txt: 1,000,000
samples, percentiles and mean) and then each gtm process, all under `taskset -c 0`, and reports
CPU time (user + system) as the stable figure, with wall time beside it. Then the 1M-trial plan
with both cores, against its one-core wall time. Prints every round and the medians.

Run: python3 Sources/Benchmarks/pinned.py [rounds]
"""
import json
import os
import statistics
import subprocess
import sys
import time

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
GTM = ".build/release/gtm"
SQUIGGLE = r"""
import time, numpy as np, squigglepy as sq
som = sq.to(30e6, 45e6) * sq.to(0.3, 0.4) * sq.to(0.35, 0.45) * sq.to(0.005, 0.01)
def run(n=1_000_000):
    s = np.asarray(sq.sample(som, n=n)); return np.percentile(s, [10, 50, 90]), s.mean()
run(1000)
cpu, wall = [], []
for _ in range(5):
    c, w = time.process_time(), time.perf_counter(); run(); cpu.append(time.process_time() - c); wall.append(time.perf_counter() - w)
cpu.sort(); wall.sort(); print(cpu[2] * 1e3, wall[2] * 1e3)
"""


def process(command, pinned=True, runs=5):
    """Median CPU and wall milliseconds of `runs` whole processes (after one warm-up)."""
    command = (["taskset", "-c", "0"] if pinned else []) + command
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    cpu, wall = [], []
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        _, _, usage = os.wait4(child.pid, 0)
        wall.append((time.perf_counter() - start) * 1e3)
        cpu.append((usage.ru_utime + usage.ru_stime) * 1e3)
    return statistics.median(cpu), statistics.median(wall)


def without_optimize(path):
    """A copy of an example without its `optimize:` section (the optimiser plans the scenario
    hundreds of times; its run times are measured on their own, see the README): the plan as
    written, as the issue measures it. Written beside the examples so that `include`s resolve."""
    lines = open(path, encoding="utf-8").read().split("\n")
    kept, skipping = [], False
    for line in lines:
        if line and not line[0].isspace() and not line.startswith("#"):
            skipping = line.startswith("optimize:")
        if not skipping:
            kept.append(line)
    copy = os.path.join(os.path.dirname(path), ".bench-" + os.path.basename(path))
    with open(copy, "w", encoding="utf-8") as out:
        out.write("\n".join(kept))
    return copy


examples = [without_optimize(p) for p in ["Scenarios/aurora-lamp.txt", "Scenarios/ridgeline-kickstarter.txt",
                                         "Scenarios/ridgeline-week8.txt", "Scenarios/lumen-serum.txt",
                                         "Scenarios/breeze-neck-fan.txt"]]
market = [GTM, "plan", "Sources/Benchmarks/market-1m.txt", "--format", "json"]
ridgeline_1m = [GTM, "plan", examples[1], "--trials", "1000000", "--format", "json"]
rows = {}
for round_ in range(ROUNDS):
    out = subprocess.run(["taskset", "-c", "0", sys.executable, "-c", SQUIGGLE], capture_output=True, text=True, check=True).stdout
    sq_cpu, sq_wall = map(float, out.split())
    rows.setdefault("squigglepy 1M SOM (in-process)", []).append((sq_cpu, sq_wall))
    rows.setdefault("gtm market-1m.txt (whole process)", []).append(process(market))
    for example in examples:
        rows.setdefault("gtm " + example, []).append(process([GTM, "plan", example]))
    rows.setdefault("gtm ridgeline at 1M trials", []).append(process(ridgeline_1m, runs=1))
    rows.setdefault("gtm ridgeline at 1M trials, two cores", []).append(process(ridgeline_1m, pinned=False, runs=1))
    print("round %d: squigglepy %.1f ms CPU; gtm market %.1f ms CPU" % (round_ + 1, sq_cpu, rows["gtm market-1m.txt (whole process)"][-1][0]),
          flush=True)

print("\nmedians over %d rounds, one core each (taskset -c 0) unless said:" % ROUNDS)
squiggle = statistics.median(cpu for cpu, _ in rows["squigglepy 1M SOM (in-process)"])
for name, values in rows.items():
    cpu = statistics.median(c for c, _ in values)
    wall = statistics.median(w for _, w in values)
    print("%-48s %8.1f ms CPU %8.1f ms wall   squigglepy / this: %.2f×" % (name, cpu, wall, squiggle / cpu))
one = statistics.median(w for _, w in rows["gtm ridgeline at 1M trials"])
two = statistics.median(w for _, w in rows["gtm ridgeline at 1M trials, two cores"])
ridge_cpu = statistics.median(c for c, _ in rows["gtm ridgeline at 1M trials"])
# `--trials 1000000` is capped by gtm's work limit (5 inputs × trials ≤ 500M input-trials, less the
# weeks' work): the trials run are in the JSON.
ran = json.loads(subprocess.run(ridgeline_1m, capture_output=True, text=True, check=True).stdout)["run"]["trials"]
print("ridgeline --trials 1000000 runs %d trials: %.2f µs CPU per requested trial, %.2f µs per trial run;"
      " two cores' wall time is %.0f%% of one core's" % (ran, ridge_cpu * 1e3 / 1e6, ridge_cpu * 1e3 / ran, two / one * 100))
for example in examples:
    os.remove(example)
