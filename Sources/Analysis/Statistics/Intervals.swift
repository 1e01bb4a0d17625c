// Intervals.swift — confidence intervals for proportions, their differences and mean differences.
import Foundation

/// 95%-style confidence intervals for proportions and their differences.
///
/// `confidence` must lie strictly between 0 and 1; the optional-returning functions return nil otherwise.
public enum Intervals: Sendable {

    /// Wilson score interval for count/n (no continuity correction); nil when n == 0.
    ///
    /// Wilson (1927), JASA 22:209: (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), clipped to [0, 1]
    /// exactly as statsmodels' proportion_confint(method="wilson"); z = Φ⁻¹(1 − α/2).
    public static func wilson(_ count: Int, _ n: Int, confidence: Double = 0.95) -> (lower: Double, upper: Double)? {
        guard n > 0, count >= 0, count <= n, let z = criticalZ(confidence) else { return nil }
        let nd = Double(n)
        let proportion = Double(count) / nd
        let z2 = z * z
        let denominator = 1 + z2 / nd
        let center = (proportion + z2 / (2 * nd)) / denominator
        let halfWidth = z * (proportion * (1 - proportion) / nd + z2 / (4 * nd * nd)).squareRoot() / denominator
        // At count = 0 (n) the lower (upper) limit is exactly 0 (1); set it so rounding cannot leave 1e-17.
        let lower = count == 0 ? 0 : min(1, max(0, center - halfWidth))
        let upper = count == n ? 1 : min(1, max(0, center + halfWidth))
        return (lower, upper)
    }

    /// Newcombe's hybrid score interval (method 10) for p1 − p2, independent samples.
    /// Reference: statsmodels.stats.proportion.confint_proportions_2indep(count1, nobs1, count2, nobs2,
    /// method="newcomb", compare="diff").
    ///
    /// Newcombe (1998), Stat Med 17:873, method 10: with Wilson limits (lᵢ, uᵢ) for each proportion,
    /// D − √((p̂₁−l₁)² + (u₂−p̂₂)²)  to  D + √((u₁−p̂₁)² + (p̂₂−l₂)²), D = p̂₁ − p̂₂.
    public static func newcombe(count1: Int, n1: Int, count2: Int, n2: Int,
                                confidence: Double = 0.95) -> (lower: Double, upper: Double)? {
        guard let (l1, u1) = wilson(count1, n1, confidence: confidence),
              let (l2, u2) = wilson(count2, n2, confidence: confidence) else { return nil }
        let p1 = Double(count1) / Double(n1)
        let p2 = Double(count2) / Double(n2)
        let difference = p1 - p2
        let lower = difference - ((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2)).squareRoot()
        let upper = difference + ((p2 - l2) * (p2 - l2) + (u1 - p1) * (u1 - p1)).squareRoot()
        return (lower, upper)
    }

    /// Newcombe's interval for a paired difference (Newcombe 1998, Stat Med 17:2635, method 10): pairs table
    /// a = yes in both, b = yes in 1 only, c = yes in 2 only, d = neither; p1 = (a+b)/n, p2 = (a+c)/n, difference
    /// p1 − p2, with the φ correlation correction (φ = 0 when its denominator is 0). nil when n == 0.
    ///
    /// With Wilson limits (l₁, u₁) for p1 and (l₂, u₂) for p2 and D = p1 − p2:
    /// lower = D − √((p1−l₁)² − 2φ(p1−l₁)(u₂−p2) + (u₂−p2)²),
    /// upper = D + √((p2−l₂)² − 2φ(p2−l₂)(u₁−p1) + (u₁−p1)²),
    /// where φ is Newcombe's continuity-adjusted correlation of the two classifications:
    /// A = ad − bc, φ = (A − n/2)/√((a+b)(c+d)(a+c)(b+d)) if A > n/2, 0 if 0 ≤ A ≤ n/2, A/√(…) if A < 0.
    /// (This is the form implemented in Fagerland, Lydersen & Laake's `contingencytables`, whose worked example
    /// [[59, 6], [16, 80]] gives −0.0621 (−0.1186 to −0.0046); the harness checks it.)
    public static func newcombePaired(a: Int, b: Int, c: Int, d: Int,
                                      confidence: Double = 0.95) -> (lower: Double, upper: Double)? {
        guard a >= 0, b >= 0, c >= 0, d >= 0 else { return nil }
        let n = a + b + c + d
        guard let (l1, u1) = wilson(a + b, n, confidence: confidence),
              let (l2, u2) = wilson(a + c, n, confidence: confidence) else { return nil }
        let nd = Double(n)
        let p1 = Double(a + b) / nd
        let p2 = Double(a + c) / nd
        let difference = p1 - p2
        let marginProduct = Double(a + b) * Double(c + d) * Double(a + c) * Double(b + d)
        let association = Double(a) * Double(d) - Double(b) * Double(c)
        var phi = 0.0
        if marginProduct > 0 {
            if association > nd / 2 {
                phi = (association - nd / 2) / marginProduct.squareRoot()
            } else if association < 0 {
                phi = association / marginProduct.squareRoot()
            }
        }
        let lowDrop = p1 - l1, highRise = u2 - p2
        let lowRise = p2 - l2, highDrop = u1 - p1
        let lowerSquare = lowDrop * lowDrop - 2 * phi * lowDrop * highRise + highRise * highRise
        let upperSquare = lowRise * lowRise - 2 * phi * lowRise * highDrop + highDrop * highDrop
        return (difference - max(0, lowerSquare).squareRoot(), difference + max(0, upperSquare).squareRoot())
    }

    /// Mean ± t quantile × standard error, as used for the paired mean difference (df = n − 1) and Welch's
    /// difference (Welch df): estimate ± t_{1−α/2, df}·SE.
    /// Invalid inputs (df ≤ 0, negative or non-finite SE, confidence outside (0, 1)) give (−∞, +∞).
    public static func meanDifference(estimate: Double, standardError: Double, df: Double,
                                      confidence: Double = 0.95) -> (lower: Double, upper: Double) {
        guard estimate.isFinite, standardError.isFinite, standardError >= 0, df > 0,
              confidence > 0, confidence < 1 else { return (-.infinity, .infinity) }
        let alpha = 1 - confidence
        let critical = -Distributions.tQuantile(alpha / 2, df: df)
        let halfWidth = critical * standardError
        return (estimate - halfWidth, estimate + halfWidth)
    }

    /// z = Φ⁻¹(1 − α/2) = −Φ⁻¹(α/2), α = 1 − confidence; nil outside (0, 1).
    private static func criticalZ(_ confidence: Double) -> Double? {
        guard confidence > 0, confidence < 1 else { return nil }
        return -Distributions.normalQuantile((1 - confidence) / 2)
    }
}
