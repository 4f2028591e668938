// Events other than visits: the establishment of diplomatic relations, anniversaries, exchanges of
// messages, and meetings and talks (a summit abroad, or talks in a named city, is also a visit for the
// participants from elsewhere).

extension EventFinder {

    /// The events of a sentence, left to right; each finder says how many tokens it used (nil: none here).
    mutating func findOtherEvents(_ c: SentenceContext) {
        var k = c.start
        while k < c.end {
            if !startsOtherEvent(k) { k += 1; continue }
            if let used = findRelationsEstablished(at: k, c) { k += used; continue }
            findAnniversary(at: k, c)
            if let used = findMessageExchange(at: k, c) { k += used; continue }
            if let used = findMeeting(at: k, c) { k += used; continue }
            k += 1
        }
    }

    /// Whether an establishment, anniversary, message or meeting word starts at token `k` (one lookup lets
    /// the other tokens pass).
    func startsOtherEvent(_ k: Int) -> Bool { lexicon.wordClasses.has(.otherEventStart, tokens[k]) }

    /// The sentence's countries, completed with the document's main pair, at most two.
    func countryPair(_ c: SentenceContext) -> [String] {
        var pair: [String] = []
        for x in c.mentions.places where !x.inPhrase && !x.demonym && !pair.contains(x.country) { pair.append(x.country) }
        for x in c.mainPair where pair.count < 2 && !pair.contains(x) { pair.append(x) }
        return Array(pair.prefix(2))
    }

    /// "established diplomatic relations", "thiết lập quan hệ ngoại giao": dated by the nearest year or single date.
    mutating func findRelationsEstablished(at k: Int, _ c: SentenceContext) -> Int? {
        let s = c.start, e = c.end
        guard lexicon.establishWords.match(tokens, at: k, end: e) > 0 else { return nil }
        let window = max(s, k - 8)..<min(e, k + 8)
        guard window.contains(where: { lexicon.relationsWords.match(tokens, at: $0, end: e) > 0 }) else { return nil }
        let t = nearestTime(c.allTimes.filter { $0.end == nil || $0.start.granularity == .year }, to: k)
        let rules = RuleSet([.eventRelationsEstablished])
        events.append(EventCandidate(kind: .relationsEstablished, participants: [], countries: countryPair(c), city: nil,
                                     start: t?.start, end: nil, status: .occurred, ordinal: nil, label: nil,
                                     mention: report(c, status: .occurred, time: t, rules: rules), rules: rules))
        return window.upperBound - k
    }

    /// "the 75th anniversary of diplomatic relations", "kỷ niệm 75 năm": its ordinal and label, in the article's year.
    mutating func findAnniversary(at k: Int, _ c: SentenceContext) {
        let s = c.start, e = c.end
        guard lexicon.anniversaryWords.contains(tokens[k].lower), k > s, tokens[k - 1].kind == .number else { return }
        let digits = text((k - 1)..<k).prefix { $0.isNumber }
        guard let n = Int(digits), n > 0, n < 1000 else { return }
        var q = k + 1
        if q < e && tokens[q].lower == Self.kOf { q += 1 }
        let labelStart = q
        while q < e && q - labelStart < 12 && !(tokens[q].kind == .punct && tokens[q].first != 0x2D && !isApostrophe(q))
                && !(q > labelStart + 1 && (isLabelStop(q, e) || tokens[q].kind == .number)) { q += 1 }
        while q > labelStart + 1 && [Self.kAnd, Self.kThe, Self.kVa].contains(tokens[q - 1].lower) { q -= 1 }
        let label = q > labelStart ? text(labelStart..<q) : nil
        let countries = c.mentions.places.filter { $0.tokens.lowerBound >= labelStart && $0.tokens.lowerBound < q }.map(\.country)
        let y = date.map { PartialDate(year: $0.year)! }
        let rules = RuleSet([.eventAnniversary])
        events.append(EventCandidate(kind: .anniversary, participants: [], countries: countries,
                                     city: nil, start: y, end: nil, status: .occurred, ordinal: n, label: label,
                                     mention: report(c, status: .occurred, time: nil, rules: rules), rules: rules))
    }

    /// "exchanged messages", "gửi điện": between two persons or two countries; the date of the previous
    /// exchange is not guessed.
    mutating func findMessageExchange(at k: Int, _ c: SentenceContext) -> Int? {
        let ml = lexicon.messageWords.match(tokens, at: k, end: c.end)
        guard ml > 0 else { return nil }
        let people = unique(c.persons.filter { !($0.nameStart >= k && $0.nameStart < k + ml) }.map(\.entity))
        let countries = countries(of: people, c)
        if people.count < 2 && countries.count < 2 { return ml }
        let t = nearestTime(c.times, to: k)
        let rules = RuleSet([.eventMessageExchange])
        events.append(EventCandidate(kind: .messageExchange, participants: people, countries: countries, city: nil,
                                     start: t?.start ?? date, end: t?.end, status: .occurred, ordinal: nil, label: nil,
                                     mention: report(c, status: .occurred, time: t, rules: rules), rules: rules))
        return ml
    }

    /// A meeting or talks with at least two participants: the coordinated subjects before the word ("A and B
    /// held talks") and the other parties after it.
    mutating func findMeeting(at k: Int, _ c: SentenceContext) -> Int? {
        let mt = lexicon.meetingWords.match(tokens, at: k, end: c.end)
        guard mt > 0, !c.persons.contains(where: { $0.nameStart <= k && k < $0.nameEnd }) else { return nil }
        let people = meetingParticipants(at: k, length: mt, c)
        guard people.count >= 2 else { return nil }
        // The time and the city nearest the word ("left Pyongyang for Vladivostok, where he held a summit"), in
        // its own clauses when a ";" starts another meeting.
        let clauses = meetingClauses(around: k, c)
        let t = nearestTime(c.times.filter { clauses.contains($0.tokens.lowerBound) }, to: k) ?? nearestTime(c.times, to: k)
        let city = nearestCity(to: k, in: clauses, c)
        let st = status(trigger: k..<(k + mt), from: c.start, to: c.end, start: t?.start)
        let lv = lastVisit.map { visits[$0] }
        let rules = RuleSet([.eventMeeting, st.rule])
        events.append(EventCandidate(kind: .meeting, participants: people, countries: countries(of: people, c),
                                     city: city ?? lv?.city, start: t?.start ?? lv?.start ?? date, end: t?.end,
                                     status: st.status, ordinal: nil, label: text(k..<(k + mt)),
                                     mention: report(c, status: st.status, time: t, rules: rules), rules: rules))
        addMeetingVisits(at: k, length: mt, people: people, city: city, time: t, status: st, c)
        return mt
    }

    /// The city mentioned nearest token `k` within `range`.
    func nearestCity(to k: Int, in range: Range<Int>, _ c: SentenceContext) -> Int? {
        c.mentions.places.filter { $0.city != nil && !$0.inPhrase && range.contains($0.tokens.lowerBound) }
            .min { abs($0.tokens.lowerBound - k) < abs($1.tokens.lowerBound - k) }?.city
    }

    /// The subjects before a meeting word (coordinated, or the protagonist for "he", a title) and the other
    /// parties: everyone after "with" ("talks with A", "meetings with A, B and C"), or the persons right after a
    /// verb ("met A and B"), not the subject of a later clause; all within the clauses a ";" bounds.
    mutating func meetingParticipants(at k: Int, length mt: Int, _ c: SentenceContext) -> [Int] {
        let bounds = meetingClauses(around: k, c)
        let s = bounds.lowerBound, e = bounds.upperBound
        // Not the other party of an earlier meeting ("meeting A and B, and then held talks in Rome with C": A and B
        // are not the subjects of the talks with C).
        let subjects = c.persons.filter { $0.phraseStart >= s && $0.nameEnd <= k && !$0.hostContext && !$0.otherParty }
        var beforeAll = Array(subjects.suffix(1))
        for p in subjects.reversed().dropFirst() {
            guard let next = beforeAll.first, coordinated(p.nameEnd, next.nameStart, c.times) else { break }
            beforeAll.insert(p, at: 0)
        }
        var people: [Int] = beforeAll.map(\.entity)
        if beforeAll.isEmpty, c.mentions.titleOnly.contains(where: { $0.tokens.upperBound <= k }) || (s..<k).contains(where: { tokens[$0].lower == Self.kHe }),
           let who = protagonist { people.append(who) }
        let withAt = (k..<min(e, k + mt + 3)).first { tokens[$0].lower == Self.kWith || tokens[$0].lower == Self.kVoi }
        var last: PersonRef?
        for p in c.persons where p.nameStart > k && p.nameEnd <= e {
            if let withAt, p.phraseStart > withAt {
                people.append(p.entity)
            } else if withAt == nil, p.phraseStart <= k + mt + 2 || (last.map { coordinated($0.nameEnd, p.nameStart, c.times) } ?? false) {
                people.append(p.entity)
                last = p
            }
        }
        return unique(people)
    }

    /// The clauses a ";" bounds around a meeting word ("in A, he met X; in B, he met Y"); a ";" followed by no
    /// other meeting word only separates the listed parties ("meetings with A; B; C").
    func meetingClauses(around k: Int, _ c: SentenceContext) -> Range<Int> {
        // Loops, not closures: a closure stored in a local copied the whole finder at each call.
        var start = c.start
        for j in (c.start..<k).reversed() where isSemicolon(j) { start = j + 1; break }
        var end = c.end
        for j in k..<c.end where isSemicolon(j) {
            var meetingAfter = false
            for m in j + 1..<c.end where lexicon.meetingWords.match(tokens, at: m, end: c.end) > 0 { meetingAfter = true; break }
            if meetingAfter { end = j; break }
        }
        return start..<end
    }

    private func isSemicolon(_ j: Int) -> Bool { tokens[j].kind == .punct && tokens[j].first == 0x3B }

    /// A summit abroad, or talks held in a city named with them, is a visit for the participants from
    /// elsewhere: the city after "in/at/tại/ở" nearest the word, before it in the sentence or shortly after
    /// ("met in Geneva", "hội đàm tại Viêng Chăn", "in New York, when A and B met"). Talks by phone or video
    /// (`remote-words`: "điện đàm") are no visit.
    mutating func addMeetingVisits(at k: Int, length mt: Int, people: [Int], city: Int?, time t: TaggedTime?,
                                   status st: StatusReading, _ c: SentenceContext) {
        let clauses = meetingClauses(around: k, c)
        guard !clauses.contains(where: { lexicon.remoteWords.match(tokens, at: $0, end: clauses.upperBound) > 0 }) else { return }
        let namedHere = c.mentions.places.filter { p in
            p.city != nil && !p.inPhrase && p.tokens.lowerBound > c.start && p.tokens.lowerBound <= k + mt + 10
                && clauses.contains(p.tokens.lowerBound)
                && (lexicon.placePrepositions.contains(tokens[p.tokens.lowerBound - 1].lower) || isPlaceNounComplement(p, c))
        }.min { abs($0.tokens.lowerBound - k) < abs($1.tokens.lowerBound - k) }
        let summit = lexicon.summitWords.match(tokens, at: k, end: c.end) > 0
        guard summit || namedHere != nil,
              let cityIndex = namedHere?.city ?? city,
              let place = c.mentions.places.first(where: { $0.city == cityIndex }) else { return }
        let st = tripPurposeStatus(meeting: k, country: place.country, c) ?? st
        var rules = RuleSet([namedHere != nil ? .visitTalksInCity : .visitSummitAbroad, st.rule])
        if let namedHere, isPlaceNounComplement(namedHere, c) { rules.insert(.destinationPlaceNounOf) }
        if t != nil { rules.insert(.dateNearest) }
        // A participant from the city's country hosts the others.
        let host = people.first { c.countryOf($0) == place.country }
        for p in people {
            guard let country = c.countryOf(p), country != place.country else { continue }
            var visitRules = rules
            if host != nil { visitRules.insert(.hostMeetingParticipant) }
            let person = c.persons.first { $0.entity == p }
            if let person { visitRules.formUnion(person.referringRules) }
            let name = person.map { $0.nameStart..<$0.nameEnd }
            // Undated in a page read from its own date: the page's month, as any undated report (date.publication-month).
            var start = t?.start
            if start == nil, !storyAnchored, st.status != .negated, let d = date,
               !(person.map { $0.historical || longOutOfOffice($0, at: date) } ?? false) {
                start = d.truncated(to: .month)
                visitRules.insert(.datePublicationMonth)
            }
            let mention = report(c, status: st.status, time: t, rules: visitRules, visitor: name, destination: place.tokens)
            add(VisitCandidate(visitor: p, visitorCountry: country, destination: place.country, city: cityIndex, host: host,
                               start: start, end: t?.end, notBefore: nil, kind: .unspecified, status: st.status,
                               titleLevel: nil, mentions: [mention],
                               rules: visitRules, evidence: CandidateEvidence(meeting: k..<(k + mt), time: t)))
        }
    }

    static let kFor = Fold.lowerKey("for")

    /// "The plan had been for the president to fly on to Amman tonight for a summit with A and B": a summit after
    /// "for", the purpose of a trip to its country told before it in the sentence, has that trip's status when
    /// the trip is planned or called off (rule status.trip-purpose).
    func tripPurposeStatus(meeting k: Int, country: String, _ c: SentenceContext) -> StatusReading? {
        guard (max(c.start, k - 3)..<k).contains(where: { tokens[$0].lower == Self.kFor }) else { return nil }
        let meetingByte = Int(tokens[k].start)
        for v in visits where v.destination == country && v.status != .occurred {
            if v.mentions.contains(where: { $0.sentence == c.index && $0.status == v.status && ($0.destinationSpan?.upperBound ?? Int.max) <= meetingByte }) {
                return StatusReading(v.status, .statusTripPurpose)
            }
        }
        return nil
    }

    /// A word ending an anniversary's label; "in" only when no proper name follows ("Victory in the Great War").
    func isLabelStop(_ q: Int, _ e: Int) -> Bool {
        guard lexicon.labelStops.contains(tokens[q].lower) else { return false }
        if tokens[q].lower == Self.kIn {
            let n = q + 1 < e && tokens[q + 1].lower == Self.kThe ? q + 2 : q + 1
            return !(n < e && tokens[n].capitalized)
        }
        return true
    }
}
