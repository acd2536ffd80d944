"""numpy baseline for the README's speed comparison (not part of gtm; needs numpy).

The four-input market model of Sources/Benchmarks/market-1m.txt, vectorized: 1,000,000 trials
of population × purchases a year × serviceable × obtainable, each a lognormal 90% interval,
shares capped at 100%. Prints the in-process time (imports excluded) of

  * "SOM only": P10/P50/P90 and mean of SOM, and
  * "like for like": P10/P50/P90 and mean of TAM, SAM and SOM, as gtm reports them.

With --gtm, it then times the whole `gtm plan` process on the same model (after `swift build -c
release`): three rounds of 50 runs, each after 3 warm-up runs; the loop's own cost is included.

Run: python3 Sources/Benchmarks/numpy_market.py [--gtm]
"""
import subprocess
import sys
import time

import numpy as np

Z95 = 1.6448536269514727


def lognormal90(rng, a, b, size):
    mu = (np.log(a) + np.log(b)) / 2
    sigma = (np.log(b) - np.log(a)) / (2 * Z95)
    return rng.lognormal(mu, sigma, size)


def run(outputs, n=1_000_000, seed=1):
    rng = np.random.default_rng(seed)
    pop = lognormal90(rng, 30e6, 45e6, n)
    ppy = lognormal90(rng, 0.3, 0.4, n)
    serv = np.minimum(lognormal90(rng, 0.35, 0.45, n), 1.0)
    obt = np.minimum(lognormal90(rng, 0.005, 0.01, n), 1.0)
    tam = pop * ppy
    sam = tam * serv
    som = sam * obt
    chosen = {"som": [som], "all": [tam, sam, som]}[outputs]
    return [(np.percentile(x, [10, 50, 90]), x.mean()) for x in chosen]


for label, outputs in [("SOM only", "som"), ("like for like: TAM, SAM and SOM", "all")]:
    run(outputs, n=1000)
    times = []
    for _ in range(7):
        start = time.perf_counter()
        run(outputs)
        times.append(time.perf_counter() - start)
    times.sort()
    print("numpy, %s: median %.1f ms, fastest %.1f ms" % (label, times[3] * 1e3, times[0] * 1e3))

if "--gtm" in sys.argv:
    command = [".build/release/gtm", "plan", "Sources/Benchmarks/market-1m.txt", "--format", "json"]
    for _ in range(3):
        for _ in range(3):
            subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        times = []
        for _ in range(50):
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
            times.append(time.perf_counter() - start)
        times.sort()
        print("gtm plan, whole process: mean %.1f ms, median %.1f ms, fastest %.1f ms (50 runs)"
              % (sum(times) / 50 * 1e3, times[25] * 1e3, times[0] * 1e3))
