// Candidate generation for recall (rule visit.proposed): after the rules have read a sentence, every person of
// minister level or above (or named with such a title, or found by coreference) and every foreign place of the
// sentence that no rule joined make a proposed candidate, dated and given a status as the rules date and judge
// their own. Nothing here decides that a visit took place: the visit scorer keeps a proposed candidate only when
// its probability reaches the threshold chosen in training (Scoring/VisitScorer.swift), so a build without a
// scorer that proposes keeps none of them.

/// A visitor and a destination, to tell which pairs the rules already joined in a sentence.
struct VisitPair: Hashable {
    var visitor: Int
    var destination: String
}

/// The pairs a sentence's rules read or its proposals made: a handful, searched in order (a `Set` allocated and
/// hashed its table for every sentence).
struct VisitPairs {
    private var pairs: [VisitPair]

    init(_ pairs: some Sequence<VisitPair>) { self.pairs = Array(pairs) }

    /// Adds `pair` unless it is there; whether it was added.
    mutating func insert(_ pair: VisitPair) -> (inserted: Bool, memberAfterInsert: VisitPair) {
        if pairs.contains(pair) { return (false, pair) }
        pairs.append(pair)
        return (true, pair)
    }
}

extension EventFinder {
    /// Proposes a candidate for each pair (person, foreign place) of the sentence that none of the rules'
    /// candidates made from this sentence (`visits[rulesFrom...]`) covers and no exclusion rule leaves out (a host,
    /// an "of" complement, a place another person's verb governs: `proposalExclusion`, ProposalExclusions.swift); and,
    /// for a person with no foreign place in the sentence, one at the scene the sentences before placed
    /// (`proposeAtScene`, SceneProposals.swift). A sentence in which no one may travel proposes its places for the
    /// person it is about (`proposeForCarriedSubject`, SubjectProposals.swift).
    mutating func proposeVisits(_ c: SentenceContext, rulesFrom first: Int) {
        // Every named place, even one the rules exclude as a destination ("talks between Hanoi and Washington"):
        // the scorer learns from the exclusion (a feature) rather than never seeing the pair.
        let places = c.mentions.places.filter { !$0.demonym && !$0.inPhrase && !isAfterOriginWord($0, c) }
        var seen = VisitPairs(visits[first...].lazy.map { VisitPair(visitor: $0.visitor, destination: $0.destination) })
        var anyTraveller = false
        for p in c.persons where mayTravel(p) { anyTraveller = true; break }
        guard anyTraveller else {
            proposeForCarriedSubject(c, places: places, seen: &seen)
            return
        }
        proposeAtScene(c, rulesFrom: first, places: places, seen: &seen)
        for p in c.persons where mayTravel(p) {
            guard let own = c.country(of: p) else { continue }
            let told = plannedByRules(p.entity, rulesFrom: first)
            for place in places where place.country != own && proposalExclusion(p, place, c) == nil {
                guard seen.insert(VisitPair(visitor: p.entity, destination: place.country)).inserted else { continue }
                // A proposal undated, or dated only by its article's month, names no visit of its own (a visit is
                // told by its year; the month of a story's publication is not that of a trip it recalls): never made.
                let candidate = proposal(p, visitorCountry: own, place: place, told: told, c)
                // Nor one dated by a time that bounds a period ("since he took office in 2021", rule proposed.since-date-excluded).
                guard candidate.start != nil, !candidate.rules.contains(.datePublicationMonth),
                      !isDatedSince(place: place, time: candidate.evidence.time) else { continue }
                proposed.append(candidate)
            }
        }
    }

    /// The status the rules gave this sentence's trips of `visitor` when none of them took place ("X visits A on
    /// Wednesday before flying to B", "X will not go to A"): the sentence tells his plan, not a journey made.
    func plannedByRules(_ visitor: Int, rulesFrom first: Int) -> StatusReading? {
        let statuses = visits[first...].filter { $0.visitor == visitor }.map(\.status)
        guard !statuses.isEmpty, !statuses.contains(.occurred) else { return nil }
        return statuses.contains(.negated) ? StatusReading(.negated, .statusNegatedCue) : StatusReading(.planned, .statusPlannedFutureModal)
    }

    /// A person whose visits the model records: of minister level or above on the article's date (his office, or
    /// the title he is named with), or one a pronoun or a delegation word stands for (coreference).
    mutating func mayTravel(_ p: PersonRef) -> Bool {
        if p.referring != nil { return true }
        guard let level = p.titleLevel ?? level(of: p.entity) else { return false }
        return level.rank <= Level.minister.rank
    }

    /// The proposed candidate of person `p` and `place`: the time the rules would give a trigger standing at the
    /// place (`timeOfVisit`, a date right after the place, the undated fallbacks), and the status its cues give:
    /// what is said of the person himself, else the sentence's cues, else `told`, the status of his trips the
    /// rules read in the sentence.
    func proposal(_ p: PersonRef, visitorCountry: String, place: PlaceRef, told: StatusReading?, _ c: SentenceContext) -> VisitCandidate {
        let anchor = Trigger(tokens: place.tokens, form: .presence)
        let index = c.persons.firstIndex { $0.phraseStart == p.phraseStart && $0.entity == p.entity }
        let segment = VisitorSegment(start: min(p.phraseStart, place.tokens.lowerBound), end: c.end)
        let timing = timeOfVisit(index, anchor, segment, c)
        var rules = RuleSet([.visitProposed])
        if let r = timing.rule { rules.insert(r) }
        rules.formUnion(p.referringRules)
        let reading = VisitReading(person: p, trigger: anchor, range: place.tokens, time: timing.time, notBefore: timing.notBefore,
                                   kind: .unspecified, placeTimes: c.times, rules: rules)
        let dating = datesOfVisit(reading, place: place, c, &rules)
        var start = dating.start, end = dating.end
        var status = personalStatus(p, c) ?? proposedStatus(at: place.tokens, start: start, c)
        if status.status == .occurred, let told { status = told }
        rules.insert(status.rule)
        undatedFallback(reading, status: status.status, c, start: &start, end: &end, rules: &rules)
        let mention = report(c, status: status.status, time: dating.time, rules: rules, visitor: p.nameStart..<p.nameEnd,
                             destination: place.tokens)
        var evidence = CandidateEvidence()
        evidence.origin = .proposed
        evidence.time = dating.time?.tokens
        evidence.timeRelative = dating.time?.relative ?? false
        evidence.visitorPhrase = p.phraseStart..<max(p.phraseStart, p.nameEnd)
        evidence.visitorRole = p.role
        evidence.place = place.tokens
        evidence.clause = c.clause(of: place.tokens.lowerBound)
        evidence.listItem = c.listItem != nil
        evidence.placeExcluded = !c.destinations.contains { $0.tokens == place.tokens }
        evidence.personsInSentence = c.persons.count
        return VisitCandidate(visitor: p.entity, visitorCountry: visitorCountry, destination: place.country, city: place.city,
                              host: nil, start: start, end: end, notBefore: timing.notBefore, kind: .unspecified,
                              status: status.status, titleLevel: p.titleLevel, mentions: [mention], rules: rules, evidence: evidence)
    }

    /// What the sentence says of the person himself, whatever it says of the trip: "X did not attend", "the
    /// absence of X", "Y stood in for X", "X also stayed away", "X sent Y" (a skip verb or a send word within
    /// `skipReach` words after his name, or after the relative clause or the phrase set off by commas after it). He was not there; nil when nothing is said of him.
    func personalStatus(_ p: PersonRef, _ c: SentenceContext) -> StatusReading? {
        if isNegatedAfterName(p, c) { return StatusReading(.negated, .statusNegatedParticipant) }
        if isNamedAbsent(p, c) { return StatusReading(.negated, .statusNegatedAbsence) }
        if let substitute = substituteStatus(p, c), substitute.status == .negated { return substitute }
        let after = endOfRelativeClause(after: p.nameEnd, c) ?? endOfAppositive(after: p.nameEnd, c) ?? p.nameEnd
        var words = 0
        for k in after..<c.end where tokens[k].kind == .word {
            if lexicon.skipVerbs.match(tokens, at: k, end: c.end) > 0 { return StatusReading(.negated, .statusNegatedSkipVerb) }
            // "X sent Y in his place", "X also sent his regrets", "X cử Y": who sends does not go.
            if lexicon.sendWords.match(tokens, at: k, end: c.end) > 0 { return StatusReading(.negated, .statusNegatedSubstituted) }
            words += 1
            if words == Self.skipReach { break }
        }
        return nil
    }

    /// How many words after a person's name a skip verb is his own ("X also stayed away", "X then skipped").
    static let skipReach = 3

    /// The longest phrase set off by commas after a name that `endOfAppositive` passes over.
    static let appositiveReach = 12

    /// ", re-elected a month earlier," right after token `k`: the token after the closing comma, when it comes
    /// within `appositiveReach` tokens.
    func endOfAppositive(after k: Int, _ c: SentenceContext) -> Int? {
        guard k < c.end, tokens[k].kind == .punct, tokens[k].first == 0x2C,
              let close = (k + 1..<min(c.end, k + 1 + Self.appositiveReach)).first(where: { tokens[$0].kind == .punct && tokens[$0].first == 0x2C })
        else { return nil }
        return close + 1
    }

    /// The status of a proposed candidate: the rules' reading of the cues before its anchor (the place, or the
    /// visitor's name at a scene); and, when that says
    /// occurred, any negation, cancellation, plan or unrealised-plan cue ("was meant to") of the sentence makes it
    /// negated or planned (with no
    /// trigger to scope a cue, a proposal never turns an announcement into a visit).
    func proposedStatus(at anchor: Range<Int>, start: PartialDate?, _ c: SentenceContext) -> StatusReading {
        let reading = status(trigger: anchor, from: c.start, to: c.end, start: start, sentence: c.index)
        guard reading.status == .occurred else { return reading }
        for k in c.start..<c.end {
            let token = tokens[k]
            if lexicon.wordClasses.has(.negationCue, token) || lexicon.cancelCues.match(tokens, at: k, end: c.end) > 0 {
                return StatusReading(.negated, .statusNegatedCue)
            }
            if lexicon.wordClasses.has(.plannedCue, token) || lexicon.plannedPhrases.match(tokens, at: k, end: c.end) > 0
                || lexicon.unrealisedPlanPhrases.match(tokens, at: k, end: c.end) > 0 {
                return StatusReading(.planned, .statusPlannedFutureModal)
            }
        }
        return reading
    }
}

extension EventFinder {
    /// The proposed candidates that no rule candidate of the document covers: a rule candidate of the same visitor
    /// and destination in the same year, or with either undated, already reports that visit.
    var uncoveredProposals: [VisitCandidate] {
        // Most documents propose nothing, and with no visit none is covered: no table of years to build.
        if proposed.isEmpty || visits.isEmpty { return proposed }
        var years: [VisitPair: [Int?]] = [:]
        for v in visits { years[VisitPair(visitor: v.visitor, destination: v.destination), default: []].append(v.start?.year) }
        return proposed.filter { p in
            guard let ruled = years[VisitPair(visitor: p.visitor, destination: p.destination)] else { return true }
            return !ruled.contains { $0 == nil || p.start == nil || $0 == p.start?.year }
        }
    }
}

extension EventFinder {
    /// "after a ten-hour train journey from Poland", "chuyến đi từ Ba Lan": a place right after a visit noun
    /// (`visit-nouns`) and an origin word (`origin-words`) is where that journey came from; it proposes no visit to
    /// anyone of the sentence (rule destination.excluded-phrase). After a verb ("arrived from Pyongyang") the place
    /// is proposed as any other: the traveller was there before.
    func isAfterOriginWord(_ place: PlaceRef, _ c: SentenceContext) -> Bool {
        let before = place.tokens.lowerBound - 1
        guard before - 1 >= c.start, lexicon.originWords.contains(tokens[before].lower) else { return false }
        return lexicon.visitNouns.matchEnding(tokens, at: before - 1, start: max(c.start, before - 4)) > 0
    }
}
