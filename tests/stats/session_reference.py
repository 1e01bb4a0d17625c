"""The shift analysis of whole sessions, recomputed with scipy and statsmodels for the Swift
test suite (Tests/AnalysisTests/SessionReferenceTests.swift). Reads a JSON document on stdin:
{"questions": [{"id", "kind", "options", "min"}], "responses": [{"participant", "round",
"question", "answer"}]} with answers as values (option indexes; lists for multi and ranking;
numbers for scale), the opening round first. Writes, per question, every test roompoll runs:
[{"question", "name", "option", "paired", "primary", "statistic", "df", "p_value"}]; NaN/inf become
null.

The conventions are roompoll's (README, "roompoll report"): a round's answers are the latest per
participant; paired participants answered in both rounds; differences are closing − opening;
single: χ² of homogeneity on the two rounds' counts (empty options dropped), McNemar mid-p on
the option leading the closing round (when someone switched to or from it) and Stuart–Maxwell
on the turnover table (options someone switched to or from), plus the Fisher–Freeman–Halton
exact test when Cochran's rule fails for χ²; multi: Fisher's exact test per option and McNemar
mid-p per option someone switched; likert: Wilcoxon signed-rank (Pratt) on paired positions and
Mann–Whitney on each round's positions; scale: paired t (the signed-rank test when every
difference is the same) and Welch's t (Mann–Whitney when both rounds are constant); ranking: per
option Wilcoxon and Mann–Whitney on rank positions. The rank tests are exact up to 50 nonzero
differences / 50 values together: their null distributions are counted here with Python's
integers, independently of the Swift code (the unit suite checks the same against scipy's
permutation tests). The primary test follows the README's rule: paired when the paired
participants are at least half of the smaller round, on the option leading the closing round.
Segment questions ("segment": true, single choice, asked in the opening round) add, per other
question, each group's change ("group_change": statistic = the change, df = n) and the test of
equal changes ("one_way_anova" or "heterogeneity_q", option "by SEGMENT")."""
import itertools
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


def exact_two_sided(counts, observed):
    """min(1, 2·min(P(S ≤ observed), P(S ≥ observed))) for counts by value (a dict)."""
    total = sum(counts.values())
    lower = sum(v for k, v in counts.items() if k <= observed)
    upper = sum(v for k, v in counts.items() if k >= observed)
    return min(1.0, 2 * min(lower, upper) / total)


def signed_rank(d):
    """Wilcoxon signed-rank (Pratt): exact up to 50 nonzero differences, else scipy's approximation."""
    d = np.asarray(d, dtype=float)
    if len(d) == 0 or not np.any(d != 0):
        return None
    if np.sum(d != 0) > 50:
        r = stats.wilcoxon(d, zero_method="pratt", correction=False, method="asymptotic")
        return r.statistic, r.pvalue
    ranks = stats.rankdata(np.abs(d))
    doubled = [int(round(2 * r)) for r, x in zip(ranks, d) if x != 0]
    counts = {0: 1}
    for r in doubled:
        grown = dict(counts)
        for k, v in counts.items():
            grown[k + r] = grown.get(k + r, 0) + v
        counts = grown
    observed = sum(int(round(2 * r)) for r, x in zip(ranks, d) if x > 0)
    total = sum(doubled)
    return min(observed, total - observed) / 2, exact_two_sided(counts, observed)


def rank_sum(x, y):
    """Mann–Whitney U of x: exact up to 50 values together, else scipy's approximation."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    pooled = np.concatenate([x, y])
    if len(x) == 0 or len(y) == 0 or np.all(pooled == pooled[0]):
        return None
    if len(pooled) > 50:
        r = stats.mannwhitneyu(x, y, alternative="two-sided", use_continuity=True, method="asymptotic")
        return r.statistic, r.pvalue
    doubled = [int(round(2 * r)) for r in stats.rankdata(pooled)]
    counts = [{0: 1}] + [{} for _ in x]
    for r in doubled:
        for k in range(len(x), 0, -1):
            for s, v in counts[k - 1].items():
                counts[k][s + r] = counts[k].get(s + r, 0) + v
    observed = sum(doubled[:len(x)])
    return observed / 2 - len(x) * (len(x) + 1) / 2, exact_two_sided(counts[len(x)], observed)


def freeman_halton(counts):
    """Fisher–Freeman–Halton exact test of a 2 × k table (empty columns dropped), by enumeration."""
    t = counts[:, counts.sum(0) > 0]
    columns, n1 = t.sum(0), int(t[0].sum())
    if np.prod([c + 1 for c in columns[:-1]], dtype=float) > 2_000_000:
        return None
    pmf = lambda row: stats.multivariate_hypergeom.pmf(x=row, m=columns, n=n1)
    observed, total = pmf(t[0]), 0.0
    for head in itertools.product(*[range(int(c) + 1) for c in columns[:-1]]):
        last = n1 - sum(head)
        if 0 <= last <= columns[-1]:
            q = pmf(list(head) + [last])
            if q <= observed * (1 + 1e-7):
                total += q
    return min(1.0, total)


def cochran_holds(counts):
    t = counts[:, counts.sum(0) > 0]
    expected = stats.contingency.expected_freq(t)
    return expected.min() >= 1 and np.sum(expected < 5) * 5 <= expected.size


document = json.load(sys.stdin)
rounds = []
latest = {}
for response in document["responses"]:
    if response["round"] not in rounds:
        rounds.append(response["round"])
    latest[(response["round"], response["question"], response["participant"])] = response["answer"]
first, last = rounds[0], rounds[-1]
out = []


def add(question, name, statistic, p_value, df=None, option=None, paired=False, primary=False):
    out.append({"question": question, "name": name, "option": option, "paired": paired, "primary": primary,
                "statistic": finite(statistic), "df": finite(df), "p_value": finite(p_value)})


for question in document["questions"]:
    qid, kind, options = question["id"], question["kind"], question.get("options", [])
    before = {p: a for (r, q, p), a in latest.items() if r == first and q == qid}
    after = {p: a for (r, q, p), a in latest.items() if r == last and q == qid}
    if not before or not after:
        continue
    pairs = [(before[p], after[p]) for p in before if p in after]
    design_paired = len(pairs) > 0 and 2 * len(pairs) >= min(len(before), len(after))
    if kind == "single":
        counts = np.array([[sum(1 for a in answers.values() if a == k) for k in range(len(options))] for answers in (before, after)])
        kept = counts[:, counts.sum(0) > 0]
        leader = int(np.argmax(counts[1]))
        if kept.shape[1] >= 2:
            chi2, p, df, _ = stats.chi2_contingency(kept, correction=False)
            exact = None if cochran_holds(counts) else freeman_halton(counts)
            add(qid, "chi_square_homogeneity", chi2, p, df, primary=not design_paired and exact is None)
            if exact is not None:
                add(qid, "fisher_freeman_halton", None, exact, primary=not design_paired)
        if pairs:
            b = sum(1 for x, y in pairs if x != leader and y == leader)
            c = sum(1 for x, y in pairs if x == leader and y != leader)
            if b + c > 0:
                add(qid, "mcnemar_midp", None, midp(b, c), option=options[leader], paired=True, primary=design_paired)
            table = np.zeros((len(options), len(options)), dtype=int)
            for x, y in pairs:
                table[x, y] += 1
            switched = (table.sum(0) + table.sum(1) - 2 * np.diag(table)) > 0
            reduced = table[switched][:, switched]
            if reduced.shape[0] >= 2:
                result = SquareTable(reduced, shift_zeros=False).homogeneity()
                add(qid, "stuart_maxwell", result.statistic, result.pvalue, result.df, paired=True)
    elif kind == "multi":
        chose = lambda answers, k: sum(1 for a in answers.values() if k in a)
        leader = int(np.argmax([chose(after, k) for k in range(len(options))]))
        for k, option in enumerate(options):
            table = [[chose(after, k), len(after) - chose(after, k)], [chose(before, k), len(before) - chose(before, k)]]
            odds, p = stats.fisher_exact(table)
            add(qid, "fisher_exact", odds, p, option=option, primary=not design_paired and k == leader)
            if pairs:
                b = sum(1 for x, y in pairs if k not in x and k in y)
                c = sum(1 for x, y in pairs if k in x and k not in y)
                if b + c > 0:
                    add(qid, "mcnemar_midp", None, midp(b, c), option=option, paired=True, primary=design_paired and k == leader)
    elif kind in ("likert", "scale"):
        position = (lambda a: a + 1) if kind == "likert" else (lambda a: a)
        x = np.array([position(a) for a in after.values()], dtype=float)
        y = np.array([position(a) for a in before.values()], dtype=float)
        d = np.array([position(b) - position(a) for a, b in pairs], dtype=float)
        pa = np.array([position(b) for a, b in pairs], dtype=float)
        pb = np.array([position(a) for a, b in pairs], dtype=float)
        if kind == "likert":
            r = signed_rank(d)
            if r:
                add(qid, "wilcoxon_signed_rank", r[0], r[1], paired=True, primary=design_paired)
            r = rank_sum(x, y)
            if r:
                add(qid, "mann_whitney_u", r[0], r[1], primary=not design_paired)
        else:
            if len(d) >= 2 and np.any(d != d[0]):
                r = stats.ttest_rel(pa, pb)
                add(qid, "paired_t", r.statistic, r.pvalue, r.df, paired=True, primary=design_paired)
            elif r := signed_rank(d):
                add(qid, "wilcoxon_signed_rank", r[0], r[1], paired=True, primary=design_paired)
            if len(x) >= 2 and len(y) >= 2 and not (np.all(x == x[0]) and np.all(y == y[0])):
                r = stats.ttest_ind(x, y, equal_var=False)
                add(qid, "welch_t", r.statistic, r.pvalue, r.df, primary=not design_paired)
            elif r := rank_sum(x, y):
                add(qid, "mann_whitney_u", r[0], r[1], primary=not design_paired)
    elif kind == "ranking":
        rank = lambda order, k: order.index(k) + 1
        means = [np.mean([rank(a, k) for a in after.values()]) for k in range(len(options))]
        leader = int(np.argmin(means))
        for k, option in enumerate(options):
            d = np.array([rank(b, k) - rank(a, k) for a, b in pairs], dtype=float)
            r = signed_rank(d)
            if r:
                add(qid, "wilcoxon_signed_rank", r[0], r[1], option=option, paired=True, primary=design_paired and k == leader)
            x = np.array([rank(a, k) for a in after.values()], dtype=float)
            y = np.array([rank(a, k) for a in before.values()], dtype=float)
            r = rank_sum(x, y)
            if r:
                add(qid, "mann_whitney_u", r[0], r[1], option=option, primary=not design_paired and k == leader)


def measure_of(kind, answers_after, options):
    """The room's headline measure of one answer: chose the closing round's leading option
    (1 or 0; ×100 makes percent), the likert position or scale value, or the leader's rank."""
    if kind == "single":
        leader = int(np.argmax([sum(1 for a in answers_after.values() if a == k) for k in range(len(options))]))
        return (lambda a: float(a == leader)), 100.0
    if kind == "multi":
        leader = int(np.argmax([sum(1 for a in answers_after.values() if k in a) for k in range(len(options))]))
        return (lambda a: float(leader in a)), 100.0
    if kind == "likert":
        return (lambda a: float(a + 1)), 1.0
    if kind == "scale":
        return (lambda a: float(a)), 1.0
    if kind == "ranking":
        means = [np.mean([order.index(k) + 1 for order in answers_after.values()]) for k in range(len(options))]
        leader = int(np.argmin(means))
        return (lambda order: float(order.index(leader) + 1)), 1.0
    return None, None


# Did the segment's groups move differently? Per segment question (single choice, asked in the
# opening round) and every other question: each group's change on the room's headline measure,
# and the test of equal changes — one-way ANOVA of the paired changes (paired design) or
# Cochran's Q of the groups' changes with their variances (a percent's Agresti–Caffo, a mean's
# Welch; no test when one is 0), statsmodels combine_effects.
for segment in [q for q in document["questions"] if q.get("segment")]:
    group_of = {p: a for (r, q, p), a in latest.items() if r == first and q == segment["id"]}
    for question in document["questions"]:
        qid, kind = question["id"], question["kind"]
        if question.get("segment") or kind in ("words", "text"):
            continue
        before = {p: a for (r, q, p), a in latest.items() if r == first and q == qid}
        after = {p: a for (r, q, p), a in latest.items() if r == last and q == qid}
        if not before or not after:
            continue
        pairs = [p for p in before if p in after]
        paired = len(pairs) > 0 and 2 * len(pairs) >= min(len(before), len(after))
        m, scale = measure_of(kind, after, question.get("options", []))
        samples, estimates, variances = [], [], []
        for g, label in enumerate(segment["options"]):
            bv = np.array([m(a) for p, a in before.items() if group_of.get(p) == g])
            av = np.array([m(a) for p, a in after.items() if group_of.get(p) == g])
            d = np.array([m(after[p]) - m(before[p]) for p in pairs if group_of.get(p) == g])
            n = len(d) if paired else min(len(bv), len(av))
            if n < 2 or len(bv) < 2 or len(av) < 2:
                continue
            change = scale * (d.mean() if paired else av.mean() - bv.mean())
            add(qid, "group_change", change, None, df=n, option=f"by {segment['id']}: {label}", paired=paired)
            samples.append(d)
            estimates.append(change)
            if scale == 100.0:
                # Agresti–Caffo: a success and a failure added to each round.
                ac = lambda v: ((v.sum() + 1) / (len(v) + 2)) * (1 - (v.sum() + 1) / (len(v) + 2)) / (len(v) + 2)
                variances.append(scale ** 2 * (ac(av) + ac(bv)))
            else:
                variances.append(av.var(ddof=1) / len(av) + bv.var(ddof=1) / len(bv))
        if len(samples) < 2:
            continue
        if paired:
            within = sum(float(np.sum((x - x.mean()) ** 2)) for x in samples)
            if within > 0 or len({float(x[0]) for x in samples}) > 1:
                r = stats.f_oneway(*samples)   # (inf, 0) without variation within the groups
                add(qid, "one_way_anova", r.statistic, r.pvalue, len(samples) - 1, option=f"by {segment['id']}", paired=True)
        elif all(v > 0 for v in variances):
            from statsmodels.stats.meta_analysis import combine_effects
            r = combine_effects(np.array(estimates), np.array(variances)).test_homogeneity()
            add(qid, "heterogeneity_q", r.statistic, r.pvalue, r.df, option=f"by {segment['id']}")
json.dump(out, sys.stdout)
