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

    /// Planned or negated from the words just before a trigger (and after a noun trigger).
    func status(trigger: Range<Int>, from s: Int, to e: Int, start: PartialDate?) -> StatusReading {
        if lexicon.skipVerbs.contains(tokens[trigger.lowerBound].lower) { return StatusReading(.negated, .statusNegatedSkipVerb) }
        if lexicon.expectedWords.contains(tokens[trigger.lowerBound].lower) { return StatusReading(.planned, .statusPlannedExpected) } // "expected in Islamabad"
        var j = trigger.lowerBound - 1
        var n = 0
        while j >= s && n < 12 {
            let w = tokens[j].lower
            // A clause chained by "then", "sau đó", "before" continues the plan of the one before it
            // ("will visit Belgium, then pay an official visit to Finland").
            if tokens[j].kind == .punct && tokens[j].first == 0x2C && j + 1 < trigger.lowerBound
                && lexicon.sequenceWords.contains(tokens[j + 1].lower) { j -= 1; n = 0; continue }
            if tokens[j].kind == .punct && tokens[j].first != 0x2D { break }
            if lexicon.negationCues.contains(w) { return StatusReading(.negated, .statusNegatedCue) }
            if lexicon.plannedCues.contains(w) { return StatusReading(.planned, .statusPlannedFutureModal) }
            j -= 1; n += 1
        }
        // After the word, only a cancellation negates it ("the visit was postponed"): a "not" there is
        // about something else ("ended the summit without signing anything").
        var k = trigger.upperBound
        n = 0
        while k < e && n < 5 {
            if tokens[k].kind == .punct { break }
            if lexicon.cancelCues.match(tokens, at: k, end: e) > 0 { return StatusReading(.negated, .statusNegatedCancelAfter) }
            k += 1; n += 1
        }
        return isFuture(start) ? StatusReading(.planned, .statusPlannedFutureDate) : StatusReading(.occurred, .statusOccurredDefault)
    }

    /// "state visit", "official visit", "officially visited" (not the "State" of "Secretary of State"), with
    /// fillers between ("a three-day state visit"); Vietnamese "thăm cấp Nhà nước", "chuyến thăm chính thức".
    func visitKindReading(_ tr: Range<Int>, _ s: Int, _ e: Int) -> KindReading {
        var j = tr.lowerBound - 1
        var n = 0
        while j >= s && n < 4 {
            if let kind = lexicon.kindWords[tokens[j].lower] {
                if !(tokens[j].capitalized && j > s && tokens[j - 1].lower == Self.kOf) { return KindReading(kind: kind, rule: .kindWordBefore) }
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
