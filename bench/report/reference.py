"""The same work as `roompoll report --format json` in pandas + scipy + statsmodels, on the same
database: per question the tallies of both rounds, the pairs, and the tests (χ², McNemar mid-p,
Stuart–Maxwell, Fisher per option, Wilcoxon, Mann–Whitney, paired and Welch t). Usage:
reference.py DB SESSION; prints how many tests it ran."""
import json
import sqlite3
import sys

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.contingency_tables import SquareTable

db, session = sys.argv[1], sys.argv[2]
with sqlite3.connect(db) as connection:
    definition = json.loads(connection.execute("SELECT definition FROM session WHERE name = ?", (session,)).fetchone()[0])
    frame = pd.read_sql_query(
        """SELECT p.token AS participant, r.round, r.question, r.answer FROM response r
           JOIN participant p ON p.id = r.participant_id JOIN session s ON s.id = r.session_id
           WHERE s.name = ? AND r.superseded_by IS NULL""", connection, params=(session,))


def midp(b, c):
    n = b + c
    if n == 0:
        return 1.0
    k = min(b, c)
    return min(1.0, 2 * stats.binom.cdf(k, n, 0.5)) - stats.binom.pmf(k, n, 0.5)


tests = 0
for question in definition["questions"]:
    rows = frame[frame.question == question["id"]]
    kind = question["kind"]
    options = question.get("options") or []
    wide = rows.pivot(index="participant", columns="round", values="answer")
    opening, closing = rows[rows["round"] == "opening"].answer, rows[rows["round"] == "closing"].answer
    pairs = wide.dropna()
    if kind in ("single",):
        table = pd.crosstab(rows["round"], rows.answer).values
        stats.chi2_contingency(table, correction=False)
        square = pd.crosstab(pairs["opening"], pairs["closing"]).reindex(index=options, columns=options, fill_value=0).values
        used = (square.sum(0) + square.sum(1)) > 0
        SquareTable(square[used][:, used], shift_zeros=False).homogeneity()
        leader = closing.value_counts().idxmax()
        midp(int(((pairs.opening != leader) & (pairs.closing == leader)).sum()), int(((pairs.opening == leader) & (pairs.closing != leader)).sum()))
        tests += 3
    elif kind == "multi":
        for option in options:
            before = opening.str.split(";").apply(lambda picked: option in picked)
            after = closing.str.split(";").apply(lambda picked: option in picked)
            stats.fisher_exact([[after.sum(), (~after).sum()], [before.sum(), (~before).sum()]])
            b_ = pairs.opening.str.split(";").apply(lambda picked: option in picked)
            a_ = pairs.closing.str.split(";").apply(lambda picked: option in picked)
            midp(int((a_ & ~b_).sum()), int((b_ & ~a_).sum()))
            tests += 2
    elif kind in ("likert", "scale"):
        if kind == "likert":
            labels = question.get("labels") or ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
            position = {label: i + 1 for i, label in enumerate(labels)}
            to_number = lambda series: series.map(position).astype(float)
        else:
            to_number = lambda series: series.astype(float)
        before, after = to_number(opening), to_number(closing)
        pb, pa = to_number(pairs.opening), to_number(pairs.closing)
        if kind == "likert":
            stats.wilcoxon(pa - pb, zero_method="pratt", correction=False, method="asymptotic")
            stats.mannwhitneyu(after, before, alternative="two-sided", use_continuity=True, method="asymptotic")
        else:
            stats.ttest_rel(pa, pb)
            stats.ttest_ind(after, before, equal_var=False)
        tests += 2
    elif kind == "ranking":
        for option in options:
            rank = lambda series: series.str.split(">").apply(lambda order: order.index(option) + 1).astype(float)
            stats.wilcoxon(rank(pairs.closing) - rank(pairs.opening), zero_method="pratt", correction=False, method="asymptotic")
            stats.mannwhitneyu(rank(closing), rank(opening), alternative="two-sided", use_continuity=True, method="asymptotic")
            tests += 2
print(f"{len(frame)} responses, {tests} tests")
