// GroupTests.swift — did groups move differently? Tests of equal changes across groups.
import Foundation

extension StatisticalTests {
    /// One-way analysis of variance of `groups` (scipy.stats.f_oneway): F = (SSB/(k−1)) / (SSW/(N−k)).
    /// On each paired participant's change (last − first) it is the group × round interaction of
    /// a mixed-design ANOVA with two rounds. Groups without values are left out; nil with fewer
    /// than two groups, no degrees of freedom within groups, or no variation within them.
    public static func oneWayANOVA(_ groups: [[Double]]) -> TestResult? {
        let groups = groups.filter { !$0.isEmpty }
        guard groups.count >= 2, groups.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { return nil }
        let n = groups.reduce(0) { $0 + $1.count }, k = groups.count
        guard n > k else { return nil }
        let grand = groups.reduce(0) { $0 + $1.reduce(0, +) } / Double(n)
        var between = 0.0, within = 0.0
        for group in groups {
            let mean = group.reduce(0, +) / Double(group.count)
            between += Double(group.count) * (mean - grand) * (mean - grand)
            within += group.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        }
        let (df1, df2) = (Double(k - 1), Double(n - k))
        guard within > 0 else {
            guard between > 0 else { return nil }
            var result = TestResult(name: "one_way_anova", statistic: nil, df: df1, pValue: 0)
            result.df2 = df2
            return result
        }
        let f = (between / df1) / (within / df2)
        guard f.isFinite else { return nil }
        var result = TestResult(name: "one_way_anova", statistic: f, df: df1, pValue: clampedProbability(Distributions.fUpper(f, df1: df1, df2: df2)))
        result.df2 = df2
        return result
    }

    /// Cochran's Q test that `estimates` (each with its `variances`, > 0) are equal: Q = Σ wᵢ(θᵢ − θ̄)²
    /// with wᵢ = 1/vᵢ and θ̄ the weighted mean, against χ² with k − 1 degrees of freedom
    /// (statsmodels combine_effects(…).test_homogeneity()). Estimates without a positive, finite
    /// variance are left out; nil with fewer than two left.
    public static func heterogeneity(estimates: [Double], variances: [Double]) -> TestResult? {
        let kept = zip(estimates, variances).filter { $0.0.isFinite && $0.1.isFinite && $0.1 > 0 }
        guard kept.count >= 2 else { return nil }
        let weights = kept.map { 1 / $0.1 }
        let total = weights.reduce(0, +)
        let mean = zip(kept, weights).reduce(0) { $0 + $1.0.0 * $1.1 } / total
        let q = zip(kept, weights).reduce(0) { $0 + $1.1 * ($1.0.0 - mean) * ($1.0.0 - mean) }
        let df = Double(kept.count - 1)
        guard q.isFinite else { return nil }
        return TestResult(name: "heterogeneity_q", statistic: q, df: df, pValue: clampedProbability(Distributions.chiSquareUpper(q, df: df)))
    }

    /// The fixed-effect (inverse-variance weighted) mean of `estimates` with its normal 95%
    /// interval, mean ± z₀.₉₇₅/√Σwᵢ (statsmodels combine_effects: the "fixed effect" row).
    /// Estimates without a positive, finite variance are left out; nil with none left.
    public static func fixedEffect(estimates: [Double], variances: [Double]) -> (mean: Double, lower: Double, upper: Double)? {
        let kept = zip(estimates, variances).filter { $0.0.isFinite && $0.1.isFinite && $0.1 > 0 }
        guard !kept.isEmpty else { return nil }
        let total = kept.reduce(0) { $0 + 1 / $1.1 }
        let mean = kept.reduce(0) { $0 + $1.0 / $1.1 } / total
        let margin = Distributions.normalQuantile(0.975) / total.squareRoot()
        guard mean.isFinite, margin.isFinite else { return nil }
        return (mean, mean - margin, mean + margin)
    }
}
