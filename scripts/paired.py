#!/usr/bin/env python3
"""Paired comparison of two Cranfield runs on DEV, query by query.

    python3 scripts/paired.py BASELINE.run VARIANT.run [METRIC]

Scores both with the kit's eval.py (--per-query) and prints the mean
difference of METRIC (default nDCG@10), its standard error, the paired t
statistic, and how many queries got better, worse or stayed equal.
"""
import json
import math
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
shared = os.environ.get("QUARRY_SHARED", os.path.join(here, "..", "..", "shared"))
eval_py = os.path.join(shared, "eval", "cranfield", "eval.py")


def per_query(run, metric):
    out = subprocess.run(
        [sys.executable, eval_py, run, "dev", "--per-query", "--json", "--no-check"],
        check=True, capture_output=True, text=True,
    ).stdout
    data = json.loads(out)
    return data[metric], {q: v[metric] for q, v in data["per_query"].items()}


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    metric = sys.argv[3] if len(sys.argv) > 3 else "nDCG@10"
    mean_a, a = per_query(sys.argv[1], metric)
    mean_b, b = per_query(sys.argv[2], metric)
    diffs = [b[q] - a[q] for q in a]
    n = len(diffs)
    mean = sum(diffs) / n
    sd = math.sqrt(sum((d - mean) ** 2 for d in diffs) / (n - 1))
    se = sd / math.sqrt(n)
    better = sum(d > 1e-9 for d in diffs)
    worse = sum(d < -1e-9 for d in diffs)
    t = mean / se if se > 0 else 0.0
    print(f"{metric}: {mean_a:.4f} -> {mean_b:.4f}  diff {mean:+.4f} ± {se:.4f} (paired t {t:+.2f}, "
          f"{better} better / {worse} worse / {n - better - worse} equal of {n})")


if __name__ == "__main__":
    main()
