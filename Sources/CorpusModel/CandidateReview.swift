// The hook through which something outside the rules (an extractor plugin) reviews a document's visit
// candidates, sentence by sentence, before the merge: it may add candidates, veto them or change their fields.
// CorpusModel knows only the protocol and the plain views below; the Lua side lives in PluginHost.

/// Reviews the visit candidates of a readable document. Called from the build's worker threads, one document
/// at a time per thread: an implementation keeps one interpreter per thread or serialises itself.
public protocol CandidateReviewer: Sendable {
    /// The candidates after review of each sentence the reviewer changed, and the problems it met (a failed
    /// sentence keeps its candidates as the rules made them).
    func review(_ document: ReviewedDocument) -> CandidateReview
}

/// What a review changed.
public struct CandidateReview {
    /// Sentence index -> its candidates after review (a sentence left out is unchanged).
    public var changed: [Int: [ReviewedCandidate]] = [:]
    /// Problems, each naming the article and the sentence.
    public var diagnostics: [Diagnostic] = []

    public init() {}
}

/// A person as a reviewer sees one.
public struct ReviewedPerson: Sendable, Hashable {
    /// The model's reference: >= 0 a gazetteer entity, < 0 a person discovered in this document.
    public let reference: Int
    public let name: String
    /// The gazetteer id, for a gazetteer person.
    public let id: String?
    /// ISO 3166 alpha-3.
    public let country: String?
}

/// An entity named in a sentence.
public struct ReviewedMention: Sendable {
    public let text: String
    /// UTF-8 byte range in the document text.
    public let range: Range<Int>
    public let kind: EntityKind
    public let role: MentionRole
    /// The gazetteer id; nil for a person discovered in the text.
    public let id: String?
    public let name: String
    /// The person, for a person's mention.
    public let person: ReviewedPerson?
    /// The country: a person's, a place's own or the one it lies in.
    public let country: String?
}

/// A time expression of a sentence.
public struct ReviewedTime: Sendable {
    public let text: String
    public let range: Range<Int>
    public let start: PartialDate
    public let end: PartialDate?
    /// Read relative to the article's date ("last week").
    public let relative: Bool
}

/// A token of a sentence.
public struct ReviewedToken: Sendable {
    public let text: String
    public let range: Range<Int>
}

/// A visit candidate as a reviewer sees and changes it.
public struct ReviewedCandidate: Sendable {
    public var visitor: ReviewedPerson
    /// ISO 3166 alpha-3 of the host country.
    public var destination: String
    public var start: PartialDate?
    public var end: PartialDate?
    public var kind: VisitKind
    public var status: VisitStatus
    public var confidence: Float
    /// The ids of the rules that made it (`RuleSet.ids`).
    public let rules: [String]
    /// Its position among the document's candidates before review; nil for one a reviewer added.
    public let original: Int?
    /// The reviewers (plugins) that added or changed it; each becomes a `plugin:<name>` rule id.
    public var changedBy: [String] = []

    public init(visitor: ReviewedPerson, destination: String, start: PartialDate?, end: PartialDate?, kind: VisitKind,
                status: VisitStatus, confidence: Float, rules: [String] = [], original: Int? = nil) {
        self.visitor = visitor
        self.destination = destination
        self.start = start
        self.end = end
        self.kind = kind
        self.status = status
        self.confidence = confidence
        self.rules = rules
        self.original = original
    }
}
