#!/usr/bin/env python3
"""Reference values for roompoll's knowledge-check analysis (scipy, statsmodels, pingouin).

Usage: python3 knowledge_reference.py < session.json > reference.json

Input: {"first": {participant: [1, 0, null, …]}, "last": {…}} — each participant's right (1),
wrong (0) or unanswered (null) answer to each knowledge question, per round (the same items in
both). Output: per item the percent right per round with its Wilson interval (statsmodels),
the paired counts, Newcombe's paired interval of the change (reference.py) and McNemar's mid-p;
for the check the mean percent score per round, the paired mean change with its t interval,
scipy's paired t and Wilcoxon (Pratt, asymptotic), Hake's class-average and mean individual
gains, improved/same/worse, and Cronbach's α per round (pingouin, complete cases)."""
import json
import math
import os
import sys

import numpy as np
import pandas as pd
import pingouin
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference import newcombe_paired  # noqa: E402


def mcnemar_midp(b, c):
    n, m = b + c, min(b, c)
    pmf = stats.binom.pmf(m, n, 0.5)
    return 1 - 0.5 * pmf if b == c else min(1.0, 2 * stats.binom.cdf(m, n, 0.5)) - pmf


def percent(row):
    answered = [v for v in row if v is not None]
    return 100 * sum(answered) / len(answered) if answered else None


def main():
    data = json.load(sys.stdin)
    first, last = data["first"], data["last"]
    k = len(next(iter(first.values())))
    items = []
    for j in range(k):
        rounds = []
        for answers in (first, last):
            given = [row[j] for row in answers.values() if row[j] is not None]
            n, right = len(given), int(sum(given))
            lo, hi = proportion_confint(right, n, method="wilson") if n else (None, None)
            rounds.append({"correct": right, "n": n, "lower": 100 * lo if n else None, "upper": 100 * hi if n else None})
        both = [(first[p][j], last[p][j]) for p in first if p in last and first[p][j] is not None and last[p][j] is not None]
        a = sum(1 for x, y in both if x and y)
        gained = sum(1 for x, y in both if not x and y)
        lost = sum(1 for x, y in both if x and not y)
        d = len(both) - a - gained - lost
        interval = newcombe_paired(a, gained, lost, d) if both else None
        items.append({"rounds": rounds, "right_both": a, "gained": gained, "lost": lost, "wrong_both": d,
                      "lower": 100 * interval[0] if interval else None, "upper": 100 * interval[1] if interval else None,
                      "p_value": mcnemar_midp(gained, lost) if gained + lost else None})
    scores = {name: {p: percent(row) for p, row in answers.items()} for name, answers in (("first", first), ("last", last))}
    pairs = [(scores["first"][p], scores["last"][p]) for p in sorted(first) if p in last
             and scores["first"][p] is not None and scores["last"][p] is not None]
    pre, post = np.array([x for x, _ in pairs]), np.array([y for _, y in pairs])
    diff = post - pre
    t = stats.ttest_rel(post, pre)
    ci = t.confidence_interval(0.95)
    # roompoll's signed-rank test is exact up to 50 nonzero differences (ties included), the
    # normal approximation above; scipy's permutation test is the exact reference up to 16 —
    # between 17 and 50 there is no reference here (the exact test itself is checked in
    # reference.py), and the p-value is left out.
    nonzero = int(np.sum(diff != 0))
    if nonzero > 50:
        w = stats.wilcoxon(diff, zero_method="pratt", correction=False, method="asymptotic")
        w_stat, w_p = float(w.statistic), float(w.pvalue)
    elif nonzero <= 16 and nonzero > 0:
        if len(np.unique(np.abs(diff[diff != 0]))) == 1:
            w_stat, w_p = None, float(stats.binomtest(int(np.sum(diff > 0)), nonzero, 0.5).pvalue)
        else:
            w = stats.wilcoxon(diff, zero_method="pratt", method=stats.PermutationMethod(n_resamples=np.inf))
            w_stat, w_p = float(w.statistic), float(w.pvalue)
    else:
        w_stat, w_p = None, None
    gains = [(y - x) / (100 - x) for x, y in pairs if x < 100]
    alphas = []
    for answers in (first, last):
        complete = [row for row in answers.values() if all(v is not None for v in row)]
        frame = pd.DataFrame(complete, dtype=float)
        alphas.append(float(pingouin.cronbach_alpha(data=frame)[0]) if len(complete) >= 2 else None)
    out = {
        "items": items,
        "mean_percent": [float(np.mean([v for v in scores[r].values() if v is not None])) for r in ("first", "last")],
        "participants": [sum(1 for v in scores[r].values() if v is not None) for r in ("first", "last")],
        "paired": len(pairs), "mean_change": float(diff.mean()),
        "mean_lower": float(ci.low), "mean_upper": float(ci.high),
        "t": float(t.statistic), "t_p": float(t.pvalue), "w": w_stat, "w_p": w_p,
        "class_gain": float((post.mean() - pre.mean()) / (100 - pre.mean())),
        "individual_gain": float(np.mean(gains)), "perfect_first": len(pairs) - len(gains),
        "improved": int(np.sum(diff > 0)), "same": int(np.sum(diff == 0)), "worse": int(np.sum(diff < 0)),
        "alpha": alphas,
    }
    json.dump(out, sys.stdout, allow_nan=False)


if __name__ == "__main__":
    main()
