import Analysis

/// One output format of the opinion-change report; each format is one small type.
public protocol ReportFormat: Sendable {
    func render(_ report: ShiftReport) -> String
    /// Several sessions side by side (`roompoll report SESSION SESSION…`).
    func render(_ comparison: SessionComparison) -> String
}
