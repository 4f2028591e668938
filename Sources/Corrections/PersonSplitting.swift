// `split`: a wrong merge undone. The reports of one person that the entry selects (by the name they write, by
// document, or whole visits by id) are another person's: a visit all of whose reports are selected changes
// visitor, a visit only some of whose reports are selected is cut in two, and an event all of whose reports are
// selected changes participant. Every fact it changes carries the correction.
import CorpusModel

/// Which reports of the person a split moves.
struct ReportSelection {
    /// Folded keys of the names; empty: any name.
    var names: Set<UInt64>
    /// Document indexes; empty: any document.
    var documents: Set<Int>
    /// Indexes of whole visits.
    var visits: Set<Int>
    var selectsReports: Bool { !names.isEmpty || !documents.isEmpty }

    func selects(_ mention: Mention, in documents: [Document]) -> Bool {
        guard selectsReports else { return false }
        if !self.documents.isEmpty && !self.documents.contains(mention.document) { return false }
        if names.isEmpty { return true }
        guard let span = mention.visitorSpan else { return false }
        return names.contains(Fold.key(documents[mention.document].slice(span)))
    }
}

extension WorkingModel {
    mutating func split(_ split: PersonSplit, _ correction: Correction) -> Result<Void, Unmatched> {
        do throws(Unmatched) {
            let from = try entity(split.person, kind: .person).get()
            let selection = try selection(of: split, person: from)
            guard let moves = plannedMoves(of: from, selection) else {
                throw Unmatched("no visit or event of \(entities[from].id) has a report \(describe(split))")
            }
            let to = try target(of: split, person: from)
            let note = correction.note("split \(entities[from].id) into \(entities[to].id)")
            apply(moves, from: from, to: to, note)
            moveAliases(split.names, from: from, to: to, note)
            joinSameVisits(of: to)
            return .success(())
        } catch {
            return .failure(error)
        }
    }

    /// What the selection moves: visits whole, visits in part (the selected reports), events.
    struct SplitMoves {
        var wholeVisits: [Int] = []
        var partVisits: [(visit: Int, moved: [Mention])] = []
        var events: [Int] = []
    }

    func plannedMoves(of person: Int, _ selection: ReportSelection) -> SplitMoves? {
        let documents = original.documents
        var moves = SplitMoves()
        for i in visits.indices {
            guard let v = visits[i], v.visitor == person else { continue }
            let moved = selection.visits.contains(i) ? v.mentions : v.mentions.filter { selection.selects($0, in: documents) }
            if moved.count == v.mentions.count && !moved.isEmpty { moves.wholeVisits.append(i) }
            else if !moved.isEmpty { moves.partVisits.append((i, moved)) }
        }
        let whole = Set(moves.wholeVisits)
        for i in events.indices {
            guard let e = events[i], e.participants.contains(person) else { continue }
            let ofMovedVisit = e.visit.map(whole.contains) ?? false
            if ofMovedVisit || (!e.mentions.isEmpty && e.mentions.allSatisfy { selection.selects($0, in: documents) }) {
                moves.events.append(i)
            }
        }
        let nothing = moves.wholeVisits.isEmpty && moves.partVisits.isEmpty && moves.events.isEmpty
        return nothing ? nil : moves
    }

    mutating func apply(_ moves: SplitMoves, from: Int, to: Int, _ note: CorrectionNote) {
        for i in moves.wholeVisits {
            give(&visits[i]!, to: to)
            mark(visit: i, note)
        }
        for (i, moved) in moves.partVisits {
            var other = visits[i]!
            visits[i]!.mentions.removeAll { moved.contains($0) }
            other.mentions = moved
            other.id = visits.count
            give(&other, to: to)
            mark(visit: i, note)
            visits.append(other)
            visitIDs.append(StableID.visits([other], entities: entities, documents: original.documents)[0])
            mark(visit: visits.count - 1, note)
        }
        for i in moves.events {
            events[i]!.participants = events[i]!.participants.map { $0 == from ? to : $0 }.uniqued()
            mark(event: i, note)
        }
    }

    /// The visit becomes `person`'s: their country, and the level of the office they held then when the gazetteer says.
    func give(_ visit: inout Visit, to person: Int) {
        visit.visitor = person
        visit.visitorCountry = entities[person].country ?? visit.visitorCountry
        if let start = visit.start, let level = entities[person].office(at: start)?.level { visit.level = level }
    }

    /// The names given that are aliases of the person split go to the other person.
    mutating func moveAliases(_ names: [String], from: Int, to: Int, _ note: CorrectionNote) {
        let keys = Set(names.map { Fold.key($0) })
        let moving = entities[from].aliases.filter { keys.contains(Fold.key($0)) }
        guard !moving.isEmpty else { return }
        entities[from].aliases.removeAll { moving.contains($0) }
        entities[to].aliases += moving.filter { !entities[to].aliases.contains($0) && $0 != entities[to].name }
        mark(entity: from, note)
        mark(entity: to, note)
    }

    /// The selection's documents and visits resolved; an unknown one fails the entry.
    func selection(of split: PersonSplit, person: Int) throws(Unmatched) -> ReportSelection {
        var selection = ReportSelection(names: Set(split.names.map { Fold.key($0) }), documents: [], visits: [])
        for name in split.documents {
            let found = original.documents.indices.filter {
                original.documents[$0].name == name || StableID.document(original.documents[$0]) == name
            }
            guard found.count == 1 else {
                throw Unmatched(found.isEmpty ? "no document is named '\(name)'"
                    : "\(found.count) documents are named '\(name)'; name one by its id (file name@hash, as exported)")
            }
            selection.documents.insert(found[0])
        }
        for id in split.visits {
            guard case .visit(let i) = try match(id: id).get(), visits[i]?.visitor == person else {
                throw Unmatched("'\(id)' is not a visit of \(entities[person].id)")
            }
            selection.visits.insert(i)
        }
        return selection
    }

    /// The person the reports go to, made when the split names a new one.
    mutating func target(of split: PersonSplit, person from: Int) throws(Unmatched) -> Int {
        switch split.into {
        case .person(let name):
            let to = try entity(name, kind: .person).get()
            if to == from { throw Unmatched("'\(split.person)' and '\(name)' are the same person") }
            return to
        case let .newPerson(name, country):
            if let country { _ = try self.country(country).get() }
            let id = name.split(whereSeparator: { $0 == " " || $0 == "-" }).map { Fold.folded($0) }.filter { !$0.isEmpty }.joined(separator: "-")
            if id.isEmpty { throw Unmatched("'\(name)' makes no person id") }
            if entities.contains(where: { $0.id == id }) {
                throw Unmatched("a person '\(id)' is already in the model; give 'into: \(id)' to move the reports to them")
            }
            entities.append(Entity(id: id, kind: .person, name: name, country: country, discovered: true))
            return entities.count - 1
        }
    }

    func describe(_ split: PersonSplit) -> String {
        var parts: [String] = []
        if !split.names.isEmpty { parts.append("that names \(split.names.map { "'\($0)'" }.joined(separator: " or "))") }
        if !split.documents.isEmpty { parts.append("in \(split.documents.joined(separator: ", "))") }
        if !split.visits.isEmpty { parts.append("among \(split.visits.joined(separator: ", "))") }
        return parts.joined(separator: " ")
    }
}
