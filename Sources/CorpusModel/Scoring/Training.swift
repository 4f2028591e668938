// Training the visit scorer: candidates labelled against the gold as the evaluator matches visits, a model
// fitted on them, a threshold chosen on the same batches; and cross-validation by batch, which never scores a
// batch with a model that saw it.
import Foundation

/// What the per-document analysis does with the scorer: features for every visit candidate, a probability
/// when a scorer is loaded, the features kept when a build is for training. Proposed candidates (rule
/// visit.proposed) are made only when a scorer may keep them or a build is for training.
struct ScoringOptions: Sendable {
    var scorer: VisitScorer?
    var keepFeatures = false

    var proposes: Bool { keepFeatures || scorer?.proposes == true }

    func score(_ a: inout DocumentAnalysis, _ context: FeatureContext) {
        let features = VisitScorer.features(a.visits, context)
        if let scorer {
            for (i, p) in scorer.probabilities(a.visits, features).enumerated() { a.visits[i].confidence = p }
        }
        if keepFeatures { a.features = features } else { a.visits.removeAll { !VisitScorer.keeps($0, scorer) } }
    }
}

/// A visit candidate as training sees it: its key (to label it) and its features.
public struct CandidateSample: Sendable {
    public var document: Int
    public var visitor: Int
    public var destination: String
    public var start: PartialDate?
    public var features: [Float]
    /// Made by the candidate generator (rule visit.proposed), scored by the proposed candidates' model.
    public var proposed: Bool
    /// The candidate's status, as the rules read it.
    public var status: VisitStatus

    init(_ v: VisitCandidate, document: Int, features: [Float]) {
        self.document = document
        proposed = v.rules.contains(.visitProposed)
        status = v.status
        visitor = v.visitor
        destination = v.destination
        start = v.start
        self.features = features
    }
}

public enum Trainer {
    /// L2 0.1: of 0.001, 0.01, 0.03, 0.1, 0.3 and 1, the best pooled F1 in cross-validation (docs/corpus-model.md).
    public static let settings = LogisticRegression.Settings(l2: 0.1)
    /// The proposed candidates' model: chosen by cross-validation as `settings` was (docs/corpus-model.md).
    public static let proposedSettings = LogisticRegression.Settings(l2: 0.01)

    /// True when a gold row has the candidate's visitor and destination, the same year and, where both give
    /// one, the same month (an undated candidate: any row of that visitor and destination).
    static func label(_ s: CandidateSample, _ rows: [(people: Set<Int>, row: GoldVisit, when: PartialDate?)]) -> Bool {
        rows.contains { r in
            guard r.people.contains(s.visitor), r.row.destination == s.destination else { return false }
            guard let start = s.start else { return true }
            guard let w = r.when, w.year == start.year else { return false }
            if let gm = w.month, let m = start.month, gm != m { return false }
            return true
        }
    }

    /// A scorer trained on `batches`, its threshold the one that gives the best pooled F1 on them.
    public static func train(_ batches: [TrainingBatch], builder: CorpusBuilder, settings: LogisticRegression.Settings = settings,
                             proposedSettings: LogisticRegression.Settings = proposedSettings,
                             combination: VisitScorer.Combination = .noisyOr) -> (scorer: VisitScorer, losses: [Double]) {
        train(batches.map { AnalysedBatch($0, builder: builder) }, settings: settings, proposedSettings: proposedSettings, combination: combination)
    }

    /// The same over batches analysed once.
    public static func train(_ batches: [AnalysedBatch], settings: LogisticRegression.Settings = settings,
                      proposedSettings: LogisticRegression.Settings = proposedSettings, combination: VisitScorer.Combination = .noisyOr) -> (scorer: VisitScorer, losses: [Double]) {
        var x: [[Float]] = [], y: [Bool] = [], px: [[Float]] = [], py: [Bool] = []
        for batch in batches {
            let s = batch.labelledSamples
            for i in s.x.indices {
                if s.proposed[i] { px.append(s.x[i]); py.append(s.y[i]) } else { x.append(s.x[i]); y.append(s.y[i]) }
            }
        }
        let (model, losses) = LogisticRegression.train(x, y, dimension: VisitFeature.allCases.count, settings: settings)
        var scorer = VisitScorer(model: model, combination: combination)
        if !px.isEmpty {
            scorer.proposedModel = LogisticRegression.train(px, py, dimension: ProposedFeature.allCases.count, settings: proposedSettings).model
        }
        scorer.threshold = bestThreshold(scorer, batches)
        scorer.proposedThreshold = bestProposedThreshold(scorer, batches)
        return (scorer, losses)
    }

    /// The proposed candidates' thresholds tried; 1 keeps (almost) none of them.
    static let proposedThresholds = [0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0]

    /// The proposed threshold that gives the best pooled F1 on `batches` (rule candidates all kept), 1 when
    /// proposing does not beat the rules alone there.
    static func bestProposedThreshold(_ scorer: VisitScorer, _ batches: [AnalysedBatch]) -> Double {
        var best = (threshold: 1.0, f1: -1.0)
        for t in proposedThresholds.reversed() {
            var trial = scorer
            trial.filters = false
            trial.proposes = t < 1
            trial.proposedThreshold = t
            let pooled = batches.reduce(Counts()) { $0 + evaluate($1.corpus(scorer: trial), $1.batch.gold, threshold: 0) }
            if pooled.f1 > best.f1 + 1e-9 { best = (t, pooled.f1) }
        }
        return best.threshold
    }

    /// Counts of a scored batch at one threshold.
    public struct Counts: Sendable {
        public var right = 0, extra = 0, missed = 0
        /// Matched gold rows that are planned or negated, reported as having taken place.
        public var plannedAsOccurred = 0
        public var precision: Double { right + extra == 0 ? 1 : Double(right) / Double(right + extra) }
        public var recall: Double { right + missed == 0 ? 1 : Double(right) / Double(right + missed) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        static func + (a: Counts, b: Counts) -> Counts {
            Counts(right: a.right + b.right, extra: a.extra + b.extra, missed: a.missed + b.missed,
                   plannedAsOccurred: a.plannedAsOccurred + b.plannedAsOccurred)
        }
    }

    static let thresholds = stride(from: 0.0, through: 0.95, by: 0.05).map { $0 }

    /// The batch's model scored against its gold, keeping visits of at least `threshold`.
    static func evaluate(_ corpus: Corpus, _ gold: GoldFile, threshold: Double) -> Counts {
        let kept = Merger.keep(corpus.visits, minimumConfidence: threshold)
        let filtered = Corpus(documents: corpus.documents, entities: corpus.entities, visits: kept, events: [], gazetteer: corpus.gazetteer)
        let r = Evaluator.evaluate(filtered, gold: gold)
        return Counts(right: r.matches.count, extra: r.extras.count, missed: r.misses.count, plannedAsOccurred: r.plannedReportedAsOccurred)
    }

    static func bestThreshold(_ scorer: VisitScorer, _ batches: [AnalysedBatch]) -> Double {
        var unfiltered = scorer
        unfiltered.filters = false
        let corpora = batches.map { ($0.corpus(scorer: unfiltered), $0.batch.gold) }
        var best = (threshold: 0.0, f1: -1.0)
        for t in thresholds {
            let pooled = corpora.reduce(Counts()) { $0 + evaluate($1.0, $1.1, threshold: t) }
            if pooled.f1 > best.f1 + 1e-9 { best = (t, pooled.f1) }
        }
        return best.threshold
    }
}
