// Cross-validation by batch: for each batch, a scorer trained on all the others (its threshold chosen on them
// only) scores the held-out batch, next to the rules alone; and the calibration of the confidence there.
import Foundation

public struct CrossValidation: Sendable {
    /// One held-out batch.
    public struct Fold: Sendable {
        public var heldOut: String
        /// The batches the fold's scorer was trained on (never `heldOut`).
        public var trainedOn: [String]
        public var threshold: Double
        public var rules: Trainer.Counts
        public var scorer: Trainer.Counts
        /// Visits of confidence >= 0.8 in the held-out batch, and how many of them are right, per combination.
        public var confident: [VisitScorer.Combination: (right: Int, total: Int)]
    }
    public var folds: [Fold]

    /// The folds: batch k held out, the others trained on.
    public static func folds(_ names: [String]) -> [(heldOut: String, training: [String])] {
        names.map { held in (held, names.filter { $0 != held }) }
    }

    public static func run(_ batches: [TrainingBatch], builder: CorpusBuilder,
                           settings: LogisticRegression.Settings = Trainer.settings) -> CrossValidation {
        run(batches.map { AnalysedBatch($0, builder: builder) }, settings: settings)
    }

    /// The same over batches analysed once: only the assembly depends on the fold's scorer.
    public static func run(_ analysed: [AnalysedBatch], settings: LogisticRegression.Settings = Trainer.settings) -> CrossValidation {
        var done: [Fold] = []
        for (held, training) in Self.folds(analysed.map(\.batch.name)) {
            let test = analysed.first { $0.batch.name == held }!
            let train = analysed.filter { training.contains($0.batch.name) }
            let (scorer, _) = Trainer.train(train, settings: settings)
            let rules = Trainer.evaluate(test.corpus(scorer: nil), test.batch.gold, threshold: 0)
            var scored = scorer
            let counts = Trainer.evaluate(test.corpus(scorer: scored), test.batch.gold, threshold: scorer.threshold)
            var confident: [VisitScorer.Combination: (right: Int, total: Int)] = [:]
            for combination in VisitScorer.Combination.allCases {
                scored.combination = combination
                confident[combination] = calibration(test.corpus(scorer: scored), test.batch.gold, at: 0.8)
            }
            done.append(Fold(heldOut: held, trainedOn: train.map(\.batch.name), threshold: scorer.threshold, rules: rules,
                              scorer: counts, confident: confident))
        }
        return CrossValidation(folds: done)
    }

    /// Visits of at least `level` confidence, and how many of them match a gold row.
    static func calibration(_ corpus: Corpus, _ gold: GoldFile, at level: Double) -> (right: Int, total: Int) {
        let r = Evaluator.evaluate(corpus, gold: gold)
        let right = r.matches.filter { $0.visit.confidence >= level }.count
        let wrong = r.extras.filter { $0.confidence >= level }.count
        return (right, right + wrong)
    }

    /// The per-batch and pooled table, as text.
    public func render() -> String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        func share(_ c: (right: Int, total: Int)?) -> String {
            guard let c, c.total > 0 else { return "-" }
            return "\(f(Double(c.right) / Double(c.total))) (\(c.right)/\(c.total))"
        }
        var out = "held out | trained on | rules P R F1 | rules+scorer (threshold) P R F1 | conf>=0.8 right, noisy-or | max\n"
        var rules = Trainer.Counts(), scored = Trainer.Counts()
        var confident: [VisitScorer.Combination: (right: Int, total: Int)] = [:]
        for fold in folds {
            out += "\(fold.heldOut) | \(fold.trainedOn.joined(separator: ",")) | \(f(fold.rules.precision)) \(f(fold.rules.recall)) \(f(fold.rules.f1))"
            out += " | (\(f(fold.threshold))) \(f(fold.scorer.precision)) \(f(fold.scorer.recall)) \(f(fold.scorer.f1))"
            out += " | \(share(fold.confident[.noisyOr])) | \(share(fold.confident[.max]))\n"
            rules = rules + fold.rules
            scored = scored + fold.scorer
            for (k, v) in fold.confident {
                let old = confident[k] ?? (0, 0)
                confident[k] = (old.right + v.right, old.total + v.total)
            }
        }
        out += "pooled | | \(f(rules.precision)) \(f(rules.recall)) \(f(rules.f1)) | \(f(scored.precision)) \(f(scored.recall)) \(f(scored.f1))"
        out += " | \(share(confident[.noisyOr])) | \(share(confident[.max]))\n"
        return out
    }

    /// Of the visits of confidence >= 0.8 in the held-out batches, the share that are right, per combination.
    public var confidentShare: [VisitScorer.Combination: Double] {
        var out: [VisitScorer.Combination: Double] = [:]
        for c in VisitScorer.Combination.allCases {
            let right = folds.reduce(0) { $0 + ($1.confident[c]?.right ?? 0) }, total = folds.reduce(0) { $0 + ($1.confident[c]?.total ?? 0) }
            out[c] = total == 0 ? 0 : Double(right) / Double(total)
        }
        return out
    }

    /// The scorer filters visits only when it beats the rules alone by this much pooled F1 (less is noise on a
    /// few hundred visits).
    public static let filterMargin = 0.02

    /// Pooled counts over the folds: rules alone, and rules + scorer.
    public var pooled: (rules: Trainer.Counts, scorer: Trainer.Counts) {
        folds.reduce((Trainer.Counts(), Trainer.Counts())) { ($0.0 + $1.rules, $0.1 + $1.scorer) }
    }
}
