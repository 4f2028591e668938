// The dates of a visit: the time nearest the trigger in the visitor's segment, a date right after the place,
// lists of dates, "later", the length of the visit ("a three-day visit") and the publication month for an
// undated report in the present.

/// The time a trigger takes, or the date it is after ("later"), and the rule that chose it.
struct TimeReading {
    var time: TaggedTime?
    var notBefore: PartialDate?
    var rule: Rule?
}

extension EventFinder {
    static let kKe = Fold.lowerKey("kể")

    /// The time of a trigger: the nearest in the visitor's segment; else, after "later", not before the time
    /// told before; else a time at the head of the sentence ("In June 1961, ...") for its first visitor.
    func timeOfVisit(_ visitor: Int?, _ trigger: Trigger, _ segment: VisitorSegment, _ c: SentenceContext) -> TimeReading {
        let tr = trigger.tokens
        if let told = timeBeforeWhenClause(of: tr, c) { return TimeReading(time: told, rule: .dateOwnClause) }
        var segTimes = c.times.filter { $0.tokens.lowerBound >= segment.start && $0.tokens.lowerBound < max(segment.end, tr.upperBound) }
        // A time in a clause coordinated after the trigger's dates that clause, not this one (rule date.own-clause):
        // "tháng 6/1955, Hồ Chí Minh thăm Trung Quốc, rồi từ giữa tháng 7/1955 thăm Liên Xô".
        let triggerClause = c.clause(of: tr.lowerBound)
        segTimes.removeAll { laterCoordinatedClause($0, after: triggerClause, c) }
        // Nearest time to the trigger.
        segTimes.sort { abs($0.tokens.lowerBound - tr.lowerBound) < abs($1.tokens.lowerBound - tr.lowerBound) }
        // A time across a verb of saying dates the saying, when the visit has a time of its own (rule
        // date.across-speech-verb): "X on 20 August announced the postponement of the visit set for 2-3 September".
        let ownClause = c.clause(of: tr.lowerBound)
        if let first = segTimes.first, saysBetween(first, tr, c),
           let own = segTimes.first(where: { !saysBetween($0, tr, c) })
               ?? c.times.first(where: { $0.tokens.lowerBound >= tr.upperBound && ownClause.contains($0.tokens.lowerBound) && !saysBetween($0, tr, c) }) {
            return TimeReading(time: own, rule: .dateAcrossSpeechVerb)
        }
        // A time in the trigger's own clause first (rule date.own-clause): "The summit in February ended without a
        // deal, and the leader visited Hanoi in April".
        // A trigger in a later clause takes no time from the clauses before it, but for a time heading the
        // sentence ("In July 2008, ..."), which dates all of it.
        let own = c.clause(of: tr.lowerBound)
        if let time = segTimes.first, !own.contains(time.tokens.lowerBound) {
            if let inClause = segTimes.first(where: { own.contains($0.tokens.lowerBound) }) {
                return TimeReading(time: inClause, rule: .dateOwnClause)
            }
            if own.lowerBound > c.start {
                segTimes.removeAll { $0.tokens.lowerBound < own.lowerBound && $0.tokens.lowerBound > c.start + 1 }
            }
        }
        if let time = segTimes.first, let own = ownTimeAfterCoordinator(passing: time, trigger: tr, visitor: visitor, c) {
            return TimeReading(time: own, rule: .dateOwnClause)
        }
        if let time = segTimes.first { return TimeReading(time: time, rule: .dateNearest) }
        if let time = timePastOtherParty(trigger: tr, segment, c) { return TimeReading(time: time, rule: .dateOwnClause) }
        if (tr.upperBound..<min(c.end, tr.upperBound + 6)).contains(where: { lexicon.laterWords.contains(tokens[$0].lower) }) {
            if let notBefore = c.times.last(where: { $0.tokens.upperBound <= segment.start })?.start {
                return TimeReading(notBefore: notBefore, rule: .dateLater)
            }
        }
        // Not from a clause coordinated before the visitor's ("The summit in February ended, and X began a visit").
        let coordinated = visitor.map { isCoordinatedClause(c.clause(of: c.persons[$0].phraseStart), c) } ?? false
        let visitorClause = visitor.map { c.clause(of: c.persons[$0].phraseStart) }
        if let vi = visitor, c.persons[vi].phraseStart == segment.start || segment.start == c.start,
           let head = c.times.first(where: { $0.tokens.upperBound <= c.persons[vi].phraseStart
               && (!coordinated || visitorClause?.contains($0.tokens.lowerBound) == true) && !endsTour($0, c) }) {
            return TimeReading(time: head, rule: .dateSentenceHead)
        }
        return TimeReading()
    }

    /// "The six-day tour, which ends on Sunday, will take him to Hamburg": a time right after a word of concluding
    /// (`concluding-verbs`, within two words) is the tour's end; it heads no sentence for the stops told after it.
    func endsTour(_ t: TaggedTime, _ c: SentenceContext) -> Bool {
        (max(c.start, t.tokens.lowerBound - 2)..<t.tokens.lowerBound).contains { lexicon.concludingVerbs.contains(tokens[$0].lower) }
    }

    /// How far after its trigger a time of its own may be.
    static let ownTimeReach = 24

    /// "sau khi ông tới Washington gặp Tổng thống Joe Biden hồi tháng 2", "talks with President Obama at the White
    /// House in July 2015": the other party of the visitor's talks ends his segment, but not his clause. With no
    /// time in the segment, the first time after that person in the trigger's clause, before anyone else is named
    /// and with no verb of saying between, dates the visit (rule date.own-clause).
    func timePastOtherParty(trigger tr: Range<Int>, _ segment: VisitorSegment, _ c: SentenceContext) -> TaggedTime? {
        guard segment.end < c.end, let party = c.persons.first(where: { $0.phraseStart == segment.end }), party.otherParty
        else { return nil }
        let clause = c.clause(of: tr.lowerBound)
        let bound = c.persons.first { $0.phraseStart > party.phraseStart && !$0.otherParty && !$0.hostContext }?.phraseStart ?? c.end
        guard let time = c.times.first(where: { $0.tokens.lowerBound >= party.nameEnd && $0.tokens.lowerBound < bound }),
              clause.contains(time.tokens.lowerBound), !saysBetween(time, tr, c) else { return nil }
        return time
    }

    /// "thăm Nga từ ngày 8 đến 10/9 và thăm Lào, kết hợp dự Đại hội đồng AIPA tại Viêng Chăn, từ ngày 17/10",
    /// "visited Russia on 8-10 September and Laos, for the assembly in Vientiane, from 17 October": the nearest
    /// time, before the trigger, past an "and" that joins the trigger's predicate to the one it dates, gives way to
    /// a time after the trigger in the sentence with no "and" nor visit word between (rule date.own-clause).
    func ownTimeAfterCoordinator(passing t: TaggedTime, trigger tr: Range<Int>, visitor: Int?, _ c: SentenceContext) -> TaggedTime? {
        guard let visitor, t.tokens.upperBound <= tr.lowerBound, tr.lowerBound - t.tokens.upperBound <= 3,
              (t.tokens.upperBound..<tr.lowerBound).contains(where: { lexicon.coordinators.contains(tokens[$0].lower) }),
              t.tokens.lowerBound > c.start + 1 else { return nil }
        // The time dates an earlier predicate of the visitor: a word of visiting, arriving or attending lies between
        // his name and it. Not a list of visitors each dated ("của X (6/2000) và chuyến thăm của Y (3/2016)").
        let nameEnd = c.persons[visitor].nameEnd
        guard nameEnd <= t.tokens.lowerBound, (nameEnd..<t.tokens.lowerBound).contains(where: { j in
            let end = t.tokens.lowerBound // (the sets one after another: an array of them copied the four sets)
            return lexicon.visitVerbs.match(tokens, at: j, end: end) > 0 || lexicon.visitNouns.match(tokens, at: j, end: end) > 0
                || lexicon.arrivalVerbs.match(tokens, at: j, end: end) > 0 || lexicon.attendVerbs.match(tokens, at: j, end: end) > 0
        }) else { return nil }
        return c.times.first { u in
            u.tokens.lowerBound >= tr.upperBound && u.tokens.lowerBound - tr.upperBound <= Self.ownTimeReach
                && !(tr.upperBound..<u.tokens.lowerBound).contains { j in
                    lexicon.coordinators.contains(tokens[j].lower) || lexicon.visitNouns.match(tokens, at: j, end: u.tokens.lowerBound) > 0
                        || lexicon.visitVerbs.match(tokens, at: j, end: u.tokens.lowerBound) > 0
                }
        }
    }

    /// Whether time `t` lies in a clause after `clause`, joined to it by coordination (", and", ", rồi", ";").
    func laterCoordinatedClause(_ t: TaggedTime, after clause: Range<Int>, _ c: SentenceContext) -> Bool {
        let own = c.clause(of: t.tokens.lowerBound)
        return own.lowerBound >= clause.upperBound && isCoordinatedClause(own, c)
    }

    /// "since January 2016, when a Middle East tour also took him to Egypt and Iran": a clause opened by a word of
    /// `time-relatives` right after a time and a comma is of that time, even one that only bounds a period ("since"),
    /// unless the clause has a time of its own before the trigger.
    func timeBeforeWhenClause(of tr: Range<Int>, _ c: SentenceContext) -> TaggedTime? {
        let clause = c.clause(of: tr.lowerBound), from = max(clause.lowerBound, c.start + 2)
        guard from < tr.lowerBound, let k = (from..<tr.lowerBound).last(where: {
            lexicon.timeRelatives.contains(tokens[$0].lower) && isComma($0 - 1)
        }), !c.allTimes.contains(where: { $0.tokens.lowerBound > k && $0.tokens.lowerBound < tr.lowerBound }) else { return nil }
        return c.allTimes.first { $0.tokens.upperBound == k - 1 }
    }

    /// A verb of saying between time `t` and the trigger, or just before a time that comes before the trigger
    /// ("said on Tuesday that Biden would attend").
    func saysBetween(_ t: TaggedTime, _ tr: Range<Int>, _ c: SentenceContext) -> Bool {
        let before = t.tokens.upperBound <= tr.lowerBound
        let between = before ? t.tokens.upperBound..<tr.lowerBound
            : t.tokens.lowerBound >= tr.upperBound ? tr.upperBound..<t.tokens.lowerBound : tr.lowerBound..<tr.lowerBound
        let lead = before ? max(c.start, t.tokens.lowerBound - 2)..<t.tokens.lowerBound : t.tokens.lowerBound..<t.tokens.lowerBound
        return (between.lowerBound..<between.upperBound).contains { lexicon.speechVerbs.match(tokens, at: $0, end: c.end) > 0 }
            || lead.contains { lexicon.speechVerbs.match(tokens, at: $0, end: t.tokens.lowerBound) > 0 }
    }

    /// "in November 2015 and November 2017": the time and the times listed right after it.
    func listedDates(from time: TaggedTime?, _ c: SentenceContext) -> [TaggedTime?] {
        var dates: [TaggedTime?] = [time]
        guard var last = time else { return dates }
        while let next = c.times.first(where: { $0.tokens.lowerBound > last.tokens.upperBound && $0.tokens.lowerBound <= last.tokens.upperBound + 2 }),
              (last.tokens.upperBound..<next.tokens.lowerBound).allSatisfy({ [Self.kAnd, Self.kVa].contains(tokens[$0].lower) || tokens[$0].first == 0x2C || tokens[$0].lower == Self.kIn }) {
            dates.append(next); last = next
        }
        return dates
    }

    /// The start and end of a visit: a date right after the place goes with it ("took him to Indonesia earlier
    /// in the week"); "a three-day visit" gives the end (the start after "concluded").
    func datesOfVisit(_ r: VisitReading, place: PlaceRef?, _ c: SentenceContext, _ rules: inout RuleSet) -> VisitDating {
        var time = r.time
        // Not across a coordinator: "đến Hà Nội, và một năm sau đó, ..." dates the next clause.
        // Nor across a semicolon: "thăm Triều Tiên; tháng 11/1958, ..." dates the next clause.
        if let place, let t = r.placeTimes.first(where: { $0.tokens.lowerBound >= place.tokens.upperBound && $0.tokens.lowerBound <= place.tokens.upperBound + 2
                && !(place.tokens.upperBound..<$0.tokens.lowerBound).contains { lexicon.coordinators.contains(tokens[$0].lower)
                    || (tokens[$0].kind == .punct && tokens[$0].first == 0x3B) } }) {
            time = t
            rules.insert(.dateAfterPlace)
        }
        var start = time?.start
        var end = time?.end
        if let tr = r.trigger?.tokens, let st = start, st.granularity == .day, end == nil {
            let days = lengthInDays(around: tr, c)
            if days > 1 {
                rules.insert(.dateLength)
                if concludes(tr, c.start) { start = st.adding(days: -(days - 1)); end = st } else { end = st.adding(days: days - 1) }
            }
        }
        return VisitDating(start: start, end: end, time: time)
    }

    /// "a three-day visit", "a 3-day visit", "chuyến thăm ba ngày": the length written near the trigger, 0 if none.
    func lengthInDays(around tr: Range<Int>, _ c: SentenceContext) -> Int {
        let s = c.start, e = c.end
        for k in max(s, tr.lowerBound - 3)..<min(e, tr.upperBound + 3) {
            if let n = lexicon.numberWords[tokens[k].lower], tokens[k].kind == .word, k + 1 >= e || tokens[k].lower != Fold.lowerKey("năm") || tokens[k + 1].lower == Self.kNgay {
                if tokens[k].lower == Fold.lowerKey("ba") || tokens[k].lower == Fold.lowerKey("hai") || tokens[k].lower == Fold.lowerKey("năm") {
                    guard k + 1 < e, tokens[k + 1].lower == Self.kNgay else { continue }
                }
                return n
            }
            if tokens[k].kind == .number, let dash = text(k..<(k + 1)).firstIndex(of: "-"),
               let n = Int(text(k..<(k + 1))[..<dash]), text(k..<(k + 1)).hasSuffix("-day"), n > 1, n < 30 {
                return n
            }
        }
        return 0
    }

    /// "concluded", "wrapped up", "ended", "kết thúc" just before the visit word.
    func concludes(_ tr: Range<Int>, _ s: Int) -> Bool {
        var j = tr.lowerBound - 1
        var n = 0
        while j >= s && n < 5 {
            if lexicon.concludingVerbs.contains(tokens[j].lower) { return true }
            j -= 1; n += 1
        }
        return false
    }

    static let kFrom = Fold.lowerKey("from")

    /// A date that only bounds a period: "since 2019", "after 1975", "sau năm 1975", "(kể) từ năm 2017", "from
    /// next year".
    func isSince(_ t: TaggedTime, _ s: Int) -> Bool {
        var j = t.tokens.lowerBound - 1
        if j >= s && (tokens[j].lower == TimeTagger.kNam || tokens[j].lower == TimeTagger.kYear) { j -= 1 } // "sau năm 1975"
        guard j >= s else { return false }
        if lexicon.sinceWords.contains(tokens[j].lower) || opensSinceClause(before: t.tokens.lowerBound, s) { return true }
        if sinceGerund(before: t.tokens.lowerBound, from: s) { return true }
        // "into the summit from next year", "from 2026": a year after "from", with no end, starts a period.
        if tokens[j].lower == Self.kFrom && t.start.granularity == .year && t.end == nil { return true }
        // "từ" is also "from" of a range ("từ ngày 2 đến 4/11"): only before a year, or after "kể".
        return tokens[j].lower == TimeTagger.kTu && (t.start.granularity == .year || (j > s && tokens[j - 1].lower == Self.kKe))
    }
}

extension EventFinder {
    /// A date that tells when relations were established or normalised: an establishment word followed by a
    /// relations word within three words, both in the few words before the date with no punctuation between
    /// ("kể từ khi hai nước thiết lập quan hệ ngoại giao năm 1999", "established diplomatic relations in 1995").
    func datesRelations(_ t: TaggedTime, _ s: Int) -> Bool {
        let first = t.tokens.lowerBound
        var j = first - 1
        while j >= max(s, first - 10), tokens[j].kind != .punct {
            let n = lexicon.establishWords.match(tokens, at: j, end: first)
            if n > 0, (j + n..<min(first, j + n + 3)).contains(where: { lexicon.relationsWords.match(tokens, at: $0, end: first) > 0 }) {
                return true
            }
            j -= 1
        }
        return false
    }
}

extension EventFinder {
    /// Longest a time that dates a visit may run: a visit lasts days or weeks, "1955-2025" is a period.
    static let longestVisitDays = 366
    static let kOn = Fold.lowerKey("on"), kVao = Fold.lowerKey("vào")

    /// A period of more than a year ("1955-2025", "(30/12/1955 - 30/12/2025)"): an anniversary's or a term's
    /// years, never a visit's dates.
    func spansYears(_ t: TaggedTime) -> Bool {
        guard let end = t.end else { return false }
        return end.dayRange.upperBound - t.start.dayRange.lowerBound > Self.longestVisitDays
    }

    /// The first token of the words that only lead into time `t`: "in", "on", "vào", "năm" ("founded in 2001",
    /// "thành lập năm 1967", "thành lập vào năm 1967").
    func timeLeadStart(_ t: TaggedTime, _ s: Int) -> Int {
        var j = t.tokens.lowerBound
        while j > s, j >= t.tokens.lowerBound - 2,
              [Self.kIn, Self.kOn, Self.kVao, TimeTagger.kNam, TimeTagger.kYear].contains(tokens[j - 1].lower) { j -= 1 }
        return j
    }

    /// A time right after a word of `founding-words` ("the SCO, founded in 2001", "ASEAN thành lập năm 1967"):
    /// it dates the founding, not a visit of the sentence.
    func datesFounding(_ t: TaggedTime, _ s: Int) -> Bool {
        let j = timeLeadStart(t, s)
        return (max(s, j - 2)..<j).contains { lexicon.foundingWords.match(tokens, at: $0, end: j) == j - $0 }
    }

    /// How far before a time "since" may open the clause it closes.
    static let sinceClauseSpan = 8

    /// "the largest since the organisation was founded in 2001", "since he came to power in 2016": a time closing
    /// a clause that "since" opens, of lowercase words with no visit word, bounds a period and dates no visit.
    /// Not "since his visit to Hanoi in 2016" (it names the visit the time dates) nor "since his 2016 trip".
    func closesSinceClause(_ t: TaggedTime, _ s: Int) -> Bool {
        let lead = timeLeadStart(t, s)
        guard lead < t.tokens.lowerBound else { return false } // "since his 2016 trip": the year is no clause's end
        var j = lead - 1
        while j > s && j >= lead - Self.sinceClauseSpan {
            let w = tokens[j]
            guard w.kind == .word, !w.capitalized else { return false }
            if lexicon.visitNouns.match(tokens, at: j, end: lead) > 0 || lexicon.visitVerbs.match(tokens, at: j, end: lead) > 0 { return false }
            if tokens[j - 1].lower == Self.kSince { return true }
            j -= 1
        }
        return false
    }
}

extension EventFinder {
    /// "kể từ khi nhậm chức tháng 6/2022" (since taking office in June 2022): a time in a clause opened by "kể từ
    /// khi", a few lowercase words before it, bounds a period. A clause naming someone or somewhere tells an event
    /// of its own ("kể từ khi ông Hollande tới Hà Nội năm 2016", "kể từ khi chuyên cơ rời Nội Bài sáng 27/10").
    func opensSinceClause(before first: Int, _ s: Int) -> Bool {
        var j = first - 1
        while j >= max(s + 2, first - 8), tokens[j].kind == .word, !tokens[j].capitalized {
            if tokens[j].lower == TimeTagger.kKhi && tokens[j - 1].lower == TimeTagger.kTu && tokens[j - 2].lower == Self.kKe { return true }
            j -= 1
        }
        return false
    }
}

extension EventFinder {
    /// How far before a time "since" and a verb in -ing may stand ("since taking office last month").
    static let sinceGerundSpan = 4
    static let kSince = Fold.lowerKey("since")

    /// A time closing a phrase of "since", a verb in -ing and no name ("since taking office last month", "since
    /// becoming president in 2019"): it bounds a period, it dates no visit, like "since 2019". Not "since
    /// visiting Beijing in May", which names the visit the time dates.
    func sinceGerund(before k: Int, from s: Int) -> Bool {
        var j = k - 1
        while j > s && j >= k - Self.sinceGerundSpan {
            guard tokens[j].kind == .word, !tokens[j].capitalized else { return false }
            if tokens[j - 1].lower == Self.kSince { return isGerund(j) }
            j -= 1
        }
        return false
    }

    /// A word in -ing of more than five letters ("taking", "becoming").
    func isGerund(_ j: Int) -> Bool {
        let t = tokens[j]
        guard t.kind == .word, t.end - t.start > 5 else { return false }
        let e = Int(t.end)
        return b[e - 3] == 0x69 && b[e - 2] == 0x6E && b[e - 1] == 0x67
    }
}

/// One stop of a trip list: the place and its time.
struct TripStop {
    var place: PlaceRef
    var time: TaggedTime
}

extension EventFinder {
    /// The next stop of a trip list at token `k`: a place after a destination preposition ("to Dalian in May"), after
    /// a preposition of place with its own time ("was in New Delhi in November 1986 and in Prague in April 1987"), or a
    /// place right there with its own time after it ("Riyadh on the 13th, Doha on the 14th").
    func nextStop(at k: Int, _ places: [PlaceRef], _ c: SentenceContext) -> PlaceRef? {
        if lexicon.destinationPrepositions.contains(tokens[k].lower) {
            return places.first { $0.tokens.lowerBound > k && $0.tokens.lowerBound <= k + 6 }
        }
        if lexicon.placePrepositions.contains(tokens[k].lower), let place = places.first(where: { $0.tokens.lowerBound > k && $0.tokens.lowerBound <= k + 2 }) {
            let after = place.tokens.upperBound
            return c.times.contains { $0.tokens.lowerBound >= after && $0.tokens.lowerBound <= after + 2 } ? place : nil
        }
        let start = tokens[k].lower == Self.kThe ? k + 1 : k
        guard let place = places.first(where: { $0.tokens.lowerBound == start }) else { return nil }
        let after = place.tokens.upperBound
        return c.times.contains { $0.tokens.lowerBound >= after && $0.tokens.lowerBound <= after + 2 } ? place : nil
    }

    /// "travelled to Beijing in March, to the port city of Dalian in May and to Beijing again in June": a list
    /// of places after the trigger, each with its own time right after it, joined by a comma or "and" and a
    /// preposition of destination or followed by a time of their own (rule visit.trip-list). Two stops or more, else none.
    /// The list starts at the first place after the trigger: right after it, or further on when that place opens a
    /// list ("a tour that had already taken him to Tokyo on Nov. 5, Seoul on Nov. 7 and Beijing on Nov. 8",
    /// "chuyến công du đầu tiên cho ba nước Đông Nam Á: Việt Nam (16-17/1), Thái Lan (17-18/1) và Indonesia").
    func tripList(after trigger: Trigger, segment: VisitorSegment, _ c: SentenceContext) -> [TripStop] {
        let tr = trigger.tokens
        let places = c.destinationPlaces(from: tr.upperBound, to: max(segment.end, tr.upperBound))
        guard let first = places.first else { return [] }
        if first.tokens.lowerBound <= tr.upperBound + 4 { return tripList(from: first, places, c) }
        guard first.tokens.lowerBound <= tr.upperBound + Self.farListStart else { return [] }
        let stops = tripList(from: first, places, c)
        return stops.count >= 3 || (stops.count == 2 && stops[0].time.start.granularity == .day) ? stops : []
    }

    /// How far after its trigger a trip list may start when its first place is not right after it (tokens).
    static let farListStart = 12

    /// The stops of a trip list that starts at `first`: each place with its time, while they are joined.
    func tripList(from first: PlaceRef, _ places: [PlaceRef], _ c: SentenceContext) -> [TripStop] {
        let e = c.end
        var place = first
        var stops: [TripStop] = []
        while let time = c.times.first(where: { $0.tokens.lowerBound >= place.tokens.upperBound && $0.tokens.lowerBound <= place.tokens.upperBound + 2 }) {
            stops.append(TripStop(place: place, time: time))
            var k = time.tokens.upperBound
            if k < e, tokens[k].first == 0x29 { k += 1 } // "Ethiopia (22 January) and Djibouti (23 January)"
            guard k < e, tokens[k].first == 0x2C || tokens[k].lower == Self.kAnd || tokens[k].lower == Self.kVa else { break }
            k += 1
            if k < e, tokens[k].lower == Self.kAnd || tokens[k].lower == Self.kVa { k += 1 } // ", and to"
            if k < e, lexicon.sequenceWords.contains(tokens[k].lower) { k += 1 } // "and finally Senegal (April 1-2)"
            guard k < e, let next = nextStop(at: k, places, c) else { break }
            place = next
        }
        return stops.count >= 2 ? stops : []
    }
}

/// A visit's dates as one sentence gives them, and the time expression they were read from.
struct VisitDating {
    var start: PartialDate?
    var end: PartialDate?
    var time: TaggedTime?
}

extension EventFinder {
    /// In a sentence that tells the past of a text that does, the time of a visit the sentence does not date
    /// (rule date.story-time): a time written before its trigger in the sentence, to the month ("on 16 May 1989,
    /// the day after Gorbachev landed in Beijing"); else the time the text told before, to the year ("On the way
    /// home he stopped in Beijing again").
    func storyTimeOfVisit(_ r: VisitReading, _ c: SentenceContext) -> PartialDate? {
        guard story.yearFromStory else { return nil }
        let before = r.trigger.map(\.tokens.lowerBound) ?? r.person.nameStart
        if let own = c.times.last(where: { $0.tokens.upperBound <= before }) {
            return own.start.truncated(to: min(own.start.granularity, .month))
        }
        return story.lastTime?.truncated(to: .year)
    }

    /// News copy recalling an earlier visit in the past tense, with no time of its own ("In October 2013 Obama
    /// stayed home. ... Xi Jinping, who had been touring Indonesia and Malaysia, had the stage to himself",
    /// "Tháng 11/2019, ... Tại Bangkok, Thủ tướng đã dự các hội nghị"): the time its paragraph told last, to the
    /// month, when that time is of an earlier year than the page's; the page's month would be a time the text
    /// never gives it (rule date.story-time). Not when the sentence writes any time ("on Friday", "giữa tháng này",
    /// "in April 2018" of another clause): it is told from there; nor when it holds a negation ("said he had travelled on
    /// to Japan; he did not"). A text that tells the past reads it in `storyTimeOfVisit`.
    func recalledTimeOfVisit(_ c: SentenceContext) -> PartialDate? {
        guard !story.tellsThePast, story.toldInPast, c.allTimes.isEmpty, !negationBetween(c.start, c.end),
              story.lastTimeInParagraph, let told = story.lastTime, let page = publication,
              told.year < page.year else { return nil }
        return told.truncated(to: min(told.granularity, .month))
    }
}
