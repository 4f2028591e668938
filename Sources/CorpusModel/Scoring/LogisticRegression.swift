// Binary logistic regression with L2 regularisation, trained by full-batch gradient descent: small, exact
// and deterministic (the same samples give the same weights on every machine).
import Foundation

public struct LogisticRegression: Sendable, Equatable {
    public var weights: [Double]
    public var bias: Double

    public init(weights: [Double], bias: Double = 0) {
        self.weights = weights
        self.bias = bias
    }

    /// How training runs: `l2` is the penalty on the weights (not the bias), `rate` the step, `epochs` the
    /// number of passes over the samples.
    public struct Settings: Sendable {
        public var l2: Double
        public var rate: Double
        public var epochs: Int
        public init(l2: Double = 0.01, rate: Double = 0.5, epochs: Int = 3000) {
            self.l2 = l2
            self.rate = rate
            self.epochs = epochs
        }
    }

    /// The probability that `x` is a positive sample.
    public func probability(_ x: [Float]) -> Double {
        var z = bias
        for i in 0..<min(x.count, weights.count) where x[i] != 0 { z += weights[i] * Double(x[i]) }
        return Self.sigmoid(z)
    }

    static func sigmoid(_ z: Double) -> Double { z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z)) }

    /// The mean log loss over the samples plus the L2 penalty.
    public func loss(_ samples: [[Float]], _ labels: [Bool], l2: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        var total = 0.0
        for (x, y) in zip(samples, labels) {
            let p = min(max(probability(x), 1e-12), 1 - 1e-12)
            total -= y ? log(p) : log(1 - p)
        }
        return total / Double(samples.count) + l2 / 2 * weights.reduce(0) { $0 + $1 * $1 }
    }

    /// Trains a model on the samples (each of `dimension` features). Returns it and the loss after each
    /// hundredth epoch (the first entry is the loss before training), so a caller can see it fall.
    public static func train(_ samples: [[Float]], _ labels: [Bool], dimension: Int,
                             settings: Settings = Settings()) -> (model: LogisticRegression, losses: [Double]) {
        precondition(samples.count == labels.count, "one label per sample")
        var model = LogisticRegression(weights: [Double](repeating: 0, count: dimension))
        guard !samples.isEmpty else { return (model, []) }
        // Start from the base rate, so the bias need not travel far.
        let positives = Double(labels.filter { $0 }.count)
        let rate = min(max(positives / Double(samples.count), 0.01), 0.99)
        model.bias = log(rate / (1 - rate))
        var losses = [model.loss(samples, labels, l2: settings.l2)]
        let rows = SparseRows(samples, dimension: dimension)
        let targets = labels.map { $0 ? 1.0 : 0.0 }
        let n = Double(samples.count)
        var gradient = [Double](repeating: 0, count: dimension)
        for epoch in 1...max(1, settings.epochs) {
            for i in gradient.indices { gradient[i] = settings.l2 * model.weights[i] }
            let biasGradient = rows.addGradient(into: &gradient, weights: model.weights, bias: model.bias, targets: targets, count: n)
            for i in gradient.indices { model.weights[i] -= settings.rate * gradient[i] }
            model.bias -= settings.rate * biasGradient
            if epoch % 100 == 0 { losses.append(model.loss(samples, labels, l2: settings.l2)) }
        }
        return (model, losses)
    }
}

/// The samples' non-zero features, row after row (most features of a candidate are 0): one pass of gradient
/// descent reads them as flat arrays. The sums run in the same order as over the dense rows, so the weights
/// are the same to the last bit.
struct SparseRows {
    var starts: [Int] = [0]
    var columns: [Int] = []
    var values: [Double] = []

    init(_ samples: [[Float]], dimension: Int) {
        for x in samples {
            for i in 0..<min(x.count, dimension) where x[i] != 0 {
                columns.append(i)
                values.append(Double(x[i]))
            }
            starts.append(columns.count)
        }
    }

    /// Adds each row's error (over `count`) times its features to `gradient`; returns the bias's gradient.
    func addGradient(into gradient: inout [Double], weights: [Double], bias: Double, targets: [Double], count: Double) -> Double {
        var biasGradient = 0.0
        starts.withUnsafeBufferPointer { starts in
            columns.withUnsafeBufferPointer { columns in
                values.withUnsafeBufferPointer { values in
                    weights.withUnsafeBufferPointer { w in
                        gradient.withUnsafeMutableBufferPointer { g in
                            for r in 0..<(starts.count - 1) {
                                var z = bias
                                for k in starts[r]..<starts[r + 1] { z += w[columns[k]] * values[k] }
                                let error = (LogisticRegression.sigmoid(z) - targets[r]) / count
                                biasGradient += error
                                for k in starts[r]..<starts[r + 1] { g[columns[k]] += error * values[k] }
                            }
                        }
                    }
                }
            }
        }
        return biasGradient
    }
}
