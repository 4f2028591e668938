// Binary logistic regression with L2 regularisation, trained by Newton's method (iteratively reweighted least
// squares, with step halving): it reaches the penalised optimum in a few dozen passes over the samples, exactly
// and deterministically (the same samples give the same weights on every machine).
import Foundation

public struct LogisticRegression: Sendable, Equatable {
    public var weights: [Double]
    public var bias: Double

    public init(weights: [Double], bias: Double = 0) {
        self.weights = weights
        self.bias = bias
    }

    /// How training runs: `l2` is the penalty on the weights (not the bias); training stops after `iterations`
    /// Newton steps, or sooner when a step would lower the loss by less than `tolerance`.
    public struct Settings: Sendable {
        public var l2: Double
        public var iterations: Int
        public var tolerance: Double
        public init(l2: Double = 0.01, iterations: Int = 100, tolerance: Double = 1e-14) {
            self.l2 = l2
            self.iterations = iterations
            self.tolerance = tolerance
        }
    }

    /// The probability that `x` is a positive sample.
    public func probability(_ x: [Float]) -> Double {
        var z = bias
        for i in 0..<min(x.count, weights.count) where x[i] != 0 { z += weights[i] * Double(x[i]) }
        return Self.sigmoid(z)
    }

    static func sigmoid(_ z: Double) -> Double { z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z)) }

    /// Trains a model on the samples (each of `dimension` features). Returns it and the loss before training
    /// and after each Newton step, so a caller can see it fall.
    public static func train(_ samples: [[Float]], _ labels: [Bool], dimension: Int,
                             settings: Settings = Settings()) -> (model: LogisticRegression, losses: [Double]) {
        precondition(samples.count == labels.count, "one label per sample")
        guard !samples.isEmpty else { return (LogisticRegression(weights: [Double](repeating: 0, count: dimension)), []) }
        // Start from the base rate, so the bias need not travel far.
        let positives = Double(labels.filter { $0 }.count)
        let rate = min(max(positives / Double(samples.count), 0.01), 0.99)
        let problem = NewtonProblem(rows: SparseRows(samples, dimension: dimension), targets: labels.map { $0 ? 1.0 : 0.0 }, l2: settings.l2)
        var theta = [Double](repeating: 0, count: dimension) + [log(rate / (1 - rate))]
        var loss = problem.loss(theta)
        var losses = [loss]
        for _ in 0..<max(0, settings.iterations) {
            guard let step = problem.newtonStep(theta) else { break }
            // Halve the step until the loss falls (it nearly always takes the whole step).
            var scale = 1.0, next = theta, nextLoss = loss
            while scale > 1e-10 {
                next = zip(theta, step).map { $0 - scale * $1 }
                nextLoss = problem.loss(next)
                if nextLoss <= loss { break }
                scale /= 2
            }
            guard nextLoss <= loss else { break }
            let gain = loss - nextLoss
            theta = next
            loss = nextLoss
            losses.append(loss)
            if gain < settings.tolerance { break }
        }
        return (LogisticRegression(weights: Array(theta.dropLast()), bias: theta[dimension]), losses)
    }
}
