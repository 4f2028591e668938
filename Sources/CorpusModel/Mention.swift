// A report of an event: the sentence, and what that sentence alone says of it (its status and date as stated,
// the rules that read it, where its visitor, destination and date are written).
import Foundation

/// Where an event was reported: a sentence of a document, with what that sentence says. Its text is
/// `Corpus.text(of:)`. Spans are UTF-8 byte ranges of the document's text (`Document.text`).
public struct Mention: Sendable, Hashable {
    // 32 bytes of 32- and 16-bit numbers: a corpus holds hundreds of thousands of event mentions. The three spans
    // are counted from one base offset in 16 bits each; the rule set is a number of `MentionRuleSets`.
    private var document32: Int32
    private var sentenceAndStatus: UInt32 // sentence << 2 | status code (0: unknown)
    private var date32: UInt32 // PartialDate.packed, 0: none
    private var base32: Int32
    private var visitor16: PackedSpan
    private var destination16: PackedSpan
    private var date16: PackedSpan
    private var rules16: UInt16

    /// Index into `Corpus.documents`.
    public var document: Int { Int(document32) }
    /// Index into that document's `sentences`.
    public var sentence: Int { Int(sentenceAndStatus >> 2) }
    /// The status as this sentence states it ("will visit": planned; "arrived": occurred); nil for a mention
    /// made without a reading of its own.
    public var status: VisitStatus? {
        switch sentenceAndStatus & 3 {
        case 1: .occurred
        case 2: .planned
        case 3: .negated
        default: nil
        }
    }
    /// The date as this sentence states it (the time expression's own date, before any merge), or nil.
    public var date: PartialDate? { date32 == 0 ? nil : PartialDate(packed: date32) }
    /// The rules that read this report (see `Rule`).
    public var ruleSet: RuleSet { MentionRuleSets.shared.ruleSet(rules16) }
    /// Their ids, in registry order.
    public var rules: [String] { ruleSet.ids }
    /// The visitor's name (or the participant's), as a UTF-8 byte range of the document's text.
    public var visitorSpan: Range<Int>? { visitor16.range(from: Int(base32)) }
    /// The phrase naming the destination (a country or a city in it).
    public var destinationSpan: Range<Int>? { destination16.range(from: Int(base32)) }
    /// The time expression that dated this report.
    public var dateSpan: Range<Int>? { date16.range(from: Int(base32)) }

    /// A report of sentence `sentence` of document `document`. Spans too far from the first one to be stored
    /// (more than 65,534 bytes apart, which no sentence is) are dropped.
    public init(document: Int, sentence: Int, status: VisitStatus? = nil, date: PartialDate? = nil, ruleSet: RuleSet = RuleSet(),
                visitorSpan: Range<Int>? = nil, destinationSpan: Range<Int>? = nil, dateSpan: Range<Int>? = nil) {
        self.init(document: document, sentence: sentence, status: status, date: date, ruleSet: ruleSet, rulesNumber: nil,
                  visitorSpan: visitorSpan, destinationSpan: destinationSpan, dateSpan: dateSpan)
    }

    /// `rulesNumber`: `ruleSet`'s number in `MentionRuleSets` when the caller knows it (the model cache's reader,
    /// which numbers each distinct set once), else nil.
    init(document: Int, sentence: Int, status: VisitStatus?, date: PartialDate?, ruleSet: RuleSet, rulesNumber: UInt16?,
         visitorSpan: Range<Int>?, destinationSpan: Range<Int>?, dateSpan: Range<Int>?) {
        document32 = Int32(document)
        let code: UInt32 = switch status {
        case nil: 0
        case .occurred: 1
        case .planned: 2
        case .negated: 3
        }
        sentenceAndStatus = UInt32(sentence) << 2 | code
        date32 = date?.packed ?? 0
        // The lowest of the spans' starts, without an array: a mention is made for every report read or decoded.
        let starts = (visitorSpan?.lowerBound ?? .max, destinationSpan?.lowerBound ?? .max, dateSpan?.lowerBound ?? .max)
        let lowest = min(starts.0, starts.1, starts.2)
        let base = lowest == .max ? 0 : lowest
        base32 = Int32(base)
        visitor16 = PackedSpan(visitorSpan, from: base)
        destination16 = PackedSpan(destinationSpan, from: base)
        date16 = PackedSpan(dateSpan, from: base)
        rules16 = rulesNumber ?? MentionRuleSets.shared.number(of: ruleSet)
    }

    /// The same report in another document (the finders make reports before their document is numbered).
    func inDocument(_ document: Int) -> Mention {
        var m = self
        m.document32 = Int32(document)
        return m
    }

    /// Document and sentence: two reports of one sentence are one place in the text.
    var place: SentenceRef { SentenceRef(document: document, sentence: sentence) }
}

/// A byte range stored as 16-bit offset and length from a base; `offset == .max`: none.
private struct PackedSpan: Hashable, Sendable {
    var offset: UInt16
    var length: UInt16

    init(_ range: Range<Int>?, from base: Int) {
        guard let range, range.lowerBound >= base, range.upperBound - base < Int(UInt16.max) else {
            offset = .max; length = 0; return
        }
        offset = UInt16(range.lowerBound - base)
        length = UInt16(range.count)
    }

    func range(from base: Int) -> Range<Int>? {
        offset == .max ? nil : (base + Int(offset))..<(base + Int(offset) + Int(length))
    }
}

/// The distinct rule sets of mentions, numbered once per process so that a mention keeps two bytes instead of
/// sixteen (a corpus has a few hundred distinct sets at most). Thread-safe; numbers are never reused.
final class MentionRuleSets: @unchecked Sendable {
    static let shared = MentionRuleSets()
    private let lock = NSLock()
    private var sets: [RuleSet] = [RuleSet()]
    private var numbers: [RuleSet: UInt16] = [RuleSet(): 0]

    func number(of rules: RuleSet) -> UInt16 {
        lock.lock()
        defer { lock.unlock() }
        if let n = numbers[rules] { return n }
        precondition(sets.count < Int(UInt16.max), "too many distinct rule sets of mentions")
        let n = UInt16(sets.count)
        sets.append(rules)
        numbers[rules] = n
        return n
    }

    func ruleSet(_ number: UInt16) -> RuleSet {
        lock.lock()
        defer { lock.unlock() }
        return sets[Int(number)]
    }
}
