// ReferenceCases.swift — hand-made and seeded random cases for the reference comparison.
import Foundation
@testable import Analysis
import PollCore

/// Generates the cases: hand-made edge cases (zero cells, empty options, all ties, no switchers, one category,
/// huge counts, tails down to ~1e-300) and seeded random polls (samples of 20 to 2,000).
public enum ReferenceCases: Sendable {

    /// Every case: hand-made first, then `randomPerTest` random ones per test, from `seed`.
    public static func all(seed: UInt64 = 20_240_601, randomPerTest: Int = 60) -> [ReferenceCase] {
        var rng = SeededGenerator(seed: seed)
        var cases = handMade()
        cases += distributionSweeps(&rng)
        cases += randomTests(&rng, count: randomPerTest)
        return cases
    }

    // MARK: - Hand-made cases

    public static func handMade() -> [ReferenceCase] {
        var cases: [ReferenceCase] = []
        var counter = 0
        func add(_ test: String, _ build: (inout ReferenceCase) -> Void) {
            counter += 1
            var c = ReferenceCase(id: "hand-\(test)-\(counter)", test: test)
            build(&c)
            cases.append(c)
        }

        // χ² / Cramér's V tables.
        let tables: [[[Int]]] = [
            [[10, 0], [0, 10]], [[0, 0], [5, 5]], [[5, 0, 3], [2, 0, 4]], [[1, 2], [2, 4]], [[3, 3], [3, 3]],
            [[1_000_000, 2_000_000], [3_000_000, 1000]], [[5], [7]], [[]], [[0, 0], [0, 0]], [[4, 6, 0]],
            [[12, 30, 7, 0, 1], [25, 14, 9, 0, 0], [2, 0, 0, 0, 0]], [[1, 0], [0, 1]], [[100, 0, 0], [0, 100, 0]],
            [[30000, 29000, 1000], [28000, 31000, 900], [29500, 30500, 1100]], [[0, 7], [3, 0], [0, 0]],
            [[50, 50], [50, 50], [10, 90]], [[2, 3, 4, 5], [5, 4, 3, 2]],
        ]
        for table in tables {
            add("chi_square_homogeneity") { $0.table = table }
            add("cramers_v") { $0.table = table }
        }

        // Fisher's exact.
        let fisherTables: [[[Int]]] = [
            [[8, 2], [1, 5]], [[6, 2], [1, 4]], [[0, 5], [5, 0]], [[3, 0], [0, 3]], [[0, 0], [1, 2]],
            [[1, 0], [1, 0]], [[5, 5], [5, 5]], [[1000, 2000], [2500, 1500]], [[100_000, 90_000], [95_000, 99_000]],
            [[0, 10], [10, 10]], [[10, 10], [0, 10]], [[1, 1], [1, 1]], [[0, 1], [1, 0]], [[20, 0], [0, 20]],
            [[3, 7], [7, 3]], [[12, 5], [5, 12]], [[7, 12], [0, 15]], [[200, 0], [0, 200]], [[499, 501], [501, 499]],
            [[10, 20], [30, 40]], [[30, 40], [10, 20]], [[1, 9], [11, 3]], [[2, 7], [8, 2]], [[0, 3], [2, 1]],
            [[40, 1], [0, 40]], [[5, 0], [0, 0]], [[100, 50], [50, 100]], [[1_000_000, 0], [0, 1_000_000]],
            [[1_000_000, 2_000_000], [3_000_000, 1000]], [[500_000, 500_100], [499_000, 501_500]],
            [[0, 1_000_000], [1, 999_999]], [[2, 1_000_000], [0, 1_000_000]],
        ]
        for table in fisherTables { add("fisher_exact") { $0.table = table } }

        // McNemar mid-p.
        let discordant: [(Int, Int)] = [
            (0, 0), (1, 1), (0, 1), (0, 5), (5, 0), (3, 3), (10, 20), (20, 10), (100, 150), (1000, 1200),
            (0, 1000), (0, 1080), (7, 2), (50, 51), (1, 0), (2, 9),
        ]
        for (b, c) in discordant { add("mcnemar_midp") { $0.counts = [b, c] } }

        // Stuart–Maxwell.
        let squareTables: [[[Int]]] = [
            [[10, 0], [0, 12]], [[5]], [[0, 0], [0, 7]], [[3, 4], [9, 2]], [[20, 5, 1], [2, 30, 4], [0, 6, 25]],
            [[20, 5, 0], [2, 30, 0], [0, 0, 0]], [[5, 0, 0], [0, 3, 2], [0, 1, 4]], [[3, 1, 0], [2, 3, 0], [0, 0, 4]],
            [[0, 1, 0], [1, 0, 0], [0, 0, 1]], [[0, 4, 0], [1, 0, 3], [2, 0, 0]],
            [[50, 3, 2, 1], [4, 60, 5, 0], [1, 2, 40, 6], [0, 1, 3, 30]], [[0, 9], [1, 0]],
            [[1000, 400, 100], [50, 900, 200], [10, 60, 800]], [[5, 0, 0], [0, 0, 0], [0, 0, 6]],
            [[2, 3, 0, 0], [1, 2, 0, 0], [0, 0, 4, 1], [0, 0, 2, 5]], [[0, 0, 0], [0, 0, 0], [0, 0, 0]],
        ]
        for table in squareTables { add("stuart_maxwell") { $0.table = table } }

        // Wilcoxon signed-rank (differences).
        let differenceSets: [[Double]] = [
            [0, 0, 0, 0], [], [0, 0, 1], [1], [-2], [1, 2, 3, 4, 5], [-1, -1, -1, 2], [0, 0, 1, 1, -1, 2, 0, -3],
            [1, 1, 1, 1, 1, 1], [0.5, -0.25, 1.75, 0, 0, 2.5, -3], Array(repeating: 1, count: 40) + [-1, 0, 0],
            (1...30).map { Double($0 % 7) - 3 },
        ]
        for d in differenceSets { add("wilcoxon_signed_rank") { $0.x = d } }

        // Exact Wilcoxon signed-rank: constant moves (the unanimous room), ties, zeros, no ties up to 50.
        let exactDifferences: [[Double]] = [
            Array(repeating: 1, count: 12), Array(repeating: 2, count: 30), Array(repeating: -1, count: 4), [1],
            [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2], [0, 0, 0], [1, 1, 2, -1, 0, 3, 1, 2], [0, 0, 1, 1, -1, 2, 0, -3],
            [2, -2, 2, -2], [1, 1, 1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], (1...50).map { Double($0) },
            (1...50).map { Double($0) * ($0 % 3 == 0 ? -1 : 1) }, (1...51).map { Double($0) },
            (1...16).map { Double($0 % 4) - 1 },
        ]
        for d in exactDifferences { add("wilcoxon_signed_rank_exact") { $0.x = d } }
        let exactSamples: [([Double], [Double])] = [
            ([5, 5, 5, 5], [3, 3, 3, 3]), ([1, 1, 1], [1, 1]), ([3], [1]), ([1, 2, 3], [4, 5, 6]),
            ([1, 2, 2, 3, 3, 3], [2, 3, 3, 4, 4, 5]), ([4, 4, 5, 5, 5, 2], [1, 2, 2, 3, 3, 3, 4, 1]), ([1, 2], [1, 2]),
            ((1...25).map { Double($0) * 2 }, (1...25).map { Double($0) * 2 + 1 }), ([], [1, 2]),
            ((1...26).map { Double($0) }, (1...25).map { Double($0) + 0.5 }),
        ]
        for (x, y) in exactSamples { add("mann_whitney_u_exact") { $0.x = x; $0.y = y } }
        // Fisher–Freeman–Halton on two rounds, and Cochran's rule for χ².
        let smallTables: [[[Int]]] = [
            [[4, 0], [0, 4]], [[3, 1, 0], [0, 2, 4]], [[2, 2, 1], [1, 3, 0]], [[0, 5, 0], [0, 5, 0]], [[5, 0], [0, 0]],
            [[10, 3, 1, 0, 2], [4, 8, 2, 1, 0]], [[30, 25, 2], [28, 27, 1]], [[1, 0, 0, 0], [0, 1, 1, 1]],
            [[12, 8], [7, 13]], [[0, 0, 3], [1, 2, 0]], [[6, 6, 6], [6, 6, 6]],
        ]
        for table in smallTables {
            add("fisher_freeman_halton") { $0.table = table }
            add("chi_square_approximation_holds") { $0.table = table }
        }

        // Mann–Whitney and probability of superiority.
        let samplePairs: [([Double], [Double])] = [
            ([1, 1, 1], [1, 1]), ([], [1, 2]), ([3], [1]), ([1], [1, 2]), ([1, 2, 3], [4, 5, 6]),
            ([5, 5, 5, 5], [1, 1, 1]), ([1, 2, 2, 3, 3, 3], [2, 3, 3, 4, 4, 5]), ([1, 2], [1, 2]),
            ([0.1, 0.2, 0.3], [0.3, 0.2, 0.1, 0.25]),
        ]
        for (x, y) in samplePairs {
            add("mann_whitney_u") { $0.x = x; $0.y = y }
            add("probability_of_superiority") { $0.x = x; $0.y = y }
        }

        // Paired t and Welch t.
        let pairedSets: [([Double], [Double])] = [
            ([1], [2]), ([3, 4, 5], [2, 3, 4]), ([3, 5, 4], [3, 5, 4]), ([1, 2, 3, 4], [2, 2, 2, 5]),
            ([5, 4, 3, 5, 4], [1, 2, 1, 2, 1]), ([0.1, 0.2, 0.3], [0.2, 0.1, 0.35]),
        ]
        for (after, before) in pairedSets { add("paired_t") { $0.x = after; $0.y = before } }
        let welchSets: [([Double], [Double])] = [
            ([1], [2, 3]), ([2, 2, 2], [3, 3]), ([2, 2, 2], [3, 4, 5]), ([1, 2, 3, 4, 5], [2, 4]),
            ([1, 1, 2, 5, 5], [3, 3, 3, 3, 4, 5, 5, 1]), ([100, 101, 102], [1, 2, 3]),
        ]
        for (x, y) in welchSets { add("welch_t") { $0.x = x; $0.y = y } }

        // Groups' changes: a constant group, a group of one, an empty group, no variation at all.
        let groupSets: [[[Double]]] = [
            [[1, 0, 0, 1, -1], [0, 0, 0], [1, 1, 1, 0]],
            [[2, 3, 1], [5]],
            [[], [1, 2], [0, 1, 1]],
            [[1, 1], [1, 1, 1]],
            [[1, 1], [0, 0]],
            [[0.5, -0.25, 1.5], [2, 2.5, 1.75, 3], [-1, 0, 0.5, 0.25, 0]],
        ]
        for groups in groupSets { add("one_way_anova") { $0.groups = groups } }
        let heterogeneitySets: [([Double], [Double])] = [
            ([0.1, 0.3, 0.5], [0.01, 0.02, 0.03]),
            ([12, -4], [40, 55]),
            ([0.2, 0.2, 0.2], [0.1, 0.2, 0.3]),
            ([0.3, 0.1, 0.9], [0.02, 0, 0.05]),
            ([1.5], [0.2]),
        ]
        for (estimates, variances) in heterogeneitySets {
            add("heterogeneity_q") { $0.x = estimates; $0.y = variances }
            add("fixed_effect") { $0.x = estimates; $0.y = variances }
        }

        // Holm.
        let holmSets: [[Double]] = [
            [], [0.01], [0.01, 0.04, 0.03, 0.005], [0.5, 0.5, 0.5], [1, 1e-300, 0.2, 0.2, 0.049],
            [0.02, 0.02, 0.01, 0.9, 0.3, 0.04], [1e-10, 2e-10, 3e-10], [0.3, 0.01, 0.3, 0.3, 0.02],
        ]
        for p in holmSets { add("holm") { $0.pValues = p } }

        // Intervals.
        let wilsonCounts: [(Int, Int)] = [(0, 0), (0, 1), (1, 1), (0, 10), (10, 10), (3, 10), (50, 100),
                                          (1, 2000), (1999, 2000), (123_456, 1_000_000)]
        for (k, n) in wilsonCounts {
            add("wilson") { $0.counts = [k, n] }
            add("wilson") { $0.counts = [k, n]; $0.confidence = 0.9 }
        }
        let newcombeCounts: [[Int]] = [[0, 0, 1, 2], [0, 10, 0, 10], [10, 10, 0, 10], [5, 10, 5, 10],
                                       [56, 70, 48, 80], [9, 10, 3, 10], [1, 2000, 1999, 2000], [0, 5, 5, 5]]
        for k in newcombeCounts {
            add("newcombe") { $0.counts = k }
            add("newcombe") { $0.counts = k; $0.confidence = 0.99 }
        }
        let pairedCounts: [[Int]] = [[0, 0, 0, 0], [59, 6, 16, 80], [14, 5, 0, 22], [1, 1, 7, 12], [10, 0, 0, 10],
                                     [0, 5, 0, 0], [0, 0, 0, 7], [20, 0, 0, 0], [3, 4, 5, 6], [36, 12, 2, 0],
                                     [5, 5, 0, 0], [0, 10, 10, 0], [1000, 30, 50, 920], [10, 15, 5, 20]]
        for k in pairedCounts {
            add("newcombe_paired") { $0.counts = k }
            add("newcombe_paired") { $0.counts = k; $0.confidence = 0.9 }
        }
        for (estimate, se, df) in [(0.5, 0.1, 9.0), (-1.2, 0.3, 1.0), (0.0, 1.0, 2.5), (3.0, 0.0, 10.0),
                                   (0.2, 0.05, 1234.5)] {
            add("mean_difference") { $0.estimate = estimate; $0.standardError = se; $0.df = df }
        }

        // Distribution extremes (tails down to ~1e-300).
        for z in [-40.0, -38, -10, -1, 0, 1e-5, 0.5, 1.959963984540054, 5, 8.5, 20, 30, 37, 37.5, 38.4] {
            add("normal_upper") { $0.value = z }
            add("normal_two_sided") { $0.value = z }
        }
        for p in [1e-300, 1e-250, 1e-200, 1e-100, 1e-50, 1e-20, 1e-10, 1e-5, 0.001, 0.025, 0.05, 0.3, 0.425,
                  0.5, 0.574, 0.7, 0.975, 0.999, 1 - 1e-10, 1 - 1e-15] {
            add("normal_quantile") { $0.value = p }
        }
        let tExtremes: [(Double, Double)] = [
            (1e299, 1), (1e150, 2), (1e155, 2), (1e160, 0.5), (1e30, 20), (1e10, 30), (50, 1e6), (30, 1e8),
            (37, 1e10), (-5, 3), (0, 7), (1e-300, 4), (3, 0.1), (1e200, 0.05), (1e3, 200), (-1e3, 200),
            (2.5, 1e15), (8, 3.7), (60, 59.5), (400, 1000.5),
        ]
        for (t, df) in tExtremes {
            add("t_upper") { $0.value = t; $0.df = df }
            add("t_two_sided") { $0.value = t; $0.df = df }
        }
        let chiExtremes: [(Double, Double)] = [
            (1380, 1), (1400, 2), (2000, 100), (0.5, 1), (1e-10, 1), (3, 3), (1e6 + 5000, 1e6), (1e6, 1e6),
            (9e5, 1e6), (1.2e6, 1e6), (50, 0.5), (700, 200), (0, 3), (3500, 1500), (40, 80),
        ]
        for (x, df) in chiExtremes { add("chi2_upper") { $0.value = x; $0.df = df } }
        let fExtremes: [(Double, Double, Double)] = [
            (1e100, 3, 2), (1e6, 10, 10), (1.5, 4, 30), (0.2, 4, 30), (100, 1, 1e5), (1.01, 1e5, 1e5),
            (1e300, 0.5, 0.5), (3, 2.5, 7.5), (1e-8, 3, 3), (1e8, 50, 50),
        ]
        for (f, d1, d2) in fExtremes { add("f_upper") { $0.value = f; $0.df = d1; $0.df2 = d2 } }
        let binomialExtremes: [(Int, Int, Double)] = [
            (1000, 1000, 0.5), (995, 1000, 0.5), (0, 10, 0.3), (11, 10, 0.3), (1, 1, 0.5), (500, 1000, 0.5),
            (600_000, 1_000_000, 0.5), (501_000, 1_000_000, 0.5), (3, 1_000_000, 1e-6), (10, 20, 1e-10),
            (50, 100, 0.999), (1, 2000, 0.5), (2000, 2000, 0.999),
        ]
        for (k, n, p) in binomialExtremes {
            add("binom_upper") { $0.k = k; $0.n = n; $0.p = p }
            add("binom_lower") { $0.k = k; $0.n = n; $0.p = p }
            add("binom_pmf") { $0.k = k; $0.n = n; $0.p = p }
        }
        for (p, df) in [(1e-300, 1.0), (1e-300, 5), (1e-100, 2.5), (1e-20, 30), (0.025, 1), (0.975, 3),
                        (0.5, 4), (0.4999, 4), (0.999, 0.7), (0.95, 1e6), (1e-5, 1e7), (0.9, 0.2), (0.01, 12.3)] {
            add("t_quantile") { $0.value = p; $0.df = df }
        }
        for x in [0.5, 1, 1.5, 2, 2.5, 3.7, 10, 100.5, 1e5, 1e10, 1e-8, 171.5, 1e300] {
            add("log_gamma") { $0.value = x }
        }
        for (a, b) in [(0.5, 0.5), (1, 1), (2, 3), (10, 10), (1e-3, 5), (0.5, 1e6), (1e6, 2e6), (3, 1e12),
                       (15.5, 30), (9.9, 10.1)] {
            add("log_beta") { $0.df = a; $0.p = b }
        }
        for (a, x) in [(0.5, 0.1), (0.5, 5), (1, 1), (3, 2), (10, 30), (100, 80), (100, 130), (1e4, 1.03e4),
                       (1e-3, 1), (0.1, 1e-5), (50, 700), (2.5, 0.001)] {
            add("gamma_q") { $0.df = a; $0.value = x }
            add("gamma_p") { $0.df = a; $0.value = x }
        }
        for (a, b, x) in [(0.5, 0.5, 0.3), (2, 3, 0.9), (10, 10, 0.5), (100, 5, 0.2), (1e3, 1e3, 0.45),
                          (0.01, 0.02, 0.99), (5, 0.5, 1e-60), (30, 40, 0.1)] {
            add("beta_inc") { $0.df = a; $0.df2 = b; $0.value = x }
        }
        return cases
    }

    // MARK: - Distribution sweeps

    /// Grids and random points for the distribution functions, reaching p ≈ 1e-300.
    public static func distributionSweeps(_ rng: inout SeededGenerator) -> [ReferenceCase] {
        var cases: [ReferenceCase] = []
        var counter = 0
        func add(_ test: String, _ build: (inout ReferenceCase) -> Void) {
            counter += 1
            var c = ReferenceCase(id: "sweep-\(test)-\(counter)", test: test)
            build(&c)
            cases.append(c)
        }
        // Normal: z from −38 to 38.
        for _ in 0..<80 {
            let z = Double.random(in: -38.4...38.4, using: &rng)
            add("normal_upper") { $0.value = z }
        }
        for _ in 0..<60 {
            let p = rng.logUniform(-300, log10(0.5))
            let upper = p > 1e-15 && Bool.random(using: &rng)
            add("normal_quantile") { $0.value = upper ? 1 - p : p }
        }
        // t: df grid including non-integer and large df; t chosen so that tails span 1 … 1e-300.
        let dfs: [Double] = [0.3, 0.5, 1, 1.5, 2, 2.7, 3, 5, 9.9, 10, 29.3, 30, 100, 1000.5, 1e4, 1e5, 2.2e5, 1e6,
                             1e7, 1e9, 1e12]
        for df in dfs {
            for exponent in stride(from: 0.0, through: -300.0, by: -30.0) {
                let p = pow(10, exponent) * 0.49
                let t = Distributions.tQuantile(1 - p, df: df)   // only to place t; the reference is scipy
                guard t.isFinite else { continue }
                add("t_upper") { $0.value = t; $0.df = df }
                add("t_upper") { $0.value = -t; $0.df = df }
                add("t_quantile") { $0.value = p; $0.df = df }
            }
        }
        for _ in 0..<100 {
            // Quantiles: keep |t| below ~1e250 (log10 t ≈ −log10 p / df) so that the answer is finite.
            let df = rng.logUniform(-0.7, 7)
            let p = rng.logUniform(-min(200, 250 * df), log10(0.5))
            let upper = p > 1e-15 && Bool.random(using: &rng)
            add("t_quantile") { $0.value = upper ? 1 - p : p; $0.df = df }
        }
        for _ in 0..<100 {
            let df = rng.logUniform(-0.5, 6)
            let t = (Bool.random(using: &rng) ? 1 : -1) * rng.logUniform(-3, 2)
            add("t_upper") { $0.value = t; $0.df = df }
            add("t_two_sided") { $0.value = t; $0.df = df }
        }
        // χ²: df grid; x from below the mean to the 1e-300 tail.
        for df in [1.0, 2, 3, 4.5, 10, 37.5, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8] {
            for k in [-3.0, -1, 0, 1, 3, 10, 30, 60] {
                let x = df + k * (2 * df).squareRoot()
                guard x > 0 else { continue }
                add("chi2_upper") { $0.value = x; $0.df = df }
            }
            for exponent in [-50.0, -150, -300] {
                // Rough upper-tail location: x ≈ df + 2·log(1/p) + … (good enough to land in 1e-300 … 1e-250).
                let target = -exponent * log(10)
                let x = df + 2 * target + 2 * (df * target).squareRoot()
                add("chi2_upper") { $0.value = x; $0.df = df }
            }
        }
        for _ in 0..<80 {
            let df = rng.logUniform(0, 5)
            let x = df * rng.logUniform(-1.5, 1.2)
            add("chi2_upper") { $0.value = x; $0.df = df }
        }
        // F.
        for _ in 0..<100 {
            let d1 = rng.logUniform(0, 4), d2 = rng.logUniform(0, 4)
            let f = rng.logUniform(-2, 3)
            add("f_upper") { $0.value = f; $0.df = d1.rounded(); $0.df2 = d2 }
        }
        // F and incomplete beta with one huge shape (the large-a expansion) and a moderate other one.
        for d2 in [1e5, 3e5, 1e6, 1e9, 1e13] {
            for d1 in [1.0, 2, 5, 10, 30, 79, 81] {
                for f in [0.2, 0.9, 1.0, 1.1, 2, 5, 20] {
                    add("f_upper") { $0.value = f; $0.df = d1; $0.df2 = d2 }
                    add("f_upper") { $0.value = f; $0.df = d2; $0.df2 = d1 }
                }
            }
        }
        for a in [5e4, 1e5, 2e5, 1e7, 1e10] {
            for b in [0.3, 1, 2.5, 39.5, 45] {
                for shift in [-30.0, -3, -1, 0, 1, 3] {
                    // x around the mean a/(a+b), shifted by multiples of the standard deviation ≈ √b/a.
                    let x = min(1 - 1e-16, max(1e-300, a / (a + b) + shift * b.squareRoot() / a))
                    add("beta_inc") { $0.df = a; $0.df2 = b; $0.value = x }
                    add("beta_inc") { $0.df = b; $0.df2 = a; $0.value = 1 - x }
                }
            }
        }
        // Both shapes large (F with two big df, χ² and binomial with very large df / n).
        for d1 in [1e4, 1e6, 1e8] {
            for d2 in [1e4, 1e6, 1e8] {
                let sd = (2 / d1 + 2 / d2).squareRoot()
                for k in [-5.0, -1, 0, 1, 5, 30] {
                    add("f_upper") { $0.value = max(1e-3, 1 + k * sd); $0.df = d1; $0.df2 = d2 }
                }
            }
        }
        for df in [1e9, 1e10, 1e12] {
            for k in [-5.0, -1, 0, 1, 5, 30] {
                add("chi2_upper") { $0.value = df + k * (2 * df).squareRoot(); $0.df = df }
            }
        }
        for n in [10_000_000, 100_000_000, 2_000_000_000] {
            for (p, k) in [(0.5, -3.0), (0.5, 0), (0.3, 2), (0.01, 5), (0.999, -1)] {
                let mean = Double(n) * p
                let count = Int((mean + k * (mean * (1 - p)).squareRoot()).rounded())
                add("binom_upper") { $0.k = count; $0.n = n; $0.p = p }
                add("binom_lower") { $0.k = count; $0.n = n; $0.p = p }
                add("binom_pmf") { $0.k = count; $0.n = n; $0.p = p }
            }
        }
        // Binomial.
        for _ in 0..<100 {
            let n = Int(rng.logUniform(0, 6))
            let p = Double.random(in: 0.001...0.999, using: &rng)
            let k = Int.random(in: 0...n, using: &rng)
            add("binom_upper") { $0.k = k; $0.n = n; $0.p = p }
            add("binom_lower") { $0.k = k; $0.n = n; $0.p = p }
            add("binom_pmf") { $0.k = k; $0.n = n; $0.p = p }
        }
        return cases
    }

    // MARK: - Random polls

    /// Random tables and samples of realistic poll shapes (Likert answers with heavy ties, some continuous data).
    public static func randomTests(_ rng: inout SeededGenerator, count: Int) -> [ReferenceCase] {
        var cases: [ReferenceCase] = []
        var counter = 0
        func add(_ test: String, _ build: (inout ReferenceCase) -> Void) {
            counter += 1
            var c = ReferenceCase(id: "rand-\(test)-\(counter)", test: test)
            build(&c)
            cases.append(c)
        }
        func sampleSize() -> Int { Int(rng.logUniform(log10(20), log10(2000))) }
        /// Likert answers 1…levels with a random preference profile.
        func likert(_ n: Int, levels: Int, shift: Double) -> [Double] {
            (0..<n).map { _ in
                let raw = Double(levels + 1) / 2 + shift + 1.3 * rng.normal()
                return min(Double(levels), max(1, raw.rounded()))
            }
        }
        for i in 0..<count {
            // Rounds × options table of counts, with occasional empty options.
            let rows = Int.random(in: 2...4, using: &rng)
            let columns = Int.random(in: 2...6, using: &rng)
            let perRow = sampleSize()
            let table: [[Int]] = (0..<rows).map { _ in
                var weights = (0..<columns).map { _ in Double.random(in: 0.05...1, using: &rng) }
                if Int.random(in: 0..<4, using: &rng) == 0 { weights[columns - 1] = 0 }
                let total = weights.reduce(0, +)
                var row = [Int](repeating: 0, count: columns)
                for _ in 0..<perRow {
                    var u = Double.random(in: 0..<total, using: &rng)
                    for j in 0..<columns {
                        u -= weights[j]
                        if u < 0 || j == columns - 1 { row[j] += weights[j] > 0 ? 1 : 0; break }
                    }
                }
                return row
            }
            add("chi_square_homogeneity") { $0.table = table }
            add("cramers_v") { $0.table = table }

            // 2×2 for Fisher: totals from 20 to 2,000.
            let n1 = sampleSize(), n2 = sampleSize()
            let p1 = Double.random(in: 0.02...0.98, using: &rng)
            let p2 = i % 3 == 0 ? p1 : Double.random(in: 0.02...0.98, using: &rng)
            let a = (0..<n1).filter { _ in Double.random(in: 0..<1, using: &rng) < p1 }.count
            let c = (0..<n2).filter { _ in Double.random(in: 0..<1, using: &rng) < p2 }.count
            add("fisher_exact") { $0.table = [[a, n1 - a], [c, n2 - c]] }
            add("newcombe") { $0.counts = [a, n1, c, n2] }
            add("wilson") { $0.counts = [a, n1] }

            // Paired yes/no: McNemar and Newcombe paired.
            let pairs = sampleSize()
            let stay = Double.random(in: 0.5...0.97, using: &rng)
            let drift = Double.random(in: 0.2...0.8, using: &rng)
            var cells = [0, 0, 0, 0]
            for _ in 0..<pairs {
                let first = Double.random(in: 0..<1, using: &rng) < 0.5
                let switched = Double.random(in: 0..<1, using: &rng) > stay
                let second = switched ? (Double.random(in: 0..<1, using: &rng) < drift) : first
                cells[(first ? 0 : 2) + (second ? 0 : 1)] += 1
            }
            add("mcnemar_midp") { $0.counts = [cells[1], cells[2]] }
            add("newcombe_paired") { $0.counts = cells }

            // Paired k×k: Stuart–Maxwell.
            let k = Int.random(in: 2...5, using: &rng)
            var square = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
            let shiftProbability = Double.random(in: 0.02...0.5, using: &rng)
            for _ in 0..<sampleSize() {
                let opening = Int.random(in: 0..<k, using: &rng)
                var closing = opening
                if Double.random(in: 0..<1, using: &rng) < shiftProbability {
                    closing = min(k - 1, max(0, opening + (Bool.random(using: &rng) ? 1 : -1)))
                }
                square[opening][closing] += 1
            }
            add("stuart_maxwell") { $0.table = square }

            // Samples: Likert (ties) most of the time, continuous sometimes.
            let continuous = i % 4 == 3
            let levels = [5, 7, 11][i % 3]
            let nx = sampleSize(), ny = sampleSize()
            let shift = Double.random(in: -0.6...0.6, using: &rng)
            let x: [Double] = continuous ? (0..<nx).map { _ in rng.normal() + shift } : likert(nx, levels: levels, shift: shift)
            let y: [Double] = continuous ? (0..<ny).map { _ in rng.normal() } : likert(ny, levels: levels, shift: 0)
            add("mann_whitney_u") { $0.x = x; $0.y = y }
            add("probability_of_superiority") { $0.x = x; $0.y = y }
            add("welch_t") { $0.x = x; $0.y = y }

            // Paired before/after.
            let before: [Double] = continuous ? (0..<nx).map { _ in rng.normal() } : likert(nx, levels: levels, shift: 0)
            let after: [Double] = before.map { b in
                if continuous { return b + shift + 0.5 * rng.normal() }
                let moved = Double.random(in: 0..<1, using: &rng) < 0.4
                    ? b + (Bool.random(using: &rng) ? 1 : -1) + (shift > 0.3 ? 1 : 0) : b
                return min(Double(levels), max(1, moved))
            }
            add("paired_t") { $0.x = after; $0.y = before }
            add("wilcoxon_signed_rank") { $0.x = zip(after, before).map { $0 - $1 } }

            // Small rooms for the exact tests: ties up to 14 pairs / 20 values, none up to 50.
            let few = Int.random(in: 2...14, using: &rng)
            let smallBefore = likert(few, levels: levels, shift: 0)
            let smallAfter = likert(few, levels: levels, shift: shift)
            add("wilcoxon_signed_rank_exact") { $0.x = zip(smallAfter, smallBefore).map { $0 - $1 } }
            let smallOther = likert(Int.random(in: 2...(20 - few), using: &rng), levels: levels, shift: 0)
            add("mann_whitney_u_exact") { $0.x = smallAfter; $0.y = smallOther }
            let untied = (0..<Int.random(in: 20...50, using: &rng)).map { _ in rng.normal() + shift }
            add("wilcoxon_signed_rank_exact") { $0.x = untied }
            let split = Int.random(in: 1..<untied.count, using: &rng)
            add("mann_whitney_u_exact") { $0.x = Array(untied[..<split]); $0.y = Array(untied[split...]).map { $0 - shift } }
            let smallTable = (0..<2).map { _ in (0..<Int.random(in: 2...4, using: &rng)).map { _ in Int.random(in: 0...6, using: &rng) } }
            if smallTable[0].count == smallTable[1].count {
                add("fisher_freeman_halton") { $0.table = smallTable }
                add("chi_square_approximation_holds") { $0.table = smallTable }
            }

            // Groups' changes: 2 to 7 groups of 1 to 40 paired changes (−1, 0, +1 or likert steps),
            // and their estimates with variances for Cochran's Q.
            let groupCount = Int.random(in: 2...7, using: &rng)
            let groups = (0..<groupCount).map { g in
                (0..<Int.random(in: 1...40, using: &rng)).map { _ in
                    Double(Int.random(in: -1...1, using: &rng) + (Double.random(in: 0..<1, using: &rng) < shift * Double(g) / 4 ? 1 : 0))
                }
            }
            add("one_way_anova") { $0.groups = groups }
            let estimates = (0..<groupCount).map { _ in rng.normal() * 10 }
            let variances = (0..<groupCount).map { _ in rng.logUniform(-1, 2) }
            add("heterogeneity_q") { $0.x = estimates; $0.y = variances }
            add("fixed_effect") { $0.x = estimates; $0.y = variances }

            // Holm over a family of random p-values spanning many decades.
            let family = Int.random(in: 1...12, using: &rng)
            let pValues = (0..<family).map { _ in min(1, rng.logUniform(-12, 0.1)) }
            add("holm") { $0.pValues = pValues }

            // Mean-difference interval.
            let df = rng.logUniform(0, 3.3)
            add("mean_difference") {
                $0.estimate = rng.normal(); $0.standardError = rng.logUniform(-3, 0); $0.df = df
                $0.confidence = [0.9, 0.95, 0.99][i % 3]
            }
        }
        return cases
    }
}
