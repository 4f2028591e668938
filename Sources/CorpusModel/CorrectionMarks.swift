// What the analyst's corrections changed in a model (the Corrections module applies them): each corrected
// visit, event and entity says which corrections touched it, and the model counts them for reports' footers.
import Foundation

/// One correction as applied to one fact: what it did, who decided it and why, and where it is written.
public struct CorrectionNote: Sendable, Hashable {
    /// "reject", "amend start, kind", "add", "merge", "alias", "accept".
    public var action: String
    public var by: String?
    public var date: String?
    public var reason: String?
    /// The corrections file and the 1-based line of the entry.
    public var file: String
    public var line: Int

    public init(action: String, by: String? = nil, date: String? = nil, reason: String? = nil, file: String, line: Int) {
        self.action = action
        self.by = by
        self.date = date
        self.reason = reason
        self.file = file
        self.line = line
    }

    /// The action of an `accept` entry: an analyst checked the fact and found it right.
    public static let acceptAction = "accept"
    public var isAcceptance: Bool { action == Self.acceptAction }

    /// "amend start, kind (corrections.yaml:4, by an, because the article says 26)".
    public var summary: String {
        var parts = ["\((file as NSString).lastPathComponent):\(line)"]
        if let by { parts.append("by \(by)") }
        if let date { parts.append("on \(date)") }
        if let reason { parts.append(reason) }
        return "\(action) (\(parts.joined(separator: ", ")))"
    }
}

/// The corrections applied to a model, by the fact they changed (indexes of the corrected model).
public struct CorrectionMarks: Sendable {
    public var visits: [Int: [CorrectionNote]] = [:]
    /// By index into `Corpus.events`.
    public var events: [Int: [CorrectionNote]] = [:]
    public var entities: [Int: [CorrectionNote]] = [:]
    /// Entries applied, a rejection included (a rejected fact is no longer in the model to carry its note).
    public var applied = 0
    /// A checksum of the corrections files, mixed into the corpus hash reports carry.
    public var digest: UInt64 = 0

    public init() {}
}
