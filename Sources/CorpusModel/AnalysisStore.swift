import Foundation

/// Per-document results kept between builds (the model cache's analysis segments). A document whose analysis is
/// stored is not read or analysed again; only the cross-document merge is redone.
public protocol AnalysisStore: AnyObject, Sendable {
    /// The stored analysis of input `index` (as `keep` was given it), or nil.
    func stored(_ index: Int) -> Data?
    /// Keeps the analysis of input `index`; called from worker threads.
    func keep(_ index: Int, _ encoded: [UInt8])
}

extension Analyzer {
    /// One input's analysis: from the store when it has it (and it decodes), else read and analysed, and kept.
    static func analyze(input i: Int, of inputs: BuildInputs, store: AnalysisStore?, gazetteer: Gazetteer,
                        acronyms: KeyTableSet, scoring: ScoringOptions = ScoringOptions(),
                        languages: LanguageProfiles = LanguageProfiles.standard.profiles,
                        lexicon: Lexicon = .bundled, reviewer: (any CandidateReviewer)? = nil) -> (DocumentAnalysis?, [Diagnostic]) {
        let location = inputs.location(i)
        let path = location.directory.isEmpty ? location.name : location.directory + "/" + location.name
        if let store, let data = store.stored(i) {
            let decoded = data.withUnsafeBytes { raw -> StoredAnalysis? in
                var r = ByteReader(raw)
                return try? StoredAnalysis(from: &r, path: path)
            }
            if let decoded { return (decoded.analysis, decoded.diagnostics) }
        }
        var (source, d) = inputs.read(i)
        var analysis = source.map {
            analyze($0, manifest: inputs.entry(i), gazetteer: gazetteer, acronyms: acronyms, scoring: scoring, languages: languages,
                    lexicon: lexicon)
        }
        // Extractor plugins review the candidates of a document the rules read.
        if let reviewer, var a = analysis, languages.profile(of: a.language)?.read ?? true {
            d += CandidateReviewing.review(&a, path: source?.path ?? path, name: location.name, gazetteer: gazetteer, reviewer: reviewer)
            analysis = a
        }
        if let store {
            var w = ByteWriter()
            StoredAnalysis(analysis: analysis, diagnostics: d).encode(to: &w, path: source?.path ?? path)
            store.keep(i, w.bytes)
        }
        return (analysis, d)
    }
}

extension CorpusBuilder {
    /// Builds from files, taking each document's analysis from `store` when it has it and keeping the new ones there.
    public func build(files: [(path: String, entry: ManifestEntry?)], store: AnalysisStore?) -> (Corpus, [Diagnostic]) {
        build(inputs: BuildInputs(source: .paths(files.map(\.path)), entries: files.map(\.entry)), store: store)
    }

    /// Analyses the inputs `selected` of `files` into `store` without building a model (one shard of a build made
    /// on several machines); returns the diagnostics.
    public func analyze(files: [(path: String, entry: ManifestEntry?)], selected: [Int], store: AnalysisStore) -> [Diagnostic] {
        let inputs = BuildInputs(source: .paths(files.map(\.path)), entries: files.map(\.entry))
        let g = gazetteer
        let acronyms = g.acronymOnlyKeys()
        // Analysed as a build analyses them (the same scorer, languages and lexicon), so the merge gives the same model.
        let scoring = ScoringOptions(scorer: scorer), languages = self.languages, lexicon = self.lexicon, reviewer = self.reviewer
        let next = AtomicCounter()
        let diagnostics = ResultBox(count: selected.count)
        let work: @Sendable (Int) -> Void = { _ in
            while true {
                let k = next.next()
                if k >= selected.count { break }
                let (_, d) = Analyzer.analyze(input: selected[k], of: inputs, store: store, gazetteer: g, acronyms: acronyms,
                                                   scoring: scoring, languages: languages, lexicon: lexicon, reviewer: reviewer)
                diagnostics.set(k, nil, d)
            }
        }
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, selected.count)), execute: work)
        return diagnostics.take().flatMap(\.1)
    }
}
