import Foundation

/// A corpus's earlier model, as the model cache stored it: what a rebuild after edits starts from.
public struct EarlierModel {
    public let corpus: Corpus
    /// The diagnostics stored with it.
    public let diagnostics: [Diagnostic]
    public let index: MergeIndex

    public init(corpus: Corpus, diagnostics: [Diagnostic], index: MergeIndex) {
        self.corpus = corpus
        self.diagnostics = diagnostics
        self.index = index
    }
}

/// A rebuild after some articles were edited, that merges again only what the edits touch: the edited articles are
/// analysed again; every other document's rows are copied from the earlier model; only the visit candidates of
/// the visitor-destination groups, and the event candidates of the event keys, that an edited article has (before
/// or after the edit) are merged again, from their documents' stored analyses; the other visits and events are
/// the earlier model's, put in order with the new ones. The result is the model a build from nothing makes, byte
/// for byte, or `plan` says no (nil) and the caller builds as usual: when the listing differs (an article added,
/// removed or renamed), a document was dropped as a duplicate or its text becomes one, an edited article's
/// discovered persons, notes or diagnostics differ (they number entities and make the notes), or it changes which
/// country codes it is the first to name (the codes' order breaks ties between visits).
public struct IncrementalRebuild {
    let earlier: EarlierModel
    let builder: CorpusBuilder
    let inputs: BuildInputs
    let keys: [UInt64]
    /// The edited documents, ascending, with their analyses (new and earlier) and the global entity of each of
    /// their discovered persons.
    let changed: [Int]
    let analyses: [Int: DocumentAnalysis]
    let analysisDiagnostics: [Int: [Diagnostic]]
    /// The model's diagnostics (the earlier model's, an edited article's notes changed), and the merge index
    /// with its account of the notes brought up to date.
    let diagnostics: [Diagnostic]
    let noteIndex: MergeIndex
    let earlierAnalyses: [Int: DocumentAnalysis]
    let discoveredEntities: [Int: [Int]]
    /// Visit groups (visitor << 16 | country code) and event key hashes the edits touch.
    let touchedGroups: Set<Int64>
    let touchedEvents: Set<UInt64>
    /// The stored analyses of the other documents with candidates in them.
    let others: [Int: DocumentAnalysis]
    let codeOf: [String: Int]

    /// At most this many edited articles are merged incrementally; more are built as usual.
    static let limit = 64

    /// `DOSSIER_REBUILD_TRACE=1`: why a rebuild was not incremental, or what it read, on standard error.
    public static let trace = ProcessEnvironment.value("DOSSIER_REBUILD_TRACE") != nil

    /// Plans the rebuild of `files` (the corpus's listing, keys in `store`) from `earlier`; nil when it does not
    /// apply. The edited articles are analysed (and kept in `store`) either way.
    /// `listingDiagnostics`: how many of the diagnostics stored with the earlier model are the listing's (at the end).
    public static func plan(earlier: EarlierModel, builder: CorpusBuilder, files: [(path: String, entry: ManifestEntry?)],
                            store: AnalysisStore, listingDiagnostics: Int) -> IncrementalRebuild? {
        func no(_ why: String) -> IncrementalRebuild? {
            if trace { FileHandle.standardError.write(Data("incremental rebuild: not used: \(why)\n".utf8)) }
            return nil
        }
        guard let tables = earlier.corpus.tables, !builder.keepFeatures else { return no("no documents, or a training build") }
        let inputs = BuildInputs(source: .paths(files.map(\.path)), entries: files.map(\.entry))
        let n = files.count
        guard n > 0, tables.records.count == n, tables.documentKeys.count == n else { return no("another number of documents") }
        var keys = [UInt64](repeating: 0, count: n), changed: [Int] = []
        for d in 0..<n {
            keys[d] = store.key(d)
            guard keys[d] != 0 else { return no("an article without a key") }
            if keys[d] != tables.documentKeys[d] { changed.append(d) }
            guard changed.count <= limit else { return no("more than \(limit) articles changed") }
        }
        guard !changed.isEmpty else { return no("no article changed") }
        guard sameNames(tables, inputs) else { return no("another listing") }
        var plan = Planner(earlier: earlier, builder: builder, inputs: inputs, store: store, listingCount: listingDiagnostics)
        guard plan.analyse(changed, keys: keys, earlierKeys: tables.documentKeys) else { return no("an edit changes what the merge cannot redo in part") }
        guard plan.findTouched(changed) else { return no("an edit changes the country codes' order") }
        guard plan.decodeOthers(keys: keys, changed: changed) else { return no("a stored analysis is missing") }
        if trace {
            FileHandle.standardError.write(Data("incremental rebuild: \(changed.count) edited, \(plan.touchedGroups.count) visit groups and \(plan.touchedEvents.count) event keys touched, \(plan.others.count) other documents read\n".utf8))
        }
        return IncrementalRebuild(earlier: earlier, builder: builder, inputs: inputs, keys: keys, changed: changed,
                                  analyses: plan.analyses, analysisDiagnostics: plan.analysisDiagnostics, diagnostics: plan.notes.diagnostics,
                                  noteIndex: plan.notes.index,
                                  earlierAnalyses: plan.earlierAnalyses,
                                  discoveredEntities: plan.discoveredEntities, touchedGroups: plan.touchedGroups,
                                  touchedEvents: plan.touchedEvents, others: plan.others, codeOf: plan.codeOf)
    }

    /// Every document of the earlier model has the folder and name of the listing's file at its position.
    static func sameNames(_ tables: DocumentTables, _ inputs: BuildInputs) -> Bool {
        for d in tables.records.indices {
            let (directory, name) = inputs.location(d)
            let record = tables.records[d]
            guard record.name == name, tables.directories[Int(record.directory)] == directory else { return false }
        }
        return true
    }

    /// The number of edited articles analysed again.
    public var analysed: Int { changed.count }

    /// Builds the model, its texts written into `draft`: the corpus, the diagnostics to store with it (the earlier
    /// model's, an edited article's notes changed), and the new merge index (left in `draft`). The other documents'
    /// texts are copied from `texts`, the earlier model's file checked whole (`ModelFileTexts`), when given, else
    /// from the earlier corpus's, checked here first (nil when a block is damaged). The edited articles' analyses
    /// are kept in `store`, unless it has them (an edit undone).
    public func build(into draft: ModelFileDraft, texts: ModelFileTexts?, store: AnalysisStore) -> (Corpus, [Diagnostic])? {
        let source: TextStore
        if let texts { source = texts.store } else {
            guard let old = earlier.corpus.tables?.texts, (try? old.checkAllBlocks()) != nil else { return nil }
            source = old
        }
        for d in changed where store.withStored(key: keys[d], { _ in true }) == nil {
            let a = analyses[d]!
            var w = ByteWriter()
            w.bytes.reserveCapacity(StoredAnalysis.estimatedSize(of: a))
            StoredAnalysis(analysis: a, diagnostics: analysisDiagnostics[d]!).encode(to: &w, path: a.source.path)
            store.keep(d, w.bytes)
        }
        let (tables, documents) = copyTables(into: draft.texts, from: source)
        let entities = earlier.corpus.entities
        let (visits, visitIndex) = mergeVisits(documents: documents, entities: entities)
        let (events, eventKeys, eventPositions) = mergeEvents()
        tables.texts.seal()
        var index = noteIndex
        (index.candidateVisitors, index.candidateDestinations, index.candidateDocuments) = visitIndex
        index.eventKeys = eventKeys
        index.eventPositions = eventPositions
        draft.mergeIndex = index
        let corpus = Corpus(documents: documents, entities: entities, visits: visits, events: events, gazetteer: builder.gazetteer)
        return (corpus, diagnostics)
    }

    /// A document's discovered persons as global entities (`ref` < 0), or the gazetteer entity `ref`.
    func global(_ ref: Int, of d: Int) -> Int {
        ref >= 0 ? ref : discoveredEntities[d]![-ref - 1]
    }

    /// The analysis the merge reads for document `d`: the new one of an edited article, else the stored one.
    func analysis(_ d: Int) -> DocumentAnalysis { analyses[d] ?? others[d]! }
}

// MARK: Planning

/// The checks and reads of `IncrementalRebuild.plan`, each false when the rebuild does not apply.
private struct Planner {
    let earlier: EarlierModel
    let builder: CorpusBuilder
    let inputs: BuildInputs
    let store: AnalysisStore
    var analyses: [Int: DocumentAnalysis] = [:]
    var earlierAnalyses: [Int: DocumentAnalysis] = [:]
    var analysisDiagnostics: [Int: [Diagnostic]] = [:]
    /// The diagnostics of the model and the merge index's account of the notes, brought up to date.
    var notes: NoteAccount
    var discoveredEntities: [Int: [Int]] = [:]
    var touchedGroups = Set<Int64>()
    var touchedEvents = Set<UInt64>()
    var others: [Int: DocumentAnalysis] = [:]
    let codeOf: [String: Int]

    init(earlier: EarlierModel, builder: CorpusBuilder, inputs: BuildInputs, store: AnalysisStore, listingCount: Int) {
        self.earlier = earlier
        self.builder = builder
        self.inputs = inputs
        self.store = store
        let name = earlier.corpus.documents.first.map(\.directory).flatMap { $0.isEmpty ? nil : $0 } ?? "corpus"
        notes = NoteAccount(diagnostics: earlier.diagnostics, index: earlier.index, listingCount: listingCount, corpusName: name)
        var codes: [String: Int] = [:]
        for (k, code) in earlier.index.countryCodes.enumerated() { codes[code] = k }
        codeOf = codes
    }

    /// Analyses the edited articles and decodes their earlier analyses; checks what they may not change.
    mutating func analyse(_ changed: [Int], keys: [UInt64], earlierKeys: [UInt64]) -> Bool {
        guard notes.removeSummary() else { return Self.no("the notes' summary is not where it should be") }
        defer { notes.appendSummary() }
        let acronyms = builder.gazetteer.acronymOnlyKeys()
        let scoring = ScoringOptions(scorer: builder.scorer, keepFeatures: false)
        guard let tables = earlier.corpus.tables else { return false }
        var hashes = Set(tables.records.map(\.contentHash))
        for d in changed { hashes.remove(tables.records[d].contentHash) }
        var discoveredIndex: [UInt64: Int] = [:]
        let first = builder.gazetteer.entities.count
        for (k, key) in earlier.index.discoveredKeys.enumerated() { discoveredIndex[key] = first + k }
        for d in changed {
            let path = Self.path(inputs, d)
            // Not kept in the store here: the caller may build as usual after all, which analyses it again.
            let (made, diagnostics) = Analyzer.analyze(input: d, of: inputs, store: nil, gazetteer: builder.gazetteer, acronyms: acronyms,
                                                       scoring: scoring, languages: builder.languages, lexicon: builder.lexicon,
                                                       reviewer: builder.reviewer)
            let stored = store.withStored(key: earlierKeys[d]) { raw -> StoredAnalysis? in
                var r = ByteReader(raw)
                return try? StoredAnalysis(from: &r, path: path)
            }
            guard let made, let stored, let before = stored.analysis else { return Self.no("\(path) unreadable, or its earlier analysis is not stored") }
            guard stored.diagnostics == diagnostics else { return Self.no("\(path)'s diagnostics changed") }
            guard Self.sameDiscovered(before.discovered, made.discovered) else { return Self.no("\(path)'s discovered persons changed") }
            let store = self.store, inputs = self.inputs
            let storedNotes: (Int) -> NoteAccount.Stored? = { x in
                guard !changed.contains(x), let s = store.withStored(key: keys[x], { raw -> StoredAnalysis? in
                    var r = ByteReader(raw)
                    return try? StoredAnalysis(from: &r, path: Self.path(inputs, x))
                }), let a = s.analysis else { return nil }
                return (a.notes, s.diagnostics.count, Self.path(inputs, x))
            }
            guard notes.update(d, path: path, before: before.notes, after: made.notes, own: diagnostics.count, stored: storedNotes) else {
                return Self.no("\(path)'s notes changed what the build's diagnostics would be")
            }
            guard hashes.insert(made.source.contentHash).inserted else { return Self.no("\(path)'s text is another document's") }
            var map: [Int] = []
            for p in made.discovered {
                guard let entity = discoveredIndex[p.key] else { return false }
                map.append(entity)
            }
            analyses[d] = made
            analysisDiagnostics[d] = diagnostics
            earlierAnalyses[d] = before
            discoveredEntities[d] = map
        }
        return true
    }

    /// False, with why on standard error when tracing.
    static func no(_ why: String) -> Bool {
        if IncrementalRebuild.trace { FileHandle.standardError.write(Data("incremental rebuild: \(why)\n".utf8)) }
        return false
    }

    /// Input `d`'s path as `Analyzer.analyze` makes it.
    static func path(_ inputs: BuildInputs, _ d: Int) -> String {
        let location = inputs.location(d)
        return location.directory.isEmpty ? location.name : location.directory + "/" + location.name
    }

    static func sameDiscovered(_ a: [DiscoveredPerson], _ b: [DiscoveredPerson]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.name == y.name && x.key == y.key && x.country == y.country && x.title == y.title && x.level == y.level
                && x.shorts == y.shorts && x.gender == y.gender
        }
    }

    /// The country codes a document's candidates number first (not numbered by an earlier document), in order.
    func codesNumbered(by a: DocumentAnalysis, at d: Int) -> [String] {
        var codes: [String] = []
        for v in a.visits where VisitScorer.keeps(v, builder.scorer) {
            for code in [v.destination] + (v.visitorCountry.map { [$0] } ?? []) {
                if let k = codeOf[code], Int(earlier.index.codeFirstDocuments[k]) < d { continue }
                if !codes.contains(code) { codes.append(code) }
            }
        }
        return codes
    }

    /// The visit groups and event keys of the edited articles, before and after; false when an edit changes
    /// which country codes an article numbers first (the codes' order breaks ties between visits).
    mutating func findTouched(_ changed: [Int]) -> Bool {
        for d in changed {
            let map = discoveredEntities[d]!
            func global(_ ref: Int) -> Int { ref >= 0 ? ref : map[-ref - 1] }
            guard codesNumbered(by: earlierAnalyses[d]!, at: d) == codesNumbered(by: analyses[d]!, at: d) else { return false }
            for a in [earlierAnalyses[d]!, analyses[d]!] {
                for v in a.visits where VisitScorer.keeps(v, builder.scorer) {
                    guard let code = codeOf[v.destination] else { return false }
                    touchedGroups.insert(Int64(global(v.visitor)) << 16 | Int64(code))
                }
                for var e in a.events {
                    if !e.participants.isEmpty { e.participants = e.participants.map(global) }
                    if let hash = EventMerger.keyHash(e) { touchedEvents.insert(hash) }
                }
            }
        }
        return true
    }

    /// Decodes the stored analyses of the other documents with candidates in a touched group or event.
    mutating func decodeOthers(keys: [UInt64], changed: [Int]) -> Bool {
        let index = earlier.index
        var documents = Set<Int>()
        for k in index.candidateVisitors.indices
        where touchedGroups.contains(Int64(index.candidateVisitors[k]) << 16 | Int64(index.candidateDestinations[k])) {
            documents.insert(Int(index.candidateDocuments[k]))
        }
        for (k, event) in earlier.corpus.events.enumerated() where touchedEvents.contains(index.eventKeys[k]) {
            for m in event.mentions { documents.insert(m.document) }
        }
        for d in changed { documents.remove(d) }
        let list = documents.sorted()
        let decoded = ResultBox(count: list.count)
        let store = self.store
        let inputs = self.inputs
        let paths = list.map { Self.path(inputs, $0) }
        DispatchQueue.concurrentPerform(iterations: list.count < 16 ? 1 : 2) { part in
            for k in stride(from: part, to: list.count, by: list.count < 16 ? 1 : 2) {
                let stored = store.withStored(key: keys[list[k]]) { raw -> StoredAnalysis? in
                    var r = ByteReader(raw)
                    return try? StoredAnalysis(from: &r, path: paths[k])
                }
                decoded.set(k, stored?.analysis, [])
            }
        }
        for (k, (analysis, _)) in decoded.take().enumerated() {
            guard let analysis else { return false }
            others[list[k]] = analysis
        }
        // The other documents' discovered persons, as the merge needs them global.
        var discoveredIndex: [UInt64: Int] = [:]
        let first = builder.gazetteer.entities.count
        for (k, key) in index.discoveredKeys.enumerated() { discoveredIndex[key] = first + k }
        for (d, a) in others {
            var map: [Int] = []
            for p in a.discovered {
                guard let entity = discoveredIndex[p.key] else { return false }
                map.append(entity)
            }
            discoveredEntities[d] = map
        }
        return true
    }
}


// MARK: Building

extension IncrementalRebuild {
    /// The document tables: every document's rows copied from the earlier model (its texts copied as byte ranges,
    /// its pooled strings appended again), an edited article's made from its new analysis, in order.
    func copyTables(into texts: TextStore, from source: TextStore) -> (DocumentTables, [Document]) {
        let old = earlier.corpus.tables!
        let tables = DocumentTables(texts: texts)
        tables.directories = old.directories
        tables.documentKeys = keys
        let oldSentences = old.sentences, oldMentions = old.mentions, oldTimes = old.times, oldStrings = old.strings
        tables.records.reserveCapacity(old.records.count)
        tables.strings.reserveCapacity(oldStrings.count + 4096)
        tables.sentences.reserveCapacity(oldSentences.count + 1024)
        tables.mentions.reserveCapacity(oldMentions.count + 1024)
        tables.times.reserveCapacity(oldTimes.count + 1024)
        func pool(_ p: PooledString) -> PooledString {
            guard p.count != UInt32.max else { return .none }
            let offset = tables.strings.count
            tables.strings.append(contentsOf: oldStrings[Int(p.offset)..<Int(p.offset + p.count)])
            return PooledString(offset: UInt32(offset), count: p.count)
        }
        for d in old.records.indices {
            var r = old.records[d]
            if let a = analyses[d] {
                let place = a.place.flatMap { Assembly.cityEntity(ofDateline: $0, in: builder.gazetteer) }
                Assembly.append(a, name: r.name, directory: r.directory, placeEntity: place, to: tables) { global($0, of: d) }
                continue
            }
            r.text = texts.copy(r.text, from: source)
            if r.original.offset >= 0 { r.original = texts.copy(r.original, from: source) }
            r.title = pool(r.title); r.place = pool(r.place); r.source = pool(r.source); r.url = pool(r.url); r.language = pool(r.language)
            let sentences = tables.sentences.count, mentions = tables.mentions.count, times = tables.times.count
            tables.sentences.append(contentsOf: oldSentences[Int(r.sentenceStart)..<Int(r.sentenceEnd)])
            tables.mentions.append(contentsOf: oldMentions[Int(r.mentionStart)..<Int(r.mentionEnd)])
            tables.times.append(contentsOf: oldTimes[Int(r.timeStart)..<Int(r.timeEnd)])
            r.sentenceStart = Int32(sentences); r.sentenceEnd = Int32(tables.sentences.count)
            r.mentionStart = Int32(mentions); r.mentionEnd = Int32(tables.mentions.count)
            r.timeStart = Int32(times); r.timeEnd = Int32(tables.times.count)
            tables.records.append(r)
        }
        return (tables, tables.records.indices.map { Document(tables: tables, index: $0) })
    }

    /// The visit candidates of the touched groups, from every document that has some, in the merge's order.
    func touchedCandidates() -> VisitCandidates {
        var candidates = VisitCandidates()
        for d in (Set(others.keys).union(changed)).sorted() {
            let a = analysis(d)
            for var v in a.visits {
                v.visitor = global(v.visitor, of: d)
                v.host = v.host.map { global($0, of: d) }
                guard VisitScorer.keeps(v, builder.scorer), let code = codeOf[v.destination],
                      touchedGroups.contains(Int64(v.visitor) << 16 | Int64(code)) else { continue }
                candidates.append(v, document: d)
            }
        }
        return candidates
    }

    /// The visits: the earlier model's of the groups not touched, and the touched groups' merged again, in the
    /// order a whole merge gives (date, visitor, the destination's code, then the order the clusters were made),
    /// numbered; with the merge index's candidate tables for the new model.
    func mergeVisits(documents: [Document], entities: EntityTable)
        -> ([Visit], ([Int32], [UInt32], [Int32])) {
        var candidates = touchedCandidates()
        var merged = Merger.mergeVisits(&candidates, documents: documents, entities: entities,
                                        combination: builder.scorer?.combination ?? .noisyOr)
        merged.removeAll { !Merger.hasQualifyingLevel($0) } // as Merger.keepQualifyingLevels (numbered below, once ordered)
        if let scorer = builder.scorer, scorer.filters { merged.removeAll { $0.confidence < scorer.threshold } }
        func order(_ v: Visit) -> (start: PartialDate?, visitor: Int, code: Int) { (v.start, v.visitor, codeOf[v.destination]!) }
        func precedes(_ a: Visit, _ b: Visit) -> Bool {
            let x = order(a), y = order(b)
            switch (x.start, y.start) {
            case let (s?, t?) where s != t: return s < t
            case (nil, _?): return false
            case (_?, nil): return true
            default: return (x.visitor, x.code) < (y.visitor, y.code)
            }
        }
        // Stable: the clusters of one group keep the order they were made in.
        let touched = merged.enumerated().sorted { a, b in
            precedes(a.element, b.element) || (!precedes(b.element, a.element) && a.offset < b.offset)
        }.map(\.element)
        let kept = earlier.corpus.visits.filter { !touchedGroups.contains(Int64($0.visitor) << 16 | Int64(codeOf[$0.destination]!)) }
        var visits: [Visit] = []
        visits.reserveCapacity(kept.count + touched.count)
        var k = 0
        for v in kept {
            while k < touched.count && precedes(touched[k], v) { visits.append(touched[k]); k += 1 }
            visits.append(v)
        }
        visits += touched[k...]
        for i in visits.indices { visits[i].id = i }
        return (visits, candidateTables())
    }

    /// The merge index's candidate tables: the earlier ones without the edited articles', which are put in their
    /// documents' places.
    func candidateTables() -> ([Int32], [UInt32], [Int32]) {
        let index = earlier.index
        var visitors: [Int32] = [], destinations: [UInt32] = [], documents: [Int32] = []
        visitors.reserveCapacity(index.candidateVisitors.count + 64)
        destinations.reserveCapacity(visitors.capacity); documents.reserveCapacity(visitors.capacity)
        var pending = changed[...]
        func addEdited(before limit: Int) {
            while let d = pending.first, d < limit {
                pending.removeFirst()
                for v in analyses[d]!.visits {
                    var v = v
                    v.visitor = global(v.visitor, of: d)
                    guard VisitScorer.keeps(v, builder.scorer) else { continue }
                    visitors.append(Int32(v.visitor)); destinations.append(UInt32(codeOf[v.destination]!)); documents.append(Int32(d))
                }
            }
        }
        for k in index.candidateVisitors.indices {
            let d = Int(index.candidateDocuments[k])
            addEdited(before: d + 1)
            if analyses[d] != nil { continue }
            visitors.append(index.candidateVisitors[k]); destinations.append(index.candidateDestinations[k]); documents.append(Int32(d))
        }
        addEdited(before: Int.max)
        return (visitors, destinations, documents)
    }

    /// The other events: the earlier model's whose keys no edit touches, and the touched keys' merged again from
    /// their documents, in the order a whole merge gives (`EventOrder`), numbered; with their key hashes and first
    /// positions for the merge index.
    func mergeEvents() -> ([Event], [UInt64], [UInt32]) {
        var merger = EventMerger()
        for d in (Set(others.keys).union(changed)).sorted() {
            let a = analysis(d)
            for k in a.events.indices {
                var c = a.events[k]
                if !c.participants.isEmpty { c.participants = c.participants.map { global($0, of: d) } }
                guard let hash = EventMerger.keyHash(c), touchedEvents.contains(hash) else { continue }
                merger.add(c, document: d, position: k)
            }
        }
        let made = merger.takeUnsorted()
        let touched = made.events.indices.map { (made.events[$0], made.keyHashes[$0], made.firstPositions[$0]) }
            .sorted { EventOrder(of: $0.0, position: $0.2).precedes(EventOrder(of: $1.0, position: $1.2)) }
        let index = earlier.index
        var events: [Event] = [], keys: [UInt64] = [], positions: [UInt32] = []
        events.reserveCapacity(earlier.corpus.events.count + touched.count)
        var k = 0
        func take(_ e: Event, _ key: UInt64, _ position: UInt32) {
            var e = e
            EventMerger.number(&e, events.count)
            events.append(e); keys.append(key); positions.append(position)
        }
        for (i, e) in earlier.corpus.events.enumerated() where !touchedEvents.contains(index.eventKeys[i]) {
            let order = EventOrder(of: e, position: index.eventPositions[i])
            while k < touched.count && EventOrder(of: touched[k].0, position: touched[k].2).precedes(order) {
                take(touched[k].0, touched[k].1, touched[k].2); k += 1
            }
            take(e, index.eventKeys[i], index.eventPositions[i])
        }
        while k < touched.count { take(touched[k].0, touched[k].1, touched[k].2); k += 1 }
        return (events, keys, positions)
    }
}
