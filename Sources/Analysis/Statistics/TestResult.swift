// TestResult.swift — the value every significance test in StatisticalTests returns.
import Foundation

/// One significance test's outcome, as reports show it.
public struct TestResult: Sendable, Hashable, Codable {
    /// One of: chi_square_homogeneity, fisher_exact, mcnemar_midp, stuart_maxwell, wilcoxon_signed_rank,
    /// mann_whitney_u, paired_t, welch_t.
    public var name: String
    /// The test statistic; nil only where no finite statistic exists (Fisher's odds ratio with a zero cell).
    public var statistic: Double?
    /// Degrees of freedom where defined (χ², Stuart–Maxwell, t tests).
    public var df: Double?
    /// Always finite, in [0, 1].
    public var pValue: Double
    /// Normal-approximation tests (Wilcoxon, Mann–Whitney): the z used.
    public var z: Double?

    public init(name: String, statistic: Double?, df: Double? = nil, pValue: Double, z: Double? = nil) {
        self.name = name
        self.statistic = statistic
        self.df = df
        self.pValue = pValue
        self.z = z
    }
}
