"""The shift analysis of whole sessions, recomputed with scipy and statsmodels for the Swift
test suite (Tests/AnalysisTests/SessionReferenceTests.swift). Reads a JSON document on stdin:
{"questions": [{"id", "kind", "options", "min"}], "responses": [{"participant", "round",
"question", "answer"}]} with answers as values (option indexes; lists for multi and ranking;
numbers for scale), the opening round first. Writes, per question, every test roompoll runs:
[{"question", "name", "option", "paired", "statistic", "df", "p_value"}]; NaN/inf become null.

The conventions are roompoll's (README, "roompoll report"): a round's answers are the latest per
participant; paired participants answered in both rounds; differences are closing − opening;
single: χ² of homogeneity on the two rounds' counts (empty options dropped), McNemar mid-p on
the option leading the closing round and Stuart–Maxwell on the turnover table; multi: Fisher's
exact test and McNemar mid-p per option; likert: Wilcoxon signed-rank (Pratt) on paired
positions and Mann–Whitney on each round's positions; scale: paired t and Welch's t; ranking:
per option Wilcoxon and Mann–Whitney on rank positions."""
import json
import math
import sys
import warnings

import numpy as np
from scipy import stats
from statsmodels.stats.contingency_tables import SquareTable

warnings.simplefilter("ignore")


def finite(value):
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def midp(b, c):
    """McNemar mid-p (Fagerland, Lydersen & Laake 2013)."""
    n, m = b + c, min(b, c)
    if n == 0:
        return 1.0
    pmf = stats.binom.pmf(m, n, 0.5)
    return 1 - 0.5 * pmf if b == c else min(1.0, 2 * stats.binom.cdf(m, n, 0.5)) - pmf


document = json.load(sys.stdin)
rounds = []
latest = {}
for response in document["responses"]:
    if response["round"] not in rounds:
        rounds.append(response["round"])
    latest[(response["round"], response["question"], response["participant"])] = response["answer"]
first, last = rounds[0], rounds[-1]
out = []


def add(question, name, statistic, p_value, df=None, option=None, paired=False):
    out.append({"question": question, "name": name, "option": option, "paired": paired,
                "statistic": finite(statistic), "df": finite(df), "p_value": finite(p_value)})


for question in document["questions"]:
    qid, kind, options = question["id"], question["kind"], question.get("options", [])
    before = {p: a for (r, q, p), a in latest.items() if r == first and q == qid}
    after = {p: a for (r, q, p), a in latest.items() if r == last and q == qid}
    pairs = [(before[p], after[p]) for p in before if p in after]
    if kind == "single":
        counts = np.array([[sum(1 for a in answers.values() if a == k) for k in range(len(options))] for answers in (before, after)])
        kept = counts[:, counts.sum(0) > 0]
        if kept.shape[1] >= 2:
            chi2, p, df, _ = stats.chi2_contingency(kept, correction=False)
            add(qid, "chi_square_homogeneity", chi2, p, df)
        leader = int(np.argmax(counts[1]))
        if pairs:
            b = sum(1 for x, y in pairs if x != leader and y == leader)
            c = sum(1 for x, y in pairs if x == leader and y != leader)
            add(qid, "mcnemar_midp", min(b, c), midp(b, c), option=options[leader], paired=True)
            table = np.zeros((len(options), len(options)), dtype=int)
            for x, y in pairs:
                table[x, y] += 1
            used = (table.sum(0) + table.sum(1)) > 0
            reduced = table[used][:, used]
            if reduced.shape[0] >= 2:
                result = SquareTable(reduced, shift_zeros=False).homogeneity()
                add(qid, "stuart_maxwell", result.statistic, result.pvalue, result.df, paired=True)
    elif kind == "multi":
        for k, option in enumerate(options):
            chose = lambda answers: sum(1 for a in answers.values() if k in a)
            table = [[chose(after), len(after) - chose(after)], [chose(before), len(before) - chose(before)]]
            odds, p = stats.fisher_exact(table)
            add(qid, "fisher_exact", odds, p, option=option)
            if pairs:
                b = sum(1 for x, y in pairs if k not in x and k in y)
                c = sum(1 for x, y in pairs if k in x and k not in y)
                add(qid, "mcnemar_midp", min(b, c), midp(b, c), option=option, paired=True)
    elif kind in ("likert", "scale"):
        position = (lambda a: a + 1) if kind == "likert" else (lambda a: a)
        x = np.array([position(a) for a in after.values()], dtype=float)
        y = np.array([position(a) for a in before.values()], dtype=float)
        d = np.array([position(b) - position(a) for a, b in pairs], dtype=float)
        pa = np.array([position(b) for a, b in pairs], dtype=float)
        pb = np.array([position(a) for a, b in pairs], dtype=float)
        if kind == "likert":
            if len(d) and np.any(d != 0):
                r = stats.wilcoxon(d, zero_method="pratt", correction=False, method="asymptotic")
                add(qid, "wilcoxon_signed_rank", r.statistic, r.pvalue, paired=True)
            if len(x) and len(y):
                r = stats.mannwhitneyu(x, y, alternative="two-sided", use_continuity=True, method="asymptotic")
                add(qid, "mann_whitney_u", r.statistic, r.pvalue)
        else:
            if len(d) >= 2:
                r = stats.ttest_rel(pa, pb)
                add(qid, "paired_t", r.statistic, r.pvalue, r.df, paired=True)
            if len(x) >= 2 and len(y) >= 2:
                r = stats.ttest_ind(x, y, equal_var=False)
                add(qid, "welch_t", r.statistic, r.pvalue, r.df)
    elif kind == "ranking":
        for k, option in enumerate(options):
            rank = lambda order: order.index(k) + 1
            d = np.array([rank(b) - rank(a) for a, b in pairs], dtype=float)
            if len(d) and np.any(d != 0):
                r = stats.wilcoxon(d, zero_method="pratt", correction=False, method="asymptotic")
                add(qid, "wilcoxon_signed_rank", r.statistic, r.pvalue, option=option, paired=True)
            x = np.array([rank(a) for a in after.values()], dtype=float)
            y = np.array([rank(a) for a in before.values()], dtype=float)
            if len(x) and len(y):
                r = stats.mannwhitneyu(x, y, alternative="two-sided", use_continuity=True, method="asymptotic")
                add(qid, "mann_whitney_u", r.statistic, r.pvalue, option=option)
json.dump(out, sys.stdout)
