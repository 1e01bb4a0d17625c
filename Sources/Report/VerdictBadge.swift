import Analysis

/// A question's verdict as a badge of the HTML report: its two words on a fill that says the
/// same ("Clear shift" dark blue, "Not clear" grey, "Not tested" outlined), never colour alone.
enum VerdictBadge {
    /// The CSS class of a verdict: `clear`, `not-clear` or `not-tested`.
    static func cssClass(_ verdict: Verdict) -> String {
        switch verdict {
        case .clearShift: return "clear"
        case .notClear: return "not-clear"
        case .notTested: return "not-tested"
        }
    }

    /// The colour charts draw a verdict in (at least 4.5:1 on white).
    static func colour(_ verdict: Verdict) -> String {
        switch verdict {
        case .clearShift: return "#0b3d91"
        case .notClear: return "#5f5f5f"
        case .notTested: return "#767676"
        }
    }

    static func html(_ verdict: Verdict) -> String {
        "<span class=\"badge \(cssClass(verdict))\">\(verdict.label)</span>"
    }
}
