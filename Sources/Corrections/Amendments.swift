// `reject`, `accept` and `amend`: a visit or event removed, confirmed, or some of its fields set.
import CorpusModel

extension WorkingModel {
    mutating func reject(_ reference: FactReference, _ correction: Correction) -> Result<Void, Unmatched> {
        match(reference).map { fact in
            switch fact {
            case .visit(let i): visits[i] = nil
            case .event(let i): events[i] = nil
            }
        }
    }

    /// The fact stays as it is, marked as checked (its `corrections` say "accept").
    mutating func accept(_ reference: FactReference, _ correction: Correction) -> Result<Void, Unmatched> {
        match(reference).map { fact in
            let note = correction.note(CorrectionNote.acceptAction)
            switch fact {
            case .visit(let i): mark(visit: i, note)
            case .event(let i): mark(event: i, note)
            }
        }
    }

    mutating func amend(_ reference: FactReference, _ changes: [FieldChange], _ correction: Correction) -> Result<Void, Unmatched> {
        let note = correction.note("amend " + changes.map(\.name).joined(separator: ", "))
        switch match(reference) {
        case .failure(let why): return .failure(why)
        case .success(.visit(let i)):
            var visit = visits[i]!
            for change in changes {
                if case .failure(let why) = set(change, of: &visit) { return .failure(why) }
            }
            visits[i] = visit
            mark(visit: i, note)
        case .success(.event(let i)):
            var event = events[i]!
            for change in changes {
                if case .failure(let why) = set(change, of: &event) { return .failure(why) }
            }
            events[i] = event
            mark(event: i, note)
        }
        return .success(())
    }

    func set(_ change: FieldChange, of visit: inout Visit) -> Result<Void, Unmatched> {
        switch change {
        case .start(let date): visit.start = date
        case .end(let date): visit.end = date
        case .kind(let kind): visit.kind = kind
        case .level(let level): visit.level = level
        case .status(let status): visit.status = status
        case .destination(let code):
            switch country(code) {
            case .success(let code): visit.destination = code
            case .failure(let why): return .failure(why)
            }
        case .city(let name):
            guard let name else { visit.city = nil; break }
            switch entity(name, kind: .city) {
            case .success(let i): visit.city = i
            case .failure(let why): return .failure(why)
            }
        case .visitor(let name):
            switch entity(name, kind: .person) {
            case .success(let i):
                visit.visitor = i
                visit.visitorCountry = entities[i].country ?? visit.visitorCountry
            case .failure(let why): return .failure(why)
            }
        }
        return .success(())
    }

    /// An event has dates, a city and a status to amend; the other fields are a visit's.
    func set(_ change: FieldChange, of event: inout Event) -> Result<Void, Unmatched> {
        switch change {
        case .start(let date): event.start = date
        case .end(let date): event.end = date
        case .status(let status): event.status = status
        case .city(let name):
            guard let name else { event.city = nil; break }
            switch entity(name, kind: .city) {
            case .success(let i): event.city = i
            case .failure(let why): return .failure(why)
            }
        default:
            return .failure(Unmatched("an event's '\(change.name)' cannot be amended (only start, end, city and status); it is a visit's field"))
        }
        return .success(())
    }
}
