/// One significance test run on a question, with its place in the analysis.
public struct ShiftTest: Sendable, Hashable {
    public var result: TestResult
    /// On the participants who answered in both rounds (paired) or on each round's answers.
    public var paired: Bool
    /// The option (or ranked option) a per-option test is about.
    public var option: String?
    /// The question's primary test: the one Holm-adjusted across the session.
    public var primary: Bool = false
    /// Holm-adjusted p-value (primary tests only).
    public var pAdjusted: Double?
    public var effect: EffectSize?
    /// The interval of the estimate this test is about (primary tests; points or values), which
    /// must exclude 0 for a clear shift.
    public var interval: ConfidenceInterval?

    public init(_ result: TestResult, paired: Bool, option: String? = nil, effect: EffectSize? = nil) {
        self.result = result
        self.paired = paired
        self.option = option
        self.effect = effect
    }

    /// Marks the primary test: the first of `tests` matching `about` in the question's design
    /// (paired or not) — never one of the other design. Returns its index.
    @discardableResult
    static func markPrimary(_ tests: inout [ShiftTest], paired: Bool, about: (ShiftTest) -> Bool = { _ in true }) -> Int? {
        guard let index = tests.firstIndex(where: { $0.paired == paired && about($0) }) else { return nil }
        tests[index].primary = true
        return index
    }

    /// How reports name the test.
    public var title: String {
        switch result.name {
        case "chi_square_homogeneity": return "χ² test of homogeneity"
        case "fisher_exact": return "Fisher's exact test"
        case "fisher_freeman_halton": return "Fisher–Freeman–Halton exact test"
        case "mcnemar_midp": return "McNemar mid-p test"
        case "stuart_maxwell": return "Stuart–Maxwell test"
        case "wilcoxon_signed_rank": return result.exact ? "exact Wilcoxon signed-rank test" : "Wilcoxon signed-rank test"
        case "mann_whitney_u": return result.exact ? "exact Mann–Whitney U test" : "Mann–Whitney U test"
        case "paired_t": return "paired t test"
        case "welch_t": return "Welch's t test"
        default: return result.name
        }
    }
}
