/// A 95% confidence interval, in the unit of the estimate it belongs to (points or values).
public struct ConfidenceInterval: Sendable, Hashable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// True when the whole interval lies on one side of zero.
    public var excludesZero: Bool { lower > 0 || upper < 0 }

    /// The interval scaled, e.g. proportions to percentage points.
    func scaled(by factor: Double) -> ConfidenceInterval { .init(lower: lower * factor, upper: upper * factor) }
}
