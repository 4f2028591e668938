// The visit scorer: a logistic regression over the features of visit candidates, read from and written to a
// tab-separated weights file (Data/model/visit-scorer.tsv; its format is in Data/model/FORMAT.md).
import Foundation

/// A weights file that cannot be used: every problem, with file, line and column.
public struct ScorerFileError: Error, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

public struct VisitScorer: Sendable, Equatable {
    /// How a merged visit's confidence is made from its candidates' probabilities.
    public enum Combination: String, Sendable, CaseIterable {
        /// 1 - the product of (1 - p): independent reports each add certainty.
        case noisyOr = "noisy-or"
        /// The surest report.
        case max
    }

    public var model: LogisticRegression
    public var combination: Combination
    /// Visits below this confidence are dropped when `filters` is true (it is false unless the scorer measured
    /// better than the rules alone in cross-validation).
    public var threshold: Double
    public var filters: Bool
    /// The model of proposed candidates (rule visit.proposed), over `ProposedFeature`s.
    public var proposedModel: LogisticRegression
    /// Whether builds propose candidates and keep those of probability >= `proposedThreshold` (false unless
    /// cross-validation measured a clear gain over the rules alone).
    public var proposes: Bool
    public var proposedThreshold: Double

    public init(model: LogisticRegression, combination: Combination = .noisyOr, threshold: Double = 0, filters: Bool = false,
                proposedModel: LogisticRegression = LogisticRegression(weights: [Double](repeating: 0, count: ProposedFeature.allCases.count)),
                proposes: Bool = false, proposedThreshold: Double = 1) {
        self.model = model
        self.combination = combination
        self.threshold = threshold
        self.filters = filters
        self.proposedModel = proposedModel
        self.proposes = proposes
        self.proposedThreshold = proposedThreshold
    }

    static let settingNames = ["bias", "combine", "threshold", "filter", "proposed", "proposed_threshold", "proposed_bias"]

    /// The weights file's text: settings, then one feature a line with its weight, most positive first.
    public func text(comment: String = "") -> String {
        var out = comment.isEmpty ? "" : comment.split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }.joined(separator: "\n") + "\n"
        out += "name\tvalue\n"
        out += "combine\t\(combination.rawValue)\nthreshold\t\(format(threshold))\nfilter\t\(filters ? "yes" : "no")\n"
        out += "bias\t\(format(model.bias))\n"
        let order = VisitFeature.allCases.indices.sorted { model.weights[$0] > model.weights[$1] }
        for i in order { out += "\(VisitFeature.allCases[i].rawValue)\t\(format(model.weights[i]))\n" }
        out += "proposed\t\(proposes ? "yes" : "no")\nproposed_threshold\t\(format(proposedThreshold))\n"
        out += "proposed_bias\t\(format(proposedModel.bias))\n"
        let proposedOrder = ProposedFeature.allCases.indices.sorted { proposedModel.weights[$0] > proposedModel.weights[$1] }
        for i in proposedOrder { out += "\(ProposedFeature.allCases[i].rawValue)\t\(format(proposedModel.weights[i]))\n" }
        return out
    }

    private func format(_ x: Double) -> String { String(format: "%.4f", x) }

    /// Reads a weights file. Unknown or repeated names, values that are not numbers and missing features are
    /// refused with their file, line and column; `hint` adds a "did you mean" to an unknown name.
    public static func load(path: String, hint: (String, [String]) -> String = { _, _ in "" }) throws(ScorerFileError) -> VisitScorer {
        let file = TSVFile(path: path, columns: ["name", "value"])
        var problems = file.diagnostics.filter { $0.severity == .error }
        let known = settingNames + VisitFeature.allCases.map(\.rawValue) + ProposedFeature.allCases.map(\.rawValue)
        var weights = [Double?](repeating: nil, count: VisitFeature.allCases.count)
        var proposedWeights = [Double?](repeating: nil, count: ProposedFeature.allCases.count)
        var scorer = VisitScorer(model: LogisticRegression(weights: []))
        var seen = Set<String>()
        for row in file.rows {
            let name = file.string(row.cells[0]), value = file.string(row.cells[1])
            guard seen.insert(name).inserted else {
                problems.append(file.diagnostic(row, cell: 0, "'\(name)' is given twice")); continue
            }
            switch name {
            case "combine":
                guard let c = Combination(rawValue: value) else {
                    problems.append(file.diagnostic(row, cell: 1, "combine must be one of \(Combination.allCases.map(\.rawValue).joined(separator: ", ")), found '\(value)'"))
                    continue
                }
                scorer.combination = c
            case "filter", "proposed":
                guard value == "yes" || value == "no" else {
                    problems.append(file.diagnostic(row, cell: 1, "\(name) must be 'yes' or 'no', found '\(value)'")); continue
                }
                if name == "filter" { scorer.filters = value == "yes" } else { scorer.proposes = value == "yes" }
            default:
                guard known.contains(name) else {
                    problems.append(file.diagnostic(row, cell: 0, "unknown name '\(name)'" + hint(name, known))); continue
                }
                guard let x = Double(value), x.isFinite else {
                    problems.append(file.diagnostic(row, cell: 1, "'\(value)' is not a number")); continue
                }
                if name == "bias" { scorer.model.bias = x }
                else if name == "proposed_bias" { scorer.proposedModel.bias = x }
                else if name == "threshold" || name == "proposed_threshold" {
                    guard (0...1).contains(x) else { problems.append(file.diagnostic(row, cell: 1, "\(name) must be between 0 and 1")); continue }
                    if name == "threshold" { scorer.threshold = x } else { scorer.proposedThreshold = x }
                } else if let f = VisitFeature(rawValue: name) { weights[f.index] = x }
                else if let f = ProposedFeature(rawValue: name) { proposedWeights[f.index] = x }
            }
        }
        let missing = VisitFeature.allCases.filter { weights[$0.index] == nil }.map(\.rawValue)
            + ProposedFeature.allCases.filter { proposedWeights[$0.index] == nil }.map(\.rawValue)
        if problems.isEmpty, !missing.isEmpty {
            problems.append(Diagnostic(file: path, severity: .error,
                                       message: "no weight for \(missing.count) feature(s): \(missing.prefix(5).joined(separator: ", "))\(missing.count > 5 ? ", ..." : "") (retrain with `dossier train`)"))
        }
        guard problems.isEmpty else { throw ScorerFileError(diagnostics: problems) }
        scorer.model.weights = weights.map { $0 ?? 0 }
        scorer.proposedModel.weights = proposedWeights.map { $0 ?? 0 }
        return scorer
    }

    /// The features of each candidate of one document: a rule candidate's `VisitFeature`s, a proposed one's
    /// `ProposedFeature`s (read against the document's rule candidates).
    static func features(_ visits: [VisitCandidate], _ context: FeatureContext) -> [[Float]] {
        let proposed = visits.indices.filter { visits[$0].rules.contains(.visitProposed) }
        guard !proposed.isEmpty else { return VisitFeatures.compute(visits, context) }
        let ruleIndexes = visits.indices.filter { !visits[$0].rules.contains(.visitProposed) }
        let rules = ruleIndexes.map { visits[$0] }
        var out = [[Float]](repeating: [], count: visits.count)
        for (i, x) in zip(ruleIndexes, VisitFeatures.compute(rules, context)) { out[i] = x }
        for (i, x) in zip(proposed, ProposedFeatures.compute(proposed.map { visits[$0] }, rules: rules, context)) { out[i] = x }
        return out
    }

    /// The probability of each candidate of one document, by the model of its kind.
    func probabilities(_ visits: [VisitCandidate], _ features: [[Float]]) -> [Float] {
        zip(visits, features).map { v, x in
            Float(v.rules.contains(.visitProposed) ? proposedModel.probability(x) : model.probability(x))
        }
    }

    /// Whether a build keeps candidate `v`: every rule candidate; a proposed one only when the scorer proposes and
    /// its probability reaches the proposed threshold.
    static func keeps(_ v: VisitCandidate, _ scorer: VisitScorer?) -> Bool {
        guard v.rules.contains(.visitProposed) else { return true }
        guard let scorer, scorer.proposes else { return false }
        return Double(v.confidence) >= scorer.proposedThreshold
    }

    /// A merged visit's confidence from its candidates' probabilities.
    public static func combine(_ probabilities: some Sequence<Float>, _ how: Combination) -> Double {
        switch how {
        case .noisyOr: return 1 - probabilities.reduce(1.0) { $0 * (1 - Double($1)) }
        case .max: return Double(probabilities.max() ?? 0)
        }
    }
}
