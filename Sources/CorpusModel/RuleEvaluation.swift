// Precision and recall per rule: which rules make right visits and which make wrong ones.

/// One rule's figures against a gold file.
public struct RuleScore: Sendable {
    public var rule: Rule
    /// Visits in the gold's scope that the rule contributed to.
    public var predicted: Int
    /// Of those, the ones matching a gold row.
    public var correct: Int
    /// Gold rows in all.
    public var gold: Int

    /// Of the visits the rule contributed to, the share that match the gold (1 when it made none).
    public var precision: Double { predicted == 0 ? 1 : Double(correct) / Double(predicted) }
    /// Of the gold rows, the share found with the rule's contribution.
    public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
}

extension Evaluator {
    /// Every rule's precision and recall in a report, in registry order; rules that made nothing in scope are left out.
    public static func scoresByRule(_ r: EvaluationReport) -> [RuleScore] {
        let goldCount = r.matches.count + r.misses.count
        return Rule.allCases.compactMap { rule in
            let correct = r.matches.filter { $0.visit.ruleSet.contains(rule) }.count
            let wrong = r.extras.filter { $0.ruleSet.contains(rule) }.count
            guard correct + wrong > 0 else { return nil }
            return RuleScore(rule: rule, predicted: correct + wrong, correct: correct, gold: goldCount)
        }
    }

    /// The per-rule table as text: id, visits made, right, precision, recall.
    public static func renderByRule(_ r: EvaluationReport) -> String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        let scores = scoresByRule(r)
        let width = max(4, scores.map(\.rule.id.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        var out = "\(pad("rule", width))  visits  right  precision  recall\n"
        for s in scores {
            let visits = String(s.predicted), right = String(s.correct)
            out += "\(pad(s.rule.id, width))  \(String(repeating: " ", count: max(0, 6 - visits.count)))\(visits)"
                + "  \(String(repeating: " ", count: max(0, 5 - right.count)))\(right)      \(f(s.precision))   \(f(s.recall))\n"
        }
        return out
    }
}
