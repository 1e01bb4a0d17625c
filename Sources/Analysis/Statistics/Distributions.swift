// Distributions.swift — survival functions (upper tails), quantiles and binomial probabilities.
import Foundation

/// Upper tails (survival functions) computed directly, never as 1 − cdf, and quantiles.
///
/// Each tail is mapped onto the incomplete gamma/beta function orientation that yields the *small* tail directly
/// (Abramowitz & Stegun, Handbook of Mathematical Functions, ch. 26), so relative accuracy holds from p = 1 down to
/// ~1e-300. Invalid arguments (NaN, df ≤ 0, p outside [0, 1]) give NaN.
public enum Distributions: Sendable {

    // MARK: Normal

    /// P(Z > z) = ½·erfc(z/√2) (A&S 7.1.2, 26.2.29); erfc keeps full relative accuracy in the far tail.
    public static func normalUpper(_ z: Double) -> Double {
        if z.isNaN { return .nan }
        return 0.5 * erfc(z / 2.0.squareRoot())
    }

    /// P(|Z| > |z|) = erfc(|z|/√2) ≤ 1.
    public static func normalTwoSided(_ z: Double) -> Double {
        if z.isNaN { return .nan }
        return min(1, erfc(abs(z) / 2.0.squareRoot()))
    }

    /// Inverse of the standard normal cdf, Φ⁻¹(p); e.g. 0.975 → 1.959963984540054.
    ///
    /// Wichura's algorithm AS 241 (PPND16), Applied Statistics 37 (1988) 477–484, relative accuracy ≈ 1e-16,
    /// valid down to p ≈ 1e-300 (r = √(−log p) ≤ 27).
    public static func normalQuantile(_ p: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let num = (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r
                + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                + 133.14166789178437745) * r + 3.387132872796366608)
            let den = (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r
                + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                + 42.313330701600911252) * r + 1.0)
            return q * num / den
        }
        // Tail: work with the smaller of p and 1 − p (1 − p is exact for p ≥ ½, Sterbenz).
        let tail = q < 0 ? p : 1 - p
        var r = (-log(tail)).squareRoot()
        var value: Double
        if r <= 5 {
            r -= 1.6
            let num = (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r
                + 0.24178072517745061177) * r + 1.27045825245236838258) * r + 3.64784832476320460504) * r
                + 5.7694972214606914055) * r + 4.6303378461565452959) * r + 1.42343711074968357734)
            let den = (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r
                + 0.0151986665636164571966) * r + 0.14810397642748007459) * r + 0.68976733498510000455) * r
                + 1.6763848301838038494) * r + 2.05319162663775882187) * r + 1.0)
            value = num / den
        } else {
            r -= 5
            let num = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r
                + 0.0012426609473880784386) * r + 0.026532189526576123093) * r + 0.29656057182850489123) * r
                + 1.7848265399172913358) * r + 5.4637849111641143699) * r + 6.6579046435011037772)
            let den = (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r
                + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r
                + 0.13692988092273580531) * r + 0.59983220655588793769) * r + 1.0)
            value = num / den
        }
        return q < 0 ? -value : value
    }

    // MARK: Student's t

    /// P(T > t) for Student's t with `df` > 0 degrees of freedom (non-integer df allowed, e.g. Welch).
    ///
    /// For t > 0: P(T > t) = ½·I_{df/(df+t²)}(df/2, ½) (A&S 26.7.1 with 26.5.27); for t < 0 the complement,
    /// which is then ≥ ½ and has no cancellation problem.
    public static func tUpper(_ t: Double, df: Double) -> Double {
        if t.isNaN || df.isNaN || df <= 0 { return .nan }
        if df.isInfinite { return normalUpper(t) }
        if t == 0 { return 0.5 }
        let half = 0.5 * tTwoSidedCore(abs(t), df: df)
        return t > 0 ? half : 1 - half
    }

    /// P(|T| > |t|) = I_{df/(df+t²)}(df/2, ½) ≤ 1.
    public static func tTwoSided(_ t: Double, df: Double) -> Double {
        if t.isNaN || df.isNaN || df <= 0 { return .nan }
        if df.isInfinite { return normalTwoSided(t) }
        if t == 0 { return 1 }
        return min(1, tTwoSidedCore(abs(t), df: df))
    }

    /// Inverse cdf of Student's t: the t with P(T ≤ t) = p.
    ///
    /// Solves P(T > t) = min(p, 1 − p) by safeguarded Newton iteration on log P(T > t) (bracketed, with
    /// bisection fallback), started from the Cornish–Fisher expansion (A&S 26.7.5) or, deep in the tail, from
    /// the power-law asymptote P(T > t) ≈ df^(df/2−1)·t^(−df)/B(df/2, ½).
    public static func tQuantile(_ p: Double, df: Double) -> Double {
        if p.isNaN || df.isNaN || df <= 0 || p < 0 || p > 1 { return .nan }
        if df.isInfinite { return normalQuantile(p) }
        if p == 0.5 { return 0 }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let upper = p > 0.5
        let target = upper ? 1 - p : p              // the tail area to match, ≤ ½ (exact by Sterbenz)
        let magnitude = tUpperQuantile(target, df: df)
        return upper ? magnitude : -magnitude
    }

    // MARK: χ² and F

    /// P(χ²_df > x) = Q(df/2, x/2) (A&S 26.4.19).
    public static func chiSquareUpper(_ x: Double, df: Double) -> Double {
        if x.isNaN || df.isNaN || df <= 0 { return .nan }
        if x <= 0 { return 1 }
        return SpecialFunctions.regularizedGammaQ(df / 2, x / 2)
    }

    /// P(F_{df1,df2} > f) = I_{df2/(df2+df1·f)}(df2/2, df1/2) (A&S 26.6.2), both arguments computed without
    /// subtraction.
    public static func fUpper(_ f: Double, df1: Double, df2: Double) -> Double {
        if f.isNaN || df1.isNaN || df2.isNaN || df1 <= 0 || df2 <= 0 { return .nan }
        if f <= 0 { return 1 }
        if f.isInfinite { return 0 }
        let scaled = df1 * f
        let x: Double
        let y: Double
        if scaled.isFinite {
            x = df2 / (df2 + scaled)
            y = scaled / (df2 + scaled)
        } else {
            x = (df2 / df1) / f
            y = 1
        }
        return SpecialFunctions.regularizedBeta(x, oneMinusX: y, df2 / 2, df1 / 2)
    }

    // MARK: Binomial

    /// P(X = k), X ~ Bin(n, p), by Loader's saddle-point formula (accurate for any n, no factorial overflow).
    public static func binomialPMF(_ k: Int, n: Int, p: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 || n < 0 { return .nan }
        if k < 0 || k > n { return 0 }
        return exp(SpecialFunctions.logBinomialDensity(Double(k), Double(n - k), p, 1 - p))
    }

    /// P(X ≥ k) = I_p(k, n − k + 1) (A&S 26.5.24), X ~ Bin(n, p).
    public static func binomialUpper(_ k: Int, n: Int, p: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 || n < 0 { return .nan }
        if k <= 0 { return 1 }
        if k > n { return 0 }
        return SpecialFunctions.regularizedBeta(p, oneMinusX: 1 - p, Double(k), Double(n - k + 1))
    }

    /// P(X ≤ k) = I_{1−p}(n − k, k + 1), X ~ Bin(n, p).
    public static func binomialLower(_ k: Int, n: Int, p: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 || n < 0 { return .nan }
        if k < 0 { return 0 }
        if k >= n { return 1 }
        return SpecialFunctions.regularizedBeta(1 - p, oneMinusX: p, Double(n - k), Double(k + 1))
    }

    // MARK: - Helpers

    /// I_x(df/2, ½) with x = df/(df + t²), t > 0: the two-sided t tail.
    private static func tTwoSidedCore(_ t: Double, df: Double) -> Double {
        let a = df / 2
        let t2 = t * t
        if t2.isFinite {
            let x = df / (df + t2)
            let y = t2 / (df + t2)
            if x > 1e-280 {
                return SpecialFunctions.regularizedBeta(x, oneMinusX: y, a, 0.5)
            }
        }
        // Far tail: x = df/(df+t²) ≈ df/t² is below 1e-280, so I_x(a, ½) = xᵃ/(a·B(a, ½)) · (1 + O(x)),
        // evaluated entirely in logs because x itself may underflow.
        let logX = log(df) - 2 * log(t) - log1p(df / t2)
        return exp(a * logX - log(a) - SpecialFunctions.logBeta(a, 0.5))
    }

    /// log of Student's t density: −(df+1)/2·log(1 + t²/df) − ½·log df − log B(df/2, ½).
    private static func logTDensity(_ t: Double, df: Double) -> Double {
        let ratio = (t / df.squareRoot()) * (t / df.squareRoot())
        let logTerm = ratio.isFinite ? log1p(ratio) : 2 * (log(abs(t)) - 0.5 * log(df))
        return -(df + 1) / 2 * logTerm - 0.5 * log(df) - SpecialFunctions.logBeta(df / 2, 0.5)
    }

    /// Positive t with P(T > t) = q, 0 < q < ½.
    private static func tUpperQuantile(_ q: Double, df: Double) -> Double {
        let logQ = log(q)
        // Starting values: Cornish–Fisher around the normal quantile, and the tail power law.
        let z = -normalQuantile(q)
        let z3 = z * z * z
        let z5 = z3 * z * z
        let cornishFisher = z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df)
        let logPowerLaw = (log(q) + log(df) + SpecialFunctions.logBeta(df / 2, 0.5)) / -df + 0.5 * log(df)
        let powerLaw = exp(logPowerLaw)
        func logTail(_ t: Double) -> Double { log(tUpper(t, df: df)) }
        var t = cornishFisher
        if powerLaw.isFinite, powerLaw > 0,
           !(t.isFinite && t > 0) || abs(logTail(powerLaw) - logQ) < abs(logTail(t) - logQ) {
            t = powerLaw
        }
        if !(t.isFinite && t > 0) { t = 1 }
        // Bracket [lo, hi] with P(T > lo) ≥ q ≥ P(T > hi).
        var lo = 0.0
        var hi = t
        while tUpper(hi, df: df) > q {
            lo = hi
            hi *= 2
            if hi.isInfinite { return .infinity }
        }
        if t <= lo || t >= hi { t = 0.5 * (lo + hi) }
        var iteration = 0
        while iteration < 200 {
            iteration += 1
            let tail = tUpper(t, df: df)
            if tail == q { return t }
            if tail > q { lo = max(lo, t) } else { hi = min(hi, t) }
            // Newton on g(t) = log S(t) − log q, g′(t) = −f(t)/S(t).
            let logSlope = logTDensity(t, df: df) - log(tail)
            var next = t + (log(tail) - logQ) / exp(logSlope)
            if !(next > lo && next < hi) || !next.isFinite {
                next = hi.isFinite ? 0.5 * (lo + hi) : 2 * t
            }
            if abs(next - t) <= 4e-16 * abs(next) || hi - lo <= 4e-16 * hi {
                return next
            }
            t = next
        }
        return t
    }
}
