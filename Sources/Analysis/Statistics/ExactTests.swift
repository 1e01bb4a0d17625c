// ExactTests.swift — exact versions of the rank tests and of the test of a table, for the small
// samples where the large-sample approximations in StatisticalTests do not hold.
import Foundation

extension StatisticalTests {
    /// The rank tests are exact up to this many values (nonzero differences, or both samples
    /// together); their null distributions are then counted exactly in a `Double` (2⁵⁰ and
    /// C(50, 25) are below 2⁵³).
    public static let exactRankLimit = 50
    /// The exact test of a table enumerates at most this many tables.
    static let exactTableLimit = 2_000_000

    // MARK: - Wilcoxon signed-rank, exact

    /// Wilcoxon signed-rank on paired differences `after − before`, Pratt's treatment of zeros,
    /// exact: the p-value is counted over the 2ⁿ equally likely sign assignments of the nonzero
    /// differences' mid-ranks, so tied and constant differences are handled exactly (when every
    /// difference is the same, this is the sign test). Two-sided p = min(1, 2·min(P(T ≤ t), P(T ≥ t)))
    /// for T = R⁺. nil when every difference is 0, or more than `exactRankLimit` are nonzero.
    /// Reference: scipy.stats.wilcoxon(d, zero_method="pratt", method=PermutationMethod(n_resamples=inf))
    /// (and method="exact" without ties or zeros).
    ///
    /// Mid-ranks are multiples of ½, so the distribution of 2R⁺ is counted on the integers, one
    /// nonzero difference at a time (a convolution of 2ⁿ sign choices). statistic = min(R⁺, R⁻) as
    /// scipy reports; z is the normal approximation's, signed like the change (R⁺ − E).
    public static func wilcoxonSignedRankExact(differences: [Double]) -> TestResult? {
        guard differences.allSatisfy({ $0.isFinite }) else { return nil }
        let nonzero = differences.filter { $0 != 0 }.count
        guard nonzero > 0, nonzero <= exactRankLimit else { return nil }
        let ranking = Ranking(differences.map { abs($0) })
        var doubled: [Int] = []
        var observed = 0
        for (value, rank) in zip(differences, ranking.ranks) where value != 0 {
            doubled.append(Int((2 * rank).rounded()))
            if value > 0 { observed += doubled.last! }
        }
        let total = doubled.reduce(0, +)
        // ways[s] = number of sign choices with 2R⁺ = s.
        var ways = [Double](repeating: 0, count: total + 1)
        ways[0] = 1
        var reach = 0
        for rank in doubled {
            for s in stride(from: reach, through: 0, by: -1) where ways[s] != 0 { ways[s + rank] += ways[s] }
            reach += rank
        }
        let p = twoSidedTail(ways, observed: observed)
        let rankPlus = Double(observed) / 2
        let asymptotic = wilcoxonSignedRank(differences: differences)
        let z = asymptotic?.z.map { rankPlus * 2 >= Double(total) ? abs($0) : -abs($0) }
        return TestResult(name: "wilcoxon_signed_rank", statistic: min(rankPlus, Double(total) / 2 - rankPlus),
                          pValue: clampedProbability(p), z: z, exact: true)
    }

    // MARK: - Mann–Whitney U, exact

    /// Mann–Whitney U, two-sided, exact: the p-value is counted over the C(N, n₁) equally likely ways
    /// to split the pooled mid-ranks into the two samples, so ties are handled exactly.
    /// p = min(1, 2·min(P(U ≤ u), P(U ≥ u))), statistic = U of `x` (as scipy). nil when a sample is
    /// empty, every value is tied, or there are more than `exactRankLimit` values together.
    /// Reference: scipy.stats.mannwhitneyu(x, y, method=PermutationMethod(n_resamples=inf)).
    public static func mannWhitneyUExact(_ x: [Double], _ y: [Double]) -> TestResult? {
        guard !x.isEmpty, !y.isEmpty, x.count + y.count <= exactRankLimit,
              (x + y).allSatisfy({ $0.isFinite }) else { return nil }
        let pooled = x + y
        guard let first = pooled.first, pooled.contains(where: { $0 != first }) else { return nil }
        let doubled = Ranking(pooled).ranks.map { Int((2 * $0).rounded()) }
        let observed = doubled.prefix(x.count).reduce(0, +)
        let total = doubled.reduce(0, +)
        // ways[k][s] = number of k-subsets of the values seen so far with doubled rank sum s.
        var ways = [[Double]](repeating: [Double](repeating: 0, count: total + 1), count: x.count + 1)
        ways[0][0] = 1
        var reach = 0
        for rank in doubled {
            for k in stride(from: x.count, through: 1, by: -1) {
                for s in stride(from: reach, through: 0, by: -1) where ways[k - 1][s] != 0 { ways[k][s + rank] += ways[k - 1][s] }
            }
            reach += rank
        }
        let p = twoSidedTail(ways[x.count], observed: observed)
        let n1 = Double(x.count)
        let u1 = Double(observed) / 2 - n1 * (n1 + 1) / 2
        return TestResult(name: "mann_whitney_u", statistic: u1, pValue: clampedProbability(p),
                          z: mannWhitneyU(x, y)?.z, exact: true)
    }

    /// min(1, 2·min(P(S ≤ observed), P(S ≥ observed))) for a distribution given as counts by value.
    private static func twoSidedTail(_ ways: [Double], observed: Int) -> Double {
        let all = ways.reduce(0, +)
        let lower = ways[...observed].reduce(0, +), upper = ways[observed...].reduce(0, +)
        return min(1, 2 * min(lower, upper) / all)
    }

    // MARK: - The table of two rounds

    /// Cochran's rule for the χ² approximation: no expected count below 1 and at most a fifth of
    /// them below 5 (in the table with empty rows and columns dropped). Cochran (1954); Agresti,
    /// Categorical Data Analysis, 3rd ed., §3.5.
    public static func chiSquareApproximationHolds(_ table: [[Int]]) -> Bool {
        guard let reduced = reducedContingencyTable(table) else { return false }
        let rows = reduced.map { Double($0.reduce(0, +)) }
        let columns = reduced[0].indices.map { j in Double(reduced.reduce(0) { $0 + $1[j] }) }
        let total = rows.reduce(0, +)
        let expected = rows.flatMap { r in columns.map { r * $0 / total } }
        return expected.allSatisfy { $0 >= 1 } && expected.filter { $0 < 5 }.count * 5 <= expected.count
    }

    /// Fisher's exact test of a 2 × k table (Freeman & Halton 1951): with both margins fixed, the
    /// p-value sums the probabilities of every table no more probable than the observed one
    /// (relative tolerance 1e-7, as R's fisher.test). Empty columns are dropped first. nil when
    /// fewer than 2 columns remain, the table is not 2 × k, or there are more than
    /// `exactTableLimit` tables to count. statistic: none.
    /// Reference: every table enumerated in Python with scipy.stats.multivariate_hypergeom.pmf.
    public static func freemanHalton(_ table: [[Int]]) -> TestResult? {
        guard table.count == 2, let reduced = reducedContingencyTable(table), reduced.count == 2 else { return nil }
        let columns = reduced[0].indices.map { reduced[0][$0] + reduced[1][$0] }
        let n1 = reduced[0].reduce(0, +), total = columns.reduce(0, +)
        // Tables to count: the first row's cells, each 0…column total, the last one fixed by n1.
        let tables = columns.dropLast().reduce(1.0) { $0 * Double($1 + 1) }
        guard tables <= Double(exactTableLimit) else { return nil }
        let logFactorials = (0...total).reduce(into: [0.0]) { list, k in if k > 0 { list.append(list[k - 1] + log(Double(k))) } }
        func logChoose(_ n: Int, _ k: Int) -> Double { logFactorials[n] - logFactorials[k] - logFactorials[n - k] }
        let logDenominator = logChoose(total, n1)
        let observed = zip(columns, reduced[0]).reduce(0.0) { $0 + logChoose($1.0, $1.1) } - logDenominator
        let threshold = observed + log1p(1e-7)
        // Largest first row total the remaining columns can still hold, per position.
        let capacity = columns.indices.map { columns[$0...].reduce(0, +) }
        var p = 0.0
        func visit(_ column: Int, left: Int, logProbability: Double) {
            if column == columns.count - 1 {
                guard left <= columns[column] else { return }
                let value = logProbability + logChoose(columns[column], left) - logDenominator
                if value <= threshold { p += exp(value) }
                return
            }
            let low = max(0, left - capacity[column + 1]), high = min(columns[column], left)
            guard low <= high else { return }
            for x in low...high { visit(column + 1, left: left - x, logProbability: logProbability + logChoose(columns[column], x)) }
        }
        visit(0, left: n1, logProbability: 0)
        return TestResult(name: "fisher_freeman_halton", statistic: nil, pValue: clampedProbability(min(1, p)), exact: true)
    }
}

extension StatisticalTests {
    // MARK: - The rank tests as the analysis runs them

    /// Wilcoxon signed-rank (Pratt): exact up to `exactRankLimit` nonzero differences, the normal
    /// approximation above. nil when every difference is 0.
    public static func signedRankTest(differences: [Double]) -> TestResult? {
        wilcoxonSignedRankExact(differences: differences) ?? wilcoxonSignedRank(differences: differences)
    }

    /// Mann–Whitney U: exact up to `exactRankLimit` values together, the normal approximation
    /// (with continuity correction) above. nil when a sample is empty or every value is tied.
    public static func rankSumTest(_ x: [Double], _ y: [Double]) -> TestResult? {
        mannWhitneyUExact(x, y) ?? mannWhitneyU(x, y)
    }
}
