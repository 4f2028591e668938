// Candidate generation for recall at a scene (rule visit.proposed-scene): a sentence names a person but no place
// foreign to him ("Also in the room were A of B and C of D", "The host welcomed a crowded field: X, Y and Z", "Modi
// landed late on Thursday"). The place is the scene that an earlier sentence, a list item's heading or the dateline
// placed (a gathering: `carriedGathering`, GatheringVisits.swift), else the destination of a visit the rules read in
// the paragraph's sentences just before. Like every proposal (ProposedVisits.swift) nothing here decides that a visit
// took place: a scene proposal is kept only when the scorer's probability reaches its threshold.

/// Where the sentences before have placed the story, and since when.
struct Scene {
    var country: String
    var city: Int?
    var start: PartialDate?
    var end: PartialDate?
    var source: CandidateEvidence.SceneSource
    /// Sentences since the scene was last named or used (for the dateline: since the article's start).
    var distance: Int
    /// The status of the paragraph's last rule visit to the scene's country, in the sentences just before.
    var status: VisitStatus? = nil
}

extension EventFinder {
    /// How many sentences back, within the paragraph, a visit the rules read places the scene.
    static let sceneReach = 2

    /// How many days from the scene's day a time of the person's own clause may lie and still be the scene's.
    static let sceneDays = 14

    /// The scene of sentence `c`: a gathering still holding (an earlier sentence's, a list heading's, the
    /// dateline's), else the destination of the paragraph's last rule visit within `sceneReach` sentences.
    func scene(_ c: SentenceContext) -> Scene? {
        if let carried = carriedGathering(c, time: nil) {
            let g = carried.place
            let source: CandidateEvidence.SceneSource = g.fromDateline ? .dateline : g.fromItemHeading ? .itemHeading : .gathering
            return Scene(country: g.country, city: g.city, start: g.start, end: g.end, source: source,
                         distance: g.fromDateline ? c.index : max(0, c.index - g.sentence), status: recentStatus(of: visits, to: g.country, c))
        }
        let from = max(paragraphFirstSentence, c.index - Self.sceneReach)
        guard let v = visits.last(where: { ($0.sentences.last ?? -1) >= from && ($0.sentences.last ?? c.index) < c.index }),
              let last = v.sentences.last else { return nil }
        return Scene(country: v.destination, city: v.city, start: v.start, end: v.end, source: .previousVisit, distance: c.index - last,
                     status: v.status)
    }

    /// The status of the last of `candidates` to `country` (of `person`, when given) told in the paragraph within
    /// `sceneReach` sentences before `c`, if any.
    func recentStatus(of candidates: [VisitCandidate], to country: String, person: Int? = nil, _ c: SentenceContext) -> VisitStatus? {
        let from = max(paragraphFirstSentence, c.index - Self.sceneReach)
        return candidates.last { v in
            v.destination == country && (person.map { v.visitor == $0 } ?? true) && v.sentences.contains { $0 >= from && $0 < c.index }
        }?.status
    }

    /// Proposes a candidate at the sentence's scene for each person who may have been there (`mayBeAtScene`) and has
    /// no candidate of the rules in this sentence; `places`, the sentence's named places; `seen`, the pairs already
    /// proposed or read by the rules in this sentence.
    mutating func proposeAtScene(_ c: SentenceContext, rulesFrom first: Int, places: [PlaceRef], seen: inout VisitPairs) {
        guard let scene = scene(c) else { return }
        // A place that is a named person's own country introduces him ("Sadyr Japarov of Kyrgyzstan"), not a trip.
        // (Arrays, not sets: a sentence names a handful of persons and places.)
        let ownCountries = c.persons.compactMap { c.country(of: $0) }
        let foreign = places.map(\.country).filter { !ownCountries.contains($0) }
        for p in c.persons where !visits[first...].contains(where: { $0.visitor == p.entity }) {
            guard let own = c.country(of: p), own != scene.country, foreign.allSatisfy({ $0 == own }), mayBeAtScene(p, c),
                  seen.insert(VisitPair(visitor: p.entity, destination: scene.country)).inserted,
                  let candidate = sceneProposal(p, visitorCountry: own, scene: scene, c) else { continue }
            // At home in the sentence (a city of his country named there: "In Sydney he and Prime Minister X agreed"),
            // he was not at the scene; unless the sentence says he did not come ("X stayed in Budapest"; rule
            // proposed.at-home-excluded).
            if candidate.status != .negated && isAtHome(p, c) { continue }
            proposed.append(candidate)
        }
    }

    /// Whether `p` may have been at the scene: he holds an office then (`holdsOffice`) and is not a host, an "of"
    /// complement, the other party of talks ("met X", "meetings with X": where they met is not told), a person of
    /// the past ("the late X") or one the sentence reaches from afar (`tellsRemoteExchange`, rule
    /// proposed.remote-excluded: "Obama spoke by telephone with X", "gửi điện mừng tới X").
    mutating func mayBeAtScene(_ p: PersonRef, _ c: SentenceContext) -> Bool {
        guard !p.otherParty, !p.joinedParty, !p.historical, holdsOffice(p) else { return false }
        return !isHost(p, c) && !isInOfPhrase(p, c) && !isMetByAnother(p, c) && !tellsRemoteExchange(c)
    }

    /// Whether `p` may be at a scene of the story's time: a person of the gazetteer holds an office of minister level
    /// or above on the sentence's date (a founder named "President" in a tribute does not travel); one found from his
    /// title, or by coreference, as for any proposal.
    mutating func holdsOffice(_ p: PersonRef) -> Bool {
        guard p.entity >= 0, p.referring == nil else { return mayTravel(p) }
        guard let level = officeLevel(of: p.entity) else { return false }
        return level.rank <= Level.minister.rank
    }

    /// "X held talks with several leaders, including A, B and C": a meeting word (`meeting-words`) before `p` with
    /// another person named before it: `p` is one X met, and where is not told.
    func isMetByAnother(_ p: PersonRef, _ c: SentenceContext) -> Bool {
        guard let cue = (c.start..<p.phraseStart).first(where: { lexicon.meetingWords.match(tokens, at: $0, end: p.phraseStart) > 0 }) else {
            return false
        }
        return c.persons.contains { $0.entity != p.entity && $0.nameEnd <= cue }
    }

    /// The candidate of person `p` at `scene`: dated by the time of his own clause nearest his name, else by the
    /// scene's; no candidate when neither dates it. Its status is what the sentence says of him, else its cues
    /// around his name; when these say nothing (occurred by default), the plan or cancellation of the visit that
    /// placed the scene ("... is to join Biden and Marcos for the summit at the White House. Marcos is flying in for
    /// the meeting.": rule status.from-scene).
    func sceneProposal(_ p: PersonRef, visitorCountry: String, scene: Scene, _ c: SentenceContext) -> VisitCandidate? {
        let clause = c.clause(of: p.phraseStart)
        let ownTime = c.times.filter { clause.contains($0.tokens.lowerBound) }
            .min { abs($0.tokens.lowerBound - p.phraseStart) < abs($1.tokens.lowerBound - p.phraseStart) }
        // A time of his own dates him ("landed on Thursday"; days away from the scene's, "had been there in May 2019",
        // it tells another visit: a feature).
        let elsewhere = ownTime.map { !Self.isNear($0.start, scene.start) } ?? false
        guard let start = ownTime?.start ?? scene.start else { return nil }
        let end = ownTime == nil ? scene.end : ownTime?.end
        let name = p.nameStart..<max(p.nameStart + 1, p.nameEnd)
        var rules = RuleSet([.visitProposed, .visitProposedScene])
        rules.formUnion(p.referringRules)
        var status = personalStatus(p, c) ?? proposedStatus(at: name, start: start, c)
        if status.rule == .statusOccurredDefault, let planned = scene.status ?? recentStatus(of: proposed, to: scene.country, person: p.entity, c),
           planned != .occurred {
            status = StatusReading(planned, .statusFromScene)
        }
        rules.insert(status.rule)
        let mention = report(c, status: status.status, time: ownTime, rules: rules, visitor: p.nameStart..<p.nameEnd)
        var evidence = CandidateEvidence()
        evidence.origin = .proposed
        evidence.time = ownTime?.tokens
        evidence.timeRelative = ownTime?.relative ?? false
        evidence.visitorPhrase = p.phraseStart..<max(p.phraseStart, p.nameEnd)
        evidence.visitorRole = p.role
        evidence.clause = clause
        evidence.listItem = c.listItem != nil
        evidence.scene = scene.source
        evidence.sceneDistance = scene.distance
        evidence.sceneTimeElsewhere = elsewhere
        evidence.personsInSentence = c.persons.count
        return VisitCandidate(visitor: p.entity, visitorCountry: visitorCountry, destination: scene.country, city: scene.city,
                              host: nil, start: start, end: end, notBefore: nil, kind: .unspecified,
                              status: status.status, titleLevel: p.titleLevel, mentions: [mention], rules: rules, evidence: evidence)
    }

    /// Whether `time` lies within `sceneDays` of the scene's day (an undated scene is near every time).
    static func isNear(_ time: PartialDate, _ scene: PartialDate?) -> Bool {
        guard let scene else { return true }
        return abs(time.dayRange.lowerBound - scene.dayRange.lowerBound) <= sceneDays
    }
}
