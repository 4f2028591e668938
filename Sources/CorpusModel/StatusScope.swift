// Status cues whose scope reaches past the trigger's own clause or picks one person or one leg out of several:
// a cancellation in a contrasting clause after the trigger ("was due in July, but he called it off"), a
// departure told as done (its first stop has begun, the later ones are still ahead), a participant who went in
// another's place or who had someone go in his, and a negation word that only opens a quantity ("chưa đầy ba
// tháng", less than three months).

extension EventFinder {

    /// "had a trip to India pencilled in for January, but called it off", "nhưng đã hoãn chuyến thăm": at `k`, a
    /// contrast word (after a comma or not) opening a clause in which, within six words, a cancelling verb takes
    /// the trip as its object ("it", "the visit"; not "the trip to Y", another trip) or the trip is the subject of
    /// a cancellation ("but the trip never took place"). Rule
    /// status.negated.cancel-it-after.
    func cancelsTripInContrastClause(at k: Int, to e: Int) -> Bool {
        var m = isComma(k) ? k + 1 : k
        guard m < e, lexicon.contrastWords.contains(tokens[m].lower) else { return false }
        m += 1
        let last = min(e, m + 6)
        while m < last && tokens[m].kind != .punct {
            if lexicon.cancelObjectVerbs.contains(tokens[m].lower), refersToTheTrip(at: m + 1, to: e) { return true }
            // "but the trip never took place", "but it was postponed": the trip as the subject of a cancellation.
            let n = lexicon.tripPronouns.match(tokens, at: m, end: e)
            if n > 0, refersToTheTrip(at: m, to: e), (m + n..<min(e, m + n + 3)).contains(where: { isCancellation(at: $0, end: e) }) {
                return true
            }
            m += 1
        }
        return false
    }

    /// "for the meeting, only the second held in Africa, but cancelled the trip": at the comma `k`, a phrase set off
    /// by commas (at most ten words, no other punctuation) before the contrasting clause.
    func cancelsTripAfterApposition(at k: Int, to e: Int) -> Bool {
        guard isComma(k) else { return false }
        var m = k + 1
        while m < min(e, k + 12) && tokens[m].kind != .punct { m += 1 }
        guard m < e && m > k + 1 && isComma(m) else { return false }
        // "the visit of King X, expected to begin today, has been postponed": the predicate after the phrase cancels.
        var j = m + 1
        while j < min(e, m + 4) && tokens[j].kind != .punct {
            if isCancellation(at: j, end: e) { return true }
            j += 1
        }
        return cancelsTripInContrastClause(at: m, to: e)
    }

    /// The trigger opens or follows, in its clause, a subordinator that is no sequence word ("when he hosted X").
    func isInSubordinateClause(_ trigger: Range<Int>) -> Bool {
        var j = trigger.lowerBound
        while j >= 0 && j >= trigger.lowerBound - 12 && tokens[j].kind != .punct {
            if !lexicon.sequenceWords.contains(tokens[j].lower) && lexicon.subordinators.match(tokens, at: j, end: trigger.upperBound) > 0 { return true }
            j -= 1
        }
        return false
    }

    /// "a trip to North Korea that begins later today", "the visit, which starts on Monday": a relative clause right
    /// after the trigger (within four words, its place between) whose present-tense verb of the trip is followed by
    /// a weekday or a day from today on ("today", "tomorrow") tells a schedule (rule status.planned.present-tense).
    func isScheduledInRelativeClause(_ trigger: Range<Int>, to e: Int) -> Bool {
        var k = trigger.upperBound
        while k < min(e, trigger.upperBound + 5) {
            let relative = lexicon.relativePronouns.contains(tokens[k].lower) || tokens[k].lower == Self.kThat
            if relative, k + 1 < e, lexicon.presentTenseWords.contains(tokens[k + 1].lower) {
                return (k + 2..<min(e, k + 8)).contains { j in
                    (tokens[j].kind == .word && tokens[j].capitalized && lexicon.weekdays[tokens[j].lower] != nil)
                        || (lexicon.relativeDays.match(tokens, at: j, end: e).map { $0.0 >= 0 } ?? false)
                }
            }
            if tokens[k].kind == .punct && !isComma(k) { return false }
            k += 1
        }
        return false
    }

    /// A `trip-pronouns` phrase at `k` ("it", "the trip", "that meeting") not followed by a destination of its own
    /// ("the trip to Y" is another trip).
    private func refersToTheTrip(at k: Int, to e: Int) -> Bool {
        let n = lexicon.tripPronouns.match(tokens, at: k, end: e)
        return n > 0 && !(k + n < e && lexicon.destinationPrepositions.contains(tokens[k + n].lower))
    }

    /// "rời Hà Nội, lên đường thăm cấp Nhà nước Mông Cổ, Ireland và Pháp": a departure phrase right before the
    /// trigger, told as done (no plan word or plan phrase before it in the sentence, no future date): the
    /// country of the first place named after the trigger, whose stay has begun (rule status.occurred.departure).
    /// Nil when the trigger is no departure told as done.
    func departedFirstLeg(_ trigger: Range<Int>, _ c: SentenceContext, start: PartialDate?) -> String? {
        let t = trigger.lowerBound
        guard t > c.start else { return nil }
        let n = lexicon.departurePhrases.matchEnding(tokens, at: t - 1, start: c.start)
        guard n > 0 else { return nil }
        let departure = t - n
        // "Sáng 8/3, ... rời Hà Nội, lên đường thăm ... từ ngày 9 đến 15/3": the departure's own day, told before
        // it, is no later than the article even when the stay's dates are.
        guard !isFuture(start) || c.times.contains(where: { $0.tokens.upperBound <= departure && !isFuture($0.start) }) else { return nil }
        for j in c.start..<departure {
            if lexicon.plannedCues.contains(tokens[j].lower) && !isAttendVerbSyllable(j, before: departure) { return nil }
            if lexicon.plannedPhrases.match(tokens, at: j, end: departure) > 0 { return nil }
        }
        return c.destinations.first { $0.tokens.lowerBound >= trigger.upperBound }?.country
    }

    /// A participant of a gathering told to have gone in another's place or to have had someone go in his: "X
    /// stood in for Y at the summit" (Y negated: rule status.negated.substituted), "sending X in his place" (X
    /// occurred, whatever the sentence says of the one who stayed away: rule status.occurred.substitute). Nil
    /// when neither.
    func substituteStatus(_ p: PersonRef, _ c: SentenceContext) -> StatusReading? {
        // "was represented by Premier X": the passive names the one who went in another's place; "will be
        // represented by X" is a plan, read as any other (nil here).
        if let k = [p.phraseStart, p.nameStart].first(where: { k in
            k - 2 >= c.start && tokens[k - 1].lower == Self.kBy && lexicon.substituteBefore.matchEnding(tokens, at: k - 2, start: max(c.start, k - 6)) > 0
        }) {
            let planned = (c.start..<k).contains { j in
                lexicon.plannedCues.contains(tokens[j].lower) || lexicon.plannedPhrases.match(tokens, at: j, end: k) > 0
            }
            return planned ? nil : StatusReading(.occurred, .statusOccurredSubstitute)
        }
        if p.nameStart > c.start, lexicon.substituteBefore.matchEnding(tokens, at: p.nameStart - 1, start: max(c.start, p.nameStart - 8)) > 0
            || titleBefore(p, c).map({ lexicon.substituteBefore.matchEnding(tokens, at: $0 - 1, start: max(c.start, $0 - 8)) > 0 }) == true
            // Before the whole phrase, a title in lower case too ("thay cho Tổng thống X").
            || (p.phraseStart > c.start && p.phraseStart < p.nameStart
                && lexicon.substituteBefore.matchEnding(tokens, at: p.phraseStart - 1, start: max(c.start, p.phraseStart - 8)) > 0)
            || substitutePhraseBeforeTitle(p, c) {
            return StatusReading(.negated, .statusNegatedSubstituted)
        }
        if lexicon.substituteAfter.match(tokens, at: p.nameEnd, end: c.end) > 0 { return StatusReading(.occurred, .statusOccurredSubstitute) }
        return nil
    }

    /// "thay cho Thống tướng X": a substitute phrase before a title the gazetteer does not know, its head word
    /// capitalised and at most two words after it, no punctuation, right before the name.
    private func substitutePhraseBeforeTitle(_ p: PersonRef, _ c: SentenceContext) -> Bool {
        (1...3).contains { gap in
            let k = p.nameStart - gap
            guard k > c.start, tokens[k].capitalized, (k..<p.nameStart).allSatisfy({ tokens[$0].kind == .word }) else { return false }
            return lexicon.substituteBefore.matchEnding(tokens, at: k - 1, start: max(c.start, k - 8)) > 0
        }
    }

    /// Where the title words just before a name start ("for President Joe Biden"), if any.
    private func titleBefore(_ p: PersonRef, _ c: SentenceContext) -> Int? {
        var j = p.nameStart
        while j > c.start && tokens[j - 1].kind == .word && tokens[j - 1].capitalized && j > p.nameStart - 4 { j -= 1 }
        return j < p.nameStart ? j : nil
    }

    /// "X will also attend, as will Y, who flew in on Tuesday": a relative clause right after a participant's name
    /// that tells his arrival as past (`occurred-words` within three words of the relative pronoun): he is there
    /// (rule status.occurred.participant-arrived).
    func hasArrived(_ p: PersonRef, _ c: SentenceContext) -> Bool {
        let k = p.nameEnd
        guard k + 1 < c.end, isComma(k), lexicon.relativePronouns.contains(tokens[k + 1].lower) else { return false }
        return (k + 2..<min(c.end, k + 5)).contains { tokens[$0].kind == .word && lexicon.occurredCues.match(tokens, at: $0, end: c.end) > 0 }
    }

    /// "Putin skips summit, Lavrov heads the team", "pulled out of the summit, sending X": a skip verb negates its
    /// own subject, not a participant named after it past a comma (rule status.occurred.other-participant).
    func isParticipantAfterSkip(_ p: PersonRef, cue: Range<Int>, _ reading: StatusReading) -> Bool {
        guard reading.rule == .statusNegatedSkipVerb, p.nameStart > cue.upperBound else { return false }
        return (cue.upperBound..<p.nameStart).contains { isComma($0) }
    }

    /// "No sitting American president has ever made a visit to X", "no South Korean president made a visit": a
    /// `nobody-words` entry before the trigger in its clause, a title within four words after it, no person named
    /// between it and the trigger: the subject is nobody, so no one's visit (rule visit.noun, counter-example).
    func hasNobodySubject(_ trigger: Range<Int>, _ c: SentenceContext) -> Bool {
        let clause = c.clause(of: trigger.lowerBound)
        for j in clause.lowerBound..<trigger.lowerBound where lexicon.nobodyWords.contains(tokens[j].lower) {
            // A person named between is the trigger's subject ("no X had been there since Y's visit").
            guard !c.persons.contains(where: { $0.nameStart > j && $0.nameStart < trigger.lowerBound }) else { continue }
            if (j + 1..<min(trigger.lowerBound, j + 5)).contains(where: { lexicon.titles[tokens[$0].lower] != nil }) { return true }
        }
        return false
    }

    /// "chưa đầy ba tháng", "no more than three weeks": a negation word at `j` that opens a quantity.
    func opensQuantity(at j: Int, end e: Int) -> Bool {
        let n = lexicon.lessThanPhrases.match(tokens, at: j, end: e)
        guard n > 0, j + n < e else { return false }
        let next = tokens[j + n]
        return next.kind == .number || lexicon.numberWords[next.lower] != nil || lexicon.countWords[next.lower] != nil
    }

    /// "U.S. President Donald Trump is due to land in the Vietnamese capital on Tuesday evening for their second
    /// summit", "Biden still leaves on Wednesday for Hiroshima, where the summit opens on Friday": a plan word or
    /// phrase, or a present-tense verb of the trip in a sentence naming a weekday, within three words after a
    /// participant's name (no punctuation, no negation before it) named before the gathering's cue: his own
    /// predicate tells his attendance ahead, however far the cue is (rule status.planned.participant).
    func participantPlans(_ p: PersonRef, _ c: SentenceContext) -> Bool {
        var k = p.nameEnd
        while k < min(c.end, p.nameEnd + 3) && tokens[k].kind != .punct {
            let w = tokens[k].lower
            if lexicon.negationCues.contains(w) { return false }
            if lexicon.plannedCues.contains(w) && !isAttendVerbSyllable(k, before: c.end) { return true }
            if lexicon.plannedPhrases.match(tokens, at: k, end: c.end) > 0 || lexicon.expectedWords.contains(w) { return true }
            if lexicon.presentTenseWords.contains(w) && namesWeekday(c) { return true }
            k += 1
        }
        return false
    }

    /// A capitalised weekday or a weekend word ("at the weekend") in the sentence.
    func namesWeekday(_ c: SentenceContext) -> Bool {
        (c.start..<c.end).contains { k in
            (tokens[k].kind == .word && tokens[k].capitalized && lexicon.weekdays[tokens[k].lower] != nil)
                || lexicon.weekendWords.match(tokens, at: k, end: c.end) > 0
        }
    }
}
