// One analyst decision of a corrections file (docs/corrections.md), as read: names and values checked for form,
// not yet matched against a model (`CorrectionsApplier` does that).
import CorpusModel

/// An entry of a corrections file: what to do, who decided it and why, and where it is written.
public struct Correction: Sendable {
    public var action: CorrectionAction
    public var by: String?
    public var date: String?
    public var reason: String?
    public var file: String
    /// 1-based line of the entry.
    public var line: Int

    /// The note the facts it changes carry.
    func note(_ what: String) -> CorrectionNote {
        CorrectionNote(action: what, by: by, date: date, reason: reason, file: file, line: line)
    }
}

public enum CorrectionAction: Sendable {
    /// Remove a visit or an event.
    case reject(FactReference)
    /// A visit or an event checked and found right: it is marked so, and the review page no longer lists it.
    case accept(FactReference)
    /// Change fields of a visit or an event.
    case amend(FactReference, [FieldChange])
    /// A visit the rules missed, with the sentence that reports it.
    case add(VisitToAdd)
    /// Two persons the model keeps apart who are one: `person`'s visits and events go to `into`.
    case merge(person: String, into: String)
    /// Two persons the model made one: the reports that are the other's go to them.
    case split(PersonSplit)
    /// Another name of an entity.
    case alias(String, entity: String)
}

/// How a correction names a visit or an event.
public enum FactReference: Sendable, Equatable {
    /// A stable id as exported ("v-to-lam-PRK-2025-10-09-3fa2c1", "e-meeting-2019-02-27-0b41d9").
    case id(String)
    /// A visit by its visitor (entity id or name), destination (ISO alpha-3) and a date within it.
    case visit(visitor: String, destination: String, date: PartialDate)
}

/// One field an amendment sets.
public enum FieldChange: Sendable, Equatable {
    case start(PartialDate?)
    case end(PartialDate?)
    case destination(String)
    /// A city's entity id or name; nil removes the city.
    case city(String?)
    case kind(VisitKind)
    case level(Level)
    case status(VisitStatus)
    /// A person's entity id or name.
    case visitor(String)

    /// The field's name in a corrections file (and in exports and Lua).
    var name: String {
        switch self {
        case .start: "start"
        case .end: "end"
        case .destination: "destination"
        case .city: "city"
        case .kind: "kind"
        case .level: "level"
        case .status: "status"
        case .visitor: "visitor"
        }
    }
}

/// The sentence that reports an added visit.
public enum SourceSentence: Sendable, Equatable {
    /// 1-based in the document, as the exports' and Lua's mentions number sentences.
    case number(Int)
    /// Words that must be found in exactly one sentence of the document.
    case quote(String)
}

/// A visit to add: its fields and its source.
public struct VisitToAdd: Sendable {
    public var visitor: String
    public var destination: String
    public var start: PartialDate?
    public var end: PartialDate?
    public var city: String?
    public var kind: VisitKind = .unspecified
    public var level: Level?
    public var status: VisitStatus = .occurred
    /// A document's file name or stable id.
    public var document: String
    public var source: SourceSentence
}

/// A wrong merge undone: the reports of `person` that `names`, `documents` and `visits` select are another person's.
public struct PersonSplit: Sendable {
    /// The person (id or name) who holds reports that are not theirs.
    public var person: String
    /// Who the selected reports are of.
    public var into: SplitTarget
    /// The visitor as the selected reports write it (case and diacritics ignored); empty: any.
    public var names: [String] = []
    /// The documents (file names or ids) of the selected reports; empty: any.
    public var documents: [String] = []
    /// Visits (stable ids) that are the other person's with all their reports.
    public var visits: [String] = []
}

/// The person a split gives the reports to.
public enum SplitTarget: Sendable, Equatable {
    /// A person of the model, by id or name.
    case person(String)
    /// A person the model lacks, made by the split.
    case newPerson(name: String, country: String?)
}
