import PollCore

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

    /// "-19 to +9" (with `places` decimals, more for a bound that would otherwise read ±0, so
    /// the sign the verdict rests on shows: "-12 to -0.5").
    public static func text(_ interval: ConfidenceInterval, places: Int = 0) -> String {
        NumberText.change(interval.lower, places: places) + " to " + NumberText.change(interval.upper, places: places)
    }
}
