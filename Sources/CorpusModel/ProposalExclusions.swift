// Pairs of a person and a place that never make a proposed candidate (rule visit.proposed, ProposedVisits.swift),
// because the sentence says the person is not the one who went there (issue 9). Three general classes, each a
// rule id of its own:
//  - proposed.host-excluded: the person hosts in the sentence: named after a host cue ("hosted by", "at the
//    invitation of", "lời mời của"), or the subject of a host verb ("X welcomed Y", "X received him in Riyadh",
//    "được X tiếp tại Hà Nội", `host-verbs`). The places of the sentence are his guest's.
//  - proposed.of-phrase-excluded: the person is the complement of another noun than a trip's ("the coronation of
//    King X", "the funeral of X", "dưới sự chủ trì của X"): the sentence tells the noun's event, not his acts.
//  - proposed.other-subject-excluded: the place is governed by another person's verb in its clause ("Y
//    represented A at the ... of X", "X welcomed Y, as Y's tour took him to A", "Y visited A and X visited B"):
//    the nearest person before the place in its clause who can be a subject is another person, and the
//    candidate is not that verb's object ("Y met X in A") nor one list with him ("X and Y visited A").
//  - proposed.since-date-excluded: the proposal's date is a time after a `since-phrases` phrase that follows the
//    place, with no trip's word between ("his first trip to A since he took office in 2021", "kể từ khi nhậm
//    chức năm 2021"): that time bounds a period, it is not when the trip was made.
// Word classes come from the lexicon (Data/lexicon/<language>/), never from an article's wording.

extension EventFinder {
    /// The rule that keeps person `p` from being proposed as a visitor of `place`, or nil when he may be.
    func proposalExclusion(_ p: PersonRef, _ place: PlaceRef, _ c: SentenceContext) -> Rule? {
        if isHost(p, c) { return .proposedHostExcluded }
        if isInOfPhrase(p, c) { return .proposedOfPhraseExcluded }
        if isGovernedByOtherSubject(p, place, c) { return .proposedOtherSubjectExcluded }
        return nil
    }

    /// Whether the sentence names a city of `p`'s own country outside any person's phrase: at a scene proposal, what it
    /// tells of him he does at home (rule proposed.at-home-excluded, SceneProposals.swift).
    func isAtHome(_ p: PersonRef, _ c: SentenceContext) -> Bool {
        guard let own = c.country(of: p) else { return false }
        return c.mentions.places.contains { $0.country == own && $0.city != nil && !$0.inPhrase && !$0.demonym }
    }

    /// Whether the sentence tells an exchange from afar: a message (`message-words`: "gửi điện mừng"), or a call or
    /// a video link (`remote-words`: "spoke by telephone with X", "điện đàm") while it names no gathering or
    /// attendance (`gathering-words`, `attend-verbs`, `attendance-words`: one who follows a summit by video link did
    /// not come, a negated visit) (rule proposed.remote-excluded).
    func tellsRemoteExchange(_ c: SentenceContext) -> Bool {
        var remote = false, attendance = false
        for k in c.start..<c.end {
            if lexicon.messageWords.match(tokens, at: k, end: c.end) > 0 { return true }
            if lexicon.remoteWords.match(tokens, at: k, end: c.end) > 0 { remote = true }
            // (The sets one after another, not an array of them: the array copied them at every word.)
            if lexicon.gatheringWords.match(tokens, at: k, end: c.end) > 0 || lexicon.attendVerbs.match(tokens, at: k, end: c.end) > 0
                || lexicon.attendanceWords.match(tokens, at: k, end: c.end) > 0 {
                attendance = true
            }
        }
        return remote && !attendance
    }

    /// Where `p` stands in the sentence's persons.
    func personIndex(_ p: PersonRef, _ c: SentenceContext) -> Int? {
        c.persons.firstIndex { $0.phraseStart == p.phraseStart && $0.entity == p.entity }
    }

    /// The word right before `p`'s phrase, past one "the" (may be before the sentence's start).
    func wordBefore(_ p: PersonRef, _ c: SentenceContext) -> Int {
        let j = p.phraseStart - 1
        return j > c.start && tokens[j].lower == Lexicon.theKey ? j - 1 : j
    }

    /// How many words after a person's name a host verb is his own ("X warmly welcomed", "X đã tiếp").
    static let hostVerbReach = 3

    /// Whether `p` hosts in the sentence: after a host cue other than "accompanied by" (his companions travel with
    /// him), the subject of a host verb, or joined by "and"/"và" to a person who is ("được A và B tiếp").
    func isHost(_ p: PersonRef, _ c: SentenceContext) -> Bool {
        if p.hostContext && lexicon.accompaniedByWords.matchEnding(tokens, at: p.phraseStart - 1, start: c.start) == 0 { return true }
        if isNamedAsWelcomer(p, c) { return true }
        guard let index = personIndex(p, c) else { return false }
        var k = index
        while true {
            if isHostVerbSubject(c.persons[k], c) { return true }
            guard k + 1 < c.persons.count,
                  lexicon.joinsPersons(tokens, from: c.persons[k].nameEnd, to: c.persons[k + 1].phraseStart) else { return false }
            k += 1
        }
    }

    /// A host verb (`host-verbs`) within `hostVerbReach` words after the person's name, with no punctuation, no
    /// other person and no passive marker (`passive-markers`: "was", "được") between, not passive ("welcomed by":
    /// a host cue), and followed by what a reception has
    /// after it: its guest (a person within two words, a pronoun), a place preposition, a punctuation mark or the
    /// sentence's end. ("tiếp tục", "continued", is no reception: nothing of these follows "tiếp" there.)
    func isHostVerbSubject(_ p: PersonRef, _ c: SentenceContext) -> Bool {
        var k = p.nameEnd, words = 0
        while k < c.end && words <= Self.hostVerbReach {
            if tokens[k].kind == .punct || lexicon.passiveMarkers.contains(tokens[k].lower) || c.persons.contains(where: { $0.phraseStart == k }) {
                return false
            }
            let n = lexicon.hostVerbs.match(tokens, at: k, end: c.end)
            if n > 0 && lexicon.hostCues.match(tokens, at: k, end: c.end) == 0 && receptionFollows(k + n, c) { return true }
            words += 1
            k += 1
        }
        return false
    }

    /// "Đón Thủ tướng tại sân bay có Bộ trưởng X và Đại sứ Y", "Greeting him at the airport were X and Y": a person
    /// named in a list after a copula (`copula-words`: "were", "có") that a host verb (`host-verbs`, not after a
    /// passive marker) opens the clause before: the persons listed welcomed the guest.
    func isNamedAsWelcomer(_ p: PersonRef, _ c: SentenceContext) -> Bool {
        let clause = c.clause(of: p.phraseStart)
        // (Up to his name: a title before the copula may have been read into his phrase, "đón Thủ tướng có ... X".)
        guard let copula = (clause.lowerBound..<p.nameStart).last(where: { tokens[$0].kind == .word && lexicon.copulaWords.contains(tokens[$0].lower) }),
              (clause.lowerBound..<copula).contains(where: { k in
                  lexicon.hostVerbs.match(tokens, at: k, end: copula) > 0 && lexicon.hostCues.match(tokens, at: k, end: c.end) == 0
                      && !(k > clause.lowerBound && lexicon.passiveMarkers.contains(tokens[k - 1].lower))
              }) else { return false }
        // Only the list (names, titles and bodies, commas, coordinators) between the copula and him: no other
        // punctuation.
        return (copula + 1..<p.nameStart).allSatisfy { k in tokens[k].kind != .punct || tokens[k].first == 0x2C }
    }

    /// What follows a reception verb: its guest, a pronoun, a place preposition, punctuation or the sentence's end.
    func receptionFollows(_ k: Int, _ c: SentenceContext) -> Bool {
        guard k < c.end else { return true }
        let t = tokens[k]
        if t.kind == .punct || lexicon.placePrepositions.contains(t.lower) { return true }
        if lexicon.objectPronouns.contains(t.lower) || lexicon.subjectPronouns.contains(t.lower) { return true }
        return c.persons.contains { $0.phraseStart >= k && $0.phraseStart <= k + 2 }
    }

    /// How many words before an "of"/"của" a trip's noun makes the person after it the traveller ("the visit of
    /// X", "chuyến thăm Nga của Thủ tướng X").
    static let ofPhraseReach = 8

    /// Whether `p` is the complement of an "of"/"của" phrase (`of-words`, past "the") whose noun is not a
    /// trip's, a delegation's, an absence's or a substitution's: no visit, travel, journey, delegation or absence
    /// word in the `ofPhraseReach` words before it (within its clause, no punctuation between), and not "instead
    /// of". A person joined by "and" to such a complement is one too ("the co-chairmanship of A and B").
    func isInOfPhrase(_ p: PersonRef, _ c: SentenceContext) -> Bool {
        guard let index = personIndex(p, c) else { return false }
        var k = index
        while k > 0 && lexicon.joinsPersons(tokens, from: c.persons[k - 1].nameEnd, to: c.persons[k].phraseStart) { k -= 1 }
        let of = wordBefore(c.persons[k], c)
        guard of >= c.start, lexicon.ofWords.contains(tokens[of].lower) else { return false }
        if lexicon.substituteBefore.matchEnding(tokens, at: of, start: c.start) > 0 { return false }
        let clauseStart = c.clause(of: of).lowerBound
        var j = of - 1
        while j >= max(clauseStart, of - Self.ofPhraseReach) && tokens[j].kind != .punct {
            if travellerNoun(at: j, end: of) { return false }
            j -= 1
        }
        return true
    }

    /// A word of a trip, a delegation or an absence starting at `j` (before `end`): its "of" names the traveller.
    func travellerNoun(at j: Int, end: Int) -> Bool {
        // One set after another, not an array of them (which copied the six sets at every call).
        lexicon.visitNouns.match(tokens, at: j, end: end) > 0 || lexicon.visitVerbs.match(tokens, at: j, end: end) > 0
            || lexicon.arrivalVerbs.match(tokens, at: j, end: end) > 0 || lexicon.motionWords.match(tokens, at: j, end: end) > 0
            || lexicon.delegationWords.match(tokens, at: j, end: end) > 0 || lexicon.absenceNouns.match(tokens, at: j, end: end) > 0
    }

    /// Whether the place is governed by another person's verb: the nearest person before the place in its clause
    /// who can be a subject (`isSubjectLike`) is another person, not one list with `p` ("A, B and C visited"), and
    /// `p` is not that verb's object: `p` comes after the place as a subject ("Y represented A at ... X"), or
    /// before that person's clause ("X welcomed Y, as Y's tour took him to A"), or before him in the clause with
    /// a new predicate opened by "and"/"và" ("X visited A and Y visited B"). Kept: `p` between him and the place
    /// ("Y met X in A"), `p` after the place as a preposition's object ("a meeting in A with X"), `p` after the
    /// place's clause ("When Y skipped the summit in A, it was X who went").
    func isGovernedByOtherSubject(_ p: PersonRef, _ place: PlaceRef, _ c: SentenceContext) -> Bool {
        let clause = c.clause(of: place.tokens.lowerBound), at = place.tokens.lowerBound
        guard let subject = c.persons.last(where: { clause.contains($0.phraseStart) && $0.nameEnd <= at && isSubjectLike($0, c) }),
              subject.entity != p.entity, !inOneList(p, subject, c) else { return false }
        guard clause.contains(p.phraseStart) else { return p.phraseStart < clause.lowerBound && !resumesAfterRelativeClause(p, clause, c) }
        if p.phraseStart >= place.tokens.upperBound { return isSubjectLike(p, c) }
        if p.phraseStart > subject.phraseStart { return false }
        let before = subject.phraseStart - 1
        return before >= c.start && lexicon.coordinators.contains(tokens[before].lower)
    }

    /// Whether `clause` goes on with `p`'s own predicate after a clause that opens right after his name and a comma
    /// ("Erdogan, who had flown in that afternoon, met ... in Vilnius").
    func resumesAfterRelativeClause(_ p: PersonRef, _ clause: Range<Int>, _ c: SentenceContext) -> Bool {
        guard clause.lowerBound > c.start else { return false }
        let inserted = c.clause(of: clause.lowerBound - 1)
        return inserted.lowerBound == p.nameEnd + 1 && tokens[p.nameEnd].kind == .punct && tokens[p.nameEnd].first == 0x2C
    }

    /// A person who can be the subject of his clause: not named after a host, talks or guest cue, a preposition
    /// (`person-prepositions`, past "the") or "instead of", nor joined by "and" to a person who is.
    func isSubjectLike(_ p: PersonRef, _ c: SentenceContext) -> Bool {
        if p.hostContext || p.otherParty || p.guest { return false }
        let j = wordBefore(p, c)
        if j >= c.start && (lexicon.personPrepositions.contains(tokens[j].lower)
                            || lexicon.substituteBefore.matchEnding(tokens, at: j, start: c.start) > 0) { return false }
        guard let index = personIndex(p, c), index > 0,
              lexicon.joinsPersons(tokens, from: c.persons[index - 1].nameEnd, to: p.phraseStart) else { return true }
        return isSubjectLike(c.persons[index - 1], c)
    }

    /// Whether two persons are one list: every gap between the persons from the first to the second is made of
    /// commas, coordinators (`coordinators`), companion words (`companion-words`: "with", "cùng với"), "of"/"the",
    /// possessive marks and places ("A of Poland, B of the Czech Republic and Zambia's C").
    func inOneList(_ a: PersonRef, _ b: PersonRef, _ c: SentenceContext) -> Bool {
        let (first, last) = a.phraseStart < b.phraseStart ? (a, b) : (b, a)
        let between = c.persons.filter { $0.phraseStart >= first.phraseStart && $0.phraseStart <= last.phraseStart }
        for (x, y) in zip(between, between.dropFirst()) {
            var k = x.nameEnd
            while k < y.phraseStart {
                let t = tokens[k]
                if t.kind == .punct && t.first == 0x2C || t.kind == .possessive || lexicon.coordinators.contains(t.lower)
                    || lexicon.ofWords.contains(t.lower) || t.lower == Lexicon.theKey || c.mentions.places.contains(where: { $0.tokens.contains(k) }) {
                    k += 1
                    continue
                }
                let n = lexicon.companionWords.match(tokens, at: k, end: y.phraseStart)
                guard n > 0 else { return false }
                k += n
            }
        }
        return true
    }

    /// Whether the time that dates a proposal to `place` comes after a `since-phrases` phrase that follows the
    /// place, with no trip's word between them: the time bounds a period ("the first visit to A since he took
    /// office in 2021"). A trip named after "since" is one of its own, and may be the proposal's ("the first in
    /// eight years, since the visit of X in 2016", "kể từ chuyến thăm của X năm 2016").
    func isDatedSince(place: PlaceRef, time: Range<Int>?) -> Bool {
        guard let time, time.lowerBound > place.tokens.upperBound else { return false }
        guard let since = (place.tokens.upperBound..<time.lowerBound).first(where: { lexicon.sincePhrases.match(tokens, at: $0, end: time.lowerBound) > 0 })
        else { return false }
        return !(since..<time.lowerBound).contains { travellerNoun(at: $0, end: time.lowerBound) }
    }
}
