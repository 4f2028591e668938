// A training batch analysed once: cross-validation and threshold search need the batch's model under many
// scorers, and only the assembly and merge depend on the scorer, never the per-document analysis.
import Foundation

/// A batch's per-document analyses, each candidate's features kept, reassembled into a model under any scorer
/// without reading or analysing the articles again.
public final class AnalysedBatch: @unchecked Sendable {
    public let batch: TrainingBatch
    private let results: [(DocumentAnalysis?, [Diagnostic])]
    private let names: [(directory: String, name: String)]
    private let gazetteer: Gazetteer
    private let textMemoryLimit: Int

    public init(_ batch: TrainingBatch, builder: CorpusBuilder) {
        self.batch = batch
        let inputs = batch.inputs()
        results = builder.analyse(0..<inputs.count, of: inputs, store: nil, scoring: ScoringOptions(scorer: nil, keepFeatures: true),
                                  acronyms: builder.gazetteer.acronymOnlyKeys())
        names = (0..<inputs.count).map { inputs.location($0) }
        gazetteer = builder.gazetteer
        textMemoryLimit = builder.textMemoryLimit
    }

    /// The batch's model with each candidate's confidence from `scorer` (nil: the rules' default), merged and
    /// filtered as a build with that scorer would be.
    func corpus(scorer: VisitScorer?) -> Corpus {
        assemble(scorer: scorer).corpus
    }

    /// The batch's model as the rules alone make it, with every candidate that `rules` helped to make taken out
    /// before the merge (Ablation.swift).
    func corpus(scorer: VisitScorer?, without rules: RuleSet) -> Corpus {
        assemble(scorer: scorer, without: rules).corpus
    }

    /// How many candidates each rule helped to make.
    func candidatesPerRule() -> [Rule: Int] {
        var counts: [Rule: Int] = [:]
        for case let (analysis?, _) in results {
            for visit in analysis.visits { for rule in visit.rules.rules { counts[rule, default: 0] += 1 } }
        }
        return counts
    }

    /// The labelled samples (each candidate's features, and whether a gold row matches it), made once.
    private(set) lazy var labelledSamples: LabelledSamples = makeSamples()

    private func makeSamples() -> LabelledSamples {
        let (corpus, samples) = assemble(scorer: nil)
        let rows = batch.gold.visits.map { row in
            var people = Set(corpus.entities(named: row.visitor))
            if let i = corpus.entityIndex(id: row.visitor) { people.insert(i) }
            return (people, row, PartialDate(iso: row.when))
        }
        return LabelledSamples(x: samples.map(\.features), y: samples.map { Trainer.label($0, rows) }, proposed: samples.map(\.proposed))
    }

    private func assemble(scorer: VisitScorer?, without rules: RuleSet = RuleSet()) -> (corpus: Corpus, samples: [CandidateSample]) {
        var scored = results
        let taken = rules.rules
        if !taken.isEmpty {
            for i in scored.indices {
                guard var a = scored[i].0 else { continue }
                let kept = a.visits.indices.filter { k in !taken.contains { a.visits[k].rules.contains($0) } }
                a.visits = kept.map { a.visits[$0] }
                if !a.features.isEmpty { a.features = kept.map { a.features[$0] } }
                scored[i].0 = a
            }
        }
        if let scorer {
            for i in scored.indices {
                guard var a = scored[i].0 else { continue }
                for (k, p) in scorer.probabilities(a.visits, a.features).enumerated() { a.visits[k].confidence = p }
                scored[i].0 = a
            }
        }
        var assembly = Assembly(gazetteer: gazetteer, tables: DocumentTables(texts: TextStore(memoryLimit: textMemoryLimit)))
        assembly.scorer = scorer
        assembly.add(scored, names: names, keys: [UInt64](repeating: 0, count: names.count))
        let (corpus, _, samples) = assembly.finish()
        return (corpus, samples)
    }
}

/// A batch's candidates as training reads them: features, whether a gold row matches, and whether the candidate
/// was proposed (rule visit.proposed; its features are `ProposedFeature`s, fitted by a model of their own).
struct LabelledSamples {
    var x: [[Float]]
    var y: [Bool]
    var proposed: [Bool]
}
