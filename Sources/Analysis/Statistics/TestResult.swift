// TestResult.swift — the value every significance test in StatisticalTests returns.
import Foundation

/// One significance test's outcome, as reports show it.
public struct TestResult: Sendable, Hashable, Codable {
    /// One of: chi_square_homogeneity, fisher_exact, fisher_freeman_halton, mcnemar_midp, stuart_maxwell, wilcoxon_signed_rank,
    /// mann_whitney_u, paired_t, welch_t; comparing groups' changes: one_way_anova, heterogeneity_q.
    public var name: String
    /// The test statistic; nil only where no finite statistic exists (Fisher's odds ratio with a zero cell).
    public var statistic: Double?
    /// Degrees of freedom where defined (χ², Stuart–Maxwell, t tests; F's numerator).
    public var df: Double?
    /// F tests (one-way ANOVA): the denominator's degrees of freedom.
    public var df2: Double?
    /// Always finite, in [0, 1].
    public var pValue: Double
    /// Rank tests (Wilcoxon, Mann–Whitney): the normal approximation's z, signed like the change
    /// (positive when the last round is higher).
    public var z: Double?
    /// True when the p-value is exact (counted over the test's whole null distribution), false
    /// when it comes from a large-sample approximation.
    public var exact: Bool
    /// McNemar: the paired participants who switched to the option (b) and away from it (c).
    public var switchedTo: Int?
    public var switchedFrom: Int?

    public init(name: String, statistic: Double?, df: Double? = nil, pValue: Double, z: Double? = nil, exact: Bool = false) {
        self.name = name
        self.statistic = statistic
        self.df = df
        self.pValue = pValue
        self.z = z
        self.exact = exact
    }
}
