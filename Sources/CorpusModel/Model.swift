// The model's public value types: documents, mentions, visits and other events.
import Foundation

public enum VisitKind: String, Sendable, Codable, CaseIterable {
    case state, official, working, unspecified
}

public enum VisitStatus: String, Sendable, Codable, CaseIterable {
    /// The visit took place (or is under way at publication).
    case occurred
    /// Announced, scheduled, invited or expected: not (yet) a visit.
    case planned
    /// Reported as not happening: "did not visit", cancelled, postponed.
    case negated
}

/// How an entity was named in a sentence.
public enum MentionRole: String, Sendable, Codable, CaseIterable {
    /// By a name or alias in the gazetteer ("Tô Lâm", "DPRK").
    case name
    /// By a demonym, for a country ("Vietnamese").
    case demonym
    /// By a short form resolved in context ("Kim", "Party chief Lâm").
    case short
    /// A person found from the title before the name, absent from the gazetteer.
    case titled
}

/// An entity named in a sentence.
public struct EntityMention: Sendable, Hashable {
    // Sixteen bytes, as 32-bit numbers: a corpus holds millions of mentions.
    private var entity32: Int32
    private var sentenceAndRole: UInt32 // sentence << 2 | role
    private var start32: Int32
    private var end32: Int32

    /// Index into `Corpus.entities`.
    public var entity: Int { get { Int(entity32) } set { entity32 = Int32(newValue) } }
    public var sentence: Int { Int(sentenceAndRole >> 2) }
    public var role: MentionRole {
        switch sentenceAndRole & 3 {
        case 0: .name
        case 1: .demonym
        case 2: .short
        default: .titled
        }
    }
    /// UTF-8 byte range in the document text.
    public var range: Range<Int> { Int(start32)..<Int(end32) }

    public init(entity: Int, sentence: Int, range: Range<Int>, role: MentionRole) {
        entity32 = Int32(entity)
        let code: UInt32 = switch role {
        case .name: 0
        case .demonym: 1
        case .short: 2
        case .titled: 3
        }
        sentenceAndRole = UInt32(sentence) << 2 | code
        start32 = Int32(range.lowerBound)
        end32 = Int32(range.upperBound)
    }
}

/// A visit of a person to a country: one event, however many sentences report it.
public struct Visit: Sendable, Hashable, Identifiable {
    /// Index into `Corpus.visits`.
    public var id: Int
    /// Index into `Corpus.entities` (a person).
    public var visitor: Int
    /// ISO alpha-3 of the visitor's country, when known.
    public var visitorCountry: String?
    /// ISO alpha-3 of the country visited.
    public var destination: String
    /// Index into `Corpus.entities` of the city visited, when named.
    public var city: Int?
    /// Indexes into `Corpus.entities` of the persons who received the visitor, as the reports name them
    /// ("welcomed by", "held talks with", "hội đàm với"): the one named most often first. Empty when no report says.
    public var hosts: [Int]
    /// The main host (`hosts.first`), when a report names one.
    public var host: Int? { hosts.first }
    public var start: PartialDate?
    public var end: PartialDate?
    public var kind: VisitKind
    /// The visitor's level from the office held on the visit's date.
    public var level: Level
    public var status: VisitStatus
    /// How sure the model is that the visit is right, 0...1: its reports' probabilities from the visit scorer
    /// (Data/model/visit-scorer.tsv), combined; 0.5 a report when no scorer is loaded.
    public var confidence: Double { get { Double(confidence32) } set { confidence32 = Float(newValue) } }
    // Stored in four bytes, which fit in the struct's padding: a corpus holds hundreds of thousands of visits.
    private var confidence32: Float
    public var mentions: [Mention]
    /// The rules that produced it, over all its reports (see `Rule`).
    public var ruleSet: RuleSet

    public init(id: Int, visitor: Int, visitorCountry: String?, destination: String, city: Int? = nil, hosts: [Int] = [],
                start: PartialDate?, end: PartialDate? = nil, kind: VisitKind = .unspecified, level: Level = .other,
                status: VisitStatus = .occurred, mentions: [Mention] = [], ruleSet: RuleSet = RuleSet(),
                confidence: Double = 0.5) {
        self.id = id
        self.visitor = visitor
        self.visitorCountry = visitorCountry
        self.destination = destination
        self.city = city
        self.hosts = hosts
        self.start = start
        self.end = end
        self.kind = kind
        self.level = level
        self.status = status
        self.mentions = mentions
        self.ruleSet = ruleSet
        confidence32 = Float(confidence)
    }

    public var year: Int? { start?.year }
    /// The ids of the rules that produced it ("visit.travel-to", "date.after-place").
    public var rules: [String] { ruleSet.ids }
}

public enum EventKind: String, Sendable, Codable, CaseIterable {
    case visit
    case meeting
    case relationsEstablished = "relations_established"
    case anniversary
    case messageExchange = "message_exchange"
}

/// Any event: visits (pointing into `Corpus.visits`), meetings and talks, the establishment of
/// diplomatic relations, anniversaries and exchanges of messages.
public struct Event: Sendable, Hashable, Identifiable {
    public var id: Int
    public var kind: EventKind
    /// Persons taking part (indexes into `Corpus.entities`); for a visit, the visitor.
    public var participants: [Int]
    /// Countries concerned (ISO alpha-3), in the order found.
    public var countries: [String]
    public var city: Int?
    public var start: PartialDate?
    public var end: PartialDate?
    public var status: VisitStatus
    /// 0...1. A visit's is the visit's; other events have no scorer yet: each reporting sentence counts 0.5,
    /// combined as independent reports (one sentence 0.5, two 0.75, three 0.875).
    public var confidence: Double { get { Double(confidence32) } set { confidence32 = Float(newValue) } }
    private var confidence32: Float
    /// For `.visit`: the index into `Corpus.visits`.
    public var visit: Int?
    /// For `.anniversary`: which one (75 for "75th") and of what ("diplomatic relations").
    public var ordinal: Int?
    public var label: String?
    public var mentions: [Mention]
    /// The rules that produced it, over all its reports (see `Rule`).
    public var ruleSet: RuleSet

    public init(id: Int, kind: EventKind, participants: [Int] = [], countries: [String] = [], city: Int? = nil,
                start: PartialDate? = nil, end: PartialDate? = nil, status: VisitStatus = .occurred, visit: Int? = nil,
                ordinal: Int? = nil, label: String? = nil, mentions: [Mention] = [], ruleSet: RuleSet = RuleSet(),
                confidence: Double = 0.5) {
        self.id = id
        self.kind = kind
        self.participants = participants
        self.countries = countries
        self.city = city
        self.start = start
        self.end = end
        self.status = status
        self.visit = visit
        self.ordinal = ordinal
        self.label = label
        self.mentions = mentions
        self.ruleSet = ruleSet
        confidence32 = Float(confidence)
    }

    /// The ids of the rules that produced it.
    public var rules: [String] { ruleSet.ids }
}

/// Where a document's date came from: a header line or dateline of the text, the manifest's `date`, a date
/// in the manifest's `url` (used only when the text gives none), the full date a news report's lead opens with
/// (only when none of those gives one: rule meta.lead-reference), or nowhere.
public enum MetadataSource: String, Sendable, Codable, CaseIterable {
    case text, manifest, url, lead, none
    /// A date in the file's name ("2015-07-25-nairobi-….txt"), when the manifest, the text and the URL give none.
    case fileName = "file_name"
    /// A day and month the text gives, with the year the text's evidence leaves (rule meta.year-inference).
    case inferred
}

/// Everything a corpus keeps of its documents: their texts (a store), one fixed-size record per document with
/// its strings in one pool, and their sentences, mentions and times in three flat arrays (instead of a few
/// small arrays and strings per document). Filled while the corpus is assembled, never changed after.
final class DocumentTables: @unchecked Sendable {
    let texts: TextStore
    var records: [DocumentRecord] = []
    /// Each record's document key in the model cache (0: built without it), by which a later build of the same
    /// corpus finds the texts it can copy from this model's file instead of reading the article again.
    var documentKeys: [UInt64] = []
    var directories: [String] = []
    /// The records' strings, one pool. A model loaded from the cache reads them where the file is mapped
    /// (`mappedStrings`) instead of copying the pool; `strings` then gives a copy (for a rebuild that copies
    /// from it), and only a model built in memory changes it.
    var strings: [UInt8] {
        get { mappedStrings.map { Array($0.bytes) } ?? builtStrings }
        _modify { precondition(mappedStrings == nil, "a loaded model is not changed"); yield &builtStrings }
    }
    private var builtStrings: [UInt8] = []
    var mappedStrings: MappedBytes?
    /// The sentences, mentions and times: built in memory, or, for a model loaded from the cache, read from its
    /// file the first time one of them is read (`StoredColumns`).
    var sentences: [Sentence] {
        get { stored?.columns.sentences ?? builtSentences }
        _modify { precondition(stored == nil, "a loaded model is not changed"); yield &builtSentences }
    }
    var mentions: [EntityMention] {
        get { stored?.columns.mentions ?? builtMentions }
        _modify { precondition(stored == nil, "a loaded model is not changed"); yield &builtMentions }
    }
    var times: [TimeExpression] {
        get { stored?.columns.times ?? builtTimes }
        _modify { precondition(stored == nil, "a loaded model is not changed"); yield &builtTimes }
    }
    private var builtSentences: [Sentence] = []
    private var builtMentions: [EntityMention] = []
    private var builtTimes: [TimeExpression] = []
    private let stored: StoredColumns?
    /// The columns of a loaded model, read when first used (nil for a model built in memory).
    var storedColumns: StoredColumns? { stored }

    init(texts: TextStore = TextStore(), stored: StoredColumns? = nil) {
        self.texts = texts
        self.stored = stored
    }

    func pool(_ s: String?) -> PooledString {
        guard var s else { return .none }
        precondition(mappedStrings == nil, "a loaded model is not changed")
        let offset = builtStrings.count
        s.withUTF8 { builtStrings.append(contentsOf: $0) }
        return PooledString(offset: UInt32(offset), count: UInt32(builtStrings.count - offset))
    }

    func string(_ p: PooledString) -> String? {
        if p.count == UInt32.max { return nil }
        let range = Int(p.offset)..<Int(p.offset + p.count)
        if let mappedStrings { return String(decoding: mappedStrings.bytes[range], as: UTF8.self) }
        return builtStrings.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }
}

/// A string of `DocumentTables.strings`.
struct PooledString {
    var offset: UInt32
    var count: UInt32
    static let none = PooledString(offset: 0, count: .max)
}

/// One document's fields: numbers, pooled strings and ranges of the corpus-wide tables.
struct DocumentRecord {
    var name: String
    var title, place, source, url, language: PooledString
    var text: TextRef
    /// The text before normalisation, when it differs (`count == 0` and `offset == -1`: the same).
    var original: TextRef
    var contentHash: UInt64
    var directory: Int32
    var date: UInt32 // PartialDate.packed, 0: none
    var placeEntity: Int32 // -1: none
    var byteCount: UInt32
    var sentenceStart, sentenceEnd, mentionStart, mentionEnd, timeStart, timeEnd: Int32
    var dateSource: MetadataSource
    var anchor: UInt32 // PartialDate.packed, 0: none
    var anchorSource: AnchorSource?
}

/// A sentence's, mention's or time's list of one document: a view of the corpus-wide array, indexed from 0.
public struct DocumentList<Element: Sendable>: RandomAccessCollection, Sendable {
    let base: ArraySlice<Element>
    init(_ base: ArraySlice<Element>) { self.base = base }
    public var startIndex: Int { 0 }
    public var endIndex: Int { base.count }
    public subscript(position: Int) -> Element { base[base.startIndex + position] }
}

/// One article: a view of the corpus's document tables (the value itself is two words).
public struct Document: Sendable, Identifiable {
    let tables: DocumentTables
    private let index: Int32
    private var record: DocumentRecord { tables.records[Int(index)] }

    init(tables: DocumentTables, index: Int) {
        self.tables = tables
        self.index = Int32(index)
    }

    /// Index into `Corpus.documents`.
    public var id: Int { Int(index) }
    /// The folder it was read from and the file name.
    public var directory: String { tables.directories[Int(record.directory)] }
    public var name: String { record.name }
    /// Path as read.
    public var path: String { directory.isEmpty ? name : directory + "/" + name }
    public var title: String? { tables.string(record.title) }
    public var date: PartialDate? { record.date == 0 ? nil : PartialDate(packed: record.date) }
    public var dateSource: MetadataSource { record.dateSource }
    /// An archive text's anchor: the date of the event it tells ("From the archive: 27 June 1963", "22 February
    /// 1972: the President begins ...", "On this day in 1959"), when it differs in kind from the publication
    /// `date`. Relative and yearless dates of the text are read from it. Nil for other texts.
    public var anchorDate: PartialDate? { record.anchor == 0 ? nil : PartialDate(packed: record.anchor) }
    /// How `anchorDate` was found.
    public var anchorSource: AnchorSource? { record.anchorSource }
    /// The dateline's place as written ("PYONGYANG") and the city it names, if known.
    public var place: String? { tables.string(record.place) }
    public var placeEntity: Int? { record.placeEntity < 0 ? nil : Int(record.placeEntity) }
    public var source: String? { tables.string(record.source) }
    public var url: String? { tables.string(record.url) }
    /// ISO 639-1 code of the language identified ("en", "vi", "es"; Data/lexicon/language-id) or given by the
    /// manifest. Only the languages the rules read (`Language.read`) yield events.
    public var language: Language { Language(tables.string(record.language) ?? "") }
    /// NFC text; every range in the model is a UTF-8 byte range of it. Read from the corpus's text store
    /// on each use (recent texts are cached there): keep it in a variable to use it more than once.
    public var text: String { tables.texts.string(record.text) }
    /// The text as decoded, before normalisation.
    public var original: String { record.original.offset < 0 ? text : tables.texts.string(record.original) }
    /// Size of the file in bytes.
    public var byteCount: Int { Int(record.byteCount) }
    /// FNV-1a 64 of the NFC text.
    public var contentHash: UInt64 { record.contentHash }

    /// True when two strings hold the same UTF-8 bytes (the same buffer, or equal contents).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                x.count == y.count && (x.baseAddress == y.baseAddress || x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
    }

    /// Sentences, with UTF-8 byte ranges in `text`.
    public var sentences: DocumentList<Sentence> { let r = record; return DocumentList(tables.sentences[Int(r.sentenceStart)..<Int(r.sentenceEnd)]) }
    /// Paragraphs, derived from the sentences (each sentence records its paragraph).
    public var paragraphs: [Paragraph] {
        let sentences = self.sentences
        var out: [Paragraph] = []
        var i = 0
        while i < sentences.count {
            var j = i
            while j + 1 < sentences.count && sentences[j + 1].paragraph == sentences[i].paragraph { j += 1 }
            out.append(Paragraph(range: sentences[i].range.lowerBound..<sentences[j].range.upperBound, sentences: i..<(j + 1)))
            i = j + 1
        }
        return out
    }
    public var mentions: DocumentList<EntityMention> { let r = record; return DocumentList(tables.mentions[Int(r.mentionStart)..<Int(r.mentionEnd)]) }
    public var times: DocumentList<TimeExpression> { let r = record; return DocumentList(tables.times[Int(r.timeStart)..<Int(r.timeEnd)]) }

    /// The UTF-8 byte range of sentence `i`.
    func sentenceRange(_ i: Int) -> Range<Int> {
        let r = record
        precondition(i >= 0 && i < Int(r.sentenceEnd - r.sentenceStart), "sentence index out of range")
        return tables.sentences[Int(r.sentenceStart) + i].range
    }

    /// The text of sentence `i`.
    public func sentenceText(_ i: Int) -> String { slice(sentenceRange(i)) }

    /// The texts of several UTF-8 byte ranges (the text is read once).
    public func slices(_ ranges: some Sequence<Range<Int>>) -> [String] {
        var text = self.text
        return text.withUTF8 { b in
            ranges.map { r in
                precondition(r.lowerBound >= 0 && r.upperBound <= b.count, "range out of the text")
                return String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
            }
        }
    }

    /// The text of a UTF-8 byte range.
    public func slice(_ r: Range<Int>) -> String {
        var text = self.text
        return text.withUTF8 { b in
            precondition(r.lowerBound >= 0 && r.upperBound <= b.count, "range out of the text")
            return String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
        }
    }
}

/// A sentence found by a search.
public struct SentenceRef: Sendable, Hashable {
    public var document: Int
    public var sentence: Int
    public init(document: Int, sentence: Int) { self.document = document; self.sentence = sentence }
}
