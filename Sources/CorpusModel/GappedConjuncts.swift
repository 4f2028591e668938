// Coordination with the verb left out: "Modi flew to Tokyo and Xi to Moscow", "the president visited Hanoi, the
// prime minister Jakarta". The trigger's visitor keeps the first place (his segment ends at the next person); each
// later person joined by "and" or a comma and followed by the first conjunct's preposition (or, after a verb with a
// direct object, at once by a place) visits his own place, with the trigger's time and status (rule
// visitor.gapped-conjunct). Not after an origin word: "A came from X and B from Y" names where they came from.

extension EventFinder {
    /// The visits of the persons after the trigger's visitor that share his trigger with the verb left out.
    mutating func readGappedConjuncts(_ vi: Int, _ clues: TriggerClues, segment: VisitorSegment, scopeEnd: Int,
                                      _ c: SentenceContext, _ usedPersons: inout Set<Int>) {
        let persons = c.persons, tr = clues.trigger.tokens
        guard segment.end < scopeEnd,
              let first = c.destinationPlaces(from: tr.upperBound, to: segment.end).first else { return }
        let lead = first.tokens.lowerBound
        let preposition: UInt64? = lead > tr.upperBound ? tokens[lead - 1].lower : nil
        // "A came from X, B from Y": where each came from is no destination (an arrival at a gathering is read by
        // ArrivalAtGathering.swift).
        if let preposition, lexicon.originWords.contains(preposition) { return }
        var next = persons.firstIndex { $0.phraseStart == segment.end }
        while let pi = next {
            let p = persons[pi]
            guard !usedPersons.contains(pi), p.entity != persons[vi].entity,
                  let place = gappedPlace(after: p, preposition: preposition, joined: p.phraseStart - 1, c) else { return }
            let end = min(scopeEnd, persons.first { $0.phraseStart > place }?.phraseStart ?? c.end)
            var rules = clues.rules
            rules.insert(.visitorGappedConjunct)
            let reading = VisitReading(person: p, trigger: clues.trigger, range: place..<end, time: clues.time,
                                       notBefore: clues.notBefore, kind: clues.kind.kind, placeTimes: c.times, rules: rules)
            for v in makeVisits(reading, c) { add(v) }
            usedPersons.insert(pi)
            next = end < scopeEnd ? persons.firstIndex { $0.phraseStart == end } : nil
        }
    }

    /// The first token of the place a gapped conjunct names right after person `p` ("and Xi to Moscow": Moscow),
    /// when `joiner` is a comma or "and" and the place follows the same preposition as the first conjunct's; nil
    /// otherwise ("and met Xi", "and Xi said").
    func gappedPlace(after p: PersonRef, preposition: UInt64?, joined joiner: Int, _ c: SentenceContext) -> Int? {
        guard joiner > c.start, !p.hostContext, !p.otherParty,
              isComma(joiner) || (lexicon.coordinators.contains(tokens[joiner].lower) && !lexicon.sequenceWords.contains(tokens[joiner].lower))
        else { return nil }
        var k = p.nameEnd
        if let preposition {
            guard k < c.end, tokens[k].lower == preposition else { return nil }
            k += 1
        }
        return c.destinations.contains { $0.tokens.lowerBound == k } ? k : nil
    }
}
