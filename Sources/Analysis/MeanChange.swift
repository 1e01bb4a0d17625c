/// A change of means with its 95% t interval: paired (mean of the differences, df n − 1) or
/// between the rounds (Welch's interval, with Welch's df). Values without variance give a
/// zero-width interval at the estimate, never an infinite or NaN one.
struct MeanChange {
    var estimate: Double
    var interval: ConfidenceInterval

    /// The mean of paired differences (last − first); nil without any.
    static func paired(_ differences: [Double]) -> MeanChange? {
        guard !differences.isEmpty else { return nil }
        let (mean, variance) = StatisticalTests.meanAndVariance(differences)
        guard differences.count > 1 else { return MeanChange(estimate: mean, interval: .init(lower: mean, upper: mean)) }
        return make(mean, standardError: (variance / Double(differences.count)).squareRoot(), df: Double(differences.count - 1))
    }

    /// The last round's mean minus the first's; nil unless both rounds have two values or more.
    static func between(after: [Double], before: [Double]) -> MeanChange? {
        guard after.count > 1, before.count > 1 else { return nil }
        let a = StatisticalTests.meanAndVariance(after), b = StatisticalTests.meanAndVariance(before)
        let va = a.variance / Double(after.count), vb = b.variance / Double(before.count)
        let se = (va + vb).squareRoot()
        // Welch–Satterthwaite degrees of freedom.
        let df = se > 0 ? (va + vb) * (va + vb) / (va * va / Double(after.count - 1) + vb * vb / Double(before.count - 1)) : 1
        return make(a.mean - b.mean, standardError: se, df: df)
    }

    private static func make(_ estimate: Double, standardError: Double, df: Double) -> MeanChange {
        guard standardError > 0 else { return MeanChange(estimate: estimate, interval: .init(lower: estimate, upper: estimate)) }
        let ci = Intervals.meanDifference(estimate: estimate, standardError: standardError, df: df)
        guard ci.lower.isFinite, ci.upper.isFinite else { return MeanChange(estimate: estimate, interval: .init(lower: estimate, upper: estimate)) }
        return MeanChange(estimate: estimate, interval: ConfidenceInterval(lower: ci.lower, upper: ci.upper))
    }
}
