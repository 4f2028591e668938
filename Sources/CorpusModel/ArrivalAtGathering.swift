// An arrival told without a place of its own while a gathering is placed: "Putin flew in on Thursday",
// "Modi, who landed late on Thursday, ...", "From the East came A, B and C", under a dateline or after a sentence
// that names the summit's city. The arrival is a visit to the gathering's country (rule visit.arrival-unplaced;
// the place and time are read as for any attendance cue, GatheringVisits.swift). Only those the arrival is about
// arrive: "X flew in and met Y" does not make Y a visitor.

/// Whom an arrival cue has arriving.
enum ArrivalSubject: Equatable {
    /// The persons named before it in its clause ("Putin flew in on Thursday").
    case before
    /// The person a relative clause holding it hangs on ("Modi, who flew in on Friday, held ..."): the token after
    /// his name (the comma).
    case relativeTo(nameEnd: Int)
    /// The persons after it, in a clause opening with a preposition of place or origin ("From the East came A and B").
    case after
}

extension EventFinder {
    /// An `arrival-words` phrase at `k` whose clause names no destination ("arrived on Wednesday evening", not
    /// "arrived in Hanoi", which rule visit.travel-to reads) and has someone arriving: the phrase's length, else 0.
    func arrivalCue(at k: Int, _ c: SentenceContext) -> Int {
        let n = lexicon.arrivalWords.match(tokens, at: k, end: c.end)
        return n > 0 && arrivalSubject(at: k, c) != nil ? n : 0
    }

    /// Whom the arrival word at `k` has arriving, nil when its clause names a destination or no one arrives.
    func arrivalSubject(at k: Int, _ c: SentenceContext) -> ArrivalSubject? {
        let clause = c.clause(of: k)
        // A place as a possessive ("Beijing's concerns") or after "from" (where one came from) is no destination, nor
        // is one far after the arrival without "in", "at" or "to" before it ("flew in on Thursday, acknowledging
        // concerns about Ukraine").
        let placed = c.destinations.contains { p in
            let s = p.tokens.lowerBound
            let before = s > c.start ? tokens[s - 1].lower : 0
            return clause.contains(s) && !(p.tokens.upperBound < c.end && tokens[p.tokens.upperBound].kind == .possessive)
                && !lexicon.originWords.contains(before)
                && (s < k || s - k <= Self.arrivalPlaceReach || lexicon.placePrepositions.contains(before)
                    || lexicon.destinationPrepositions.contains(before))
        }
        guard !placed else { return nil }
        if c.persons.contains(where: { clause.contains($0.phraseStart) && $0.nameEnd <= k }) { return .before }
        let opener = clause.lowerBound
        if opener > c.start, isComma(opener - 1), lexicon.relativePronouns.contains(tokens[opener].lower),
           let person = c.persons.last(where: { $0.nameEnd == opener - 1 }) {
            return .relativeTo(nameEnd: person.nameEnd)
        }
        let prepositional = lexicon.placePrepositions.contains(tokens[opener].lower) || lexicon.originWords.contains(tokens[opener].lower)
        if prepositional, c.persons.contains(where: { $0.phraseStart > k && $0.phraseStart <= k + Self.arrivalListGap }) { return .after }
        return nil
    }

    /// How far after an arrival word a place with no preposition before it still places the arrival (the gap of rule
    /// visit.travel-to, "@travel-words _{0,6} PLACE").
    static let arrivalPlaceReach = 7

    /// How many tokens may stand between "came" and the first person of an inverted arrival ("came Mrs Indira Gandhi").
    static let arrivalListGap = 4

    /// Whether the cue is an arrival (rule visit.arrival-unplaced).
    func isArrivalCue(_ cue: Range<Int>, _ c: SentenceContext) -> Bool {
        lexicon.arrivalWords.match(tokens, at: cue.lowerBound, end: c.end) == cue.count
    }

    /// Whether person `p` is one the arrival cue has arriving.
    func isArriving(_ p: PersonRef, cue: Range<Int>, _ c: SentenceContext) -> Bool {
        switch arrivalSubject(at: cue.lowerBound, c) {
        case .before: p.nameEnd <= cue.lowerBound || sharesArrival(p, after: cue, c) || isGappedArrival(p, after: cue, c)
        case .relativeTo(let nameEnd): p.nameEnd == nameEnd
        case .after: p.phraseStart >= cue.upperBound
        case nil: false
        }
    }

    /// "Ohira flew in, as did Italy's president, Sandro Pertini": a person after a `likewise-words` phrase that
    /// follows the arrival in its sentence arrived too.
    func sharesArrival(_ p: PersonRef, after cue: Range<Int>, _ c: SentenceContext) -> Bool {
        guard p.phraseStart > cue.upperBound,
              let likewise = (cue.upperBound..<p.phraseStart).first(where: { lexicon.likewiseWords.match(tokens, at: $0, end: c.end) > 0 })
        else { return false }
        return !(likewise..<p.phraseStart).contains { tokens[$0].kind == .punct && tokens[$0].first != 0x2C }
    }

    /// "Nehru came from New Delhi and Nasser from Cairo", "A came from X, B from Y": a person after an arrival that
    /// goes on with the origin word and place of its first person ("came from X"), joined by "and" or a comma and
    /// followed by the same origin word, arrived too (the verb left out of the later conjuncts).
    func isGappedArrival(_ p: PersonRef, after cue: Range<Int>, _ c: SentenceContext) -> Bool {
        guard p.phraseStart > cue.upperBound, cue.upperBound < c.end, p.nameEnd + 1 < c.end,
              lexicon.originWords.contains(tokens[cue.upperBound].lower),
              tokens[p.nameEnd].lower == tokens[cue.upperBound].lower,
              c.destinations.contains(where: { $0.tokens.lowerBound == p.nameEnd + 1 })
        else { return false }
        let joiner = p.phraseStart - 1
        return isComma(joiner) || (lexicon.coordinators.contains(tokens[joiner].lower) && !lexicon.sequenceWords.contains(tokens[joiner].lower))
    }

    /// How many days an arrival may be told from the gathering it goes to.
    static let arrivalDays = 14

    /// Whether an arrival dated `t` can be one to a gathering dated `g`: their days at most `arrivalDays` apart.
    static func arrivalFits(_ t: PartialDate, gathering g: PartialDate) -> Bool {
        let a = t.dayRange, b = g.dayRange
        return max(a.lowerBound - b.upperBound, b.lowerBound - a.upperBound) <= arrivalDays
    }
}
