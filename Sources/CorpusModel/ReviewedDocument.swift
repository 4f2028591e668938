// A document as a `CandidateReviewer` sees it: its metadata, and each sentence (text, tokens, mentions,
// times) with the visit candidates the rules made there. Sentences are built when asked for, so a reviewer
// that looks at few of them costs little.

/// One analysed document under review. Used by one thread at a time.
public final class ReviewedDocument {
    /// The article's path as given (diagnostics name it).
    public let path: String
    /// The file name.
    public let name: String
    public let title: String?
    public let date: PartialDate?
    public let language: String
    /// Every person named in the document, each once, in order of first mention.
    public let persons: [ReviewedPerson]
    /// The candidates of each sentence (index = sentence), as the rules made them.
    public let candidates: [[ReviewedCandidate]]
    public var sentenceCount: Int { candidates.count }

    private let text: String
    private let analysis: DocumentAnalysis
    private let gazetteer: Gazetteer
    /// The mentions and times of each sentence, as ranges into `analysis.mentions` / `analysis.times`.
    private let mentionsOf: [Range<Int>], timesOf: [Range<Int>]

    init(_ a: DocumentAnalysis, path: String, name: String, gazetteer: Gazetteer) {
        self.path = path
        self.name = name
        title = a.title
        date = a.date
        language = a.language.code
        text = a.source.text
        analysis = a
        self.gazetteer = gazetteer
        mentionsOf = Self.ranges(a.mentions.map(\.sentence), count: a.sentences.count)
        timesOf = Self.ranges(a.times.map(\.sentence), count: a.sentences.count)
        var seen = Set<Int>(), persons: [ReviewedPerson] = []
        for m in a.mentions where Self.isPerson(m.entity, gazetteer) && seen.insert(m.entity).inserted {
            persons.append(Self.person(m.entity, a, gazetteer))
        }
        self.persons = persons
        var candidates = [[ReviewedCandidate]](repeating: [], count: a.sentences.count)
        for (i, v) in a.visits.enumerated() {
            guard let s = v.sentences.first, s < candidates.count else { continue }
            candidates[s].append(ReviewedCandidate(
                visitor: Self.person(v.visitor, a, gazetteer), destination: v.destination, start: v.start, end: v.end,
                kind: v.kind, status: v.status, confidence: v.confidence, rules: v.rules.ids, original: i))
        }
        self.candidates = candidates
    }

    /// Sentence `index` (0-based).
    public func sentence(_ index: Int) -> ReviewedSentence {
        let range = analysis.sentences[index].range
        let mentions = analysis.mentions[mentionsOf[index]].map { m -> ReviewedMention in
            let person = Self.isPerson(m.entity, gazetteer) ? Self.person(m.entity, analysis, gazetteer) : nil
            let entity = m.entity >= 0 ? gazetteer.entities[m.entity] : nil
            return ReviewedMention(text: slice(m.range), range: m.range, kind: entity?.kind ?? .person, role: m.role,
                                   id: person?.id ?? entity?.id, name: person?.name ?? entity?.name ?? slice(m.range),
                                   person: person, country: person?.country ?? entity?.country)
        }
        let times = analysis.times[timesOf[index]].map {
            ReviewedTime(text: slice($0.range), range: $0.range, start: $0.start, end: $0.end, relative: $0.relative)
        }
        return ReviewedSentence(index: index, range: range, text: slice(range), document: text, mentions: mentions, times: times)
    }

    /// The ISO 3166 alpha-3 code of a country given by its code (any case) or its gazetteer name; nil when unknown.
    public func countryCode(_ text: String) -> String? {
        if gazetteer.country(text.uppercased()) != nil { return text.uppercased() }
        let folded = text.lowercased()
        return gazetteer.entities.first { $0.kind == .country && $0.name.lowercased() == folded }?.id
    }

    /// The 1-based line of the document text where sentence `index` starts.
    public func line(ofSentence index: Int) -> Int {
        let offset = analysis.sentences[index].range.lowerBound
        return 1 + text.utf8.prefix(offset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    private func slice(_ range: Range<Int>) -> String {
        let bytes = text.utf8
        let lower = bytes.index(bytes.startIndex, offsetBy: min(range.lowerBound, bytes.count))
        let upper = bytes.index(bytes.startIndex, offsetBy: min(range.upperBound, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// For items sorted by sentence: the range of items of each sentence.
    private static func ranges(_ sentences: [Int], count: Int) -> [Range<Int>] {
        var out = [Range<Int>](repeating: 0..<0, count: count)
        var k = 0
        for s in 0..<count {
            let start = k
            while k < sentences.count, sentences[k] <= s { k += 1 }
            out[s] = start..<k
        }
        return out
    }

    static func isPerson(_ reference: Int, _ gazetteer: Gazetteer) -> Bool {
        reference < 0 || gazetteer.entities[reference].kind == .person
    }

    static func person(_ reference: Int, _ a: DocumentAnalysis, _ gazetteer: Gazetteer) -> ReviewedPerson {
        if reference < 0 {
            let d = a.discovered[-reference - 1]
            return ReviewedPerson(reference: reference, name: d.name, id: nil, country: d.country)
        }
        let e = gazetteer.entities[reference]
        return ReviewedPerson(reference: reference, name: e.name, id: e.id, country: e.country)
    }
}

/// One sentence under review.
public final class ReviewedSentence {
    /// 0-based index in the document.
    public let index: Int
    /// UTF-8 byte range in the document text.
    public let range: Range<Int>
    public let text: String
    public let mentions: [ReviewedMention]
    public let times: [ReviewedTime]
    private let document: String

    init(index: Int, range: Range<Int>, text: String, document: String, mentions: [ReviewedMention], times: [ReviewedTime]) {
        self.index = index
        self.range = range
        self.text = text
        self.document = document
        self.mentions = mentions
        self.times = times
    }

    /// Its tokens (words, numbers, punctuation), as the rules split them.
    public lazy var tokens: [ReviewedToken] = {
        var document = document
        return document.withUTF8 { b in
            var tokens: [Token] = []
            Tokenizer.tokenize(b, from: range.lowerBound, to: min(range.upperBound, b.count), into: &tokens)
            return tokens.map { t in
                let r = Int(t.start)..<Int(t.end)
                return ReviewedToken(text: String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self), range: r)
            }
        }
    }()
}
