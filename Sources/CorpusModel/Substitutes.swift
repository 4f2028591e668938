// A substitute goes where the one he stands in for was to go: "Obama called off the trip to the APEC summit in
// Bali. Kerry went in his place", "Khan would send Foreign Minister Qureshi instead", "Vice President Pence went
// to Peru in his place". The substitute is the person named before a `substitute-after` phrase in its clause; the
// one he stands in for is the other person of his country whose visit not made (planned or negated) the paragraph
// told last, up to the substitute's sentence. The substitute makes each such visit of that sentence's report (to the
// places his clause names, when it names some), dated as it is, planned
// when a planned cue ("will", "would") stands between him and the phrase, else occurred; a visit of his own there
// dated by the article's month only takes its date (rule visit.substitute).

extension EventFinder {
    /// How many tokens may stand between the substitute's name and the phrase ("Kerry went in his place").
    static let substituteReach = 8

    /// Rule visit.substitute, after the sentence's own visits are found.
    mutating func findSubstituteVisits(_ c: SentenceContext) {
        for p in c.persons where Self.canBeMember(p) && (p.titleLevel ?? level(of: p.entity)).map({ $0 != .other }) == true {
            guard let cue = substituteCue(after: p, c), let country = c.country(of: p),
                  let legs = standInLegs(for: p, country: country, cue: cue, upTo: c) else { continue }
            let planned = (p.nameEnd..<cue).contains { lexicon.plannedCues.contains(tokens[$0].lower) }
            for leg in legs { addSubstituteVisit(p, country: country, for: leg, status: planned ? .planned : .occurred, c) }
        }
    }

    /// Where the `substitute-after` phrase of the substitute's clause starts: after his name, within
    /// `substituteReach` tokens, no other person between.
    func substituteCue(after p: PersonRef, _ c: SentenceContext) -> Int? {
        let clause = c.clause(of: p.nameStart)
        let limit = min(clause.upperBound, c.end, p.nameEnd + Self.substituteReach)
        for k in p.nameEnd..<max(p.nameEnd, limit) {
            if c.persons.contains(where: { $0.phraseStart == k && $0.entity != p.entity }) { return nil }
            if lexicon.substituteAfter.match(tokens, at: k, end: c.end) > 0 { return k }
        }
        return nil
    }

    /// The trips of the person stood in for: another person of the substitute's country whose visit not made
    /// (planned or negated) the paragraph told last, up to the substitute's sentence; all his visits not made that
    /// sentence told, only those to the places the substitute's clause names after his name when it names some.
    func standInLegs(for substitute: PersonRef, country: String, cue: Int, upTo c: SentenceContext) -> [VisitCandidate]? {
        let told = paragraphFirstSentence...c.index
        let named = Set(c.destinationPlaces(from: substitute.nameEnd, to: c.clause(of: cue).upperBound).map(\.country))
        let others = visits.filter {
            $0.visitor != substitute.entity && $0.visitorCountry == country && $0.status != .occurred
                && (named.isEmpty || named.contains($0.destination))
        }
        let lastSentence = { (v: VisitCandidate) in v.sentences.filter(told.contains).max() ?? -1 }
        guard let last = others.max(by: { lastSentence($0) < lastSentence($1) }), lastSentence(last) >= 0 else { return nil }
        let sentence = lastSentence(last)
        return others.filter { $0.visitor == last.visitor && $0.sentences.contains(sentence) }
    }

    /// The substitute's visit to the leg's country, dated as the leg; a visit of his own there dated by the
    /// article's month only takes the leg's date.
    mutating func addSubstituteVisit(_ p: PersonRef, country: String, for leg: VisitCandidate, status: VisitStatus,
                                     _ c: SentenceContext) {
        if let i = visits.firstIndex(where: { $0.visitor == p.entity && $0.destination == leg.destination }) {
            guard visits[i].rules.contains(.datePublicationMonth), let start = leg.start else { return }
            (visits[i].start, visits[i].end) = (start, leg.end)
            visits[i].rules.remove(.datePublicationMonth)
            visits[i].rules.insert(.visitSubstitute)
            return
        }
        let rules = RuleSet([.visitSubstitute])
        let mention = Mention(document: 0, sentence: c.index, status: status, date: leg.start, ruleSet: rules,
                              visitorSpan: byteSpan(p.nameStart..<p.nameEnd), destinationSpan: nil, dateSpan: nil)
        add(VisitCandidate(visitor: p.entity, visitorCountry: country, destination: leg.destination, city: leg.city, host: nil,
                           start: leg.start, end: leg.end, notBefore: nil, kind: leg.kind, status: status,
                           titleLevel: p.titleLevel, mentions: [mention], rules: rules))
    }
}
