/// What a report may conclude about a question's shift.
public enum Verdict: Sendable, Hashable {
    /// Holm-adjusted p < 0.05 and the confidence interval excludes 0.
    case clearShift
    /// Tested, but not both of the above.
    case notClear
    /// Why nothing was tested.
    case notTested(String)
}

extension Verdict {
    /// The verdict in two words, as a badge: "Clear shift", "Not clear", "Not tested".
    public var label: String {
        switch self {
        case .clearShift: return "Clear shift"
        case .notClear: return "Not clear"
        case .notTested: return "Not tested"
        }
    }

    /// Summaries list clear shifts first, then shifts that were tested but are not clear.
    var order: Int {
        switch self {
        case .clearShift: return 0
        case .notClear: return 1
        case .notTested: return 2
        }
    }
}
