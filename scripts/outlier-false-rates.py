#!/usr/bin/env python3
"""How often the quantity check's methods trip on ordinary receipts, and how often on real outliers.

The README's supervision section quotes these figures. Each history is n receipts drawn from one distribution (a
normal 15% spread like the simulated month's, and wider and skewed ones), judged by the check's methods: |z| > 3,
|modified z| > 3.5 (0.6745 (x - median) / MAD), with or without the ratio condition (x at least 2 times the
history's median or at most half of it, `quantity_outlier.minimum_ratio`). Needs numpy; seeded.

    python3 scripts/outlier-false-rates.py
"""
import numpy as np

N = 200_000
rng = np.random.default_rng(202610)


def rules(history, x):
    mean, sd = history.mean(1), history.std(1, ddof=1)
    median = np.median(history, 1)
    mad = np.median(abs(history - median[:, None]), 1)
    z, modified = (x - mean) / sd, 0.6745 * (x - median) / mad
    ratio = x / median
    material = (ratio >= 2) | (ratio <= 0.5)
    either, both = (abs(z) > 3) | (abs(modified) > 3.5), (abs(z) > 3) & (abs(modified) > 3.5)
    return {"either": either, "both": both, "either+ratio": either & material}


spreads = {
    "normal 15%": lambda size: rng.normal(1, 0.15, size),
    "normal 25%": lambda size: np.maximum(0.05, rng.normal(1, 0.25, size)),
    "lognormal 0.3": lambda size: rng.lognormal(0, 0.3, size),
}
print("ordinary receipts: share of judged receipts that a rule reports")
for name, draw in spreads.items():
    for n in (10, 20, 30):
        found = rules(draw((N, n)), draw(N))
        print(f"  {name:14} n={n:2}  " + "  ".join(f"{rule} {share.mean():.4f}" for rule, share in found.items()))
print("outliers on a 10-receipt history (normal 15%): share reported")
for factor in (0.3, 0.45, 2.2, 3, 8):
    found = rules(spreads["normal 15%"]((N, 10)), np.full(N, factor))
    print(f"  {factor:4} times the usual  " + "  ".join(f"{rule} {share.mean():.3f}" for rule, share in found.items()))
