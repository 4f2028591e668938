// Ablation by rule: what each rule carries, measured on the annotated batches (analysed once) by taking out every
// candidate the rule helped to make, merging again and scoring against the gold.
import Foundation

public struct Ablation: Sendable {
    /// One rule taken out.
    public struct Row: Sendable {
        public var rule: Rule
        /// The candidates (sentence reports, before the merge) the rule helped to make, over all batches.
        public var candidates: Int
        /// The pooled counts without those candidates.
        public var without: Trainer.Counts
    }

    /// The pooled counts with every rule.
    public var all: Trainer.Counts
    /// The rules that made at least one candidate, the ones whose removal costs most F1 first.
    public var rows: [Row]

    /// Every rule that made a candidate in `analysed`, taken out in turn (the rules alone: no scorer, no proposals).
    public static func run(_ analysed: [AnalysedBatch]) -> Ablation {
        let all = pooled(analysed, without: RuleSet())
        var used: [Rule: Int] = [:]
        for batch in analysed { for (rule, n) in batch.candidatesPerRule() { used[rule, default: 0] += n } }
        var rows = used.keys.sorted { $0.rawValue < $1.rawValue }.map { rule in
            Row(rule: rule, candidates: used[rule] ?? 0, without: pooled(analysed, without: RuleSet([rule])))
        }
        rows.sort { a, b in a.without.f1 != b.without.f1 ? a.without.f1 < b.without.f1 : a.rule.rawValue < b.rule.rawValue }
        return Ablation(all: all, rows: rows)
    }

    static func pooled(_ analysed: [AnalysedBatch], without rules: RuleSet) -> Trainer.Counts {
        analysed.reduce(Trainer.Counts()) { $0 + Trainer.evaluate($1.corpus(scorer: nil, without: rules), $1.batch.gold, threshold: 0) }
    }

    /// The table, as Markdown: each rule's candidates, and P / R / F1 without it with the change in F1.
    public func render() -> String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        func signed(_ x: Double) -> String { String(format: "%+.3f", x) }
        var out = "all rules: P \(f(all.precision)) R \(f(all.recall)) F1 \(f(all.f1)), planned or negated reported as occurred \(all.plannedAsOccurred)\n\n"
        out += "| rule taken out | candidates | P | R | F1 | F1 change | planned as occurred |\n|---|---|---|---|---|---|---|\n"
        for row in rows {
            let w = row.without
            out += "| `\(row.rule.id)` | \(row.candidates) | \(f(w.precision)) | \(f(w.recall)) | \(f(w.f1)) | \(signed(w.f1 - all.f1)) | \(w.plannedAsOccurred) |\n"
        }
        return out
    }
}
