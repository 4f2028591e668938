// The status of a visit (occurred, planned, negated) from the words around its trigger and its date, and
// its kind (state, official, working) from the words just before it (after it in Vietnamese).

/// A status and the rule that read it.
struct StatusReading {
    var status: VisitStatus
    var rule: Rule
    init(_ status: VisitStatus, _ rule: Rule) {
        self.status = status
        self.rule = rule
    }
}

/// A kind and the rule that read it (none for `.unspecified`).
struct KindReading {
    var kind: VisitKind
    var rule: Rule?
}

extension EventFinder {

    /// Planned or negated from the words around a trigger, else from its date; occurred otherwise, explicitly
    /// when a past-tense cue precedes it. `sentence` is the sentence's index in its document (0: the headline).
    func status(trigger: Range<Int>, from s: Int, to e: Int, start: PartialDate?, sentence: Int = 1) -> StatusReading {
        if lexicon.skipVerbs.match(tokens, at: trigger.lowerBound, end: max(e, trigger.upperBound)) > 0 { return StatusReading(.negated, .statusNegatedSkipVerb) }
        if lexicon.expectedWords.contains(tokens[trigger.lowerBound].lower) { return StatusReading(.planned, .statusPlannedExpected) } // "expected in Islamabad"
        if concludes(trigger, from: s) { return StatusReading(.occurred, .statusOccurredCue) }
        if let before = statusCueBefore(trigger, from: s) {
            // "had been due to begin with a state visit to Brunei, but called it off": the plan was cancelled.
            if before.status == .planned, let after = cancellationAfter(trigger, to: e), after.rule == .statusNegatedCancelItAfter { return after }
            return before
        }
        if cancellationOpensClause(trigger, from: s) { return StatusReading(.negated, .statusNegatedCancelOpensClause) }
        if let after = cancellationAfter(trigger, to: e) { return after }
        if isFuture(start) { return StatusReading(.planned, .statusPlannedFutureDate) }
        if sentence > 0, isScheduledPresent(trigger, from: s, to: e, start: start) || isScheduledInRelativeClause(trigger, to: e) {
            // "- Thursday, Oct. 12: Lands in Tel Aviv" in a timeline of the week before: the present tells the past.
            if let start, listItemPastDates.contains(start) { return StatusReading(.occurred, .statusOccurredHistoricPresent) }
            return StatusReading(.planned, .statusPlannedPresentTense)
        }
        if hasOccurredCue(trigger, from: s) { return StatusReading(.occurred, .statusOccurredCue) }
        if let unrealised = unrealisedPlanAfter(trigger, to: e) { return unrealised }
        return StatusReading(.occurred, .statusOccurredDefault)
    }

    /// "after concluding his visit to Japan", "sau khi kết thúc chuyến thăm": only a visit under way concludes.
    func concludes(_ trigger: Range<Int>, from s: Int) -> Bool {
        var j = trigger.lowerBound - 1
        while j >= s && j >= trigger.lowerBound - 3 {
            if lexicon.concludingVerbs.contains(tokens[j].lower) { return true }
            let w = tokens[j].lower
            guard lexicon.possessivePronouns.contains(w) || lexicon.definiteFillers.contains(w) else { return false }
            j -= 1
        }
        return false
    }

    /// The status cue before a trigger in its clause: a cancellation phrase anywhere in the window ("called off
    /// planned stops"), else the nearest negation or plan word or plan phrase. A predicate chained by "then",
    /// "before", "sau đó" continues the plan of the one before it ("is to visit A before flying on to B", "will
    /// visit Belgium, then pay an official visit to Finland"), and so does a predicate with no subject of its own
    /// after a comma that follows a name, or after "and" ("sẽ tham dự X tại Melbourne, thăm chính thức Australia",
    /// "sẽ thăm Kuwait, Algeria và dự G20"), unless the trigger is itself past ("whose emir, X, came to Seoul").
    /// A relative pronoun or a subordinator other than a sequence word ("when", "while") ends the clause.
    /// Words read back from a visit verb chained to an earlier predicate by "before" or "after" ("sẽ tới Riyadh dự
    /// Hội nghị … và thăm Saudi Arabia, trước khi thăm Qatar"): the earlier predicate's modal may stand before a long name.
    static let chainedWindow = 24

    /// A visit verb right after a subordinator of order ("trước khi thăm", "before visiting"): a clause with no subject
    /// of its own, in the time of the predicate it follows. Not "sau chuyến thăm" (a noun after a preposition).
    func chainsByOrder(_ trigger: Range<Int>, from s: Int) -> Bool {
        let t = trigger.lowerBound
        guard lexicon.visitVerbs.match(tokens, at: t, end: trigger.upperBound) > 0 else { return false }
        return (1...2).contains { n in
            t - n >= s && lexicon.sequenceWords.contains(tokens[t - n].lower) && lexicon.subordinators.match(tokens, at: t - n, end: t) == n
        }
    }

    func statusCueBefore(_ trigger: Range<Int>, from s: Int) -> StatusReading? {
        let t = trigger.lowerBound
        let past = lexicon.occurredCues.match(tokens, at: t, end: trigger.upperBound) > 0
        let coordinated = t > s + 1 && !past && (lexicon.coordinators.contains(tokens[t - 1].lower)
            || (isComma(t - 1) && (tokens[t - 2].capitalized || tokens[t - 2].first == 0x29)))
        var nearest: StatusReading?
        var chained = false
        var j = t - 1
        var n = 0
        let window = chainsByOrder(trigger, from: s) ? Self.chainedWindow : 12
        while j >= s && n < (chained ? window : 12) {
            let w = tokens[j].lower
            if tokens[j].kind == .punct {
                // A comma before a sequence word, which may open the trigger itself (", then Kuala Lumpur").
                if isComma(j) && j + 1 <= t && lexicon.sequenceWords.contains(tokens[j + 1].lower) { j -= 1; n = 0; chained = true; continue }
                // A chained leg after a list the colon opens ("will go to four countries: A and B, then C").
                if chained && tokens[j].first == 0x3A { j -= 1; n = 0; continue }
                if isComma(j) && coordinated { j -= 1; n = 0; chained = true; continue }
                if isComma(j) && namesBeforeTriggerNoun(comma: j, trigger: trigger, from: s) { j -= 1; continue }
                // A hyphen or brackets ("Các Tiểu vương quốc Arab Thống nhất (UAE), thăm Qatar") do not end the clause.
                if tokens[j].first == 0x28 || tokens[j].first == 0x29 { j -= 1; continue }
                if tokens[j].first != 0x2D { break }
            }
            if lexicon.relativePronouns.contains(w) && tokens[j].kind == .word && j < t - 1 { break }
            // "pledged to come to Seoul when he hosted President X": a subordinate clause has a status of its own.
            if !lexicon.sequenceWords.contains(w) && lexicon.subordinators.match(tokens, at: j, end: t) > 0 { break }
            if isCancellation(at: j, end: t) { return StatusReading(.negated, .statusNegatedCancelBefore) }
            if lexicon.sequenceWords.contains(w) { n = 0; chained = true }
            if nearest == nil { nearest = cueWord(at: j, from: s, before: t, chained: chained) }
            j -= 1; n += 1
        }
        return nearest
    }

    /// A negation word, a plan word or a plan phrase at token `j`. A plan phrase governs the trigger only when
    /// at most three words lie between them ("could make a return trip", "agreed to pay a visit"; not "agreed
    /// to boost trade during the visit"), or when the trigger's predicate is chained to the one it governs
    /// (`chained`: "lên đường thăm A, thăm B"); inside a longer past phrase ("đã lên đường thăm") it is a fact.
    func cueWord(at j: Int, from s: Int, before t: Int, chained: Bool) -> StatusReading? {
        let token = tokens[j]
        if lexicon.wordClasses.has(.negationCue, token) {
            // "chuyến thăm không báo trước" (an unannounced visit): the negation describes the trip.
            if opensQuantity(at: j, end: t) || lexicon.unannouncedPhrases.match(tokens, at: j, end: t) > 0 { return nil }
            return StatusReading(.negated, .statusNegatedCue)
        }
        if lexicon.wordClasses.has(.plannedCue, token) && !isAttendVerbSyllable(j, before: t) { return StatusReading(.planned, .statusPlannedFutureModal) }
        let n = lexicon.plannedPhrases.match(tokens, at: j, end: t)
        guard n > 0, chained || t - (j + n) <= 3 else { return nil }
        if j > s && lexicon.occurredCues.match(tokens, at: j - 1, end: t) >= 2 { return StatusReading(.occurred, .statusOccurredCue) }
        return StatusReading(.planned, .statusPlannedCuePhrase)
    }

    /// "tham dự", "dự Hội nghị": the syllable "dự" of an attending verb, not the "dự" of "dự kiến" (expected).
    func isAttendVerbSyllable(_ j: Int, before t: Int) -> Bool {
        lexicon.isAttendSyllable(tokens, at: j, end: t)
    }

    /// "cut short his trip, dropping what would have been a stop in X and a summit in Sydney": a cancellation within
    /// the first three words of the clause after a comma that holds the trigger takes all the clause names as its
    /// object, however far the trigger is (rule status.negated.cancel-opens-clause).
    func cancellationOpensClause(_ trigger: Range<Int>, from s: Int) -> Bool {
        var j = trigger.lowerBound - 1
        while j >= s && tokens[j].kind != .punct { j -= 1 }
        guard j >= s, isComma(j) else { return false }
        return (j + 1..<min(trigger.lowerBound, j + 4)).contains { isCancellation(at: $0, end: trigger.lowerBound) }
    }

    /// A cancellation phrase at `k`, not a rescheduling: "postponed from March" (a `rescheduled-from-words` entry
    /// after it) tells a trip that took place later.
    func isCancellation(at k: Int, end e: Int) -> Bool {
        let n = lexicon.cancelCues.match(tokens, at: k, end: e)
        guard n > 0 else { return false }
        return !(k + n < e && lexicon.rescheduledFromWords.contains(tokens[k + n].lower))
    }

    /// After the trigger, only a cancellation negates it ("the visit was postponed", "the visit that had been
    /// pencilled in for next week has been put off", "was due in July, but he called it off"): a "not" there is about something else ("ended the summit
    /// without signing anything"). Read to the end of the clause, at most 16 tokens, past a relative clause set
    /// off by commas ("the state visit to France, which was to begin on Sunday, has been postponed").
    func cancellationAfter(_ trigger: Range<Int>, to e: Int) -> StatusReading? {
        // "pledged to come when he hosted X in June, but that trip never happened": the contrast is the main clause's.
        let subordinate = isInSubordinateClause(trigger)
        var k = trigger.upperBound
        var n = 0
        var inRelative = false
        while k < e && n < 16 {
            if isComma(k) && !inRelative && k + 1 < e && lexicon.relativePronouns.contains(tokens[k + 1].lower) {
                inRelative = true; k += 2; continue
            }
            if isComma(k) && inRelative { inRelative = false; k += 1; continue }
            // "was due in July, but he called it off": the next clause cancels the trip (status.negated.cancel-it-after).
            if !subordinate && (cancelsTripInContrastClause(at: k, to: e) || cancelsTripAfterApposition(at: k, to: e)) {
                return StatusReading(.negated, .statusNegatedCancelItAfter)
            }
            if tokens[k].kind == .punct { break }
            if isCancellation(at: k, end: e) { return StatusReading(.negated, .statusNegatedCancelAfter) }
            k += 1; n += 1
        }
        return nil
    }

    /// A plan told in the past just after the trigger, in its clause ("the stop in Bogota that was to follow",
    /// "the meeting that X was to host in Sydney", "a trip that had been due to start on Monday"): planned, not a
    /// fact (rule status.planned.unrealised). Read after every other cue, so "arrived on Monday and was to meet"
    /// stays a fact. At most seven tokens after the trigger, no punctuation between.
    func unrealisedPlanAfter(_ trigger: Range<Int>, to e: Int) -> StatusReading? {
        for k in trigger.upperBound..<min(e, trigger.upperBound + 7) {
            if tokens[k].kind == .punct { return nil }
            let n = lexicon.unrealisedPlanPhrases.match(tokens, at: k, end: e)
            // A verb after it ("was to follow"), not a place or a noun phrase ("was to the United States").
            if n > 0, k + n < e, tokens[k + n].kind == .word, !tokens[k + n].capitalized,
               !lexicon.definiteFillers.contains(tokens[k + n].lower), tokens[k + n].lower != Self.kThe {
                return StatusReading(.planned, .statusPlannedUnrealised)
            }
        }
        return nil
    }

    /// A cancellation told as a fact: its first cancel phrase is no supposition ("would have been", a
    /// `counterfactual-phrases` entry) and no infinitive after another verb ("urged her to call off").
    func isCancellationFact(_ c: SentenceContext) -> Bool {
        guard let k = (c.start..<c.end).first(where: { lexicon.cancelCues.match(tokens, at: $0, end: c.end) > 0 }) else { return true }
        if lexicon.counterfactualPhrases.match(tokens, at: k, end: c.end) > 0 { return false }
        return !(k > c.start && tokens[k - 1].lower == Self.kTo)
    }

    /// A negation between a trigger and the place it goes to ("mời lãnh đạo ASEAN tới Las Vegas sau khi vắng mặt
    /// tại hội nghị ở Bangkok", "flew to Paris without stopping in London"): the place is where he was not.
    func negationBetween(_ from: Int, _ to: Int) -> Bool {
        guard from < to else { return false }
        // A capitalised one is part of a name ("Phong trào Không liên kết", the Non-Aligned Movement).
        return (from..<to).contains { tokens[$0].kind == .word && !tokens[$0].capitalized && lexicon.negationCues.contains(tokens[$0].lower) }
    }

    /// An `unreached-phrases` entry ("without ever reaching", "never made it to") between the trigger's end and the
    /// place, ending at most one word (a preposition or article) before it: the trip did not get there.
    func unreachedBefore(_ place: Int, after trigger: Int) -> Bool {
        guard trigger < place else { return false }
        return (trigger..<place).contains { k in
            let n = lexicon.unreachedPhrases.match(tokens, at: k, end: place)
            return n > 0 && place - (k + n) <= 1
        }
    }

    /// "cuts Australia, Papua New Guinea from Asia trip", "bỏ Úc khỏi chuyến công du": a `removal-verbs` entry right
    /// before the place (at most two tokens), and a `removed-from-words` entry after it, at most three tokens before
    /// the trigger: the place is taken out of the trip (rule status.negated.cancel-before).
    func removedFromTrip(_ place: Range<Int>, trigger: Range<Int>, _ c: SentenceContext) -> Bool {
        guard place.upperBound < trigger.lowerBound, trigger.lowerBound - place.upperBound <= 12,
              let from = (place.upperBound..<trigger.lowerBound).last(where: { lexicon.removedFromWords.contains(tokens[$0].lower) }),
              trigger.lowerBound - from <= 3 else { return false }
        return (max(c.start, place.lowerBound - 2)..<place.lowerBound).contains {
            tokens[$0].kind == .word && lexicon.removalVerbs.contains(tokens[$0].lower)
        }
    }

    /// "lands in Havana on Sunday", "leaves on Sunday for a four-day trip": a present-tense verb of the trip at
    /// or just before the trigger, with a weekday or a weekend word ("at the weekend") in the sentence, or in an
    /// agenda's heading that opens the paragraph ("TUESDAY, Stuttgart. X begins his trip ..."), or sent on to a next
    /// stop ("travels next to Indonesia": `movesOnward`), tells a schedule
    /// (a headline's present tells the news, so the caller leaves the headline out).
    func isScheduledPresent(_ trigger: Range<Int>, from s: Int, to e: Int, start: PartialDate? = nil) -> Bool {
        let window = max(s, trigger.lowerBound - 10)..<trigger.upperBound
        let verbs = window.filter { tokens[$0].kind == .word && lexicon.presentTenseWords.contains(tokens[$0].lower) }
        guard !verbs.isEmpty else { return false }
        if agendaParagraph == paragraph { return true }
        // "Bush flies on to Brussels ... on 4 December" in a timeline of 1989: a date before the article tells the past.
        if !(start.map(isPast) ?? false), verbs.contains(where: { movesOnward($0, from: s, to: e) }) { return true }
        return (s..<e).contains { k in
            (tokens[k].kind == .word && tokens[k].capitalized && lexicon.weekdays[tokens[k].lower] != nil)
                || lexicon.weekendWords.match(tokens, at: k, end: e) > 0
        }
    }

    /// "travels next to Indonesia", "then heads to Seoul", "flies on to Lima": a present-tense verb of the trip at
    /// `k` sent on to a next stop (an `onward-words` entry right after it, or ending right before it) tells a stop
    /// still to come, as an itinerary does, with or without a weekday (rule status.planned.present-tense).
    func movesOnward(_ k: Int, from s: Int, to e: Int) -> Bool {
        if k + 1 < e, lexicon.onwardWords.match(tokens, at: k + 1, end: e) > 0 { return true }
        return (max(s, k - 3)..<k).contains { j in lexicon.onwardWords.match(tokens, at: j, end: k) == k - j }
    }

    /// A past-tense cue at the trigger or in the eight tokens before it, within its clause ("arrived in Hanoi",
    /// "arrived on Sunday for a three-day state visit", "đã thăm").
    func hasOccurredCue(_ trigger: Range<Int>, from s: Int) -> Bool {
        var j = trigger.lowerBound
        while j >= max(s, trigger.lowerBound - 8) {
            if tokens[j].kind == .punct { return false }
            if lexicon.occurredCues.match(tokens, at: j, end: trigger.upperBound) > 0 { return true }
            j -= 1
        }
        return false
    }

    /// "drops Papua New Guinea, Australia legs of Asia trip": the comma at `comma` joins names listed in the noun
    /// phrase of a trigger that is no visit verb (between it and the trigger only names, visit nouns and "of"); it
    /// does not end the trigger's clause. Not "After cancelling his trip to Jakarta, Biden visited ...".
    func namesBeforeTriggerNoun(comma j: Int, trigger: Range<Int>, from s: Int) -> Bool {
        let t = trigger.lowerBound
        guard j > s, j + 1 < t, tokens[j - 1].kind == .word, tokens[j - 1].capitalized, tokens[j + 1].capitalized,
              lexicon.visitVerbs.match(tokens, at: t, end: trigger.upperBound) == 0 else { return false }
        return (j + 1..<t).allSatisfy { k in
            tokens[k].kind == .word && (tokens[k].capitalized || lexicon.ofWords.contains(tokens[k].lower)
                                        || lexicon.visitNouns.match(tokens, at: k, end: t) > 0)
        }
    }

    func isComma(_ k: Int) -> Bool { tokens[k].kind == .punct && tokens[k].first == 0x2C }

    /// "state visit", "official visit", "officially visited" (not the "State" of "Secretary of State"), with
    /// fillers between ("a three-day state visit"); Vietnamese "thăm cấp Nhà nước", "chuyến thăm chính thức".
    func visitKindReading(_ tr: Range<Int>, _ s: Int, _ e: Int) -> KindReading {
        var j = tr.lowerBound - 1
        var n = 0
        while j >= s && n < 4 {
            if let kind = lexicon.kindWords[tokens[j].lower] {
                if !(tokens[j].capitalized && j > s && tokens[j - 1].lower == Self.kOf) && !isNegatedKind(at: j, from: s) {
                    return KindReading(kind: kind, rule: .kindWordBefore)
                }
                break
            }
            let w = tokens[j].lower
            let filler = tokens[j].kind == .number || lexicon.definiteFillers.contains(w) || lexicon.kindFillers.contains(w)
                || lexicon.numberWords[w] != nil || tokens[j].kind == .possessive
            if !filler { break }
            j -= 1; n += 1
        }
        var k = tr.upperBound
        n = 0
        while k < e && n < 3 {
            if let found = lexicon.kindPhrasesAfter.match(tokens, at: k, end: e) {
                return KindReading(kind: found.value, rule: .kindVietnameseAfter)
            }
            k += 1; n += 1
        }
        return KindReading(kind: .unspecified, rule: nil)
    }

    /// "was not a state visit", "neither trip was a state or official visit": the kind word at `j` is the
    /// complement of a copula ("was a state visit", other kind words and "or" between) denied by a negation just
    /// before or after the copula's subject. "will not make a state visit" denies the trip, not its kind.
    func isNegatedKind(at j: Int, from s: Int) -> Bool {
        var k = j - 1
        while k > s && (lexicon.kindWords[tokens[k].lower] != nil || lexicon.definiteFillers.contains(tokens[k].lower)
                        || lexicon.coordinators.contains(tokens[k].lower) || lexicon.kindFillers.contains(tokens[k].lower)) { k -= 1 }
        guard k > s else { return false }
        guard let copula = (max(s, k - 1)...k).first(where: { lexicon.copulaWords.contains(tokens[$0].lower) }) else { return false }
        return (max(s, copula - 3)...min(j - 1, copula + 1)).contains { tokens[$0].kind == .word && lexicon.negationCues.contains(tokens[$0].lower) }
    }

    /// An announced or offered visit, never an occurred one: "X to visit Y", "X to pay a state visit to Y"
    /// (an infinitive right after its subject, the headline form; rule status.planned.infinitive), and "an
    /// invitation to visit", "lời mời thăm" (rule status.planned.invitation).
    func announcement(_ tr: Range<Int>, _ c: SentenceContext) -> StatusReading? {
        var j = tr.lowerBound - 1
        var n = 0
        while j > c.start && n < 4, lexicon.kindFillers.contains(tokens[j].lower) || lexicon.kindWords[tokens[j].lower] != nil
                || lexicon.definiteFillers.contains(tokens[j].lower) {
            j -= 1; n += 1
        }
        guard j >= c.start else { return nil }
        if lexicon.invitationNouns.matchEnding(tokens, at: j, start: max(c.start, j - 3)) > 0 {
            return StatusReading(.planned, .statusPlannedInvitation)
        }
        guard tokens[j].lower == EventFinder.kTo else { return nil }
        if j > c.start, lexicon.invitationNouns.matchEnding(tokens, at: j - 1, start: max(c.start, j - 4)) > 0 {
            return StatusReading(.planned, .statusPlannedInvitation)
        }
        // A named subject only: "the first prime minister to visit China" is a superlative, not an announcement.
        if c.persons.contains(where: { $0.nameEnd == j }) {
            return StatusReading(.planned, .statusPlannedInfinitive)
        }
        return nil
    }
}
