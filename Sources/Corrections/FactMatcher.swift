// Finds the one visit or event a correction names: by stable id, or a visit by visitor, destination and date.
import CorpusModel

/// A fact of the working model.
enum Fact {
    case visit(Int)
    case event(Int)
}

extension WorkingModel {
    func match(_ reference: FactReference) -> Result<Fact, Unmatched> {
        switch reference {
        case .id(let id): return match(id: id)
        case let .visit(visitor, destination, date): return matchVisit(visitor: visitor, destination: destination, date: date)
        }
    }

    func match(id: String) -> Result<Fact, Unmatched> {
        let visits = visitIDs.indices.filter { visitIDs[$0] == id && self.visits[$0] != nil }
        let events = eventIDs.indices.filter { eventIDs[$0] == id && self.events[$0] != nil }
        let found = visits.map(Fact.visit) + events.map(Fact.event)
        if found.count == 1 { return .success(found[0]) }
        if found.count > 1 { return .failure(Unmatched("the id '\(id)' names \(found.count) facts")) }
        if visitIDs.contains(id) || eventIDs.contains(id) {
            return .failure(Unmatched("'\(id)' was already rejected by an earlier correction"))
        }
        // Ids that begin alike (same kind and visitor or event kind): a typo's neighbours, few even in a large corpus.
        let known = (id.hasPrefix("e-") ? eventIDs : visitIDs).filter { $0.prefix(8) == id.prefix(8) }
        let hint = known.count <= 5_000 ? Suggestion.hint(for: id, among: known) : ""
        return .failure(Unmatched("no visit or event has the id '\(id)'\(hint)"))
    }

    func matchVisit(visitor: String, destination: String, date: PartialDate) -> Result<Fact, Unmatched> {
        let person: Int
        switch entity(visitor) {
        case .success(let i): person = i
        case .failure(let why): return .failure(why)
        }
        let found = visits.indices.filter { i in
            guard let v = visits[i], v.visitor == person, v.destination == destination, let start = v.start else { return false }
            return Self.covers(start: start, end: v.end, date)
        }
        let what = "\(entities[person].id) to \(destination) on \(date.iso)"
        switch found.count {
        case 1: return .success(.visit(found[0]))
        case 0: return .failure(Unmatched("no visit of \(what)"))
        default:
            return .failure(Unmatched("\(found.count) visits of \(what): \(found.map { visitIDs[$0] }.joined(separator: ", ")); name one by its id"))
        }
    }

    /// Whether a visit from `start` to `end` (or on `start` alone) takes in `date`, at the coarser granularity.
    static func covers(start: PartialDate, end: PartialDate?, _ date: PartialDate) -> Bool {
        let visit = start.dayRange.lowerBound...(end ?? start).dayRange.upperBound
        return visit.overlaps(date.dayRange)
    }
}
