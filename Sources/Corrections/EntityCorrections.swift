// `merge` and `alias`: two persons made one, another name given to an entity.
import CorpusModel

extension WorkingModel {
    /// `person`'s visits and events go to `into`, which takes its names; visits that become the same visit
    /// (same visitor, destination, start and status) are joined, their reports together.
    mutating func merge(_ person: String, into target: String, _ correction: Correction) -> Result<Void, Unmatched> {
        let from: Int, to: Int
        do throws(Unmatched) {
            from = try entity(person, kind: .person).get()
            to = try entity(target, kind: .person).get()
        } catch { return .failure(error) }
        if from == to { return .failure(Unmatched("'\(person)' and '\(target)' are the same person")) }
        let note = correction.note("merge \(entities[from].id) into \(entities[to].id)")
        entities[to].aliases += ([entities[from].name] + entities[from].aliases).filter { !entities[to].aliases.contains($0) && $0 != entities[to].name }
        mark(entity: to, note)
        for i in visits.indices where visits[i]?.visitor == from {
            visits[i]!.visitor = to
            if visits[i]!.visitorCountry == nil { visits[i]!.visitorCountry = entities[to].country }
            mark(visit: i, note)
        }
        for i in events.indices where events[i]?.participants.contains(from) == true {
            events[i]!.participants = events[i]!.participants.map { $0 == from ? to : $0 }.uniqued()
            mark(event: i, note)
        }
        joinSameVisits(of: to)
        return .success(())
    }

    /// Visits of `visitor` that say the same thing become one: the first keeps its id and takes the others' reports.
    mutating func joinSameVisits(of visitor: Int) {
        var first: [String: Int] = [:]
        for i in visits.indices {
            guard let v = visits[i], v.visitor == visitor else { continue }
            let key = "\(v.destination) \(v.start?.iso ?? "") \(v.status.rawValue)"
            guard let k = first[key] else { first[key] = i; continue }
            visits[k]!.mentions += v.mentions.filter { !visits[k]!.mentions.contains($0) }
            visits[k]!.ruleSet.formUnion(v.ruleSet)
            visitNotes[k, default: []] += (visitNotes[i] ?? []).filter { !(visitNotes[k] ?? []).contains($0) }
            visits[i] = nil
        }
    }

    mutating func alias(_ alias: String, of name: String, _ correction: Correction) -> Result<Void, Unmatched> {
        entity(name).flatMap { i in
            if entities[i].name == alias || entities[i].aliases.contains(alias) {
                return .failure(Unmatched("\(entities[i].id) is already called '\(alias)'"))
            }
            entities[i].aliases.append(alias)
            mark(entity: i, correction.note("alias '\(alias)'"))
            return .success(())
        }
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
