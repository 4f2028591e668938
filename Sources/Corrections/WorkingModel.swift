// The model's facts while corrections are applied: visits and events that can be removed (nil) or added,
// entities that can gain names, each fact's stable id and corrections. `corpus()` puts it back together.
import CorpusModel

struct WorkingModel {
    let original: Corpus
    var visits: [Visit?]
    var visitIDs: [String]
    var visitNotes: [Int: [CorrectionNote]] = [:]
    var events: [Event?]
    var eventIDs: [String]
    var eventNotes: [Int: [CorrectionNote]] = [:]
    var entities: [Entity]
    var entityNotes: [Int: [CorrectionNote]] = [:]
    var applied = 0

    init(_ corpus: Corpus) {
        original = corpus
        visits = corpus.visits
        visitIDs = corpus.visitIDs
        events = corpus.events
        eventIDs = corpus.eventIDs
        entities = Array(corpus.entities)
    }

    /// The corrected model: removed facts dropped, the rest renumbered, the notes following them.
    func corpus(digest: UInt64) -> Corpus {
        var marks = CorrectionMarks()
        marks.applied = applied
        marks.digest = digest
        marks.entities = entityNotes
        let (keptVisits, keptVisitIDs) = Self.compact(visits, ids: visitIDs, notes: visitNotes, into: &marks.visits) { $0.id = $1 }
        let (keptEvents, keptEventIDs) = Self.compact(events, ids: eventIDs, notes: eventNotes, into: &marks.events) { $0.id = $1 }
        return Corpus(documents: original.documents, entities: entities, visits: keptVisits, events: keptEvents,
                      gazetteer: original.gazetteer, visitIDs: keptVisitIDs, eventIDs: keptEventIDs, corrections: marks)
    }

    /// The facts not removed, numbered again from 0 (`renumber`), with their ids; each one's notes go to
    /// `marks` under its new number.
    static func compact<Fact>(_ facts: [Fact?], ids: [String], notes: [Int: [CorrectionNote]],
                              into marks: inout [Int: [CorrectionNote]],
                              renumber: (inout Fact, Int) -> Void) -> (kept: [Fact], ids: [String]) {
        var kept: [Fact] = [], keptIDs: [String] = []
        for (i, fact) in facts.enumerated() {
            guard var fact else { continue }
            renumber(&fact, kept.count)
            if let n = notes[i] { marks[kept.count] = n }
            kept.append(fact)
            keptIDs.append(ids[i])
        }
        return (kept, keptIDs)
    }

    /// The entity named by an id ("to-lam", "VNM") or, failing that, by a name or alias; an error text when
    /// none or several are.
    func entity(_ name: String, kind: EntityKind? = nil) -> Result<Int, Unmatched> {
        if let i = original.entityIndex(id: name) ?? entities.firstIndex(where: { $0.id == name }) { return .success(i) }
        var found = Set(original.entities(named: name))
        for (i, e) in entities.enumerated() where e.aliases.contains(name) { found.insert(i) }
        let matching = found.filter { kind == nil || entities[$0].kind == kind }.sorted()
        switch matching.count {
        case 1: return .success(matching[0])
        case 0:
            let what = kind.map { "\($0.rawValue)" } ?? "entity"
            return .failure(Unmatched("no \(what) has the id or name '\(name)'"))
        default:
            return .failure(Unmatched("'\(name)' names \(matching.count) entities (\(matching.prefix(5).map { entities[$0].id }.joined(separator: ", "))); name one by its id"))
        }
    }

    /// A country's ISO alpha-3 code known to the gazetteer.
    func country(_ code: String) -> Result<String, Unmatched> {
        if original.gazetteer.country(code) != nil || original.gazetteer.entities.isEmpty { return .success(code) }
        return .failure(Unmatched("no country has the code '\(code)' (ISO 3166 alpha-3, such as VNM or PRK)"))
    }

    mutating func mark(visit i: Int, _ note: CorrectionNote) { visitNotes[i, default: []].append(note) }
    mutating func mark(event i: Int, _ note: CorrectionNote) { eventNotes[i, default: []].append(note) }
    mutating func mark(entity i: Int, _ note: CorrectionNote) { entityNotes[i, default: []].append(note) }
}

/// Why a correction was not applied: it matches nothing, or more than one thing.
struct Unmatched: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
