// Lists of who attends a gathering ("COP28: who's coming, and who isn't"): a sentence places the gathering, then
// a list follows whose items each open with a person ("- Rishi Sunak, the UK prime minister, is expected on
// Friday.", "- Xi Jinping, who has not attended since 2015."). Each such item is that person's attendance (rule
// visit.attendance-list-item), planned, negated or done as its own words say.

extension EventFinder {
    /// Rule visit.attendance-list-item: the opening sentence of an undated list item that opens with a named person
    /// and names no place of its own after "in", "to", in a list whose lead sentence the gathering still held for:
    /// the person (not of the host country) attends it, dated by the item's time, else the gathering's.
    mutating func readAttendanceListItem(_ c: SentenceContext) {
        guard let item = c.listItem, item.opening, item.date == nil, var g = gathering, !g.fromItemHeading,
              g.holds(in: item.list) || g.holds(in: c.index), g.sentence <= c.index, namesNoPlaceOfItsOwn(c) else { return }
        let first = firstWord(after: c.start, c) // past the bullet
        guard let p = c.persons.first(where: { $0.phraseStart == first && $0.referring == nil }),
              let country = c.country(of: p), country != g.country, !p.hostContext,
              !visits.contains(where: { $0.visitor == p.entity && $0.sentences.contains(c.index) }),
              let act = itemAct(after: p, c) else { return }
        // A time inside a relative clause ("who has not attended since 2015") is another occasion's.
        let time = nearestTime(c.times.filter { !isInsideRelativeClause(at: $0.tokens.lowerBound, c) }, to: act.lowerBound)
        // The list goes on about the gathering: it holds for the items after, with its own dates (an item's time is
        // its person's).
        gathering?.sentence = c.index
        g.tokens = nil
        if let time {
            g.start = time.start
            g.end = time.end
        }
        let reading = GatheringReading(cue: act, place: g, time: time,
                                       rules: RuleSet([.visitAttendanceListItem, .destinationGatheringContext]))
        addGatheringVisit(p, reading, attendanceStatus(act, start: time?.start ?? g.start, c), c)
    }

    /// The words that say what an item's person does: the first lower-case word after his name, past a bracket
    /// ("(France)") and an aside set off by commas (", the UK prime minister,"), up to `itemActLength` words.
    /// Nil when the item says nothing after the name ("- Joe Biden.").
    func itemAct(after p: PersonRef, _ c: SentenceContext) -> Range<Int>? {
        var k = p.nameEnd
        if k < c.end, tokens[k].first == 0x28 {
            while k < c.end && tokens[k].first != 0x29 { k += 1 }
            k += 1
        }
        if k < c.end, isComma(k), let close = (k + 1..<min(c.end, k + Self.asideLength)).first(where: { isComma($0) }),
           !lexicon.relativePronouns.contains(tokens[k + 1].lower) {
            k = close + 1
        }
        while k < c.end && tokens[k].kind == .punct { k += 1 }
        guard k < c.end, tokens[k].kind == .word, !tokens[k].capitalized || lexicon.relativePronouns.contains(tokens[k].lower) else { return nil }
        return k..<min(c.end, k + Self.itemActLength)
    }

    /// How many tokens an aside after a name may take, its commas included.
    static let asideLength = 8
    /// How many words after the name say whether the person comes ("who has not attended", "is due to land").
    static let itemActLength = 4

    /// Negated when a negation word is among the act's words ("will not attend", "cancelled his trip"), planned when
    /// a plan word is ("will speak", "is expected", "is due"), else what the words around its first word say (a
    /// time ahead, a present tense told of a schedule: "arrives Friday night").
    func attendanceStatus(_ act: Range<Int>, start: PartialDate?, _ c: SentenceContext) -> StatusReading {
        if act.contains(where: { lexicon.negationCues.contains(tokens[$0].lower) }) { return StatusReading(.negated, .statusNegatedParticipant) }
        if act.contains(where: { lexicon.plannedCues.contains(tokens[$0].lower) }) { return StatusReading(.planned, .statusPlannedParticipant) }
        return status(trigger: act.lowerBound..<(act.lowerBound + 1), from: c.start, to: c.end, start: start, sentence: c.index)
    }
}
