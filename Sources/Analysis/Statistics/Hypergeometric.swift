// Hypergeometric.swift — hypergeometric probabilities and tails for Fisher's exact test.
import Foundation

/// The hypergeometric distribution of X = successes in `draws` draws without replacement from a population of
/// `total` items of which `successes` are successes (scipy's `hypergeom(M=total, n=successes, N=draws)`).
struct Hypergeometric: Sendable {
    let total: Int
    let successes: Int
    let draws: Int

    /// Smallest and largest possible X.
    var support: ClosedRange<Int> {
        max(0, draws - (total - successes))...min(successes, draws)
    }

    /// ⌊(draws+1)(successes+1)/(total+2)⌋, a mode of the distribution (computed as scipy does, in floating point).
    var mode: Int {
        Int(Double(draws + 1) * Double(successes + 1) / Double(total + 2))
    }

    /// P(X = x) as a product of Loader binomial densities (R's `dhyper`):
    /// P = dbinom(x; K, p)·dbinom(n−x; N−K, p)/dbinom(n; N, p) with p = n/N, exact for any p.
    func pmf(_ x: Int) -> Double {
        guard support.contains(x) else { return 0 }
        let n = Double(total)
        let p = Double(draws) / n
        let q = Double(total - draws) / n
        let failures = total - successes
        let log1 = SpecialFunctions.logBinomialDensity(Double(x), Double(successes - x), p, q)
        let log2 = SpecialFunctions.logBinomialDensity(Double(draws - x), Double(failures - (draws - x)), p, q)
        let log3 = SpecialFunctions.logBinomialDensity(Double(draws), Double(total - draws), p, q)
        return exp(log1 + log2 - log3)
    }

    /// P(X ≤ x). Left of the mode the terms are summed downward from x with the ratio
    /// P(x−1)/P(x) = x(N−K−n+x)/((K−x+1)(n−x+1)); otherwise 1 − P(X > x) (as Boost's `hypergeometric_cdf`).
    func cdf(_ x: Int) -> Double {
        let range = support
        if x < range.lowerBound { return 0 }
        if x >= range.upperBound { return 1 }
        if x >= mode { return 1 - sf(x, allowComplement: false) }
        return lowerSum(x)
    }

    /// P(X > x). Right of the mode the terms are summed upward from x + 1 with the ratio
    /// P(x+1)/P(x) = (K−x)(n−x)/((x+1)(N−K−n+x+1)); otherwise 1 − P(X ≤ x).
    func sf(_ x: Int) -> Double { sf(x, allowComplement: true) }

    private func sf(_ x: Int, allowComplement: Bool) -> Double {
        let range = support
        if x < range.lowerBound { return 1 }
        if x >= range.upperBound { return 0 }
        if allowComplement && x < mode { return 1 - lowerSum(x) }
        return upperSum(x + 1)
    }

    /// Σ_{y ≤ x} P(y), summed from x downward until the terms stop mattering.
    private func lowerSum(_ x: Int) -> Double {
        let lowest = support.lowerBound
        var term = pmf(x)
        var sum = term
        var y = x
        let k = Double(successes)
        let n = Double(draws)
        let rest = Double(total - successes) - n
        while y > lowest {
            let yd = Double(y)
            term *= yd * (rest + yd) / ((k - yd + 1) * (n - yd + 1))
            sum += term
            if term <= sum * 1e-17 { break }
            y -= 1
        }
        return sum
    }

    /// Σ_{y ≥ x} P(y), summed from x upward until the terms stop mattering.
    private func upperSum(_ x: Int) -> Double {
        let highest = support.upperBound
        var term = pmf(x)
        var sum = term
        var y = x
        let k = Double(successes)
        let n = Double(draws)
        let rest = Double(total - successes) - n
        while y < highest {
            let yd = Double(y)
            term *= (k - yd) * (n - yd) / ((yd + 1) * (rest + yd + 1))
            sum += term
            if term <= sum * 1e-17 { break }
            y += 1
        }
        return sum
    }
}
