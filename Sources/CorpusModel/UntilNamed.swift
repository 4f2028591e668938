// A visit nobody made "until" a named person did: "No American president would visit Japan until Gerald Ford in
// November 1974" names Ford's visit to Japan in November 1974 (rule visit.until-named). The trigger's subject is
// nobody (`hasNobodySubject`); the place is the one between the trigger and the until-word (`until-words`), the
// visitor the person right after it (a title may stand before the name), and the date the first one after him.

extension EventFinder {
    /// Rule visit.until-named, for a trigger whose subject is nobody.
    mutating func readUntilNamed(_ trigger: Trigger, _ c: SentenceContext, _ usedPersons: inout Set<Int>) {
        let clause = c.clause(of: trigger.tokens.lowerBound)
        guard let k = (trigger.tokens.upperBound..<clause.upperBound).first(where: {
                  lexicon.untilWords.contains(tokens[$0].lower)
              }),
              let pi = c.persons.firstIndex(where: { $0.phraseStart == k + 1 && !$0.hostContext }),
              let time = c.times.first(where: { $0.tokens.lowerBound >= c.persons[pi].nameEnd && $0.tokens.lowerBound <= c.persons[pi].nameEnd + 2 }),
              !c.destinationPlaces(from: trigger.tokens.upperBound, to: k).isEmpty else { return }
        let reading = VisitReading(person: c.persons[pi], trigger: nil, range: trigger.tokens.upperBound..<k, time: time,
                                   notBefore: nil, kind: .unspecified, rules: RuleSet([.visitUntilNamed, .dateNearest]))
        for v in makeVisits(reading, c) { add(v) }
        usedPersons.insert(pi)
    }
}
