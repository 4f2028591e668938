// The later legs of a trip (rules visit.continuation, visitor.previous-leg): who travels on when a leg names no
// one ("The tour continued to Australia", "- March 25: A brief stop at Kigali airport"), with which status ("will
// visit A, then B"), and the place a leg continues from ("in Abu Dhabi and then Riyadh").

extension EventFinder {
    /// The visitor of a continuation ("…, and then to Malaysia"): the previous leg's in this sentence, unless a subject
    /// of its own stands right before it ("B then went on to Y"); for "a 2013 tour took him to Senegal", the
    /// subject before the visit word (the leg's object pronoun).
    func legVisitor(_ ti: Int, in triggers: [Trigger], _ c: SentenceContext) -> (index: Int, rule: Rule)? {
        let leg = triggers[ti].tokens
        // After a list line's stop ("- October: Tokyo for the enthronement of Emperor X, then Beijing"): the stop's
        // visitor (`previousLegVisitor`), not a person named on the way, unless he stands right before the leg.
        if let stop = timelineStop, stop.sentence == c.index,
           !c.persons.contains(where: { $0.nameEnd >= leg.lowerBound - 2 && $0.nameEnd <= leg.lowerBound && !isCompanion($0, c) }) {
            return nil
        }
        if let prev = previousVisitor, prev.sentence == c.index {
            // Not a companion met there ("in Riyadh with Saudi Foreign Minister X, then in Abu Dhabi").
            if let subject = subjectBefore(ti, in: triggers, c), c.persons[subject].nameEnd >= leg.lowerBound - 2,
               !isCompanion(c.persons[subject], c) {
                return (subject, .visitorSubject)
            }
            return (prev.index, .visitorPreviousInSentence)
        }
        guard leg.contains(where: { lexicon.objectPronouns.contains(tokens[$0].lower) }) else { return nil }
        let withoutNouns = triggers[...ti].filter { !$0.isNoun }
        return subjectBefore(withoutNouns.count - 1, in: withoutNouns, c).map { ($0, .visitorSubject) }
    }

    /// A person right after "with", "together with", "với" ("the" or capitalised words of his title between): met or
    /// travelling along, not the subject of the leg after him.
    func isCompanion(_ p: PersonRef, _ c: SentenceContext) -> Bool {
        var j = p.phraseStart - 1
        while j >= c.start && j >= p.phraseStart - 4 {
            if lexicon.companionWords.matchEnding(tokens, at: j, start: c.start) > 0 { return true }
            guard tokens[j].lower == Lexicon.theKey || tokens[j].kind == .word && tokens[j].capitalized else { return false }
            j -= 1
        }
        return false
    }

    /// Rule visitor.previous-leg: the visitor of a later leg that names no one. After a continuation ("The tour
    /// continued to Australia"), the visitor of the visit reported (or referred back to) in this sentence or the one
    /// before; in a list item's opening sentence ("- March 25: A brief stop at Kigali airport in Rwanda"), the
    /// visitor of the list's item before; after a list line's stop ("- October: Tokyo, then Beijing"), that stop's
    /// visitor.
    func previousLegVisitor(_ trigger: Trigger, _ c: SentenceContext) -> Int? {
        // "- October: Tokyo for the enthronement, then Beijing": the next leg of this line's stop.
        if trigger.form == .continuation, let stop = timelineStop, stop.sentence == c.index { return stop.visitor }
        // A later sentence of an item ("Continues to Argentina and Cuba.") goes on from the visit told before it.
        if let item = c.listItem, item.opening || trigger.form != .continuation {
            guard item.opening, let carried = lastListVisit, carried.list == item.list,
                  !namesSomeone(before: trigger.tokens.lowerBound, item, c) else { return nil }
            return carried.visitor
        }
        // Told in the sentence before, or in this one (also by a word referring back to it: "The tour continued to X").
        guard trigger.form == .continuation, let lv = lastVisit,
              visits[lv].mentions.contains(where: { $0.sentence >= c.index - 1 }) else { return nil }
        return visits[lv].visitor
    }

    /// Whether a capitalised word other than the line's first stands between a list item's date and the trigger:
    /// a name the gazetteer lacks ("- May 2019: Vice President Venkaiah Naidu visits"), not the leg before's visitor.
    func namesSomeone(before t: Int, _ item: ListItemContext, _ c: SentenceContext) -> Bool {
        let first = firstWord(after: item.date?.tokens.upperBound ?? c.start, c)
        guard first + 1 < t else { return false }
        return (first + 1..<t).contains { tokens[$0].kind == .word && tokens[$0].capitalized }
    }

    /// The status of a later leg with no cue of its own ("will visit A, then B"): that of the same visitor's leg
    /// before it in the sentence.
    func previousLegStatus(_ r: VisitReading, _ c: SentenceContext) -> VisitStatus? {
        guard r.trigger?.form == .continuation, let lv = lastVisit, visits[lv].visitor == r.person.entity,
              let told = visits[lv].mentions.last(where: { $0.sentence == c.index }) else { return nil }
        // A leg after the first stop of a departure (rule status.occurred.departure) is still ahead.
        return visits[lv].rules.contains(.statusOccurredDeparture) ? .planned : told.status
    }

    /// "will arrive in Paris on Monday ... before flying on to Washington", "sẽ tới Riyadh ..., trước khi thăm chính thức
    /// Qatar": a later leg of a planned trip, told in the same sentence with no status cue of its own and no date
    /// before the article, is planned too (rule visit.continuation), whatever word leads to it.
    func laterLegOfPlan(_ r: VisitReading, _ c: SentenceContext, start: PartialDate?) -> Bool {
        // The visitor carried from the leg before, or named again by a title or a pronoun ("Thủ tướng sẽ tới X, trước khi thăm Y").
        guard r.rules.contains(.visitorPreviousInSentence) || r.rules.contains(.visitorTitleOrPronoun),
              visits.contains(where: { $0.visitor == r.person.entity && $0.status == .planned && $0.mentions.contains { $0.sentence == c.index } })
        else { return false }
        guard let start, let d = date else { return true }
        return !(start < d.truncated(to: min(start.granularity, .month)))
    }

    /// "spent a day in Abu Dhabi and then Riyadh": the place right before a continuation ("PLACE and then",
    /// "PLACE, then") is a leg of the same visitor too, when no visit of this sentence has taken it yet.
    mutating func readLegBefore(_ vi: Int, _ clues: TriggerClues, _ c: SentenceContext) {
        var k = clues.trigger.tokens.lowerBound - 1
        guard k > c.start, tokens[k].first == 0x2C || lexicon.coordinators.contains(tokens[k].lower) else { return }
        k -= 1
        guard let place = c.destinations.first(where: { $0.tokens.upperBound == k + 1 }) else { return }
        let person = c.persons[vi]
        let made = visits.contains { v in v.visitor == person.entity && v.mentions.contains { $0.sentence == c.index } && v.destination == place.country }
        guard !made else { return }
        let reading = VisitReading(person: person, trigger: clues.trigger, range: place.tokens, time: clues.time,
                                   notBefore: clues.notBefore, kind: clues.kind.kind, rules: clues.rules)
        for v in makeVisits(reading, c) { add(v) }
    }
}

extension EventFinder {
    /// Rule visit.journey-stop: "arrived in Colombo from Bangkok, where he had attended the summit", "stopped in the
    /// UAE on his way home from Beijing", "flew from Israel to Jeddah", "stops in Hanoi on his way to China": the place
    /// a journey came from, or is on its way to, abroad is another stop of the same trip, with the visit's status and
    /// month (none for a trip called off: where it would have come from is not told). Put before the visits made, so
    /// that the visit told stays the one referred back to.
    func journeyStops(of r: VisitReading, _ made: [VisitCandidate], _ c: SentenceContext) -> [VisitCandidate] {
        guard let main = made.first, let trigger = r.trigger, main.status != .negated,
              !r.rules.contains(.visitTripList) else { return [] }
        // In the trigger's clause, or opening the clause right after it ("stopped in Hanoi after talks in Pyongyang",
        // "tới Hà Nội, ngay sau khi rời Bình Nhưỡng").
        let clause = c.clause(of: trigger.tokens.lowerBound)
        let end = min(c.end, max(r.range.upperBound, trigger.tokens.upperBound))
        var stops: [VisitCandidate] = []
        var k = clause.lowerBound
        while k < min(end, clause.upperBound + 2) {
            let n = lexicon.journeyStopWords.match(tokens, at: k, end: end)
            guard n > 0 else { k += 1; continue }
            defer { k += n }
            guard let place = stopPlace(after: k + n, end: end, c), place.country != main.visitorCountry,
                  !made.contains(where: { $0.destination == place.country }),
                  !stops.contains(where: { $0.destination == place.country }) else { continue }
            var stop = main
            stop.destination = place.country
            stop.city = place.city
            stop.host = nil
            // The kind told ("a state visit to Vietnam after leaving Pyongyang") is the visit's, not the stop's.
            stop.kind = .unspecified
            stop.rules.remove(.kindWordBefore)
            stop.rules.remove(.kindVietnameseAfter)
            stop.start = main.start.map { $0.truncated(to: min($0.granularity, .month)) }
            stop.end = nil
            stop.rules.insert(.visitJourneyStop)
            stop.mentions = [report(c, status: main.status, time: nil, rules: stop.rules,
                                    visitor: r.person.nameStart..<r.person.nameEnd, destination: place.tokens)]
            stops.append(stop)
        }
        return stops
    }

    /// The place a journey-stop phrase names: the first place within four words after it ("from the G7 summit in
    /// Germany"), not inside a name or a title, and closing its phrase (a punctuation mark, a preposition of
    /// destination, a time or the clause's end follows: not "imports from China rose").
    func stopPlace(after k: Int, end: Int, _ c: SentenceContext) -> PlaceRef? {
        guard k < end, !c.times.contains(where: { $0.tokens.lowerBound == k }) else { return nil }
        guard let place = c.mentions.places.first(where: { $0.tokens.lowerBound >= k && $0.tokens.lowerBound <= k + 4 }),
              !place.demonym, !place.inPhrase, place.tokens.upperBound <= end else { return nil }
        guard (k..<place.tokens.lowerBound).allSatisfy({ tokens[$0].kind == .word }),
              !c.persons.contains(where: { (k..<place.tokens.lowerBound).contains($0.nameStart) }) else { return nil }
        let after = place.tokens.upperBound
        let closes = after >= end || tokens[after].kind == .punct || lexicon.destinationPrepositions.contains(tokens[after].lower)
            || c.times.contains { $0.tokens.lowerBound == after }
        return closes ? place : nil
    }
}
