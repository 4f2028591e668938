// The penalised log loss of a logistic regression over sparse samples, its gradient and Hessian, and the Newton
// step they give (LogisticRegression.train takes the steps). Parameters are the weights followed by the bias.
import Foundation

/// The samples' non-zero features, row after row (most features of a candidate are 0), as flat arrays.
struct SparseRows {
    var starts: [Int] = [0]
    var columns: [Int] = []
    var values: [Double] = []
    let dimension: Int

    init(_ samples: [[Float]], dimension: Int) {
        self.dimension = dimension
        for x in samples {
            for i in 0..<min(x.count, dimension) where x[i] != 0 {
                columns.append(i)
                values.append(Double(x[i]))
            }
            starts.append(columns.count)
        }
    }

    var count: Int { starts.count - 1 }

    /// Each row's margin: the bias (the last parameter) plus the weighted sum of its features.
    func margins(_ theta: [Double]) -> [Double] {
        var z = [Double](repeating: theta[dimension], count: count)
        starts.withUnsafeBufferPointer { starts in
            columns.withUnsafeBufferPointer { columns in
                values.withUnsafeBufferPointer { values in
                    theta.withUnsafeBufferPointer { w in
                        for r in 0..<(starts.count - 1) {
                            for k in starts[r]..<starts[r + 1] { z[r] += w[columns[k]] * values[k] }
                        }
                    }
                }
            }
        }
        return z
    }
}

struct NewtonProblem {
    let rows: SparseRows
    let targets: [Double]
    let l2: Double
    var size: Int { rows.dimension + 1 }

    /// The mean log loss plus the L2 penalty on the weights (not the bias).
    func loss(_ theta: [Double]) -> Double {
        let z = rows.margins(theta)
        var total = 0.0
        for r in z.indices {
            // log(1 + e^z) - y z, computed without overflow.
            let softplus = z[r] > 0 ? z[r] + log1p(exp(-z[r])) : log1p(exp(z[r]))
            total += softplus - targets[r] * z[r]
        }
        var penalty = 0.0
        for i in 0..<rows.dimension { penalty += theta[i] * theta[i] }
        return total / Double(rows.count) + l2 / 2 * penalty
    }

    /// The Newton step (to subtract from `theta`), or nil when the Hessian cannot be solved even with a ridge
    /// added (a degenerate problem; training then stops where it is).
    func newtonStep(_ theta: [Double]) -> [Double]? {
        let (gradient, hessian) = derivatives(theta)
        // A problem without a penalty can be singular (a feature that never fires, features that always sum to
        // one): the smallest ridge that makes it solvable is added.
        for ridge in [0, 1e-10, 1e-8, 1e-6, 1e-4, 1e-2] {
            var h = hessian
            for i in 0..<size { h[i * size + i] += ridge }
            if let step = Self.solve(&h, gradient, size: size) { return step }
        }
        return nil
    }

    /// The gradient and the Hessian (row-major, lower triangle filled) of `loss` at `theta`.
    func derivatives(_ theta: [Double]) -> (gradient: [Double], hessian: [Double]) {
        let n = size, bias = rows.dimension, count = Double(rows.count)
        let z = rows.margins(theta)
        var gradient = [Double](repeating: 0, count: n)
        var hessian = [Double](repeating: 0, count: n * n)
        rows.starts.withUnsafeBufferPointer { starts in
            rows.columns.withUnsafeBufferPointer { columns in
                rows.values.withUnsafeBufferPointer { values in
                    gradient.withUnsafeMutableBufferPointer { g in
                        hessian.withUnsafeMutableBufferPointer { h in
                            for r in 0..<rows.count {
                                let p = LogisticRegression.sigmoid(z[r])
                                let error = (p - targets[r]) / count, weight = p * (1 - p) / count
                                g[bias] += error
                                h[bias * n + bias] += weight
                                for k in starts[r]..<starts[r + 1] {
                                    let i = columns[k], vi = values[k]
                                    g[i] += error * vi
                                    h[bias * n + i] += weight * vi
                                    for m in starts[r]...k { h[i * n + columns[m]] += weight * vi * values[m] }
                                }
                            }
                        }
                    }
                }
            }
        }
        for i in 0..<bias {
            gradient[i] += l2 * theta[i]
            hessian[i * n + i] += l2
        }
        return (gradient, hessian)
    }

    /// Solves H x = b by Cholesky (H symmetric, its lower triangle given, overwritten); nil unless H is
    /// positive definite.
    static func solve(_ h: inout [Double], _ b: [Double], size n: Int) -> [Double]? {
        // Columns are sorted within a row, so the accumulated entries sit below the diagonal; the bias row
        // (the last) is entirely below it too.
        for j in 0..<n {
            var diagonal = h[j * n + j]
            for k in 0..<j { diagonal -= h[j * n + k] * h[j * n + k] }
            guard diagonal > 1e-300, diagonal.isFinite else { return nil }
            let root = diagonal.squareRoot()
            h[j * n + j] = root
            for i in (j + 1)..<max(j + 1, n) {
                var sum = h[i * n + j]
                for k in 0..<j { sum -= h[i * n + k] * h[j * n + k] }
                h[i * n + j] = sum / root
            }
        }
        var y = b
        for i in 0..<n {
            for k in 0..<i { y[i] -= h[i * n + k] * y[k] }
            y[i] /= h[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<max(i + 1, n) { y[i] -= h[k * n + i] * y[k] }
            y[i] /= h[i * n + i]
        }
        return y
    }
}
