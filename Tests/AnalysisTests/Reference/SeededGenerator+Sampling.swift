import Foundation
import PollCore

/// Draws the reference cases need from the seeded generator.
extension SeededGenerator {
    /// A standard normal variate (Box–Muller).
    mutating func normal() -> Double {
        let u1 = Double.random(in: Double.leastNonzeroMagnitude..<1, using: &self)
        let u2 = Double.random(in: 0..<1, using: &self)
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// 10^U(lo, hi).
    mutating func logUniform(_ lo: Double, _ hi: Double) -> Double {
        pow(10, Double.random(in: lo...hi, using: &self))
    }
}
