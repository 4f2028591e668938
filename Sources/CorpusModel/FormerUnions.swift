// A visit dated while its destination was part of a union of several states (the Soviet Union, Yugoslavia,
// Czechoslovakia: `FormerState.held`, the union's years and the day each member left) is a visit of that union
// (rule destination.former-union): Nixon in Kyiv in May 1972 visited the Soviet Union, as he did in Moscow that
// week, so the two reports make one visit. A trip inside the union by one of its own leaders (Brezhnev to
// Tashkent) was no visit abroad, and its candidate is dropped; so is one to a state of its own dated after it ended
// or before it began (the Soviet Union in 2025).
// Likewise a visit to a city dated while the city's subdivision belonged to a former state (`FormerRegion`, rule
// destination.former-state-region): Brandt in Erfurt on 19 March 1970 visited East Germany, not Germany; a trip
// there by one of that state's own leaders (Stoph to Erfurt) was domestic and is dropped.

enum FormerUnions {
    /// Reads each destination of `visits` as the union it was part of on the visit's start, and leaves out the trips
    /// that were domestic within a union; in place, the order kept (each candidate moved, not copied).
    static func apply(_ visits: inout [VisitCandidate], gazetteer: Gazetteer) {
        guard !gazetteer.formerStates.isEmpty else { return }
        var kept = 0
        for i in visits.indices {
            if let start = visits[i].start {
                if let state = formerState(of: visits[i], on: start, gazetteer: gazetteer) {
                    if visits[i].visitorCountry == state { continue }
                    visits[i].destination = state
                    visits[i].rules.insert(.destinationFormerStateRegion)
                }
                let destination = visits[i].destination
                // "the contributions of the former Soviet Union" in 2025: no one visits a state that did not exist then.
                if gazetteer.isDefunct(destination, on: start) { continue }
                if let union = gazetteer.formerUnion(of: destination, on: start) {
                    if let own = visits[i].visitorCountry, gazetteer.sameOrSuccessor(own, union) { continue }
                    visits[i].destination = union
                    visits[i].rules.insert(.destinationFormerUnion)
                }
            }
            if kept != i { visits.swapAt(kept, i) }
            kept += 1
        }
        visits.removeLast(visits.count - kept)
    }

    /// The former state that the visit's city belonged to on `date` through its subdivision, when the sentence's
    /// places were read so already (`SentenceMentions.readFormerRegions`) and the destination is that state. A
    /// candidate whose destination stayed the city's current country keeps it: its city may have come from another
    /// sentence than its place ("returned the visit in Kassel" after a visit to Erfurt).
    private static func formerState(of visit: VisitCandidate, on date: PartialDate, gazetteer: Gazetteer) -> String? {
        guard !gazetteer.formerRegions.isEmpty, let index = visit.city, index >= 0 else { return nil }
        let city = gazetteer.entities[index]
        guard city.kind == .city, let state = gazetteer.formerState(ofCity: city.id, on: date),
              state == visit.destination else { return nil }
        return state
    }
}
