// SymmetricSolver.swift — Cholesky solution of small symmetric positive-definite systems.
import Foundation

/// Solves A·x = b for a symmetric positive-definite A by the Cholesky factorization A = L·Lᵀ
/// (Golub & Van Loan, Matrix Computations, 4th ed., Algorithm 4.2.1), then two triangular solves.
struct SymmetricSolver: Sendable {
    /// The lower-triangular factor L, row-major.
    private var lower: [[Double]]

    /// Factorizes `matrix`; nil when it is not (numerically) positive definite.
    init?(_ matrix: [[Double]]) {
        let n = matrix.count
        guard n > 0, matrix.allSatisfy({ $0.count == n }) else { return nil }
        var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for j in 0..<n {
            var diagonal = matrix[j][j]
            for k in 0..<j { diagonal -= l[j][k] * l[j][k] }
            // A pivot that is not clearly positive relative to the original diagonal means singularity.
            guard diagonal > 1e-13 * abs(matrix[j][j]), diagonal > 0 else { return nil }
            let root = diagonal.squareRoot()
            l[j][j] = root
            for i in (j + 1)..<n {
                var value = matrix[i][j]
                for k in 0..<j { value -= l[i][k] * l[j][k] }
                l[i][j] = value / root
            }
        }
        lower = l
    }

    /// x = A⁻¹·b.
    func solve(_ b: [Double]) -> [Double] {
        let n = lower.count
        var y = b
        for i in 0..<n {
            var value = y[i]
            for k in 0..<i { value -= lower[i][k] * y[k] }
            y[i] = value / lower[i][i]
        }
        var x = y
        for i in stride(from: n - 1, through: 0, by: -1) {
            var value = x[i]
            for k in (i + 1)..<n { value -= lower[k][i] * x[k] }
            x[i] = value / lower[i][i]
        }
        return x
    }
}
