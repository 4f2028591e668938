// An arrival told without a place of its own while a gathering is placed: "Putin flew in on Thursday",
// "Modi landed late on Thursday" under a dateline or after a sentence that names the summit's city. The arrival
// is a visit to the gathering's country (rule visit.arrival-unplaced; the place and time are read as for any
// attendance cue, GatheringVisits.swift). Only the persons named before the arrival word in its clause arrive:
// "X flew in and met Y" does not make Y a visitor.

extension EventFinder {
    /// An `arrival-words` phrase at `k` whose clause names no destination ("arrived on Wednesday evening", not
    /// "arrived in Hanoi", which rule visit.travel-to reads), with a person named before it in the clause: the
    /// phrase's length, else 0.
    func arrivalCue(at k: Int, _ c: SentenceContext) -> Int {
        let n = lexicon.arrivalWords.match(tokens, at: k, end: c.end)
        guard n > 0 else { return 0 }
        let clause = c.clause(of: k)
        // A place as a possessive ("Beijing's concerns") is no destination.
        let placed = c.destinations.contains { p in
            clause.contains(p.tokens.lowerBound) && !(p.tokens.upperBound < c.end && tokens[p.tokens.upperBound].kind == .possessive)
        }
        guard !placed,
              c.persons.contains(where: { clause.contains($0.phraseStart) && $0.nameEnd <= k }) else { return 0 }
        return n
    }

    /// Whether the cue is an arrival (rule visit.arrival-unplaced).
    func isArrivalCue(_ cue: Range<Int>, _ c: SentenceContext) -> Bool {
        lexicon.arrivalWords.match(tokens, at: cue.lowerBound, end: c.end) == cue.count
    }

    /// How many days an arrival may be told from the gathering it goes to.
    static let arrivalDays = 14

    /// Whether an arrival dated `t` can be one to a gathering dated `g`: their days at most `arrivalDays` apart.
    static func arrivalFits(_ t: PartialDate, gathering g: PartialDate) -> Bool {
        let a = t.dayRange, b = g.dayRange
        return max(a.lowerBound - b.upperBound, b.lowerBound - a.upperBound) <= arrivalDays
    }
}
