import Foundation

// Each model type's fields for the model cache, one extension per type (see ModelCodec.swift). A field added to
// a type is added here, in both directions, with `ModelCodec.formatVersion` bumped.

extension Mention: CacheCodable {
    func encode(to w: inout ByteWriter) {
        w.u32(UInt32(document)); w.u32(UInt32(sentence)); w.optionalRaw(status); w.date(date); w.value(ruleSet)
        w.optional(visitorSpan); w.optional(destinationSpan); w.optional(dateSpan)
    }
    init(from r: inout ByteReader) throws {
        let document = Int(try r.u32()), sentence = Int(try r.u32()), status = try r.optionalRaw(VisitStatus.self)
        let date = try r.date()
        let rules: RuleSet = try r.value()
        let number: UInt16
        if let last = r.lastMentionRules, last.set == rules {
            number = last.number
        } else {
            number = MentionRuleSets.shared.number(of: rules)
            r.lastMentionRules = (rules, number)
        }
        self.init(document: document, sentence: sentence, status: status, date: date, ruleSet: rules, rulesNumber: number,
                  visitorSpan: try r.optionalRange(), destinationSpan: try r.optionalRange(), dateSpan: try r.optionalRange())
    }
}

extension Office: CacheCodable {
    func encode(to w: inout ByteWriter) {
        w.string(title); w.raw(level); w.optional(country); w.optional(organisation); w.date(start); w.date(end)
    }
    init(from r: inout ByteReader) throws {
        self.init(title: try r.string(), level: try r.raw(Level.self), country: try r.optionalString(),
                  organisation: try r.optionalString(), start: try r.date(), end: try r.date())
    }
}

extension Entity: CacheCodable {
    func encode(to w: inout ByteWriter) {
        w.string(id); w.raw(kind); w.string(name); w.string(aliasText); w.string(shortText); w.string(demonymText)
        w.optional(country); w.values(offices); w.optional(alpha2); w.optional(capital); w.optional(population)
        w.optional(organisationKind); w.bool(discovered); w.optionalRaw(gender)
    }
    init(from r: inout ByteReader) throws {
        self.init(id: try r.string(), kind: try r.raw(EntityKind.self), name: try r.string(), aliasText: try r.string(),
                  shortText: try r.string(), demonymText: try r.string(), country: try r.optionalString())
        offices = try r.values()
        alpha2 = try r.optionalString()
        capital = try r.optionalString()
        population = try r.optionalInt()
        organisationKind = try r.optionalString()
        discovered = try r.bool()
        gender = try r.optionalRaw(Gender.self)
    }
}

extension Visit: CacheCodable {
    func encode(to w: inout ByteWriter) {
        w.int(id); w.int(visitor); w.optional(visitorCountry); w.string(destination); w.optional(city)
        w.list(hosts) { $0.int($1) }
        w.date(start); w.date(end); w.raw(kind); w.raw(level); w.raw(status); w.values(mentions); w.value(ruleSet)
        w.float(Float(confidence))
    }
    init(from r: inout ByteReader) throws {
        self.init(id: try r.int(), visitor: try r.int(), visitorCountry: try r.optionalString(), destination: try r.string(),
                  city: try r.optionalInt(), hosts: try r.list { try $0.int() }, start: try r.date(), end: try r.date(),
                  kind: try r.raw(VisitKind.self), level: try r.raw(Level.self), status: try r.raw(VisitStatus.self), mentions: try r.values(),
                  ruleSet: try r.value(), confidence: Double(try r.float()))
    }
}

extension Event: CacheCodable {
    func encode(to w: inout ByteWriter) {
        w.int(id); w.raw(kind); w.list(participants) { $0.int($1) }; w.list(countries) { $0.string($1) }; w.optional(city)
        w.date(start); w.date(end); w.raw(status); w.optional(visit); w.optional(ordinal); w.optional(label); w.values(mentions)
        w.value(ruleSet); w.float(Float(confidence))
    }
    init(from r: inout ByteReader) throws {
        self.init(id: try r.int(), kind: try r.raw(EventKind.self), participants: try r.list { try $0.int() },
                  countries: try r.list { try $0.string() }, city: try r.optionalInt(), start: try r.date(), end: try r.date(),
                  status: try r.raw(VisitStatus.self), visit: try r.optionalInt(), ordinal: try r.optionalInt(),
                  label: try r.optionalString(), mentions: try r.values(), ruleSet: try r.value(),
                  confidence: Double(try r.float()))
    }
}

extension TextRef: CacheCodable {
    func encode(to w: inout ByteWriter) { w.u64(UInt64(bitPattern: offset)); w.u32(count) }
    init(from r: inout ByteReader) throws { self.init(offset: Int64(bitPattern: try r.u64()), count: try r.u32()) }
}

extension PooledString: CacheCodable {
    func encode(to w: inout ByteWriter) { w.u32(offset); w.u32(count) }
    init(from r: inout ByteReader) throws { self.init(offset: try r.u32(), count: try r.u32()) }
}

extension DocumentRecord: CacheCodable {
    func encode(to w: inout ByteWriter) {
        w.string(name)
        for s in [title, place, source, url, language] { w.value(s) }
        w.value(text); w.value(original); w.u64(contentHash); w.u32(UInt32(bitPattern: directory)); w.u32(date)
        w.u32(UInt32(bitPattern: placeEntity)); w.u32(byteCount)
        for n in [sentenceStart, sentenceEnd, mentionStart, mentionEnd, timeStart, timeEnd] { w.u32(UInt32(bitPattern: n)) }
        w.raw(dateSource); w.u32(anchor); w.optionalRaw(anchorSource)
    }
    init(from r: inout ByteReader) throws {
        let name = try r.string()
        let title: PooledString = try r.value(), place: PooledString = try r.value(), source: PooledString = try r.value()
        let url: PooledString = try r.value(), language: PooledString = try r.value()
        let text: TextRef = try r.value(), original: TextRef = try r.value()
        let contentHash = try r.u64()
        let directory = Int32(bitPattern: try r.u32()), date = try r.u32(), placeEntity = Int32(bitPattern: try r.u32())
        let byteCount = try r.u32()
        var ranges: [Int32] = []
        for _ in 0..<6 { ranges.append(Int32(bitPattern: try r.u32())) }
        self.init(name: name, title: title, place: place, source: source, url: url, language: language, text: text,
                  original: original, contentHash: contentHash, directory: directory, date: date, placeEntity: placeEntity,
                  byteCount: byteCount, sentenceStart: ranges[0], sentenceEnd: ranges[1], mentionStart: ranges[2],
                  mentionEnd: ranges[3], timeStart: ranges[4], timeEnd: ranges[5], dateSource: try r.raw(MetadataSource.self),
                  anchor: try r.u32(), anchorSource: try r.optionalRaw(AnchorSource.self))
    }
}

extension Diagnostic: CacheCodable {
    func encode(to w: inout ByteWriter) {
        w.string(file); w.optional(line); w.optional(column); w.optional(byteOffset); w.raw(severity); w.string(message)
    }
    init(from r: inout ByteReader) throws {
        self.init(file: try r.string(), line: try r.optionalInt(), column: try r.optionalInt(), byteOffset: try r.optionalInt(),
                  severity: try r.raw(Severity.self), message: try r.string())
    }
}

// MARK: Per-document results (the input of the cross-document merge)

extension DiscoveredPerson: CacheCodable {
    func encode(to w: inout ByteWriter) {
        w.string(name); w.u64(key); w.optional(country); w.string(title); w.raw(level); w.list(shorts) { $0.u64($1) }
        w.optionalRaw(gender)
    }
    init(from r: inout ByteReader) throws {
        self.init(name: try r.string(), key: try r.u64(), country: try r.optionalString(), title: try r.string(),
                  level: try r.raw(Level.self), shorts: try r.list { try $0.u64() }, gender: try r.optionalRaw(Gender.self))
    }
}

extension VisitCandidate: CacheCodable {
    func encode(to w: inout ByteWriter) {
        w.int(visitor); w.optional(visitorCountry); w.string(destination); w.optional(city); w.optional(host)
        w.date(start); w.date(end)
        w.date(notBefore); w.raw(kind); w.raw(status); w.optional(titleLevel?.rawValue); w.values(mentions)
        w.value(rules); w.value(evidence); w.float(confidence)
    }
    init(from r: inout ByteReader) throws {
        self.init(visitor: try r.int(), visitorCountry: try r.optionalString(), destination: try r.string(), city: try r.optionalInt(),
                  host: try r.optionalInt(), start: try r.date(), end: try r.date(), notBefore: try r.date(), kind: try r.raw(VisitKind.self),
                  status: try r.raw(VisitStatus.self), titleLevel: try r.optionalString().flatMap(Level.init(rawValue:)),
                  mentions: try r.values(), rules: try r.value(), evidence: try r.value(), confidence: try r.float())
    }
}

extension CandidateEvidence: CacheCodable {
    func encode(to w: inout ByteWriter) {
        w.u8(origin.rawValue); w.optional(trigger); w.optional(time); w.bool(timeRelative); w.optional(visitorPhrase)
        w.optionalRaw(visitorRole); w.optional(place); w.optional(clause); w.bool(listItem)
        w.bool(placeExcluded)
        w.optionalCode(scene); w.int(sceneDistance); w.bool(sceneTimeElsewhere); w.int(personsInSentence)
        w.optionalCode(subject)
    }
    init(from r: inout ByteReader) throws {
        self.init()
        let code = try r.u8()
        guard let origin = Origin(rawValue: code) else { throw CacheFormatError("unknown evidence origin \(code)") }
        self.origin = origin
        trigger = try r.optionalRange()
        time = try r.optionalRange()
        timeRelative = try r.bool()
        visitorPhrase = try r.optionalRange()
        visitorRole = try r.optionalRaw(MentionRole.self)
        place = try r.optionalRange()
        clause = try r.optionalRange()
        listItem = try r.bool()
        placeExcluded = try r.bool()
        scene = try r.optionalCode(SceneSource.self, "evidence scene")
        sceneDistance = try r.int()
        sceneTimeElsewhere = try r.bool()
        personsInSentence = try r.int()
        subject = try r.optionalCode(SubjectSource.self, "evidence subject")
    }
}

extension DocumentNote: CacheCodable {
    func encode(to w: inout ByteWriter) { w.raw(kind); w.string(text) }
    init(from r: inout ByteReader) throws { self.init(try r.raw(Kind.self), try r.string()) }
}

extension EventCandidate: CacheCodable {
    func encode(to w: inout ByteWriter) {
        w.raw(kind); w.list(participants) { $0.int($1) }; w.list(countries) { $0.string($1) }; w.optional(city)
        w.date(start); w.date(end); w.raw(status); w.optional(ordinal); w.optional(label); w.value(mention); w.value(rules)
    }
    init(from r: inout ByteReader) throws {
        self.init(kind: try r.raw(EventKind.self), participants: try r.list { try $0.int() }, countries: try r.list { try $0.string() },
                  city: try r.optionalInt(), start: try r.date(), end: try r.date(), status: try r.raw(VisitStatus.self),
                  ordinal: try r.optionalInt(), label: try r.optionalString(), mention: try r.value(), rules: try r.value())
    }
}

extension RuleSet: CacheCodable {
    // The bits follow `Rule.allCases`: a changed rule list is a changed build, which the cache's key covers.
    func encode(to w: inout ByteWriter) {
        w.u64(low); w.u64(high); w.u64(top)
        w.list(plugins) { w, name in w.string(name) }
    }
    init(from r: inout ByteReader) throws {
        self.init()
        low = try r.u64()
        high = try r.u64()
        top = try r.u64()
        for name in try r.list({ try $0.string() }) { insert(plugin: name) }
    }
}

/// One document's analysis with the diagnostics of reading it; `path` is left out (a moved file keeps its record)
/// and put back when read. The texts are left out too (they are in the model file, or read again from the
/// article: `Analyzer.reuse`); the text's size and content hash stay, to check them.
struct StoredAnalysis {
    var analysis: DocumentAnalysis?
    var diagnostics: [Diagnostic]

    func encode(to w: inout ByteWriter, path: String) {
        w.list(diagnostics) { w, d in
            var d = d
            if d.file == path { d.file = "" }
            w.value(d)
        }
        guard let a = analysis else { w.u8(0); return }
        w.u8(1)
        w.int(a.source.byteCount); w.u64(a.source.contentHash)
        w.optional(a.title); w.date(a.date); w.raw(a.dateSource); w.optional(a.place); w.optional(a.source_); w.optional(a.url)
        w.string(a.language.code); w.date(a.anchor); w.optionalRaw(a.anchorSource); w.values(a.notes)
        w.memory(a.sentences); w.memory(a.mentions); w.memory(a.times)
        w.values(a.discovered); w.values(a.visits); w.values(a.events)
        w.list(a.features) { w, row in w.list(row) { $0.float($1) } }
    }

    /// About the bytes `encode` writes for `analysis` (a little more, so that the buffer grows once at most).
    static func estimatedSize(of analysis: DocumentAnalysis?) -> Int {
        guard let a = analysis else { return 64 }
        return 512 + a.sentences.count * MemoryLayout<Sentence>.stride + a.mentions.count * MemoryLayout<EntityMention>.stride
            + a.times.count * MemoryLayout<TimeExpression>.stride + a.discovered.count * 96 + a.visits.count * 320 + a.events.count * 160
    }

    init(analysis: DocumentAnalysis?, diagnostics: [Diagnostic]) {
        self.analysis = analysis
        self.diagnostics = diagnostics
    }

    init(from r: inout ByteReader, path: String) throws {
        diagnostics = try r.list { r in
            var d: Diagnostic = try r.value()
            if d.file.isEmpty { d.file = path }
            return d
        }
        guard try r.u8() == 1 else { analysis = nil; return }
        let source = SourceText(path: path, original: "", text: "", byteCount: try r.int(), contentHash: try r.u64())
        var a = DocumentAnalysis(source: source, title: try r.optionalString(), date: try r.date(), dateSource: try r.raw(MetadataSource.self),
                                 place: try r.optionalString(), source_: try r.optionalString(), url: try r.optionalString(),
                                 language: Language(try r.string()), anchor: try r.date(), anchorSource: try r.optionalRaw(AnchorSource.self))
        a.notes = try r.values()
        a.sentences = try r.memory(Sentence.self)
        a.mentions = try r.memory(EntityMention.self)
        a.times = try r.memory(TimeExpression.self)
        a.discovered = try r.values()
        a.visits = try r.values()
        a.events = try r.values()
        a.features = try r.list { try $0.list { try $0.float() } }
        analysis = a
    }
}
