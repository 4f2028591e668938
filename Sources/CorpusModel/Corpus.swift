import Foundation

/// The model of a corpus: documents, entities, visits and other events, each event with its mentions.
/// Immutable once built and `Sendable`: share it read-only across threads.
public struct Corpus: Sendable {
    public let documents: [Document]
    /// The gazetteer's entities, in order (the gazetteer's own storage), then the persons discovered from titles in
    /// the text.
    public let entities: EntityTable
    public let visits: [Visit]
    /// The other events — meetings and talks, establishment of relations, anniversaries, exchanges of
    /// messages — in chronological order. Visits are in `visits`; `timeline` has both. A model loaded from the
    /// cache decodes them when they are first read (`EventList`).
    public var events: [Event] { eventList.events }
    /// How many other events there are (`events.count`, without decoding a loaded model's events).
    public var eventCount: Int { eventList.count }
    let eventList: EventList
    public let gazetteer: Gazetteer
    /// Each visit's stable id (`StableID`), in order: derived from its content as extracted, and kept when a
    /// correction amends the visit. Derived on first use (a model only queried by index never pays for them).
    public var visitIDs: [String] { stableIDs.visits(self) }
    /// Each event's stable id, by index into `events`.
    public var eventIDs: [String] { stableIDs.events(self) }
    private let stableIDs: StableIDStore
    /// What the analyst's corrections changed (none for a model as extracted).
    public let corrections: CorrectionMarks
    private let searchIndex: SearchIndex

    /// `visitIDs` and `eventIDs`, when not given, are derived from the facts (`StableID`).
    public init(documents: [Document] = [], entities: [Entity], visits: [Visit] = [], events: [Event] = [],
                gazetteer: Gazetteer = Gazetteer(), visitIDs: [String]? = nil, eventIDs: [String]? = nil,
                corrections: CorrectionMarks = CorrectionMarks()) {
        self.init(documents: documents, entities: EntityTable(entities), visits: visits, events: events, gazetteer: gazetteer,
                  visitIDs: visitIDs, eventIDs: eventIDs, corrections: corrections)
    }

    public init(documents: [Document] = [], entities: EntityTable, visits: [Visit] = [], events: [Event] = [],
                gazetteer: Gazetteer = Gazetteer(), visitIDs: [String]? = nil, eventIDs: [String]? = nil,
                corrections: CorrectionMarks = CorrectionMarks()) {
        self.init(documents: documents, entities: entities, visits: visits, eventList: EventList(events), gazetteer: gazetteer,
                  visitIDs: visitIDs, eventIDs: eventIDs, corrections: corrections)
    }

    init(documents: [Document], entities: EntityTable, visits: [Visit], eventList: EventList, gazetteer: Gazetteer,
         visitIDs: [String]? = nil, eventIDs: [String]? = nil, corrections: CorrectionMarks = CorrectionMarks()) {
        self.documents = documents
        self.entities = entities
        self.visits = visits
        self.eventList = eventList
        self.gazetteer = gazetteer
        precondition((visitIDs?.count ?? visits.count) == visits.count && (eventIDs?.count ?? eventList.count) == eventList.count,
                     "one stable id per fact")
        stableIDs = StableIDStore(visits: visitIDs, events: eventIDs)
        self.corrections = corrections
        self.searchIndex = SearchIndex()
        var byKey: [UInt64: [Int]] = [:]
        // Discovered persons, and entities whose names a correction changed (an alias, a merge).
        // By index: `enumerated()` would copy each of the gazetteer's entities (every string retained and released) to
        // test the condition. The gazetteer's own entities are skipped without a test each (a corpus is built for
        // every threshold `dossier train` tries, and most of its entities are the gazetteer's).
        let known = gazetteer.entities.isEmpty ? 0 : min(gazetteer.entities.count, entities.count)
        let corrected = corrections.entities.keys.filter { $0 < known }.sorted()
        for i in corrected + Array(known..<entities.count) {
            let e = entities[i]
            for name in [e.name] + e.aliases { byKey[Fold.key(name), default: []].append(i) }
        }
        extraNames = byKey
    }

    /// Names of entities not in the gazetteer (discovered persons, or all when built without one).
    private let extraNames: [UInt64: [Int]]

    /// Every event, visits included (as `.visit` events whose `visit` points into `visits`), in chronological order.
    /// Built on each call: keep the result if you need it more than once.
    public var timeline: [Event] { identifiedTimeline.map(\.event) }

    /// The timeline with each event's stable id (a visit's is the visit's) and corrections.
    public var identifiedTimeline: [TimelineEntry] {
        var all = events
        all.reserveCapacity(events.count + visits.count)
        for v in visits {
            all.append(Event(id: 0, kind: .visit, participants: [v.visitor], countries: [v.visitorCountry, v.destination].compactMap { $0 },
                             city: v.city, start: v.start, end: v.end, status: v.status, visit: v.id, mentions: v.mentions,
                             ruleSet: v.ruleSet, confidence: v.confidence))
        }
        all.sort { a, b in
            switch (a.start, b.start) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.kind == b.kind ? (a.visit ?? a.id) < (b.visit ?? b.id) : a.kind.rawValue < b.kind.rawValue
            }
        }
        var entries: [TimelineEntry] = []
        entries.reserveCapacity(all.count)
        let visitIDs = self.visitIDs, eventIDs = self.eventIDs
        for (i, e) in all.enumerated() {
            // Before renumbering, an event's id is its index in `events`.
            let stableID = e.visit.map { visitIDs[$0] } ?? eventIDs[e.id]
            let notes = e.visit.map { corrections.visits[$0] ?? [] } ?? corrections.events[e.id] ?? []
            var event = e
            event.id = i
            entries.append(TimelineEntry(event: event, stableID: stableID, corrections: notes))
        }
        return entries
    }

    /// The text of the sentence a mention points to.
    public func text(of mention: Mention) -> String {
        documents[mention.document].sentenceText(mention.sentence)
    }

    /// Indexes of the entities named `name` (any alias; case, diacritics, hyphens and spaces ignored).
    public func entities(named name: some StringProtocol) -> [Int] {
        let key = Fold.key(name)
        var out = (gazetteer.refs(forKey: key) ?? []).filter { $0.role == .name }.map { Int($0.entity) }
        out += (extraNames[key] ?? []).filter { !out.contains($0) }
        return out
    }

    /// The index of the entity with this id ("to-lam", "VNM", "geonames:1581130").
    public func entityIndex(id: String) -> Int? {
        if let i = gazetteer.index(ofID: id), i < entities.count, entities[i].id == id { return i }
        // Not a gazetteer id: the corpus's own entities (discovered persons, persons a correction made) follow
        // the gazetteer's, so only they are searched.
        let own = entities.count >= gazetteer.entities.count ? gazetteer.entities.count : 0
        return entities[own...].firstIndex { $0.id == id }
    }

    /// Sentences containing `text` as a run of words, ignoring case, diacritics and hyphens
    /// ("tô lâm" finds "Tô Lâm" and "To Lam"). The index is built on first use.
    public func search(_ text: String) -> [SentenceRef] {
        searchIndex.search(text, in: documents)
    }
}

/// An event of the timeline, its stable id and the corrections that changed it.
public struct TimelineEntry: Sendable {
    /// Its `id` is its position in the timeline.
    public var event: Event
    public var stableID: String
    public var corrections: [CorrectionNote]
}

/// Inverted index from folded word keys to sentences, built lazily and thread-safely.
final class SearchIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var postings: [UInt64: [UInt64]]?

    func search(_ query: String, in documents: [Document]) -> [SentenceRef] {
        var q = query
        var keys: [UInt64] = []
        q.withUTF8 { b in
            var toks: [Token] = []
            Tokenizer.tokenize(b, from: 0, to: b.count, into: &toks)
            keys = toks.filter { $0.kind == .word || $0.kind == .number }.map(\.key)
        }
        guard let first = keys.first else { return [] }
        let index = build(documents)
        var candidates = Set(index[first] ?? [])
        for k in keys.dropFirst() { candidates.formIntersection(index[k] ?? []) }
        var out: [SentenceRef] = []
        for packed in candidates.sorted() {
            let d = Int(packed >> 32), s = Int(packed & 0xFFFF_FFFF)
            if keys.count == 1 || containsRun(keys, documents[d], s) { out.append(SentenceRef(document: d, sentence: s)) }
        }
        return out
    }

    private func containsRun(_ keys: [UInt64], _ doc: Document, _ s: Int) -> Bool {
        var text = doc.text
        let r = doc.sentences[s].range
        return text.withUTF8 { b in
            var toks: [Token] = []
            Tokenizer.tokenize(b, from: r.lowerBound, to: r.upperBound, into: &toks)
            let words = toks.filter { $0.kind == .word || $0.kind == .number }.map(\.key)
            guard words.count >= keys.count else { return false }
            for i in 0...(words.count - keys.count) where Array(words[i..<(i + keys.count)]) == keys { return true }
            return false
        }
    }

    private func build(_ documents: [Document]) -> [UInt64: [UInt64]] {
        lock.lock()
        defer { lock.unlock() }
        if let postings { return postings }
        var p: [UInt64: [UInt64]] = [:]
        for (d, doc) in documents.enumerated() {
            var text = doc.text
            text.withUTF8 { b in
                var toks: [Token] = []
                for (s, sentence) in doc.sentences.enumerated() {
                    toks.removeAll(keepingCapacity: true)
                    Tokenizer.tokenize(b, from: sentence.range.lowerBound, to: sentence.range.upperBound, into: &toks)
                    let packed = UInt64(d) << 32 | UInt64(s)
                    for t in toks where t.kind == .word || t.kind == .number {
                        if p[t.key]?.last != packed { p[t.key, default: []].append(packed) }
                    }
                }
            }
        }
        postings = p
        return p
    }
}

/// Builds a `Corpus` from a folder of `.txt`/`.md` articles (and an optional `manifest.yaml`).
public struct CorpusBuilder: Sendable {
    public let gazetteer: Gazetteer
    /// Worker threads for the per-document stages (default: the active processor count).
    public var jobs: Int
    /// Bytes of document text kept in memory; past them, texts go to an unnamed temporary file and are read back
    /// when asked for (default 4 MB, or `DOSSIER_TEXT_MEMORY` in MB).
    public var textMemoryLimit: Int
    /// Scores each visit candidate (Scoring/); without one, every candidate counts 0.5.
    public var scorer: VisitScorer?
    /// Keeps every visit candidate's features and key for training (`buildForTraining`).
    var keepFeatures = false
    /// The language profiles (Data/lexicon/language-id); `LanguageProfiles.standard` by default.
    public var languages: LanguageProfiles
    /// Problems found loading `languages`, reported with each build.
    var languageDiagnostics: [Diagnostic]
    /// The word sets the rules use (default: the bundled `Data/lexicon`).
    public var lexicon: Lexicon
    /// Reviews each readable document's visit candidates before the merge (extractor plugins); nil: none.
    public var reviewer: (any CandidateReviewer)?

    public init(gazetteer: Gazetteer, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                textMemoryLimit: Int = TextStore.defaultMemoryLimit, lexicon: Lexicon = .bundled) {
        var gazetteer = gazetteer
        gazetteer.prepareNameLookups()
        self.gazetteer = gazetteer
        (languages, languageDiagnostics) = LanguageProfiles.standard
        self.lexicon = lexicon
        self.jobs = max(1, jobs)
        self.textMemoryLimit = max(0, textMemoryLimit)
    }

    /// Reads every `.txt` and `.md` file directly in `directory` (sorted by name) and `manifest.yaml`.
    /// Bad files are reported and skipped; one bad file never stops the others.
    public func build(directory: URL) -> (Corpus, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let (files, manifest) = CorpusListing.read(directory, into: &diagnostics) else {
            return (Corpus(entities: EntityTable(gazetteer: gazetteer.entities, own: []), gazetteer: gazetteer), diagnostics)
        }
        let (corpus, d) = build(inputs: BuildInputs(source: .directory(directory.path, files), manifest: manifest))
        return (corpus, diagnostics + d)
    }

    /// Builds from texts already in memory (tests, generated corpora): (name, text, manifest entry).
    /// Uses the language profiles of `directory` (Data/lexicon/language-id/FORMAT.md) instead of the standard ones.
    public mutating func useLanguages(directory: URL) -> [Diagnostic] {
        (languages, languageDiagnostics) = LanguageProfiles.load(directory: directory)
        return languageDiagnostics
    }

    public func build(texts: [(name: String, text: String, entry: ManifestEntry?)]) -> (Corpus, [Diagnostic]) {
        build(inputs: BuildInputs(source: .texts(texts.map { ($0.name, $0.text) }), entries: texts.map(\.entry)))
    }

    public func build(files: [(path: String, entry: ManifestEntry?)]) -> (Corpus, [Diagnostic]) {
        build(inputs: BuildInputs(source: .paths(files.map(\.path)), entries: files.map(\.entry)))
    }

    /// Documents are analysed in parallel a chunk at a time, and each chunk is assembled (in order) before the
    /// next is read: only one chunk's texts and intermediate results are held besides the model being built.
    static let chunkSize = 1024

    /// `texts`: where the texts go (default: a store of its own, in memory up to `textMemoryLimit`).
    func build(inputs: BuildInputs, store: AnalysisStore? = nil, texts: TextStore? = nil) -> (Corpus, [Diagnostic]) {
        let (corpus, diagnostics, _) = buildKeepingSamples(inputs: inputs, store: store, texts: texts)
        return (corpus, diagnostics)
    }

    func buildKeepingSamples(inputs: BuildInputs, store: AnalysisStore? = nil, texts: TextStore? = nil) -> (Corpus, [Diagnostic], [CandidateSample]) {
        let (corpus, diagnostics, samples, _) = buildIndexed(inputs: inputs, store: store, texts: texts)
        return (corpus, diagnostics, samples)
    }

    /// The build, with what a later rebuild needs to merge again only what an edit touches (`MergeIndex`).
    func buildIndexed(inputs: BuildInputs, store: AnalysisStore? = nil, texts: TextStore? = nil)
        -> (Corpus, [Diagnostic], [CandidateSample], MergeIndex?) {
        // Training needs every candidate's features, which the cache does not keep.
        let store = keepFeatures ? nil : store
        let scoring = ScoringOptions(scorer: scorer, keepFeatures: keepFeatures)
        let acronyms = gazetteer.acronymOnlyKeys()
        var assembly = Assembly(gazetteer: gazetteer, tables: DocumentTables(texts: texts ?? TextStore(memoryLimit: textMemoryLimit)))
        assembly.scorer = scorer
        // The next chunk is analysed (or its stored analyses decoded) while this one is assembled: the assembly
        // runs on one thread, and the cores would otherwise wait for it.
        func chunk(from start: Int) -> PendingChunk? {
            guard start < inputs.count else { return nil }
            let range = start..<min(inputs.count, start + Self.chunkSize)
            return PendingChunk(range) { analyse(range, of: inputs, store: store, scoring: scoring, acronyms: acronyms) }
        }
        var pending = chunk(from: 0)
        while let current = pending {
            let chunkResults = current.take()
            pending = chunk(from: current.range.upperBound)
            assembly.reserve(for: chunkResults, done: current.range.upperBound, total: inputs.count)
            assembly.add(chunkResults, names: current.range.map { inputs.location($0) },
                         keys: current.range.map { store?.key($0) ?? 0 })
        }
        MemoryTrace.note("analysed and assembled")
        let (corpus, diagnostics, samples) = assembly.finish()
        // The notes' places in the diagnostics the model stores, which begin with the languages'.
        let offset = Int32(languageDiagnostics.count)
        assembly.mergeIndex?.noteDiagnostics = assembly.noteDiagnostics.map { $0 + offset }
        assembly.mergeIndex?.diagnosticStarts = assembly.diagnosticStarts.map { $0 + offset }
        return (corpus, languageDiagnostics + diagnostics, samples, assembly.mergeIndex)
    }
}

extension CorpusBuilder {
    /// Analyses the documents `range` of `inputs` on the builder's worker threads (one thread for a handful),
    /// each result in its document's place. `acronyms`: the gazetteer's `acronymOnlyKeys()`, made once per build.
    func analyse(_ range: Range<Int>, of inputs: BuildInputs, store: AnalysisStore?, scoring: ScoringOptions,
                 acronyms: KeyTableSet) -> [(DocumentAnalysis?, [Diagnostic])] {
        let g = gazetteer
        let languages = self.languages, lexicon = self.lexicon, reviewer = self.reviewer
        let results = ResultBox(count: range.count)
        let next = AtomicCounter()
        let work: @Sendable (Int) -> Void = { _ in
            while true {
                let k = next.next()
                if k >= range.count { break }
                let (analysis, d) = Analyzer.analyze(input: range.lowerBound + k, of: inputs, store: store, gazetteer: g, acronyms: acronyms,
                                                     scoring: scoring, languages: languages, lexicon: lexicon, reviewer: reviewer)
                results.set(k, analysis, d)
            }
        }
        // A handful of articles is done before worker threads would have started.
        let workers = range.count < 16 ? 1 : min(jobs, range.count)
        if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        return results.take()
    }
}

/// Puts the analysed documents together in order, releasing each analysis as soon as it is used.
struct Assembly {
    let gazetteer: Gazetteer
    var diagnostics: [Diagnostic] = []
    var notes = NoteCollector()
    var entities: [Entity]
    var discoveredIndex: [UInt64: Int] = [:]
    /// A dateline's city in the gazetteer (nil: none), by dateline.
    var placeEntities: [String: Int?] = [:]
    var documents: [Document] = []
    /// Content hash -> the document with that text (Int32: 12 bytes a slot, not 16, in a table of 262,144 slots
    /// for 100,000 documents).
    var seen: [UInt64: Int32] = [:]
    var visitCandidates = VisitCandidates()
    var events = EventMerger()
    let tables: DocumentTables
    var scorer: VisitScorer?
    /// Every visit candidate's features, for training (only when the analyses kept them).
    var samples: [CandidateSample] = []

    init(gazetteer: Gazetteer, tables: DocumentTables) {
        self.gazetteer = gazetteer
        self.tables = tables
        entities = gazetteer.entities.array
    }

    /// Grows the corpus-wide arrays once per chunk to what the whole corpus will need, projected from the
    /// documents so far: arrays that grow by doubling would hold up to twice what they use.
    mutating func reserve(for results: [(DocumentAnalysis?, [Diagnostic])], done: Int, total: Int) {
        var sentences = 0, mentions = 0, times = 0, visits = 0, visitMentions = 0, events = 0
        for index in results.indices {
            // Read in place (a `let` of the analysis would copy it).
            results[index].0.map { a in
                sentences += a.sentences.count; mentions += a.mentions.count; times += a.times.count
                visits += a.visits.count; events += a.events.count
                for k in a.visits.indices { visitMentions += min(a.visits[k].mentions.count, 255) } // no copy of each visit
            }
        }
        let scale = Double(total) / Double(max(done, 1)) * 1.02
        /// The capacity to reserve for `adding` more, or nil when there is room.
        func target(_ count: Int, _ capacity: Int, _ adding: Int) -> Int? {
            let needed = count + adding
            guard needed > capacity else { return nil }
            return done >= total ? needed : max(needed, Int(Double(needed) * scale))
        }
        func grow<T>(_ array: inout [T], _ adding: Int) {
            if let n = target(array.count, array.capacity, adding) { array.reserveCapacity(n) }
        }
        grow(&documents, results.count)
        grow(&tables.records, results.count)
        grow(&tables.documentKeys, results.count)
        grow(&tables.sentences, sentences)
        grow(&tables.mentions, mentions)
        grow(&tables.times, times)
        if let n = target(visitCandidates.count, visitCandidates.capacity, visits) { visitCandidates.reserveCapacity(n) }
        if let n = target(visitCandidates.mentionCount, visitCandidates.mentionCapacity, visitMentions) { visitCandidates.reserveMentions(n) }
        if let n = target(self.events.events.count, self.events.capacity, events) { self.events.reserveCapacity(n) }
    }

    /// Adds a chunk's analyses; `names` are their folders and file names (strings shared with the inputs), `keys`
    /// their document keys in the model cache (0: none).
    mutating func add(_ input: consuming [(DocumentAnalysis?, [Diagnostic])], names: [(directory: String, name: String)], keys: [UInt64]) {
        var results = consume input
        for index in results.indices {
            // Moved out of the array, not copied (a copy retains and releases every string and array of it).
            var entry: (DocumentAnalysis?, [Diagnostic]) = (nil, [])
            swap(&entry, &results[index])
            let diagnosticsStart = diagnostics.count
            diagnostics += entry.1
            guard var a = entry.0.take() else { continue }
            if let first = seen[a.source.contentHash] {
                diagnostics.append(Diagnostic(file: a.source.path, severity: .note, message: "same text as \(documents[Int(first)].path); counted once"))
                continue
            }
            seen[a.source.contentHash] = Int32(documents.count)
            diagnosticStarts.append(Int32(diagnosticsStart))
            if !a.notes.isEmpty { noteDocuments.append(Int32(documents.count)) }
            if let note = notes.add(a.notes, file: a.source.path) {
                noteDiagnostics.append(Int32(diagnostics.count))
                diagnostics.append(note)
            } else {
                for n in a.notes { noteKindCounts[DocumentNote.Kind.allCases.firstIndex(of: n.kind)!] += 1 }
            }
            // Discovered persons become corpus entities, one per folded name.
            var map: [Int] = []
            for p in a.discovered {
                if let i = discoveredIndex[p.key] {
                    if entities[i].country == nil { entities[i].country = p.country }
                    if entities[i].gender == nil { entities[i].gender = p.gender }
                    map.append(i)
                    continue
                }
                var slug = Fold.folded(p.name.replacingOccurrences(of: " ", with: "-"))
                if slug.isEmpty { slug = "person" }
                var id = slug
                var n = 2
                while gazetteer.index(ofID: id) != nil || entities.count > gazetteer.entities.count && entities[gazetteer.entities.count...].contains(where: { $0.id == id }) {
                    id = "\(slug)-\(n)"; n += 1
                }
                entities.append(Entity(id: id, kind: .person, name: p.name, country: p.country,
                                       offices: [Office(title: p.title, level: p.level, country: p.country)], discovered: true,
                                       gender: p.gender))
                discoveredIndex[p.key] = entities.count - 1
                map.append(entities.count - 1)
            }
            func global(_ ref: Int) -> Int { ref >= 0 ? ref : map[-ref - 1] }
            let docIndex = documents.count
            let (dirPart, name) = names[index]
            if dirPart != tables.directories.last { tables.directories.append(dirPart) } // one string per folder
            var placeEntity: Int?
            if let place = a.place { placeEntity = cityEntity(ofDateline: place) }
            Self.append(a, name: name, directory: Int32(tables.directories.count - 1), placeEntity: placeEntity, to: tables, global: global)
            tables.documentKeys.append(keys[index])
            documents.append(Document(tables: tables, index: docIndex))
            for k in a.visits.indices {
                a.visits[k].visitor = global(a.visits[k].visitor)
                a.visits[k].host = a.visits[k].host.map(global)
                if k < a.features.count { samples.append(CandidateSample(a.visits[k], document: docIndex, features: a.features[k])) }
                // A proposed candidate the scorer does not keep is a training sample only.
                guard VisitScorer.keeps(a.visits[k], scorer) else { continue }
                visitCandidates.append(a.visits[k], document: docIndex)
            }
            for k in a.events.indices {
                if !a.events[k].participants.isEmpty { a.events[k].participants = a.events[k].participants.map(global) }
                events.add(a.events[k], document: docIndex, position: k)
            }
        }
    }

    /// Appends a document's record, texts, sentences, mentions (their entities made global by `global`) and times
    /// to `tables` (its document key apart).
    static func append(_ a: DocumentAnalysis, name: String, directory: Int32, placeEntity: Int?, to tables: DocumentTables,
                       global: (Int) -> Int) {
        // The texts go to the store (memory, then a temporary file): the model keeps byte ranges only.
        let (text, original) = Self.place(a, in: tables.texts)
        let sentences = tables.sentences.count..<(tables.sentences.count + a.sentences.count)
        tables.sentences.append(contentsOf: a.sentences)
        let mentionStart = tables.mentions.count
        for var m in a.mentions { m.entity = global(m.entity); tables.mentions.append(m) }
        let times = tables.times.count..<(tables.times.count + a.times.count)
        tables.times.append(contentsOf: a.times)
        tables.records.append(DocumentRecord(
            name: name, title: tables.pool(a.title), place: tables.pool(a.place), source: tables.pool(a.source_),
            url: tables.pool(a.url), language: tables.pool(a.language.code), text: text,
            original: original ?? TextRef(offset: -1, count: 0), contentHash: a.source.contentHash,
            directory: directory, date: a.date?.packed ?? 0, placeEntity: placeEntity.map(Int32.init) ?? -1,
            byteCount: UInt32(clamping: a.source.byteCount),
            sentenceStart: Int32(sentences.lowerBound), sentenceEnd: Int32(sentences.upperBound),
            mentionStart: Int32(mentionStart), mentionEnd: Int32(tables.mentions.count),
            timeStart: Int32(times.lowerBound), timeEnd: Int32(times.upperBound), dateSource: a.dateSource,
            anchor: a.anchor?.packed ?? 0, anchorSource: a.anchorSource))
    }

    /// The gazetteer's city a dateline names (nil: none); the same datelines come back in article after article,
    /// so each is looked up once.
    mutating func cityEntity(ofDateline place: String) -> Int? {
        if let known = placeEntities[place] { return known }
        let found = Self.cityEntity(ofDateline: place, in: gazetteer)
        placeEntities[place] = .some(found)
        return found
    }

    static func cityEntity(ofDateline place: String, in gazetteer: Gazetteer) -> Int? {
        gazetteer.lookup(place).first { $0.kind == .city }.flatMap { gazetteer.index(ofID: $0.id) }
    }

    /// A document's texts put in the store: copied from an earlier model file, or appended; the original only
    /// when it differs from the text.
    static func place(_ a: DocumentAnalysis, in texts: TextStore) -> (text: TextRef, original: TextRef?) {
        if let stored = a.storedTexts {
            return (texts.copy(stored.text, from: stored.store), stored.original.map { texts.copy($0, from: stored.store) })
        }
        let text = texts.append(a.source.text)
        return (text, Document.sameBytes(a.source.original, a.source.text) ? nil : texts.append(a.source.original))
    }

    /// What a later rebuild needs to merge again only what an edit touches; made by `finish`.
    var mergeIndex: MergeIndex?
    /// The documents with notes, and where the notes of the first `NoteCollector.verbatim` are in `diagnostics`.
    var noteDocuments: [Int32] = []
    var noteDiagnostics: [Int32] = []
    /// The notes of the documents past those told one by one, by kind (`DocumentNote.Kind.allCases`' order).
    var noteKindCounts = [UInt32](repeating: 0, count: DocumentNote.Kind.allCases.count)
    /// Where each document's diagnostics begin in `diagnostics`.
    var diagnosticStarts: [Int32] = []

    mutating func finish() -> (Corpus, [Diagnostic], [CandidateSample]) {
        seen = [:]
        var discoveredKeys = [UInt64](repeating: 0, count: entities.count - gazetteer.entities.count)
        for (key, index) in discoveredIndex { discoveredKeys[index - gazetteer.entities.count] = key }
        discoveredIndex = [:]
        placeEntities = [:]
        tables.texts.seal()
        MemoryTrace.note("\(visitCandidates.count) visit candidates, \(events.events.count) other events")
        // The other events are sorted before the visits are merged, not beside them: the two working sets are not
        // held at once, and the events' key tables are freed before the merge (issue 9).
        let (events, eventKeys, eventPositions) = self.events.finishIndexed()
        self.events = EventMerger()
        MemoryTrace.note("events sorted")
        let groups = visitCandidates.groupRecords()
        mergeIndex = MergeIndex(discoveredKeys: discoveredKeys, candidateVisitors: groups.visitors,
                                candidateDestinations: groups.destinations, candidateDocuments: groups.documents,
                                countryCodes: groups.codes, codeFirstDocuments: groups.codeFirstDocuments,
                                eventKeys: eventKeys, eventPositions: eventPositions,
                                noteDocuments: noteDocuments, noteDiagnostics: noteDiagnostics,
                                noteKindCounts: noteKindCounts, diagnosticStarts: diagnosticStarts)
        var visits = Merger.mergeVisits(&visitCandidates, documents: documents, entities: entities,
                                        combination: scorer?.combination ?? .noisyOr)
        visitCandidates = VisitCandidates()
        Merger.keepQualifyingLevels(&visits)
        if let scorer, scorer.filters { Merger.keep(&visits, minimumConfidence: scorer.threshold) }
        MemoryTrace.note("visits merged")
        if let summary = notes.summary(corpus: documents.first.map(\.directory).flatMap { $0.isEmpty ? nil : $0 } ?? "corpus") { diagnostics.append(summary) }
        return (Corpus(documents: documents, entities: entities, visits: visits, events: events, gazetteer: gazetteer), diagnostics, samples)
    }
}

/// What a build reads: the files of a folder (names only, so a large corpus costs one string per file), a list
/// of paths, or texts in memory; and the manifest entries, by file name or by position.
struct BuildInputs: Sendable {
    enum Source: Sendable {
        case directory(String, [String])
        case paths([String])
        case texts([(name: String, text: String)])
    }
    let source: Source
    private var manifest: [String: ManifestEntry] = [:]
    private var entries: [ManifestEntry?] = []

    init(source: Source, manifest: [String: ManifestEntry]) { self.source = source; self.manifest = manifest }
    init(source: Source, entries: [ManifestEntry?]) {
        self.source = source
        // Positions that have an entry only: a long list of nils costs as much as the entries would.
        if entries.contains(where: { $0 != nil }) { self.entries = entries }
    }

    var count: Int {
        switch source {
        case .directory(_, let names): names.count
        case .paths(let paths): paths.count
        case .texts(let texts): texts.count
        }
    }

    func entry(_ i: Int) -> ManifestEntry? {
        if i < entries.count { return entries[i] }
        if case .directory(_, let names) = source { return manifest[names[i]] }
        return nil
    }

    /// A path's folder and file name, as `NSString`'s `deletingLastPathComponent` and `lastPathComponent` give
    /// them, without their cost for a plain path (one slash between components, none at the end).
    static func split(_ path: String) -> (directory: String, name: String) {
        var path = path
        // One pass over the bytes: the last slash, or nil when the path is not plain (no slash, a slash at the
        // end, two in a row), which `NSString` splits instead.
        let plain = path.withUTF8 { bytes -> (directory: String, name: String)? in
            let separator = UInt8(ascii: "/")
            var slash = -1, previous: UInt8 = 0
            for (k, byte) in bytes.enumerated() {
                if byte == separator {
                    if previous == separator { return nil }
                    slash = k
                }
                previous = byte
            }
            guard slash >= 0, slash != bytes.count - 1 else { return nil }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(slash + 1)...]), as: UTF8.self)
            return (slash == 0 ? "/" : String(decoding: UnsafeBufferPointer(rebasing: bytes[..<slash]), as: UTF8.self), name)
        }
        if let plain { return plain }
        let ns = path as NSString
        return (ns.deletingLastPathComponent, ns.lastPathComponent)
    }

    /// The document's folder and file name.
    func location(_ i: Int) -> (directory: String, name: String) {
        switch source {
        case .directory(let dir, let names): return (dir, names[i])
        case .paths(let paths): return Self.split(paths[i])
        case .texts(let texts):
            let path = texts[i].name as NSString
            return (path.deletingLastPathComponent, path.lastPathComponent)
        }
    }

    func read(_ i: Int) -> (SourceText?, [Diagnostic]) {
        let (source, diagnostics, _, _) = readHashing(i)
        return (source, diagnostics)
    }

    /// The input read, with the checksum of its bytes as read (nil: unreadable): the model cache's key of an
    /// article it has not hashed yet, so that the article is read once; and the stamp of the file read (its
    /// `fstat`, taken before the bytes), under which the cache remembers the hash.
    func readHashing(_ i: Int, hashing: Bool = true) -> (SourceText?, [Diagnostic], byteHash: UInt64?, stamp: FileStamp?) {
        let path: String
        switch source {
        case .directory(let dir, let names): path = dir.hasSuffix("/") ? dir + names[i] : dir + "/" + names[i]
        case .paths(let paths): path = paths[i]
        case .texts(let texts):
            let data = Data(texts[i].text.utf8)
            let (source, diagnostics) = Reader.decode(data: data, path: texts[i].name)
            return (source, diagnostics, hashing ? data.withUnsafeBytes { Checksum.of($0) } : nil, nil)
        }
        let read: (data: Data, stamp: FileStamp?)? = hashing ? ArticleBytes.read(path).map { ($0.data, $0.stamp) }
            : FileManager.default.contents(atPath: path).map { ($0, nil) }
        guard let read else {
            let (source, diagnostics) = Reader.read(path: path) // the same message as a plain read
            return (source, diagnostics, nil, nil)
        }
        let (source, diagnostics) = Reader.decode(data: read.data, path: path)
        return (source, diagnostics, hashing ? read.data.withUnsafeBytes { Checksum.of($0) } : nil, read.stamp)
    }
}

/// Work done on another thread while the caller goes on; its result is taken once, waiting for it if need be.
public final class BackgroundWork<Result>: @unchecked Sendable {
    private let done = DispatchGroup()
    private var result: Result?

    public init(_ work: @escaping @Sendable () -> Result) {
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            result = work()
            done.leave()
        }
    }

    /// Waits for the work to end and moves its result out.
    public func take() -> Result {
        done.wait()
        return result.take()!
    }
}

/// A chunk of documents analysed on another thread (`BackgroundWork`).
struct PendingChunk {
    let range: Range<Int>
    private let work: BackgroundWork<[(DocumentAnalysis?, [Diagnostic])]>

    init(_ range: Range<Int>, analyse: @escaping @Sendable () -> [(DocumentAnalysis?, [Diagnostic])]) {
        self.range = range
        work = BackgroundWork(analyse)
    }

    func take() -> [(DocumentAnalysis?, [Diagnostic])] { work.take() }
}

/// Work over a range of items cut in contiguous slices, one per core, whose results come back in order.
enum Slices {
    /// `body` of each slice of `0..<count` (one slice, on the calling thread, below `minimum` items a core).
    static func map<T>(_ count: Int, minimum: Int = 2048, cores: Int = ProcessInfo.processInfo.activeProcessorCount,
                       _ body: @Sendable (Range<Int>) -> T) -> [T] {
        let slices = max(1, min(cores, count / max(1, minimum)))
        if slices == 1 { return [body(0..<count)] }
        let results = SliceResults<T>(count: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { k in
            results.set(k, body((k * count / slices)..<((k + 1) * count / slices)))
        }
        return results.take()
    }

    /// The array of `make(0)`, ..., `make(count - 1)`, in slices on the cores as `map`, each slice written straight
    /// into the array's storage: no array per slice copied in afterwards (for the visits of the whole generated
    /// corpus, 13 MB held twice at the merge's peak; issue 9).
    static func array<T>(_ count: Int, minimum: Int = 2048, cores: Int = ProcessInfo.processInfo.activeProcessorCount,
                         _ make: @Sendable (Int) -> T) -> [T] {
        let slices = max(1, min(cores, count / max(1, minimum)))
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let storage = SliceStorage(buffer.baseAddress)
            if slices == 1 {
                for k in 0..<count { storage.put(make(k), at: k) }
            } else {
                DispatchQueue.concurrentPerform(iterations: slices) { slice in
                    for k in (slice * count / slices)..<((slice + 1) * count / slices) { storage.put(make(k), at: k) }
                }
            }
            initialized = count
        }
    }
}

/// The uninitialised storage of an array whose elements the slices of `Slices.array` write, each slice its own
/// positions.
private struct SliceStorage<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>?
    init(_ base: UnsafeMutablePointer<T>?) { self.base = base }
    func put(_ value: consuming T, at k: Int) { (base! + k).initialize(to: value) }
}

/// One slot per slice, each written by its slice alone.
private final class SliceResults<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ value: T) { lock.lock(); slots[k] = value; lock.unlock() }
    func take() -> [T] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
}

final class ResultBox: @unchecked Sendable {
    private var items: [(DocumentAnalysis?, [Diagnostic])]
    private let lock = NSLock()
    init(count: Int) { items = Array(repeating: (nil, []), count: count) }
    func set(_ i: Int, _ a: DocumentAnalysis?, _ d: [Diagnostic]) {
        lock.lock(); items[i] = (a, d); lock.unlock()
    }
    /// Moves the results out (the box keeps nothing, so each can be freed as soon as it is used).
    func take() -> [(DocumentAnalysis?, [Diagnostic])] {
        lock.lock(); defer { lock.unlock() }
        let out = items
        items = []
        return out
    }
}

final class AtomicCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value - 1 }
}

/// `DOSSIER_MEMORY_TRACE=1`: resident and peak memory after each stage of a build, on standard error.
enum MemoryTrace {
    static let enabled = ProcessEnvironment.value("DOSSIER_MEMORY_TRACE") != nil
    static func note(_ stage: String) {
        guard enabled, let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return }
        let fields = s.split(separator: "\n").filter { $0.hasPrefix("VmRSS:") || $0.hasPrefix("VmHWM:") }
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        // RSS after giving free pages back (tracing only): close to the memory actually in use.
        typealias Trim = @convention(c) (Int) -> Int32
        if let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") { _ = unsafeBitCast(sym, to: Trim.self)(0) }
        let trimmed = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8))?.split(separator: "\n")
            .first { $0.hasPrefix("VmRSS:") }.map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") } ?? ""
        let live = "after malloc_trim \(trimmed)"
        FileHandle.standardError.write(Data("memory: \(stage): \(fields.joined(separator: ", ")), \(live)\n".utf8))
        // glibc's own account (system bytes and bytes in use, per arena and in total), also on standard error.
        typealias Stats = @convention(c) () -> Void
        if let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_stats") { unsafeBitCast(sym, to: Stats.self)() }
    }
}
