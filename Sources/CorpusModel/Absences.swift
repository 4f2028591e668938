// Leaders who stayed away from a gathering. A participant named after an absence noun ("the absence of X", "sự
// vắng mặt của X") was not there; and once a sentence says someone stayed away, skipped it or had someone go in
// his place, an earlier report of his paragraph that put him there by default only (a timeline line "November
// 2019 - Bangkok." read as his stop) is the trip he did not make.

extension EventFinder {

    /// How many words may stand between an absence noun and the "of" before the participant ("sự vắng mặt vào
    /// phút chót của X", the absence at the last minute of X).
    static let absenceReach = 6

    /// "the absence of Thai Prime Minister X", "sự vắng mặt vào phút chót của Thủ tướng Thái Lan X": an
    /// `absence-nouns` phrase at most `absenceReach` words before an "of"/"của" that stands right before the
    /// participant's title or name, no punctuation between, or one ending right before it ("Hội nghị vắng Tổng
    /// thống X", the summit lacked President X), or with the participant's possessive right before it ("Vladimir
    /// Putin's absence"): he was not there (rule status.negated.absence).
    func isNamedAbsent(_ p: PersonRef, _ c: SentenceContext) -> Bool {
        // "Vladimir Putin's absence", "his absence from the summit": the absent one before the noun.
        if p.nameEnd + 1 < c.end, tokens[p.nameEnd].kind == .possessive, lexicon.absenceNouns.match(tokens, at: p.nameEnd + 1, end: c.end) > 0 {
            return true
        }
        if lexicon.absenceNouns.matchEnding(tokens, at: p.phraseStart - 1, start: max(c.start, p.phraseStart - Self.absenceReach)) > 0 {
            return true
        }
        let of = p.phraseStart - 1
        guard of > c.start, tokens[of].lower == Self.kOf || tokens[of].lower == Self.kCua else { return false }
        var j = of - 1
        while j >= max(c.start, of - Self.absenceReach) && tokens[j].kind != .punct {
            if lexicon.absenceNouns.match(tokens, at: j, end: of) > 0 { return true }
            j -= 1
        }
        return false
    }

    /// Rule status.negated.stayed-away: `negated`, a report that `visitor` stayed away from the gathering in
    /// `destination`, makes the reports of the same paragraph before it that put him there by default (no
    /// status cue of their own: `status.occurred.default`), dated as it is or undated, negated too.
    mutating func negateDefaultReportsOfParagraph(visitor: Int, destination: String, start: PartialDate?, before sentence: Int) {
        for i in visits.indices {
            let v = visits[i]
            guard v.visitor == visitor, v.destination == destination, v.status == .occurred,
                  v.rules.contains(.statusOccurredDefault), !v.rules.contains(.statusOccurredCue),
                  v.sentences.allSatisfy({ $0 >= paragraphFirstSentence && $0 < sentence }),
                  Self.sameTime(v.start, start) else { continue }
            visits[i].status = .negated
            visits[i].rules.insert(.statusNegatedStayedAway)
        }
    }

    /// Two dates that can be one gathering's: either unknown, or overlapping.
    static func sameTime(_ a: PartialDate?, _ b: PartialDate?) -> Bool {
        guard let a, let b else { return true }
        return a.dayRange.overlaps(b.dayRange)
    }
}

extension EventFinder {
    /// Rule destination.item-heading: a list item that opens with its date and a single place, nothing else
    /// ("November 2019 - Bangkok.", "October 2024 - Vientiane, Laos."), places the gathering its later sentences
    /// report without a place of their own ("Trump skips the summit"), dated by the item.
    func itemHeadingPlace(_ c: SentenceContext) -> GatheringPlace? {
        guard let item = c.listItem, item.opening, let date = item.date else { return nil }
        let places = c.destinations.filter { $0.tokens.lowerBound >= date.tokens.upperBound }
        guard let first = places.first, places.allSatisfy({ $0.country == first.country }) else { return nil }
        for k in date.tokens.upperBound..<c.end where tokens[k].kind != .punct {
            guard places.contains(where: { $0.tokens.contains(k) }) || lexicon.coordinators.contains(tokens[k].lower) else { return nil }
        }
        var place = GatheringPlace(country: first.country, city: places.lazy.compactMap(\.city).first, tokens: nil,
                                   start: date.start, end: date.end, sentence: c.index)
        place.fromItemHeading = true
        return place
    }
}
