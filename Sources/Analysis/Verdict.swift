/// What a report may conclude about a question's shift.
public enum Verdict: Sendable, Hashable {
    /// Holm-adjusted p < 0.05 and the confidence interval excludes 0.
    case clearShift
    /// Tested, but not both of the above.
    case notClear
    /// Why nothing was tested.
    case notTested(String)
}
