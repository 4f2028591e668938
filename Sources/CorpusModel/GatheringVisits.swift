// Attendance at a gathering (a summit, a conference, a funeral): a visit to the host country for every
// participant a sentence names, the host country's own people excepted (they did not travel). This extends
// the meeting visits of OtherEvents.swift (two parties meeting in a named city) to gatherings of many:
// a cue (a gathering word, an attendance verb or noun), the gathering's place (named with the cue, or carried
// from an earlier sentence or the dateline: rule destination.gathering-context) and the persons named.

/// Where and when a gathering of the article takes place, once a sentence or the dateline has named it.
struct GatheringPlace {
    var country: String
    var city: Int?
    /// The place's tokens when it is named in the sentence being read.
    var tokens: Range<Int>?
    var start: PartialDate?
    var end: PartialDate?
    /// The last sentence that named or used it: it holds for a few sentences after.
    var sentence: Int
    /// Placed by the article's dateline ("VILNIUS, July 11 -"): the report is written from there
    /// (DatelineGathering.swift).
    var fromDateline = false
    /// Placed by a list item's heading ("November 2019 - Bangkok."; rule destination.item-heading, Absences.swift).
    var fromItemHeading = false
    /// A dateline without a date ("BELGRADE - ..."), until the lead shows it reports a gathering (DatelineGathering.swift).
    var awaitsLead = false

    /// How many sentences a gathering holds after the last that named or used it.
    static let reach = 3

    /// Set when a later sentence takes the story elsewhere (GatheringScene.swift).
    var sceneEnded = false

    /// Whether it still holds in sentence `index`: within its reach, or, for a gathering a sentence of the article
    /// placed, while it is still the story's scene (GatheringScene.swift).
    func holds(in index: Int) -> Bool { index - sentence <= Self.reach || (!sceneEnded && !fromDateline && !fromItemHeading && !awaitsLead) }
}

/// A gathering placed before the sentence that reports it, and the rule that carried it there.
struct CarriedGathering {
    var place: GatheringPlace
    var rule: Rule
}

/// What one sentence says about a gathering: its cue, where and when, and the rules that read them.
struct GatheringReading {
    var cue: Range<Int>
    var place: GatheringPlace
    var time: TaggedTime?
    var rules: RuleSet
    /// Whether the place holds for the sentences after (not a place only referred back to: "from X, where ...").
    var carriesOn = true
}

extension EventFinder {
    /// The steps, for one sentence: a dateline ("BELGRADE, May 8 -") places the article's gathering; a cue
    /// not about the gathering as a topic ("ahead of the summit") and no remote attendance ("by video"); the
    /// place and time (`gatheringReading`); the participants (`gatheringParticipants`), one visit each.
    mutating func findGatheringVisits(_ c: SentenceContext) {
        if let dateline = datelinePlace(c) {
            gathering = dateline
            // A dateline opening a paragraph the header did not give ("(Johannesburg) - Chiều 23/11, ..."): the
            // article is written from there (rule destination.dateline-gathering).
            if datelineGathering == nil, c.index == paragraphFirstSentence {
                datelineGathering = dateline
                datelineGathering?.fromDateline = true
            }
        }
        if let heading = itemHeadingPlace(c) { gathering = heading }
        confirmUndatedDateline(c)
        guard !mentionsRemoteAttendance(c) else { return }
        // Each clause with a cue of its own after the scope of the one before ("X leads the delegation; Y stays away").
        // A cue that places nothing ("Hội nghị ... khai mạc", talks with no place) leaves its clause to the next
        // attendance cue ("với sự tham dự của"), not to another gathering word.
        var from = c.start
        var attendanceOnly = false
        var placed: GatheringPlace?
        while from < c.end, let cue = gatheringCue(c, from: from, attendanceOnly: attendanceOnly) {
            let read = readGathering(cue, c, before: placed)
            // An arrival's clause may hold a cue of its own ("all flew in for the ceremony, as did X").
            let wholeScope = read != nil && !isArrivalCue(cue, c)
            from = wholeScope ? max(cue.upperBound, gatheringScope(cue: cue, c).upperBound) : cue.upperBound
            attendanceOnly = read == nil
            placed = read ?? placed
        }
        if from == c.start, let meeting = itemHeadingMeeting(c) ?? itemHeadingSubjectAct(c) { _ = readGathering(meeting, c, before: nil) }
    }

    /// A dateline without a date places the article's gathering only when the lead (the first sentence after the
    /// title) reports a gathering: "BELGRADE - The largest gathering of world leaders ...".
    mutating func confirmUndatedDateline(_ c: SentenceContext) {
        guard datelineGathering?.awaitsLead == true, c.index > 0 else { return }
        if gatheringCue(c, from: c.start) != nil { datelineGathering?.awaitsLead = false } else { datelineGathering = nil }
    }

    /// No place of the sentence stands after "in", "to", "tại" (`place-prepositions`, `destination-prepositions`),
    /// but in an aside set off by commas right after the person the sentence opens with ("Kennedy, fresh from three
    /// days in Paris, meets Khrushchev": where he came from).
    func namesNoPlaceOfItsOwn(_ c: SentenceContext) -> Bool {
        let aside = asideAfterOpeningPerson(c)
        return !c.destinations.contains { p in
            let j = p.tokens.lowerBound - 1
            return j >= c.start && aside?.contains(j) != true
                && (lexicon.placePrepositions.contains(tokens[j].lower) || lexicon.destinationPrepositions.contains(tokens[j].lower))
        }
    }

    /// ", fresh from three days with de Gaulle in Paris," right after the named person a sentence opens with (past a
    /// bullet): the aside's tokens, its commas included, when it closes within `asideReach` tokens.
    func asideAfterOpeningPerson(_ c: SentenceContext) -> Range<Int>? {
        let first = firstWord(after: c.start, c)
        guard let p = c.persons.first(where: { $0.phraseStart == first && $0.referring == nil }), p.nameEnd < c.end, isComma(p.nameEnd),
              let close = (p.nameEnd + 1..<min(c.end, p.nameEnd + Self.asideReach)).first(where: { isComma($0) }) else { return nil }
        return p.nameEnd..<(close + 1)
    }

    /// How many tokens an aside after an opening name may take.
    static let asideReach = 14

    /// "July 1955 — Geneva. Eisenhower, Eden and Faure met Bulganin.": in a timeline item whose heading placed its
    /// gathering, a sentence with no gathering cue and no place of its own after "in", "to" (`place-prepositions`,
    /// `destination-prepositions`), but a meeting word (`meeting-words`, not inside a name), met at the heading's
    /// place (rule destination.item-heading). The meeting word's tokens.
    func itemHeadingMeeting(_ c: SentenceContext) -> Range<Int>? {
        guard let g = gathering, g.fromItemHeading, g.holds(in: c.index), g.sentence >= paragraphFirstSentence,
              namesNoPlaceOfItsOwn(c) else { return nil }
        for k in c.start..<c.end where tokens[k].kind == .word && !c.persons.contains(where: { $0.nameStart <= k && k < $0.nameEnd }) {
            let n = lexicon.meetingWords.match(tokens, at: k, end: c.end)
            if n > 0 { return k..<(k + n) }
        }
        return nil
    }

    /// "December 1987 — Washington. Gorbachev signs the INF Treaty at the White House.": in a timeline item whose
    /// heading placed its gathering, a later sentence with no place of its own after "in", "to" that opens with named
    /// persons ("Bush and Gorbachev sign ...") and goes on with a lower-case word (what they do there): they are at
    /// the heading's place (rule destination.item-heading). That word's token.
    func itemHeadingSubjectAct(_ c: SentenceContext) -> Range<Int>? {
        guard let g = gathering, g.fromItemHeading, g.holds(in: c.index), g.sentence >= paragraphFirstSentence, g.sentence < c.index,
              namesNoPlaceOfItsOwn(c), var subject = c.persons.first(where: { $0.phraseStart == c.start && $0.referring == nil })
        else { return nil }
        // "Jimmy Carter and Brezhnev", "A, B and C": the persons the subject coordinates.
        while subject.nameEnd + 1 < c.end, tokens[subject.nameEnd].first == 0x2C || lexicon.coordinators.contains(tokens[subject.nameEnd].lower),
              let next = c.persons.first(where: { $0.phraseStart == subject.nameEnd + 1 && $0.referring == nil }) {
            subject = next
        }
        // Past an aside about him ("Gerald Ford, on his way home from Japan, meets ...").
        let k = asideAfterOpeningPerson(c).flatMap { $0.lowerBound == subject.nameEnd ? $0.upperBound : nil } ?? subject.nameEnd
        guard k < c.end, tokens[k].kind == .word, !tokens[k].capitalized else { return nil }
        return k..<(k + 1)
    }

    /// The visits of one cue's gathering: its place and time, then each participant's; `before`, the gathering an
    /// earlier cue of the sentence placed ("after attending the forum in Beijing, an event attended by X"). The
    /// place it read, nil when none.
    mutating func readGathering(_ cue: Range<Int>, _ c: SentenceContext, before: GatheringPlace?) -> GatheringPlace? {
        guard let reading = gatheringReading(cue: cue, c, sameSentence: before) else { return nil }
        // A gathering told in an aside (", which will include the parade in X on Wednesday") is not the one the
        // next sentences report: it only keeps the gathering of its country going.
        if reading.carriesOn && isInsideSetOffRelative(at: cue.lowerBound, c) {
            if let g = gathering, g.holds(in: c.index), g.country == reading.place.country { gathering?.sentence = c.index }
        } else if reading.carriesOn {
            gathering = reading.place
            gathering?.tokens = nil
        }
        let start = reading.time?.start ?? reading.place.start
        var status = status(trigger: cue, from: c.start, to: c.end, start: start, sentence: c.index)
        // "lên đường dự APEC tại Gyeongju": set off for it, the gathering is the first stop (status.occurred.departure).
        if status.rule == .statusPlannedCuePhrase, departedFirstLeg(cue, c, start: start) == reading.place.country {
            status = StatusReading(.occurred, .statusOccurredDeparture)
        }
        for p in gatheringParticipants(reading, c) {
            addGatheringVisit(p, reading, participantStatus(p, cue: cue, status, c), c)
        }
        return reading.place
    }

    /// The status of one participant: his own negation, a substitute's (StatusScope.swift), a skip verb that is
    /// another's, else the gathering's.
    func participantStatus(_ p: PersonRef, cue: Range<Int>, _ status: StatusReading, _ c: SentenceContext) -> StatusReading {
        if isNegatedAfterName(p, c) { return StatusReading(.negated, .statusNegatedParticipant) }
        if isNamedAbsent(p, c) { return StatusReading(.negated, .statusNegatedAbsence) }
        if let substitute = substituteStatus(p, c) { return substitute }
        if isParticipantAfterSkip(p, cue: cue, status) {
            // "X will miss the summit, and Y is to lead the delegation": Y's own plan.
            if participantPlans(p, c) { return StatusReading(.planned, .statusPlannedParticipant) }
            return StatusReading(.occurred, .statusOccurredOtherParticipant)
        }
        if status.status == .planned && hasArrived(p, c) { return StatusReading(.occurred, .statusOccurredParticipantArrived) }
        if status.rule == .statusOccurredDefault && p.nameEnd <= cue.lowerBound && participantPlans(p, c) { return StatusReading(.planned, .statusPlannedParticipant) }
        return status
    }

    /// "the stadium Biden never saw", "X did not attend", "X, who had been urged to attend, decided not to go": a
    /// negation within two words after a participant's name, or after a relative clause set off right after it, is
    /// his own: he was not there (rule status.negated.participant). Vietnamese, whose words are syllables, gets
    /// three ("X tiếp tục không được mời", X was again not invited).
    func isNegatedAfterName(_ p: PersonRef, _ c: SentenceContext) -> Bool {
        let after = endOfRelativeClause(after: p.nameEnd, c) ?? p.nameEnd
        let reach = language == .vietnamese ? 3 : 2
        return (after..<min(c.end, after + reach)).contains { tokens[$0].kind == .word && lexicon.negationCues.contains(tokens[$0].lower) }
    }

    /// ", who ... ," right after token `k`: the token after the closing comma.
    func endOfRelativeClause(after k: Int, _ c: SentenceContext) -> Int? {
        guard k + 1 < c.end, tokens[k].first == 0x2C, lexicon.relativePronouns.contains(tokens[k + 1].lower),
              let close = (k + 2..<c.end).first(where: { tokens[$0].kind == .punct && tokens[$0].first == 0x2C }) else { return nil }
        return close + 1
    }

    /// The first gathering word, attendance verb or attendance word of the sentence, not inside a name and not
    /// after a topic phrase ("ahead of the summit") or before a possessive ("the summit's agenda").
    func gatheringCue(_ c: SentenceContext, from start: Int, attendanceOnly: Bool = false) -> Range<Int>? {
        if start == c.start, let copula = invertedPresence(c) { return copula..<(copula + 1) }
        for k in start..<c.end where lexicon.wordClasses.has(.gatheringStart, tokens[k]) {
            let gathering = attendanceOnly ? 0 : lexicon.gatheringWords.match(tokens, at: k, end: c.end)
            let n = max(gathering, attendVerbCue(at: k, c), lexicon.attendanceWords.match(tokens, at: k, end: c.end), leadCue(at: k, c),
                        lexicon.sendWords.match(tokens, at: k, end: c.end), arrivalCue(at: k, c))
            // "dự" of "dự kiến" (expected) is a status word, not attendance. (The word is looked at before the
            // names around it: most words are none of these.)
            guard n > 0, lexicon.plannedPhrases.match(tokens, at: k, end: c.end) <= n,
                  !c.persons.contains(where: { $0.nameStart <= k && k < $0.nameEnd }) else { continue }
            var j = k - 1
            while j > c.start && (tokens[j].lower == Self.kThe || tokens[j].capitalized) { j -= 1 } // "ahead of the G20 summit"
            let topic = j >= c.start && lexicon.gatheringTopicWords.matchEnding(tokens, at: j, start: max(c.start, j - 5)) > 0
            let possessed = gathering > 0 && k + gathering < c.end && tokens[k + gathering].kind == .possessive
            if topic || possessed { continue }
            return k..<(k + n)
        }
        return nil
    }

    /// An attending verb at `k`, its length. Vietnamese writes compounds as separate syllables ("dự án", a
    /// project): there a verb counts when a gathering word follows within six words or the clause ends after it.
    func attendVerbCue(at k: Int, _ c: SentenceContext) -> Int {
        let n = lexicon.attendVerbs.match(tokens, at: k, end: c.end)
        guard n > 0, language == .vietnamese else { return n }
        let after = k + n
        if after >= c.end || tokens[after].kind == .punct { return n }
        let gatheringFollows = (after..<min(c.end, after + 6)).contains { lexicon.gatheringWords.match(tokens, at: $0, end: c.end) > 0 }
        return gatheringFollows ? n : 0
    }

    /// "Also in Vientiane that week were A, B and C": a sentence opening (after at most one word) with "in"/"at" and a
    /// place, then within four words a copula (`copula-words`) before a person: the persons after it were there. The
    /// copula's token.
    func invertedPresence(_ c: SentenceContext) -> Int? {
        guard let place = c.destinations.first, place.tokens.lowerBound <= c.start + 2, place.tokens.lowerBound > c.start,
              lexicon.placePrepositions.contains(tokens[place.tokens.lowerBound - 1].lower),
              let copula = (place.tokens.upperBound..<min(c.end, place.tokens.upperBound + 4)).first(where: {
                  tokens[$0].kind == .word && lexicon.copulaWords.contains(tokens[$0].lower) }),
              let first = c.persons.first(where: { $0.phraseStart > copula }), first.phraseStart <= copula + 4,
              !(place.tokens.upperBound..<copula).contains(where: { tokens[$0].kind == .punct }) else { return nil }
        return copula
    }

    /// "led the U.S. delegation", "dẫn đầu đoàn": a `lead-verbs` phrase with a `delegation-words` entry within four
    /// words after it, no punctuation between: attending at the delegation's head. The cue's length.
    func leadCue(at k: Int, _ c: SentenceContext) -> Int {
        let n = lexicon.leadVerbs.match(tokens, at: k, end: c.end)
        guard n > 0 else { return 0 }
        var j = k + n
        while j < min(c.end, k + n + 5) && tokens[j].kind != .punct {
            let d = lexicon.delegationWords.match(tokens, at: j, end: c.end)
            if d > 0 { return j + d - k }
            j += 1
        }
        return delegationOpensBefore(k, c) ? n : 0
    }

    /// "Đoàn Lào do Tổng Bí thư, Chủ tịch nước Thongloun Sisoulith dẫn đầu", "the Lao delegation, which X led": a
    /// delegation word (`delegation-words`) opening the sentence or a clause after ";" within `delegationReach` tokens
    /// before the lead verb at `k` (the leader's titles between may hold commas).
    func delegationOpensBefore(_ k: Int, _ c: SentenceContext) -> Bool {
        var j = k - 1
        while j >= max(c.start, k - Self.delegationReach) {
            let opens = j == c.start || (tokens[j - 1].kind == .punct && tokens[j - 1].first == 0x3B)
            if opens && lexicon.delegationWords.match(tokens, at: j, end: k) > 0 { return true }
            if tokens[j].kind == .punct && tokens[j].first == 0x3B { return false }
            j -= 1
        }
        return false
    }

    /// How far before its lead verb a delegation word may open the clause ("Đoàn Singapore do Phó Thủ tướng, Bộ
    /// trưởng Thương mại và Công nghiệp Gan Kim Yong dẫn đầu").
    static let delegationReach = 24

    /// "after attending the G20 summit in Bali", "sau khi dự Hội nghị G20 tại Bali": an `after-words` phrase within
    /// three words before the cue, past the gathering's name ("after the Asia-Pacific Economic Cooperation summit"):
    /// the gathering is over, background to the sentence's news.
    func isAfterClause(_ cue: Range<Int>, _ c: SentenceContext) -> Bool {
        var k = cue.lowerBound
        while k > c.start && tokens[k - 1].kind == .word && tokens[k - 1].capitalized { k -= 1 }
        return (max(c.start, k - 3)..<k).contains { lexicon.afterWords.match(tokens, at: $0, end: k) > 0 }
    }

    /// "by phone", "via video link", "điện đàm": someone took part from afar, not a visit.
    func mentionsRemoteAttendance(_ c: SentenceContext) -> Bool {
        (c.start..<c.end).contains { lexicon.remoteWords.match(tokens, at: $0, end: c.end) > 0 }
    }

    /// A dateline opening the sentence: a place (in brackets or not), a comma or a dash, and a time within a few
    /// words ("TOKYO, Sept 27 -", "Bangkok, 3/11/2019 -", "Moskva - Chiều 11/5, ...", "(Johannesburg) - Chiều 23/11").
    func datelinePlace(_ c: SentenceContext) -> GatheringPlace? {
        let bracketed = c.start < c.end && tokens[c.start].kind == .punct && tokens[c.start].first == 0x28
        guard let first = c.destinations.first, first.tokens.lowerBound == c.start + (bracketed ? 1 : 0) else { return nil }
        var k = first.tokens.upperBound
        if bracketed {
            guard k < c.end, tokens[k].kind == .punct, tokens[k].first == 0x29 else { return nil }
            k += 1
        }
        guard k < c.end, tokens[k].kind == .punct, tokens[k].first == 0x2C || MetadataReader.isDash(b, tokens[k]),
              let t = c.allTimes.first(where: { $0.tokens.lowerBound <= k + 4 }) else { return nil }
        return GatheringPlace(country: first.country, city: first.city, tokens: nil, start: t.start, end: t.end, sentence: c.index)
    }

    /// Where and when: a place named right before a gathering word ("the Malta summit"), else one after "in",
    /// "at", "tại" in the cue's clause, nearest the cue (rule destination.gathering-place); else the gathering
    /// an earlier sentence or the dateline placed (rule destination.gathering-context; not for talks and
    /// meetings), with its time when the sentence gives none.
    func gatheringReading(cue: Range<Int>, _ c: SentenceContext, sameSentence: GatheringPlace? = nil) -> GatheringReading? {
        var rules = RuleSet([.visitGatheringParticipant])
        if isArrivalCue(cue, c) { rules.insert(.visitArrivalUnplaced) }
        // A time inside a relative clause ("Modi, whose country takes over next month, ...") dates that clause only.
        let cueInRelative = isInsideRelativeClause(at: cue.lowerBound, c)
        // "has not attended a COP since Paris in 2015": a time in a since phrase starts a stretch; it does not date the gathering.
        let times = c.times.filter { (cueInRelative || !isInsideRelativeClause(at: $0.tokens.lowerBound, c)) && !followsSince($0, c) }
        // An arrival is not dated past a semicolon ("X came from New Delhi; the two had met in July 1956"): it takes the
        // gathering's time instead.
        let arrival = isArrivalCue(cue, c)
        var time = nearestTime(times.filter { c.clause(of: cue.lowerBound).contains($0.tokens.lowerBound) }, to: cue.lowerBound)
            ?? nearestTime(arrival ? times.filter { !semicolonBetween(cue.lowerBound, $0.tokens.lowerBound) } : times, to: cue.lowerBound)
        if time != nil { rules.insert(.dateNearest) }
        // "said on Tuesday that X would attend the summit ... from Friday": a time across a verb of saying dates
        // the saying when the gathering has one of its own (rule date.across-speech-verb).
        if let t = time, saysBetween(t, cue, c), let own = nearestTime(c.times.filter { !saysBetween($0, cue, c) }, to: cue.lowerBound) {
            time = own
            rules.insert(.dateAcrossSpeechVerb)
        }
        // "flew in from Kuala Lumpur, where he had attended the meeting": that place, for this sentence only.
        if let referred = placeReferredBack(before: cue, c) {
            rules.insert(.destinationGatheringPlace)
            let place = GatheringPlace(country: referred.country, city: referred.city, tokens: referred.tokens, start: time?.start,
                                       end: time?.end, sentence: c.index)
            // "Good morning from Rio, where leaders are gathering": a gathering told as under way there holds on.
            let past = (referred.tokens.upperBound..<cue.upperBound).contains { lexicon.occurredCues.match(tokens, at: $0, end: c.end) > 0 }
            return GatheringReading(cue: cue, place: place, time: time, rules: rules, carriesOn: !past)
        }
        if let named = namedGatheringPlace(cue: cue, c) {
            rules.insert(.destinationGatheringPlace)
            if named.namedByDemonym { rules.insert(.destinationDemonymCapital) }
            if isPlaceNounComplement(named, c) { rules.insert(.destinationPlaceNounOf) }
            var place = GatheringPlace(country: named.country, city: named.city, tokens: named.tokens, start: time?.start,
                                       end: time?.end, sentence: c.index)
            // "the G7 summit in Hiroshima from Friday to Sunday. ... are attending the Hiroshima meeting": the
            // gathering named again by its city, with no time of its own, keeps the dates it was given.
            if time == nil, let carried = gathering, c.index - carried.sentence <= GatheringPlace.reach,
               carried.country == named.country, let city = named.city, carried.city == city {
                place.start = carried.start
                place.end = carried.end
            }
            return GatheringReading(cue: cue, place: place, time: time, rules: rules, carriesOn: !isAfterClause(cue, c))
        }
        // Talks and meetings ("held bilateral meetings with") name their own place (OtherEvents.swift), unless a
        // timeline item's heading placed them ("July 1955 — Geneva. X, Y and Z met W."; rule destination.item-heading).
        let meeting = lexicon.meetingWords.match(tokens, at: cue.lowerBound, end: c.end) > 0
        // "at Pope Francis's funeral Mass", "the swearing-in of X": the country of the person it is for (the
        // gathering already placed there, with its city, when it is).
        if !meeting, let ceremony = ceremonyPersonPlace(c),
           (sameSentence ?? carriedGathering(c, time: time?.start)?.place)?.country != ceremony.country {
            rules.insert(.destinationCeremonyPerson)
            let place = GatheringPlace(country: ceremony.country, city: nil, tokens: nil, start: time?.start, end: time?.end, sentence: c.index)
            // A list item's ceremony is its own: the next item has a place of its own, named or not.
            return GatheringReading(cue: cue, place: place, time: time, rules: rules, carriesOn: !isAfterClause(cue, c) && c.listItem == nil)
        }
        // A meeting whose participants a colon lists ("welcomed a crowded field to the two-day meeting: A, B, C") is
        // the gathering too.
        guard let carried = sameSentence.map({ CarriedGathering(place: $0, rule: .destinationGatheringContext) })
                ?? carriedGathering(c, time: time?.start),
              !meeting || colonList(after: cue, c) != nil
                || (sameSentence == nil && carried.rule == .destinationItemHeading && namesNoPlaceOfItsOwn(c)) else { return nil }
        var place = carried.place
        // "Benedict XVI arrived in March 2012", told near a summit of 2015: another time, another trip.
        if rules.contains(.visitArrivalUnplaced), let t = time?.start, let g = place.start, !Self.arrivalFits(t, gathering: g) { return nil }
        // An arrival with no place is read near the gathering only, not wherever it is still the story's scene
        // ("landed" a paragraph later may be a landing back home).
        if rules.contains(.visitArrivalUnplaced), carried.rule == .destinationGatheringContext, sameSentence == nil,
           c.index - place.sentence > GatheringPlace.reach { return nil }
        rules.insert(carried.rule)
        place.sentence = c.index
        // "Helmut Schmidt was there, and so was Indira Gandhi, returned to power only four months ago": a time counted
        // back from the page tells a participant's past, not a new date of the gathering already dated.
        // Nor does a coarser time that holds its date ("this year's summit" of a summit dated 3 June).
        if let time, !(time.rule == .dateYearsAgo && place.start != nil), !Self.isCoarser(time.start, than: place.start) {
            place.start = time.start
            place.end = time.end
        }
        return GatheringReading(cue: cue, place: place, time: time, rules: rules)
    }

    /// Whether `t` only repeats, less precisely, the date `d` already gives (a year or a month that holds its days).
    static func isCoarser(_ t: PartialDate, than d: PartialDate?) -> Bool {
        guard let d else { return false }
        let a = t.dayRange, b = d.dayRange
        return a.lowerBound <= b.lowerBound && a.upperBound >= b.upperBound && a.upperBound - a.lowerBound > b.upperBound - b.lowerBound
    }

    /// Whether a semicolon stands between tokens `a` and `b` (in either order).
    func semicolonBetween(_ a: Int, _ b: Int) -> Bool {
        (min(a, b)..<max(a, b)).contains { tokens[$0].kind == .punct && tokens[$0].first == 0x3B }
    }

    /// The gathering an earlier sentence placed while it holds (rule destination.gathering-context), else the
    /// header dateline's when `time` is near its day (rule destination.dateline-gathering).
    /// A gathering placed nearby but dated days before the dateline's day ("after attending the summit in Phnom Penh
    /// on Sunday", "came to Islamabad in 2015 for a conference") is background: the sentence reports the dateline's.
    func carriedGathering(_ c: SentenceContext, time: PartialDate?) -> CarriedGathering? {
        let dateline = datelineGathering.flatMap { $0.fitsDateline(time) ? $0 : nil }
        // A list item's heading places the gathering of its own item only.
        if let g = gathering, g.holds(in: c.index), dateline.map(g.endsBefore) != true,
           !g.fromItemHeading || g.sentence >= paragraphFirstSentence {
            return CarriedGathering(place: g, rule: g.fromItemHeading ? .destinationItemHeading : .destinationGatheringContext)
        }
        return dateline.map { CarriedGathering(place: $0, rule: .destinationDatelineGathering) }
    }

    /// The place a sentence names for its gathering (see `gatheringReading`).
    func namedGatheringPlace(cue: Range<Int>, _ c: SentenceContext) -> PlaceRef? {
        // A place inside a relative clause the cue is not in ("Arrivals: X, who came on from the meeting in Lima") is
        // that clause's.
        let cueInRelative = isInsideRelativeClause(at: cue.lowerBound, c)
        // In an item whose heading placed the gathering ("June 1961 - Vienna."), a place in an aside about the person
        // the sentence opens with is where he came from ("Kennedy, fresh from three days in Paris, meets ...").
        let headed = gathering.map { $0.fromItemHeading && $0.holds(in: c.index) && $0.sentence >= paragraphFirstSentence } ?? false
        let aside = headed ? asideAfterOpeningPerson(c) : nil
        // "Johannesburg's G20", "Hanoi's APEC week": a place is the gathering's as a possessive before a gathering
        // word, and no other possessive place is ("Beijing's concerns").
        let places = c.destinations.filter { p in
            !isExcluded(p, c) && (!(p.tokens.upperBound < c.end && tokens[p.tokens.upperBound].kind == .possessive) || possessesGathering(p, c))
                && aside?.contains(p.tokens.lowerBound) != true
                && (cueInRelative || !isInsideSetOffRelative(at: p.tokens.lowerBound, c))
        }
        if let before = places.first(where: { p in
            let gap = p.tokens.upperBound
            return possessesGathering(p, c) || (gap < c.end && lexicon.gatheringWords.match(tokens, at: gap, end: c.end) > 0)
        }) { return before }
        return placeInCueClause(places, cue: cue, c) ?? sceneOpeningPlace(places, cue: cue, c)
    }

    /// Whether place `p` is followed by a possessive and a gathering word, past a few capitalised words naming it
    /// ("Johannesburg's summit", "Johannesburg's G20 summit"); not the last of several possessors ("Africa's and
    /// India's summits": a topic of several gatherings, none of them the scene).
    func possessesGathering(_ p: PlaceRef, _ c: SentenceContext) -> Bool {
        let s = p.tokens.upperBound, b = p.tokens.lowerBound
        guard s + 1 < c.end, tokens[s].kind == .possessive else { return false }
        if b - 2 >= c.start, isComma(b - 1) || lexicon.coordinators.contains(tokens[b - 1].lower), tokens[b - 2].kind == .possessive { return false }
        var k = s + 1
        while k < min(c.end, s + 1 + Self.gatheringNameReach) {
            if lexicon.gatheringWords.match(tokens, at: k, end: c.end) > 0 { return true }
            guard tokens[k].capitalized || tokens[k].kind == .number || tokens[k].kind == .possessive else { return false }
            k += 1
        }
        return false
    }

    /// How many capitalised words may name a gathering between a possessive place and its gathering word.
    static let gatheringNameReach = 5

    /// A place after "in", "at", "tại" (also "to" unless the cue is talks or a meeting, or a coordinator stands
    /// between: "and returned to X") in the cue's clause, or the city of a venue there, or the place of a place
    /// noun there ("in the port city of Tianjin"), nearest the cue.
    func placeInCueClause(_ places: [PlaceRef], cue: Range<Int>, _ c: SentenceContext) -> PlaceRef? {
        let clause = c.clause(of: cue.lowerBound)
        // Talks are held "in" a place; "to" a place ("held talks with X and then flew to Y") is another trip.
        let goingTo = lexicon.meetingWords.match(tokens, at: cue.lowerBound, end: c.end) == 0
        return places.filter { p in
            let k = p.tokens.lowerBound
            var j = k - 1
            if j > c.start && tokens[j].lower == Self.kThe { j -= 1 }
            let w = j >= c.start ? tokens[j].lower : 0
            // "flew in for the state funeral and returned to New Delhi": a "to" past a coordinator after the cue is
            // the next leg's.
            let laterLeg = j > cue.upperBound && (cue.upperBound..<j).contains { lexicon.coordinators.contains(tokens[$0].lower) }
            return clause.contains(k) && (lexicon.placePrepositions.contains(w) || (goingTo && !laterLeg && lexicon.destinationPrepositions.contains(w))
                || isVenueInCity(p, c) || isPlaceNounComplement(p, c))
        }.min { abs($0.tokens.lowerBound - cue.lowerBound) < abs($1.tokens.lowerBound - cue.lowerBound) }
    }

    /// Rule destination.gathering-place, a scene set first: "In New Delhi, the leader conspicuously missing was X, who skipped the G20
    /// gathering": a sentence that opens with "in", "at", "tại" (`place-prepositions`) and a place set off by a comma
    /// sets the scene of the gathering its later clause reports without a place of its own.
    func sceneOpeningPlace(_ places: [PlaceRef], cue: Range<Int>, _ c: SentenceContext) -> PlaceRef? {
        guard let first = places.first, first.tokens.lowerBound == c.start + 1, first.tokens.upperBound < cue.lowerBound,
              lexicon.placePrepositions.contains(tokens[c.start].lower), isComma(first.tokens.upperBound) else { return nil }
        // Not past a clause of its own (", and he was not part of the delegation that arrived"): the scene is the
        // first clause's.
        let opensClause = (first.tokens.upperBound + 1..<cue.lowerBound).contains { k in
            (isComma(k) || tokens[k].first == 0x3B) && k + 1 < c.end && lexicon.coordinators.contains(tokens[k + 1].lower)
        }
        return opensClause ? nil : first
    }

    /// A since word (`since-words`) in the `sinceReach` tokens before a time, with no comma between ("since Paris in
    /// 2015"); up to `sinceClauseReach` tokens when a clause of its own stands between, with a verb (`passive-markers`,
    /// `past-tense-words`) and no place ("since the bloc was founded in 2001"; not "after a stop in Manaus on Sunday",
    /// where the place is the news, nor "since X's speech in April 2015", a noun phrase).
    func followsSince(_ t: TaggedTime, _ c: SentenceContext) -> Bool {
        var j = t.tokens.lowerBound - 1
        while j >= c.start && j >= t.tokens.lowerBound - Self.sinceClauseReach && !isComma(j) {
            if lexicon.sinceWords.contains(tokens[j].lower) {
                let between = j..<t.tokens.lowerBound
                return t.tokens.lowerBound - j <= Self.sinceReach
                    || (!c.mentions.places.contains { between.contains($0.tokens.lowerBound) }
                        && between.contains { lexicon.passiveMarkers.contains(tokens[$0].lower) || lexicon.pastTenseWords.contains(tokens[$0].lower) })
            }
            j -= 1
        }
        return false
    }

    /// How far before a time a since word may stand ("since Paris in 2015"), and how far when no place is between
    /// ("since the bloc was founded in 2001").
    static let sinceReach = 4, sinceClauseReach = 7

    /// "at Expo City Dubai": a city at the end of a venue's name (up to `venueWords` capitalised words that name
    /// nobody and no place), the venue after "in", "at" (`place-prepositions`, "the" allowed).
    func isVenueInCity(_ p: PlaceRef, _ c: SentenceContext) -> Bool {
        guard p.city != nil else { return false }
        let k = p.tokens.lowerBound
        var j = k
        while j > c.start, k - j < Self.venueWords, tokens[j - 1].kind == .word, tokens[j - 1].capitalized,
              !lexicon.placePrepositions.contains(tokens[j - 1].lower),
              !c.persons.contains(where: { $0.nameStart < j && j - 1 < $0.nameEnd }),
              !c.mentions.places.contains(where: { $0.tokens.contains(j - 1) }) { j -= 1 }
        guard j < k else { return false }
        var before = j - 1
        if before > c.start && tokens[before].lower == Self.kThe { before -= 1 }
        return before >= c.start && lexicon.placePrepositions.contains(tokens[before].lower)
    }

    /// How many capitalised words a venue's name may put before its city.
    static let venueWords = 3

    /// "flew in from Kuala Lumpur, where he had attended the meeting": the place right before ", where" when the cue
    /// is in that clause (no other comma between).
    func placeReferredBack(before cue: Range<Int>, _ c: SentenceContext) -> PlaceRef? {
        c.destinations.last { p in
            let comma = p.tokens.upperBound, word = comma + 1
            guard word < cue.lowerBound, !isExcluded(p, c), tokens[comma].kind == .punct, tokens[comma].first == 0x2C,
                  lexicon.placeRelatives.contains(tokens[word].lower) else { return false }
            return !(word + 1..<cue.lowerBound).contains { tokens[$0].kind == .punct && tokens[$0].first == 0x2C }
        }
    }

    /// The persons the sentence names as there: each from another country than the host's, not a host, not the other
    /// party of talks met before another act (`isMetBeforeAnotherAct`), not
    /// inside a relative clause about something else ("who had visited Tito here"), not the sender before a
    /// `send-words` cue, and not already a visitor to that country in this sentence.
    func gatheringParticipants(_ r: GatheringReading, _ c: SentenceContext) -> [PersonRef] {
        var seen = Set<Int>()
        var scope = gatheringScope(cue: r.cue, c)
        // "Three kings followed the coffin: A, B and C": the list a colon opens after the cue is its participants, at a
        // gathering placed before or "in"/"at" a place ("leaders of the nations that sent troops to X: A, B" did not go to X).
        if colonList(after: r.cue, c) != nil, r.place.tokens.map(placedByPreposition) ?? true { scope = scope.lowerBound..<c.end }
        // "X sent Foreign Minister Y": the one sent takes part, the sender does not.
        let sent = lexicon.sendWords.match(tokens, at: r.cue.lowerBound, end: c.end) == r.cue.count
        // "X flew in on Thursday and met Y": only those the arrival is about arrived (ArrivalAtGathering.swift).
        let arrival = r.rules.contains(.visitArrivalUnplaced)
        return c.persons.filter { p in
            guard scope.contains(p.phraseStart), !sent || p.phraseStart >= r.cue.upperBound, !arrival || isArriving(p, cue: r.cue, c), !p.hostContext,
                  !isMetBeforeAnotherAct(p, cue: r.cue), let country = c.country(of: p), country != r.place.country,
                  !isInsideRelativeClause(p, c) || sharesRelativeClause(p, with: r.cue, c),
                  !seen.contains(p.entity) else { return false }
            seen.insert(p.entity)
            return !visits.contains { v in
                v.visitor == p.entity && v.destination == r.place.country && v.sentences.contains(c.index)
            }
        }
    }

    /// The other party of talks named before the cue with a comma or a coordinator between them: the subject met him,
    /// then went on to the gathering, another act ("sẽ hội đàm với X và dự lễ duyệt binh", "is expected to meet X,
    /// and to take part in a gathering"); not one met at it ("met X on the sidelines of the summit in Y").
    func isMetBeforeAnotherAct(_ p: PersonRef, cue: Range<Int>) -> Bool {
        guard p.otherParty, p.nameEnd <= cue.lowerBound else { return false }
        return (p.nameEnd..<cue.lowerBound).contains { k in
            (tokens[k].kind == .punct && tokens[k].first == 0x2C) || lexicon.coordinators.contains(tokens[k].lower)
        }
    }

    /// The tokens whose persons take part: the cue's clause; for a relative clause ("X, who attended"), the
    /// clause it hangs on too; and the clauses of a list split at ", and" ("A, B, and C") or by a relative clause
    /// about one of its members.
    func gatheringScope(cue: Range<Int>, _ c: SentenceContext) -> Range<Int> {
        let starts = c.clauseStarts
        var first = starts.lastIndex { $0 <= cue.lowerBound } ?? 0
        var last = first
        let relative = lexicon.relativePronouns.contains(tokens[starts[first]].lower)
        if first > 0, relative { first -= 1 }
        // The list goes back past a relative clause about one of its members ("A, whose country chairs next year,
        // B and C were among the leaders").
        while first > 0 {
            if continuesList(at: starts[first], c) { first -= 1; continue }
            guard !relative, first > 1, lexicon.relativePronouns.contains(tokens[starts[first - 1]].lower),
                  opensListItem(at: starts[first], c) else { break }
            first -= 2
        }
        // A relative clause's cue ("X, who came from the meeting in Y, and Z") is not the list's; the list goes on
        // past a relative clause about one of its members.
        while !relative, last + 1 < starts.count {
            if continuesList(at: starts[last + 1], c) || meetsThere(at: starts[last + 1], end: last + 2 < starts.count ? starts[last + 2] : c.end, c) {
                last += 1; continue
            }
            guard last + 2 < starts.count, lexicon.relativePronouns.contains(tokens[starts[last + 1]].lower),
                  continuesList(at: starts[last + 2], c) || opensListItem(at: starts[last + 2], c) else { break }
            last += 2
        }
        // "Kennedy, fresh from three days in Paris, meets Khrushchev": the clause after an aside about the person the
        // sentence opens with is his.
        var lower = starts[first]
        if let aside = asideAfterOpeningPerson(c), aside.contains(lower) || aside.upperBound == lower { lower = c.start }
        return lower..<(last + 1 < starts.count ? starts[last + 1] : c.end)
    }

    /// Whether the place at `place` follows "in", "at", "tại" (`place-prepositions`; "the" may stand between).
    func placedByPreposition(_ place: Range<Int>) -> Bool {
        var j = place.lowerBound - 1
        if j > 0 && tokens[j].lower == Self.kThe { j -= 1 }
        return j >= 0 && lexicon.placePrepositions.contains(tokens[j].lower)
    }

    /// How many tokens may stand between a colon and the first person of the list it opens (a title, "the").
    static let colonListGap = 4

    /// "... to the two-day meeting that opened on Thursday: Pakistan's Prime Minister X, Iran's President Y, ...": the
    /// colon after the cue, the only one of the sentence, when a person's phrase starts within `colonListGap` tokens
    /// after it.
    func colonList(after cue: Range<Int>, _ c: SentenceContext) -> Int? {
        let colons = (c.start..<c.end).filter { tokens[$0].kind == .punct && tokens[$0].first == 0x3A }
        guard colons.count == 1, let colon = colons.first, colon >= cue.upperBound,
              c.persons.contains(where: { $0.phraseStart > colon && $0.phraseStart <= colon + Self.colonListGap }) else { return nil }
        return colon
    }

    /// "Pashinyan did attend, and met French President Emmanuel Macron and German Chancellor Olaf Scholz": a clause
    /// (tokens `k..<end`) that opens with a coordinator and a meeting word right after it (`meeting-words`: "and met",
    /// the same subject going on; not "and his talks with", "and he met"), and names no place of its own: those met
    /// were at the gathering too.
    func meetsThere(at k: Int, end: Int, _ c: SentenceContext) -> Bool {
        guard k + 1 < end, lexicon.coordinators.contains(tokens[k].lower), lexicon.meetingWords.match(tokens, at: k + 1, end: end) > 0 else { return false }
        return !c.destinations.contains { (k..<end).contains($0.tokens.lowerBound) }
    }

    /// A clause that only carries on a list of persons: a coordinator, then a person named within a few
    /// capitalised words ("and New Zealand's Jacinda Ardern").
    func continuesList(at k: Int, _ c: SentenceContext) -> Bool {
        guard k < c.end, lexicon.coordinators.contains(tokens[k].lower),
              let p = c.persons.first(where: { $0.nameStart > k }), p.nameStart <= k + 5 else { return false }
        return (k + 1..<p.nameStart).allSatisfy { tokens[$0].capitalized || tokens[$0].kind == .possessive }
    }

    /// A clause after a relative clause set off in a list that goes on with the next person, without a
    /// coordinator ("A, whose country chairs next year, Singapore's B and C"): a person named within a few
    /// capitalised words (rule visit.gathering-participant).
    func opensListItem(at k: Int, _ c: SentenceContext) -> Bool {
        guard k < c.end, let p = c.persons.first(where: { $0.phraseStart >= k }), p.nameStart <= k + 4 else { return false }
        return (k..<p.nameStart).allSatisfy { tokens[$0].capitalized || tokens[$0].kind == .possessive }
    }

    /// Whether a relative pronoun ("who", "which") opens a clause between the last comma before `p` and `p`.
    func isInsideRelativeClause(_ p: PersonRef, _ c: SentenceContext) -> Bool {
        isInsideRelativeClause(at: p.phraseStart, c)
    }

    /// Whether token `k` is in a relative clause set off by a comma (", who came on from ..."), not one that
    /// restricts the noun before it ("the leaders who came to Santiago").
    func isInsideSetOffRelative(at k: Int, _ c: SentenceContext) -> Bool {
        var j = k - 1
        while j > c.start && !isComma(j) { j -= 1 }
        return j > c.start && j + 1 < k && lexicon.relativePronouns.contains(tokens[j + 1].lower)
    }

    /// Whether a relative pronoun opens a clause between the last comma before token `k` and `k`.
    func isInsideRelativeClause(at k: Int, _ c: SentenceContext) -> Bool {
        relativeClauseOpening(at: k, c) != nil
    }

    /// "X, who skipped the gathering and was represented by Premier Y": a person named (not a pronoun's, not a
    /// possessor's: "who represented Y's government") in the relative clause that holds the cue is one of its
    /// participants.
    func sharesRelativeClause(_ p: PersonRef, with cue: Range<Int>, _ c: SentenceContext) -> Bool {
        p.referring == nil && !(p.nameEnd < c.end && tokens[p.nameEnd].kind == .possessive) // "X's government"
            && relativeClauseOpening(at: p.phraseStart, c) == relativeClauseOpening(at: cue.lowerBound, c)
    }

    /// The relative pronoun nearest before token `k` with no comma between: the opening of the relative clause `k`
    /// is in ("who skipped the gathering and was represented by X": the cue and X share it), nil when none.
    func relativeClauseOpening(at k: Int, _ c: SentenceContext) -> Int? {
        var j = k - 1
        while j >= c.start && !(tokens[j].kind == .punct && tokens[j].first == 0x2C) {
            if lexicon.relativePronouns.contains(tokens[j].lower) { return j }
            j -= 1
        }
        return nil
    }

    /// The visit of one participant to the gathering's country.
    mutating func addGatheringVisit(_ p: PersonRef, _ r: GatheringReading, _ st: StatusReading, _ c: SentenceContext) {
        guard let country = c.country(of: p) else { return }
        var rules = r.rules
        rules.insert(st.rule)
        rules.formUnion(p.referringRules)
        let mention = report(c, status: st.status, time: r.time, rules: rules, visitor: p.nameStart..<p.nameEnd,
                             destination: r.place.tokens)
        var start = r.place.start, end = r.place.end
        // A list item's sentence that gives no date of its own is of the item's date (rule date.list-item).
        if start == nil, let item = c.listItem?.date {
            start = item.start
            end = item.end
            rules.insert(.dateListItem)
        }
        if start == nil, !p.historical, let d = date {
            start = d.truncated(to: .month)
            end = nil
            rules.insert(.datePublicationMonth)
        }
        if st.status == .negated {
            negateDefaultReportsOfParagraph(visitor: p.entity, destination: r.place.country, start: start, before: c.index)
        }
        add(VisitCandidate(visitor: p.entity, visitorCountry: country, destination: r.place.country, city: r.place.city,
                           host: nil, start: start, end: end, notBefore: nil, kind: .unspecified, status: st.status,
                           titleLevel: p.titleLevel, mentions: [mention], rules: rules,
                           evidence: CandidateEvidence(meeting: r.cue, time: r.time)))
    }
}
