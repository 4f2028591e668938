import Foundation

/// Per-document results kept between builds (the model cache's analysis segments). A document whose analysis is
/// stored is not read or analysed again; only the cross-document merge is redone.
public protocol AnalysisStore: AnyObject, Sendable {
    /// Calls `body` with the stored analysis of input `index` (the bytes `keep` was given, not copied), or
    /// returns nil when there is none.
    func withStored<T>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> T?) -> T?
    /// Calls `body` with the stored analysis whose document key is `key` (an earlier state of an article), or
    /// returns nil when there is none; not counted as reused.
    func withStored<T>(key: UInt64, _ body: (UnsafeRawBufferPointer) -> T?) -> T?
    /// Keeps the analysis of input `index`; called from worker threads.
    func keep(_ index: Int, _ encoded: [UInt8])
    /// Input `index`'s document key (0: none, or not known before the input is read), kept with its document in
    /// the model.
    func key(_ index: Int) -> UInt64
    /// Learns input `index`'s key from the checksum of its bytes, read by the build (the store had not hashed
    /// them), and the stamp of the file they were read from; returns true when an analysis is stored under that key.
    func learn(_ index: Int, byteHash: UInt64, stamp: FileStamp?) -> Bool
    /// An earlier model of the corpus, whose texts a reused document's are copied from (nil: none; the
    /// article is read again).
    var earlierTexts: ModelFileTexts? { get }
}

extension Analyzer {
    /// One input's analysis: from the store when it has it (and it decodes), else read and analysed, and kept.
    static func analyze(input i: Int, of inputs: BuildInputs, store: AnalysisStore?, gazetteer: Gazetteer,
                        acronyms: KeyTableSet, scoring: ScoringOptions = ScoringOptions(),
                        languages: LanguageProfiles = LanguageProfiles.standard.profiles,
                        lexicon: Lexicon = .bundled, reviewer: (any CandidateReviewer)? = nil) -> (DocumentAnalysis?, [Diagnostic]) {
        let location = inputs.location(i)
        let path = location.directory.isEmpty ? location.name : location.directory + "/" + location.name
        if let store, store.key(i) != 0, let reused = reuse(input: i, of: inputs, store: store, path: path) { return reused }
        var (source, d, byteHash, stamp) = inputs.readHashing(i, hashing: store.map { $0.key(i) == 0 } ?? false)
        if let store, store.key(i) == 0, let byteHash, store.learn(i, byteHash: byteHash, stamp: stamp),
           let reused = reuse(input: i, of: inputs, store: store, path: path) { return reused }
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
            w.bytes.reserveCapacity(StoredAnalysis.estimatedSize(of: analysis))
            StoredAnalysis(analysis: analysis, diagnostics: d).encode(to: &w, path: source?.path ?? path)
            store.keep(i, w.bytes)
        }
        return (analysis, d)
    }

    /// Input `i`'s stored analysis with its texts, which the store does not keep: copied from the earlier model
    /// when it holds them, else read from the article again and checked against the analysis' content hash.
    /// Nil when nothing is stored, it does not decode, or the article's text is no longer the one analysed.
    static func reuse(input i: Int, of inputs: BuildInputs, store: AnalysisStore, path: String) -> (DocumentAnalysis?, [Diagnostic])? {
        let stored = store.withStored(i) { raw -> StoredAnalysis? in
            var r = ByteReader(raw)
            return try? StoredAnalysis(from: &r, path: path)
        }
        guard let stored else { return nil }
        guard var analysis = stored.analysis else { return (nil, stored.diagnostics) }
        if let texts = store.earlierTexts?.texts(key: store.key(i)) {
            analysis.storedTexts = texts
            return (analysis, stored.diagnostics)
        }
        guard let source = inputs.read(i).0, source.contentHash == analysis.source.contentHash,
              source.byteCount == analysis.source.byteCount else { return nil }
        analysis.source.text = source.text
        analysis.source.original = source.original
        return (analysis, stored.diagnostics)
    }
}

extension CorpusBuilder {
    /// Builds from files, taking each document's analysis from `store` when it has it and keeping the new ones there.
    /// With a `draft`, the texts are written into that model file as they come (docs/model-cache.md).
    public func build(files: [(path: String, entry: ManifestEntry?)], store: AnalysisStore?, draft: ModelFileDraft? = nil) -> (Corpus, [Diagnostic]) {
        let (corpus, diagnostics, _, index) = buildIndexed(inputs: BuildInputs(source: .paths(files.map(\.path)), entries: files.map(\.entry)),
                                                           store: store, texts: draft?.texts)
        draft?.mergeIndex = index
        return (corpus, diagnostics)
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
