// A visit dated while its destination was part of a union of several states (the Soviet Union, Yugoslavia,
// Czechoslovakia: `FormerState.held`, the union's years and the day each member left) is a visit of that union
// (rule destination.former-union): Nixon in Kyiv in May 1972 visited the Soviet Union, as he did in Moscow that
// week, so the two reports make one visit. A trip inside the union by one of its own leaders (Brezhnev to
// Tashkent) was no visit abroad, and its candidate is dropped; so is one to a state of its own dated after it ended
// or before it began (the Soviet Union in 2025).

enum FormerUnions {
    /// `visits` with each destination read as the union it was part of on the visit's start, and the trips
    /// that were domestic within a union left out.
    static func apply(_ visits: [VisitCandidate], gazetteer: Gazetteer) -> [VisitCandidate] {
        guard !gazetteer.formerStates.isEmpty else { return visits }
        var out: [VisitCandidate] = []
        out.reserveCapacity(visits.count)
        for var v in visits {
            guard let start = v.start else {
                out.append(v)
                continue
            }
            // "the contributions of the former Soviet Union" in 2025: no one visits a state that did not exist then.
            if gazetteer.isDefunct(v.destination, on: start) { continue }
            if let union = gazetteer.formerUnion(of: v.destination, on: start) {
                if let own = v.visitorCountry, gazetteer.sameOrSuccessor(own, union) { continue }
                v.destination = union
                v.rules.insert(.destinationFormerUnion)
            }
            out.append(v)
        }
        return out
    }
}
