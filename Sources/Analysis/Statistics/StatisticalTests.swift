// StatisticalTests.swift — the significance tests of roompoll's shift analysis.
import Foundation

/// The tests of roompoll's shift analysis. Each returns nil when the data allow no test
/// (too few observations, no variation, a table that collapses below 2×2, …) — never NaN or a crash.
public enum StatisticalTests: Sendable {

    // MARK: - Contingency tables

    /// Pearson χ² test of homogeneity (no continuity correction) on a rounds × categories table of counts.
    /// All-zero columns and rows are dropped first; nil when fewer than 2 rows or 2 columns remain.
    /// Reference: scipy.stats.chi2_contingency(t, correction=False) on the reduced table.
    ///
    /// χ² = Σᵢⱼ (Oᵢⱼ − Eᵢⱼ)²/Eᵢⱼ with Eᵢⱼ = RᵢCⱼ/N, df = (r − 1)(c − 1) (Pearson 1900; Agresti,
    /// Categorical Data Analysis, 3rd ed., §3.2).
    public static func chiSquareHomogeneity(_ table: [[Int]]) -> TestResult? {
        guard let reduced = reducedContingencyTable(table) else { return nil }
        let statistic = pearsonChiSquare(reduced)
        let df = Double((reduced.count - 1) * (reduced[0].count - 1))
        return TestResult(
            name: "chi_square_homogeneity", statistic: statistic, df: df,
            pValue: clampedProbability(Distributions.chiSquareUpper(statistic, df: df)))
    }

    /// Cramér's V for that χ² (uses the reduced table's shape): V = √(χ²/(N·(min(r, c) − 1))).
    /// Reference: scipy.stats.contingency.association(t, method="cramer") on the reduced table.
    public static func cramersV(_ table: [[Int]]) -> Double? {
        guard let reduced = reducedContingencyTable(table) else { return nil }
        let statistic = pearsonChiSquare(reduced)
        let total = reduced.reduce(0.0) { $0 + Double($1.reduce(0, +)) }
        let smallerSide = Double(min(reduced.count, reduced[0].count) - 1)
        return (statistic / (total * smallerSide)).squareRoot()
    }

    /// Fisher's exact test, two-sided, on [[a, b], [c, d]]; statistic = sample odds ratio (a·d)/(b·c), absent
    /// (nil) when any cell is 0 (the ratio would be 0 or infinite).
    /// Reference: scipy.stats.fisher_exact(t) — the two-sided p sums the tables no more probable than the
    /// observed one, with scipy's relative tolerance 1e-14; this is a line-by-line port of scipy 1.17's algorithm
    /// (mode, early exits, and its binary search for the far side of the mode).
    /// nil when a row or column total is 0 (scipy returns p = 1 and a NaN odds ratio there).
    public static func fisherExact(_ table: [[Int]]) -> TestResult? {
        guard table.count == 2, table.allSatisfy({ $0.count == 2 }),
              table.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) else { return nil }
        let a = table[0][0], b = table[0][1], c = table[1][0], d = table[1][1]
        guard a + b > 0, c + d > 0, a + c > 0, b + d > 0 else { return nil }
        // With a zero cell the sample odds ratio is 0 or infinite, which says nothing: absent.
        let oddsRatio: Double? = [a, b, c, d].allSatisfy { $0 > 0 } ? (Double(a) * Double(d)) / (Double(c) * Double(b)) : nil
        let row1 = a + b
        let column1 = a + c
        let distribution = Hypergeometric(total: a + b + c + d, successes: row1, draws: column1)
        let mode = distribution.mode
        let pExact = distribution.pmf(a)
        let pMode = distribution.pmf(mode)
        let epsilon = 1e-14
        let gamma = 1 + epsilon
        let pValue: Double
        if abs(pExact - pMode) / max(pExact, pMode) <= epsilon {
            pValue = 1
        } else if a < mode {
            let pLower = distribution.cdf(a)
            if distribution.pmf(column1) > pExact * gamma {
                pValue = pLower
            } else {
                let guess = scipyBinarySearch({ -distribution.pmf($0) }, -pExact * gamma, mode, column1)
                pValue = pLower + distribution.sf(guess)
            }
        } else {
            let pUpper = distribution.sf(a - 1)
            if distribution.pmf(0) > pExact * gamma {
                pValue = pUpper
            } else {
                let guess = scipyBinarySearch(distribution.pmf, pExact * gamma, 0, mode)
                pValue = pUpper + distribution.cdf(guess)
            }
        }
        return TestResult(name: "fisher_exact", statistic: oddsRatio, pValue: clampedProbability(min(pValue, 1)), exact: true)
    }

    /// McNemar mid-p: b, c are the discordant counts (switched to the option, and away from it), X ~ Bin(b + c, ½),
    /// m = min(b, c). No statistic: b and c are returned as `switchedTo` and `switchedFrom`.
    ///
    /// Lancaster's mid-p as given by Fagerland, Lydersen & Laake (BMC Med Res Methodol 13:91, 2013) and their
    /// reference implementation (R `contingencytables::McNemar_midP_test_paired_2x2`):
    /// - b ≠ c: p = min(1, 2·P(X ≤ m)) − P(X = m), evaluated as P(X ≤ m) + P(X ≤ m − 1) (no cancellation);
    /// - b = c > 0: p = 1 − ½·P(X = m) (the exact p is 1 and only the one central table is "as extreme");
    /// - b + c = 0 (no switchers): p = 1.
    public static func mcnemarMidP(b: Int, c: Int) -> TestResult {
        let b = max(0, b)
        let c = max(0, c)
        let smaller = min(b, c)
        let n = b + c
        let pValue: Double
        if n == 0 {
            pValue = 1
        } else if b == c {
            pValue = 1 - 0.5 * Distributions.binomialPMF(smaller, n: n, p: 0.5)
        } else {
            pValue = Distributions.binomialLower(smaller, n: n, p: 0.5)
                + Distributions.binomialLower(smaller - 1, n: n, p: 0.5)
        }
        var result = TestResult(name: "mcnemar_midp", statistic: nil, pValue: clampedProbability(pValue), exact: true)
        result.switchedTo = b
        result.switchedFrom = c
        return result
    }

    /// Stuart–Maxwell test of marginal homogeneity on a k×k paired table (rows = opening answer, columns = closing
    /// answer). Categories nobody switched to or from (used only on the diagonal, or not at all) are dropped
    /// first — their margins cannot differ — and the test runs on the rest; df = k − 1 of the reduced table; nil
    /// when < 2 categories remain or the covariance matrix is singular (the switches fall into separate groups).
    /// Reference: statsmodels.stats.contingency_tables.SquareTable(t, shift_zeros=False).homogeneity().
    ///
    /// Stuart (1955), Maxwell (1970): with d = column margins − row margins and V the estimated covariance of d
    /// (Vᵢᵢ = nᵢ. + n.ᵢ − 2nᵢᵢ, Vᵢⱼ = −(nᵢⱼ + nⱼᵢ)), both restricted to the first k − 1 categories,
    /// χ² = dᵀV⁻¹d on k − 1 df (counts form; equal to statsmodels' N·dₚᵀVₚ⁻¹dₚ in proportions).
    /// V is the Laplacian of the "switching" graph with one category grounded, so it is singular exactly when
    /// that graph (edge i–j when nᵢⱼ + nⱼᵢ > 0) is disconnected; this is checked exactly, on the integers.
    /// A category whose voters all kept it (no switches in or out) would make V singular; it is dropped, which
    /// is the test on the remaining categories (statsmodels, given the whole table, returns NaN there).
    public static func stuartMaxwell(_ table: [[Int]]) -> TestResult? {
        let size = table.count
        guard size >= 2, table.allSatisfy({ $0.count == size }),
              table.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) else { return nil }
        let used = (0..<size).filter { i in
            (0..<size).contains { j in j != i && table[i][j] + table[j][i] > 0 }
        }
        let k = used.count
        guard k >= 2 else { return nil }
        let reduced = used.map { i in used.map { j in table[i][j] } }
        guard switchingGraphIsConnected(reduced) else { return nil }
        let rows = reduced.map { Double($0.reduce(0, +)) }
        let columns = (0..<k).map { j in Double(reduced.reduce(0) { $0 + $1[j] }) }
        let m = k - 1
        let difference = (0..<m).map { columns[$0] - rows[$0] }
        var covariance = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
        for i in 0..<m {
            for j in 0..<m {
                covariance[i][j] = i == j
                    ? rows[i] + columns[i] - 2 * Double(reduced[i][i])
                    : -Double(reduced[i][j] + reduced[j][i])
            }
        }
        guard let solver = SymmetricSolver(covariance) else { return nil }
        let solution = solver.solve(difference)
        let statistic = zip(difference, solution).reduce(0) { $0 + $1.0 * $1.1 }
        guard statistic.isFinite else { return nil }
        let df = Double(m)
        return TestResult(
            name: "stuart_maxwell", statistic: max(0, statistic), df: df,
            pValue: clampedProbability(Distributions.chiSquareUpper(max(0, statistic), df: df)))
    }

    // MARK: - Rank tests

    /// Wilcoxon signed-rank on paired differences `after − before`, Pratt's treatment of zeros, normal
    /// approximation, no continuity correction, tie-corrected variance. nil when every difference is 0 or fewer
    /// than 1 nonzero.
    /// Reference: scipy.stats.wilcoxon(d, zero_method="pratt", correction=False, method="asymptotic").
    ///
    /// Pratt (1959) with Cureton's (1967) moments, as scipy: all |dᵢ| (zeros included) are ranked; R⁺ sums the
    /// ranks of positive dᵢ; with n values and n₀ zeros
    /// E = [n(n+1) − n₀(n₀+1)]/4, Var = [n(n+1)(2n+1) − n₀(n₀+1)(2n₀+1) − ½Σ(t³ − t)]/24,
    /// the tie sum running over the tie groups of nonzero |d|. z = (R⁺ − E)/√Var, p = 2·Φ(−|z|).
    /// As scipy reports for the two-sided test: statistic = min(R⁺, R⁻); z keeps its sign (scipy's is −|z|).
    public static func wilcoxonSignedRank(differences: [Double]) -> TestResult? {
        guard !differences.isEmpty, differences.allSatisfy({ $0.isFinite }) else { return nil }
        let zeroCount = Double(differences.filter { $0 == 0 }.count)
        guard zeroCount < Double(differences.count) else { return nil }
        let ranking = Ranking(differences.map { abs($0) })
        var rankPlus = 0.0
        var rankMinus = 0.0
        for (value, rank) in zip(differences, ranking.ranks) {
            if value > 0 { rankPlus += rank } else if value < 0 { rankMinus += rank }
        }
        // The zeros are the smallest |d|, hence the first tie group; Pratt excludes them from the tie term.
        var groups = ranking.tieGroups
        if zeroCount > 0 { groups.removeFirst() }
        let tieTerm = groups.reduce(0.0) { sum, t in
            let size = Double(t)
            return sum + (size * size * size - size)
        }
        let n = Double(differences.count)
        let mean = n * (n + 1) * 0.25 - zeroCount * (zeroCount + 1) * 0.25
        let varianceTimes24 = n * (n + 1) * (2 * n + 1) - zeroCount * (zeroCount + 1) * (2 * zeroCount + 1)
            - tieTerm / 2
        guard varianceTimes24 > 0 else { return nil }
        let standardError = (varianceTimes24 / 24).squareRoot()
        let z = (rankPlus - mean) / standardError
        guard z.isFinite else { return nil }
        return TestResult(
            name: "wilcoxon_signed_rank", statistic: min(rankPlus, rankMinus),
            pValue: clampedProbability(Distributions.normalTwoSided(z)), z: z)
    }

    /// Mann–Whitney U, two-sided, asymptotic with continuity correction and tie correction; statistic = U of `x`
    /// (as scipy returns). nil when either sample is empty or all values are tied (zero variance).
    /// Reference: scipy.stats.mannwhitneyu(x, y, alternative="two-sided", use_continuity=True,
    /// method="asymptotic").
    ///
    /// U₁ = R₁ − n₁(n₁+1)/2 from mid-ranks of the pooled sample; scipy's two-sided z uses U = max(U₁, U₂):
    /// z = (U − n₁n₂/2 − ½)/σ, σ² = n₁n₂/12·[(N+1) − Σ(t³−t)/(N(N−1))]; p = min(1, 2·P(Z > z)).
    /// The z returned carries the sign of U₁ − n₁n₂/2 (negative when `x` tends to be lower).
    /// (scipy clips to 1 rather than returning NaN; for all-tied data it would report p = 1, here nil.)
    public static func mannWhitneyU(_ x: [Double], _ y: [Double]) -> TestResult? {
        guard let u1 = mannWhitneyUStatistic(x, y) else { return nil }
        let n1 = Double(x.count)
        let n2 = Double(y.count)
        let total = n1 + n2
        let pooled = x + y
        guard let first = pooled.first, pooled.contains(where: { $0 != first }) else { return nil }
        let tieTerm = Ranking(pooled).tieCorrection
        let variance = n1 * n2 / 12 * ((total + 1) - tieTerm / (total * (total - 1)))
        guard variance > 0 else { return nil }
        let u = max(u1, n1 * n2 - u1)
        let z = (u - n1 * n2 / 2 - 0.5) / variance.squareRoot()
        guard z.isFinite else { return nil }
        let pValue = min(1, 2 * Distributions.normalUpper(z))
        // The p-value uses scipy's z from max(U₁, U₂); the z reported is signed like U₁ − n₁n₂/2.
        return TestResult(name: "mann_whitney_u", statistic: u1, pValue: clampedProbability(pValue),
                          z: u1 < n1 * n2 / 2 ? -z : z)
    }

    /// Probability of superiority P(X > Y) + ½P(X = Y) = U_x / (n_x n_y) (the common-language effect size,
    /// McGraw & Wong 1992; Vargha & Delaney's A). nil when either sample is empty.
    public static func probabilityOfSuperiority(_ x: [Double], _ y: [Double]) -> Double? {
        guard let u1 = mannWhitneyUStatistic(x, y) else { return nil }
        return u1 / (Double(x.count) * Double(y.count))
    }

    // MARK: - t tests

    /// Paired t on after − before (scipy.stats.ttest_rel(after, before)); nil when n < 2, the arrays differ in
    /// length, or the differences have zero variance.
    ///
    /// t = d̄ / (s_d/√n), df = n − 1, p = P(|T| > |t|) (Student 1908).
    public static func pairedT(after: [Double], before: [Double]) -> TestResult? {
        guard after.count == before.count, after.count >= 2 else { return nil }
        let differences = zip(after, before).map { $0 - $1 }
        guard differences.allSatisfy({ $0.isFinite }),
              let first = differences.first, differences.contains(where: { $0 != first }) else { return nil }
        let n = Double(differences.count)
        let (mean, variance) = meanAndVariance(differences)
        guard variance > 0 else { return nil }
        let t = mean / (variance / n).squareRoot()
        let df = n - 1
        guard t.isFinite else { return nil }
        return TestResult(name: "paired_t", statistic: t, df: df,
                          pValue: clampedProbability(Distributions.tTwoSided(t, df: df)))
    }

    /// Welch t (scipy.stats.ttest_ind(x, y, equal_var=False)); nil when a sample has < 2 values or both
    /// variances are 0.
    ///
    /// t = (x̄ − ȳ)/√(s²ₓ/nₓ + s²ᵧ/nᵧ), Welch–Satterthwaite df = (vₓ + vᵧ)²/(vₓ²/(nₓ−1) + vᵧ²/(nᵧ−1)) with
    /// v = s²/n (Welch 1947).
    public static func welchT(_ x: [Double], _ y: [Double]) -> TestResult? {
        guard x.count >= 2, y.count >= 2,
              x.allSatisfy({ $0.isFinite }), y.allSatisfy({ $0.isFinite }) else { return nil }
        let (meanX, varianceX) = meanAndVariance(x)
        let (meanY, varianceY) = meanAndVariance(y)
        let vx = varianceX / Double(x.count)
        let vy = varianceY / Double(y.count)
        guard vx + vy > 0 else { return nil }
        let df = (vx + vy) * (vx + vy) / (vx * vx / Double(x.count - 1) + vy * vy / Double(y.count - 1))
        let t = (meanX - meanY) / (vx + vy).squareRoot()
        guard t.isFinite, df.isFinite, df > 0 else { return nil }
        return TestResult(name: "welch_t", statistic: t, df: df,
                          pValue: clampedProbability(Distributions.tTwoSided(t, df: df)))
    }

    // MARK: - Multiplicity

    /// Holm step-down adjusted p-values in the input order (statsmodels multipletests(p, method="holm")[1]).
    ///
    /// Holm (1979): with p₍₁₎ ≤ … ≤ p₍ₘ₎, p̃₍ᵢ₎ = min(1, maxⱼ≤ᵢ (m − j + 1)·p₍ⱼ₎).
    /// Inputs are clamped to [0, 1] first and NaN is treated as 1 (the conservative choice).
    public static func holm(_ rawPValues: [Double]) -> [Double] {
        let pValues = rawPValues.map { $0.isNaN ? 1 : min(1, max(0, $0)) }
        let m = pValues.count
        guard m > 0 else { return [] }
        let order = pValues.indices.sorted { lhs, rhs in
            pValues[lhs] < pValues[rhs] || (pValues[lhs] == pValues[rhs] && lhs < rhs)
        }
        var adjusted = [Double](repeating: 0, count: m)
        var runningMax = 0.0
        for (position, index) in order.enumerated() {
            runningMax = max(runningMax, Double(m - position) * pValues[index])
            adjusted[index] = min(1, runningMax)
        }
        return adjusted
    }

    // MARK: - Helpers

    /// Drops all-zero rows and columns; nil unless at least 2×2 remains (or the input is ragged/negative).
    static func reducedContingencyTable(_ table: [[Int]]) -> [[Int]]? {
        guard let width = table.first?.count, table.allSatisfy({ $0.count == width }),
              table.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) else { return nil }
        let keptColumns = (0..<width).filter { j in table.contains { $0[j] > 0 } }
        let reduced = table.filter { $0.contains { $0 > 0 } }.map { row in keptColumns.map { row[$0] } }
        guard reduced.count >= 2, keptColumns.count >= 2 else { return nil }
        return reduced
    }

    /// Pearson's X² = Σ (O − E)²/E with E = row total × column total / N.
    private static func pearsonChiSquare(_ table: [[Int]]) -> Double {
        let rows = table.map { Double($0.reduce(0, +)) }
        let columns = (0..<table[0].count).map { j in Double(table.reduce(0) { $0 + $1[j] }) }
        let total = rows.reduce(0, +)
        var statistic = 0.0
        for (i, row) in table.enumerated() {
            for (j, observed) in row.enumerated() {
                let expected = rows[i] * columns[j] / total
                let deviation = Double(observed) - expected
                statistic += deviation * deviation / expected
            }
        }
        return statistic
    }

    /// True when every category of the square table is linked to every other through off-diagonal counts.
    private static func switchingGraphIsConnected(_ table: [[Int]]) -> Bool {
        let k = table.count
        var reached = [Bool](repeating: false, count: k)
        var stack = [0]
        reached[0] = true
        while let i = stack.popLast() {
            for j in 0..<k where !reached[j] && j != i && table[i][j] + table[j][i] > 0 {
                reached[j] = true
                stack.append(j)
            }
        }
        return reached.allSatisfy { $0 }
    }

    /// U of `x` from mid-ranks of the pooled sample; nil when a sample is empty or has non-finite values.
    private static func mannWhitneyUStatistic(_ x: [Double], _ y: [Double]) -> Double? {
        guard !x.isEmpty, !y.isEmpty,
              x.allSatisfy({ $0.isFinite }), y.allSatisfy({ $0.isFinite }) else { return nil }
        let ranks = Ranking(x + y).ranks
        let rankSumX = ranks[0..<x.count].reduce(0, +)
        let n1 = Double(x.count)
        return rankSumX - n1 * (n1 + 1) / 2
    }

    /// Mean and unbiased variance by the two-pass algorithm (as numpy's var(ddof=1)); variance 0 when all equal.
    static func meanAndVariance(_ values: [Double]) -> (mean: Double, variance: Double) {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        guard let first = values.first, values.contains(where: { $0 != first }) else { return (mean, 0) }
        let squares = values.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, squares / (n - 1))
    }

    /// scipy's `_binary_search_for_binom_tst`: for `f` ascending on [lo, hi], the i with f(i) ≤ d < f(i+1).
    private static func scipyBinarySearch(_ f: (Int) -> Double, _ d: Double, _ low: Int, _ high: Int) -> Int {
        var lo = low
        var hi = high
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            let value = f(mid)
            if value < d {
                lo = mid + 1
            } else if value > d {
                hi = mid - 1
            } else {
                return mid
            }
        }
        return f(lo) <= d ? lo : lo - 1
    }

    /// Guards the [0, 1] contract against NaN or rounding just outside the interval.
    static func clampedProbability(_ p: Double) -> Double {
        guard p.isFinite else { return p.isNaN ? 1 : (p > 0 ? 1 : 0) }
        return min(1, max(0, p))
    }
}
