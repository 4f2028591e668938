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

/// Where an event was reported: a sentence of a document.
public struct Mention: Sendable, Hashable {
    /// Index into `Corpus.documents`.
    public var document: Int
    /// Index into that document's `sentences`.
    public var sentence: Int
    /// The sentence's text, sharing the document's storage (no copy per mention).
    public var textSlice: Substring
    /// The sentence's text.
    public var text: String { String(textSlice) }

    public init(document: Int, sentence: Int, text: String) {
        self.document = document
        self.sentence = sentence
        self.textSlice = Substring(text)
    }

    public init(document: Int, sentence: Int, textSlice: Substring) {
        self.document = document
        self.sentence = sentence
        self.textSlice = textSlice
    }
}

/// How an entity was named in a sentence.
public enum MentionRole: String, Sendable, Codable {
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
    // Stored as 32-bit numbers: a corpus holds millions of mentions.
    private var entity32: Int32
    private var sentence32: Int32
    private var start32: Int32
    private var end32: Int32
    public var role: MentionRole

    /// Index into `Corpus.entities`.
    public var entity: Int { get { Int(entity32) } set { entity32 = Int32(newValue) } }
    public var sentence: Int { Int(sentence32) }
    /// UTF-8 byte range in the document text.
    public var range: Range<Int> { Int(start32)..<Int(end32) }

    public init(entity: Int, sentence: Int, range: Range<Int>, role: MentionRole) {
        entity32 = Int32(entity)
        sentence32 = Int32(sentence)
        start32 = Int32(range.lowerBound)
        end32 = Int32(range.upperBound)
        self.role = role
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
    public var start: PartialDate?
    public var end: PartialDate?
    public var kind: VisitKind
    /// The visitor's level from the office held on the visit's date.
    public var level: Level
    public var status: VisitStatus
    public var mentions: [Mention]

    public init(id: Int, visitor: Int, visitorCountry: String?, destination: String, city: Int? = nil,
                start: PartialDate?, end: PartialDate? = nil, kind: VisitKind = .unspecified, level: Level = .other,
                status: VisitStatus = .occurred, mentions: [Mention] = []) {
        self.id = id
        self.visitor = visitor
        self.visitorCountry = visitorCountry
        self.destination = destination
        self.city = city
        self.start = start
        self.end = end
        self.kind = kind
        self.level = level
        self.status = status
        self.mentions = mentions
    }

    public var year: Int? { start?.year }
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
    /// For `.visit`: the index into `Corpus.visits`.
    public var visit: Int?
    /// For `.anniversary`: which one (75 for "75th") and of what ("diplomatic relations").
    public var ordinal: Int?
    public var label: String?
    public var mentions: [Mention]

    public init(id: Int, kind: EventKind, participants: [Int] = [], countries: [String] = [], city: Int? = nil,
                start: PartialDate? = nil, end: PartialDate? = nil, status: VisitStatus = .occurred, visit: Int? = nil,
                ordinal: Int? = nil, label: String? = nil, mentions: [Mention] = []) {
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
    }
}

/// Where a document's date came from.
public enum MetadataSource: String, Sendable, Codable {
    case text, manifest, none
}

/// The sentences, mentions and times of every document of a corpus, in three flat arrays (instead of three
/// small arrays per document). Filled while the corpus is assembled, never changed after.
final class DocumentTables: @unchecked Sendable {
    var sentences: [Sentence] = []
    var mentions: [EntityMention] = []
    var times: [TimeExpression] = []
}

/// A document's sentences, mentions or times: a view of the corpus-wide array, indexed from 0.
public struct DocumentList<Element: Sendable>: RandomAccessCollection, Sendable {
    let base: ArraySlice<Element>
    init(_ base: ArraySlice<Element>) { self.base = base }
    public var startIndex: Int { 0 }
    public var endIndex: Int { base.count }
    public subscript(position: Int) -> Element { base[base.startIndex + position] }
}

/// One article.
public struct Document: Sendable, Identifiable {
    public var id: Int
    /// The folder it was read from (one string shared by all documents of a folder) and the file name.
    public var directory: String
    public var name: String
    /// Path as read.
    public var path: String { directory.isEmpty ? name : directory + "/" + name }
    public var title: String?
    public var date: PartialDate?
    public var dateSource: MetadataSource
    /// The dateline's place as written ("PYONGYANG") and the city it names, if known.
    public var place: String?
    public var placeEntity: Int?
    public var source: String?
    public var url: String?
    /// "en" or "vi".
    public var language: String
    /// NFC text; every range in the model is a UTF-8 byte range of it.
    public var text: String
    /// The text as decoded, before normalisation (kept only when it differs from `text`).
    private var originalIfDifferent: String?
    /// The text as decoded, before normalisation.
    public var original: String { originalIfDifferent ?? text }
    private var byteCount32: UInt32
    public var byteCount: Int { Int(byteCount32) }
    public var contentHash: UInt64
    private let tables: DocumentTables
    private let sentenceStart, sentenceEnd, mentionStart, mentionEnd, timeStart, timeEnd: Int32

    init(id: Int, directory: String, name: String, title: String?, date: PartialDate?, dateSource: MetadataSource,
         place: String?, placeEntity: Int?, source: String?, url: String?, language: String, text: String, original: String,
         byteCount: Int, contentHash: UInt64, tables: DocumentTables, sentences: Range<Int>, mentions: Range<Int>, times: Range<Int>) {
        self.id = id
        self.directory = directory
        self.name = name
        self.title = title
        self.date = date
        self.dateSource = dateSource
        self.place = place
        self.placeEntity = placeEntity
        self.source = source
        self.url = url
        self.language = language
        self.text = text
        // Equal bytes: keep one string (String == would ignore normalisation).
        originalIfDifferent = Document.sameBytes(original, text) ? nil : original
        byteCount32 = UInt32(clamping: byteCount)
        self.contentHash = contentHash
        self.tables = tables
        sentenceStart = Int32(sentences.lowerBound); sentenceEnd = Int32(sentences.upperBound)
        mentionStart = Int32(mentions.lowerBound); mentionEnd = Int32(mentions.upperBound)
        timeStart = Int32(times.lowerBound); timeEnd = Int32(times.upperBound)
    }

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
    public var sentences: DocumentList<Sentence> { DocumentList(tables.sentences[Int(sentenceStart)..<Int(sentenceEnd)]) }
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
    public var mentions: DocumentList<EntityMention> { DocumentList(tables.mentions[Int(mentionStart)..<Int(mentionEnd)]) }
    public var times: DocumentList<TimeExpression> { DocumentList(tables.times[Int(timeStart)..<Int(timeEnd)]) }

    /// The UTF-8 byte range of sentence `i`.
    func sentenceRange(_ i: Int) -> Range<Int> {
        precondition(i >= 0 && i < Int(sentenceEnd - sentenceStart), "sentence index out of range")
        return tables.sentences[Int(sentenceStart) + i].range
    }

    /// The text of sentence `i`.
    public func sentenceText(_ i: Int) -> String { slice(sentenceRange(i)) }

    /// The text of sentence `i` as a slice of `text` (no copy).
    public func sentenceSlice(_ i: Int) -> Substring {
        let r = sentenceRange(i)
        let u = text.utf8
        return text[u.index(u.startIndex, offsetBy: r.lowerBound)..<u.index(u.startIndex, offsetBy: r.upperBound)]
    }

    /// The text of a UTF-8 byte range.
    public func slice(_ r: Range<Int>) -> String {
        let u = text.utf8
        let a = u.index(u.startIndex, offsetBy: r.lowerBound), b = u.index(u.startIndex, offsetBy: r.upperBound)
        return String(text[a..<b])
    }
}

/// A sentence found by a search.
public struct SentenceRef: Sendable, Hashable {
    public var document: Int
    public var sentence: Int
    public init(document: Int, sentence: Int) { self.document = document; self.sentence = sentence }
}
