"""squigglepy baseline for the benchmark README (not part of gtm; needs `pip install squigglepy`).

The four-input SOM product of Sources/Benchmarks/market-1m.txt in squigglepy: population ×
purchases a year × serviceable × obtainable, each `sq.to(a, b)` (squigglepy's lognormal 90%
interval, as gtm's `a to b`), sampled 1,000,000 times in-process, then P10/P50/P90 and the mean.
Prints the median and fastest of 7 timed runs (imports and one warm-up excluded).

With --gtm, it then times whole `gtm plan` processes (after `swift build -c release`): the
market model at 1,000,000 trials, and each example scenario at its default settings, 30 runs
each after 3 warm-ups; the loop's own cost is included.

Run: python3 Sources/Benchmarks/squigglepy_market.py [--gtm]
"""
import subprocess
import sys
import time

import numpy as np
import squigglepy as sq

som = sq.to(30e6, 45e6) * sq.to(0.3, 0.4) * sq.to(0.35, 0.45) * sq.to(0.005, 0.01)


def run(n=1_000_000):
    samples = np.asarray(sq.sample(som, n=n))
    return np.percentile(samples, [10, 50, 90]), samples.mean()


run(1000)
times = []
for _ in range(7):
    start = time.perf_counter()
    run()
    times.append(time.perf_counter() - start)
times.sort()
print("squigglepy %s, 1,000,000 samples of the SOM product: median %.1f ms, fastest %.1f ms"
      % (sq.__version__, times[3] * 1e3, times[0] * 1e3))


def whole_process(label, command, runs=30):
    for _ in range(3):
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    times.sort()
    print("%s: mean %.1f ms, median %.1f ms, fastest %.1f ms (%d runs)"
          % (label, sum(times) / runs * 1e3, times[runs // 2] * 1e3, times[0] * 1e3, runs))


if "--gtm" in sys.argv:
    whole_process("gtm plan market-1m.txt (1,000,000 trials), whole process",
                  [".build/release/gtm", "plan", "Sources/Benchmarks/market-1m.txt", "--format", "json"])
    for example in ["Scenarios/aurora-lamp.txt", "Scenarios/ridgeline-kickstarter.txt", "Scenarios/ridgeline-week8.txt"]:
        whole_process("gtm plan %s (default settings), whole process" % example,
                      [".build/release/gtm", "plan", example])
