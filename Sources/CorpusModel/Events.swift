// Stage 6: events in sentences. Visits (visitor, destination, city, dates, kind, status), meetings
// and talks, the establishment of diplomatic relations, anniversaries and exchanges of messages.
// The rules use titles, verbs, the gazetteer and dates only.

/// A visit as one sentence reports it, before the merge.
struct VisitCandidate {
    var visitor: Int
    var visitorCountry: String?
    var destination: String
    var city: Int?
    var start: PartialDate?
    var end: PartialDate?
    /// For "later", "afterwards": the visit is after this date.
    var notBefore: PartialDate?
    var kind: VisitKind
    var status: VisitStatus
    var titleLevel: Level?
    var sentences: [Int]
    /// What the scorer reads (Scoring/): where the rules found the trigger, the visitor and the time.
    var evidence = CandidateEvidence()
    /// The scorer's probability that this candidate is a right visit (Scoring/VisitScorer.swift).
    var confidence: Float = CandidateEvidence.defaultConfidence
}

struct EventCandidate {
    var kind: EventKind
    var participants: [Int]
    var countries: [String]
    var city: Int?
    var start: PartialDate?
    var end: PartialDate?
    var status: VisitStatus
    var ordinal: Int?
    var label: String?
    var sentence: Int
}

struct EventFinder {
    let b: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    let language: String
    let date: PartialDate?
    var visits: [VisitCandidate] = []
    var events: [EventCandidate] = []
    /// The visit most recently reported, for "the visit", "during the visit".
    var lastVisit: Int?
    /// The person most recently the subject of a visit or named first, for "he", "the leader".
    var protagonist: Int?
    /// Starts of "attended/skipped the summit in X" triggers in the current sentence (their place may come late).
    var attendTriggers = Set<Int>()
    /// The level of the title each person was named with ("Thủ tướng Nguyễn Tấn Dũng"): "Thủ tướng" alone later
    /// means the protagonist if he bears that title (or holds that office), else the one named last who does.
    var titledLevels: [Int: Level] = [:]
    /// The person named last with each level (his title's, or his office's).
    var lastNamedWithLevel: [Level: Int] = [:]
    var officeLevels: [Int: Level?] = [:]
    /// A person's level: the title he was named with, else his office on the article's date (looked up once).
    mutating func level(of entity: Int) -> Level? {
        if let l = titledLevels[entity] { return l }
        if let cached = officeLevels[entity] { return cached }
        let l = levelOf(entity)
        officeLevels[entity] = l
        return l
    }
    /// The visitor of the last visit told from more than a year before the article.
    var recalledVisitor: Int?
    /// A person's level on the article's date as the model knows it (a gazetteer person's office then; a
    /// discovered person's title), set by the analyser.
    var levelOf: (Int) -> Level? = { _ in nil }
    /// The sentence and person index of the last visitor found, for a second visit word in the same sentence.
    var previousVisitor: (sentence: Int, index: Int)?

    static let kThe = Fold.lowerKey("the"), kThis = Fold.lowerKey("this"), kThat = Fold.lowerKey("that"),
               kHe = Fold.lowerKey("he"), kShe = Fold.lowerKey("she"), kOf = Fold.lowerKey("of"),
               kBy = Fold.lowerKey("by"), kCua = Fold.lowerKey("của"), kTo = Fold.lowerKey("to"),
               kIn = Fold.lowerKey("in"), kAt = Fold.lowerKey("at"), kDay = Fold.lowerKey("day"),
               kNgay = Fold.lowerKey("ngày"), kWith = Fold.lowerKey("with"), kVoi = Fold.lowerKey("với"),
               kAnd = Fold.lowerKey("and"), kVa = Fold.lowerKey("và"), kDuring = Fold.lowerKey("during"),
               kSummit = Fold.lowerKey("summit"), kOng = Fold.lowerKey("ông"), kBa = Fold.lowerKey("bà")
    static let honorifics = KeyTableSet(["ông", "bà", "mr", "mrs", "ms"].map { Fold.lowerKey($0) })
    static let placePrepositions = KeyTableSet(["in", "at", "tại", "ở"].map { Fold.lowerKey($0) })
    static let kVisits = Fold.lowerKey("visits"), kTrips = Fold.lowerKey("trips")
    static let pluralMarkers = KeyTableSet(["các", "những"].map { Fold.lowerKey($0) })
    static let expectedWords = KeyTableSet(["expected", "due"].map { Fold.lowerKey($0) })
    static let sequenceWords = KeyTableSet(["then", "before", "after", "afterwards", "later", "sau", "rồi", "tiếp", "trước"].map { Fold.lowerKey($0) })
    static let numberWords: LookupTable<Int> = {
        var d = LookupTable<Int>()
        for (i, w) in ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"].enumerated() {
            d[Fold.lowerKey(w + "-day")] = i + 1
        }
        for (i, w) in ["một", "hai", "ba", "bốn", "năm", "sáu", "bảy"].enumerated() { d[Fold.lowerKey(w)] = i + 1 }
        return d
    }()

    func text(_ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[Int(tokens[r.lowerBound].start)..<Int(tokens[r.upperBound - 1].end)]), as: UTF8.self)
    }

    /// More than a year before the article.
    func isRecalled(_ d: PartialDate) -> Bool {
        guard let date else { return false }
        return d.dayRange.upperBound < date.dayRange.lowerBound - 366
    }

    func isFuture(_ d: PartialDate?) -> Bool {
        guard let d, let date else { return false }
        return d.dayRange.lowerBound > date.dayRange.upperBound
    }

    /// Planned or negated from the words just before a trigger (and after a noun trigger).
    func status(trigger: Range<Int>, from s: Int, to e: Int, start: PartialDate?) -> VisitStatus {
        if Lexicon.skipVerbs.contains(tokens[trigger.lowerBound].lower) { return .negated }
        if Self.expectedWords.contains(tokens[trigger.lowerBound].lower) { return .planned } // "expected in Islamabad"
        var j = trigger.lowerBound - 1
        var n = 0
        while j >= s && n < 12 {
            let w = tokens[j].lower
            // A clause chained by "then", "sau đó", "before" continues the plan of the one before it
            // ("will visit Belgium, then pay an official visit to Finland").
            if tokens[j].kind == .punct && tokens[j].first == 0x2C && j + 1 < trigger.lowerBound
                && Self.sequenceWords.contains(tokens[j + 1].lower) { j -= 1; n = 0; continue }
            if tokens[j].kind == .punct && tokens[j].first != 0x2D { break }
            if Lexicon.negationCues.contains(w) { return .negated }
            if Lexicon.plannedCues.contains(w) { return .planned }
            j -= 1; n += 1
        }
        // After the word, only a cancellation negates it ("the visit was postponed"): a "not" there is
        // about something else ("ended the summit without signing anything").
        var k = trigger.upperBound
        n = 0
        while k < e && n < 5 {
            if tokens[k].kind == .punct { break }
            if Lexicon.cancelCues.match(tokens, at: k, end: e) > 0 { return .negated }
            k += 1; n += 1
        }
        return isFuture(start) ? .planned : .occurred
    }

    mutating func find(sentence si: Int, range: Range<Int>, mentions m: SentenceMentions, times: [TaggedTime],
                       mainPair: [String], countryOf: (Int) -> String?) {
        let s = range.lowerBound, e = range.upperBound
        if protagonist == nil, let first = m.persons.first { protagonist = first.entity }
        for p in m.persons {
            if let level = p.titleLevel { titledLevels[p.entity] = level }
            if let level = level(of: p.entity) { lastNamedWithLevel[level] = p.entity }
        }
        // Times that belong to an anniversary ("80th anniversary ... (October 10, 1945–2025)") are not event dates.
        var anniversaryTokens: [Range<Int>] = []
        for k in s..<e where Lexicon.anniversaryWords.contains(tokens[k].lower) {
            anniversaryTokens.append(max(s, k - 3)..<min(e, k + 14))
        }
        // Nor is a date right after "since" ("the first trip since 2019").
        let eventTimes = times.filter { t in
            !anniversaryTokens.contains { $0.contains(t.tokens.lowerBound) }
                && !isSince(t, s)
        }
        findVisits(si, s, e, m, eventTimes, mainPair, countryOf)
        findOtherEvents(si, s, e, m, times, eventTimes, mainPair, countryOf)
    }

    // MARK: Visits

    func isVisitTrigger(_ k: Int, _ s: Int, _ e: Int) -> (length: Int, noun: Bool, plural: Bool)? {
        let n = Lexicon.visitNouns.match(tokens, at: k, end: e)
        if n > 0 {
            let w = tokens[k].lower
            // "visits", "trips"; Vietnamese marks the plural before the noun: "các chuyến thăm", "những chuyến thăm".
            let plural = w == Self.kVisits || w == Self.kTrips || (k > s && Self.pluralMarkers.contains(tokens[k - 1].lower))
            // "visit" after "to", "will", "did": a verb.
            return (n, true, plural)
        }
        let v = Lexicon.visitVerbs.match(tokens, at: k, end: e)
        if v > 0 { return (v, false, false) }
        return nil
    }

    mutating func findVisits(_ si: Int, _ s: Int, _ e: Int, _ m: SentenceMentions, _ times: [TaggedTime],
                             _ mainPair: [String], _ countryOf: (Int) -> String?) {
        var triggers: [(Range<Int>, noun: Bool, plural: Bool)] = []
        var forced: [Int: Int] = [:] // trigger -> person
        attendTriggers = []
        var k = s
        while k < e {
            if m.persons.contains(where: { $0.nameStart <= k && k < $0.nameEnd }) { k += 1; continue }
            if let t = isVisitTrigger(k, s, e) {
                // "talks with visiting President X": the adjective names its visitor, after it.
                if Self.visitingWords.contains(tokens[k].lower),
                   let pi = m.persons.firstIndex(where: { $0.phraseStart > k && $0.phraseStart <= k + 2 }) {
                    forced[triggers.count] = pi
                }
                // Vietnamese "chuyến thăm" is one trigger; skip "thăm" after "chuyến".
                triggers.append((k..<(k + t.length), t.noun, t.plural))
                k += t.length
                continue
            }
            // Arrival verbs followed closely by a place: "arrived in Hanoi", "tới Hà Nội", "lên đường sang Jakarta".
            let arrival = Lexicon.arrivalVerbs.match(tokens, at: k, end: e)
            // Being somewhere: "was in Mongolia on Monday", "đang ở Pháp": the place right after the words.
            let presence = arrival > 0 ? 0 : Lexicon.presenceWords.match(tokens, at: k, end: e)
            if presence > 0, m.places.contains(where: { !$0.demonym && !$0.inPhrase && $0.tokens.lowerBound == k + presence }) {
                triggers.append((k..<(k + presence), false, false))
                k += presence
                continue
            }
            if arrival > 0,
               m.places.contains(where: { !$0.demonym && !$0.inPhrase && $0.tokens.lowerBound >= k + arrival && $0.tokens.lowerBound <= k + arrival + 4 }) {
                // Only when no visit word follows in the same clause (that one is the trigger).
                let nextVisit = (k + 1..<min(e, k + 8)).contains { isVisitTrigger($0, s, e) != nil }
                if !nextVisit {
                    triggers.append((k..<(k + arrival), false, false))
                    k += arrival
                    continue
                }
            }
            // Attending (or skipping) a gathering in a named place: "attended the G20 summit in New Delhi",
            // "skipped the BRICS summit in South Africa".
            else if Lexicon.attendVerbs.match(tokens, at: k, end: e) > 0,
                    let g = (k + 1..<min(e, k + 8)).first(where: { Lexicon.gatheringWords.match(tokens, at: $0, end: e) > 0 }),
                    m.places.contains(where: { !$0.demonym && !$0.inPhrase && $0.tokens.lowerBound > g && $0.tokens.lowerBound <= k + 16 }),
                    !(k + 1..<min(e, k + 8)).contains(where: { isVisitTrigger($0, s, e) != nil }) {
                attendTriggers.insert(k)
                triggers.append((k..<(k + 1), false, false))
            }
            k += 1
        }
        // "Prime Minister X welcomed President Y in Hanoi", "Chủ tịch nước X đón Tổng thống Y": the guest's visit.
        for (pi, p) in m.persons.enumerated() where p.guest && !forced.values.contains(pi) {
            let cue = max(s, p.phraseStart - 1)
            if triggers.contains(where: { $0.0.lowerBound > p.nameEnd && $0.0.lowerBound <= p.nameEnd + 3 }) { continue }
            var at = triggers.count
            for (ti, t) in triggers.enumerated() where t.0.lowerBound > cue { at = ti; break }
            var shifted: [Int: Int] = [:]
            for (t, q) in forced { shifted[t >= at ? t + 1 : t] = q }
            forced = shifted
            forced[at] = pi
            triggers.insert((cue..<(cue + 1), false, false), at: at)
        }
        guard !triggers.isEmpty else { return }
        let persons = m.persons
        var usedPersons = Set<Int>()
        for (ti, trig) in triggers.enumerated() {
            let tr = trig.0
            let scopeEnd = ti + 1 < triggers.count ? triggers[ti + 1].0.lowerBound : e
            // Plural "visits, including that of X in 2007, Y in 2008": each listed person is a visit.
            if trig.plural {
                var listed = false
                for (pi, p) in persons.enumerated() where p.phraseStart > tr.upperBound && !usedPersons.contains(pi) && !p.hostContext {
                    let segEnd = pi + 1 < persons.count ? persons[pi + 1].phraseStart : e
                    let after = p.nameEnd
                    guard after < e else { continue }
                    let f = tokens[after]
                    let opens = f.kind == .possessive || f.first == 0x2C || f.first == 0x28 || f.lower == Self.kIn
                        || f.lower == Self.kTo || times.contains { $0.tokens.lowerBound == after }
                    guard opens else { continue }
                    let segTimes = times.filter { $0.tokens.lowerBound >= after && $0.tokens.lowerBound < segEnd }
                    guard let t = segTimes.first else { continue }
                    for v in makeVisit(person: p, trigger: nil, si: si, range: after..<segEnd, sentence: s..<e, m: m,
                                       time: t, notBefore: nil, kind: .unspecified, mainPair: mainPair, countryOf: countryOf) {
                        add(v)
                        usedPersons.insert(pi)
                        listed = true
                    }
                }
                if listed { continue }
            }
            // A definite "the visit", "this trip" (or "their first trip" with no place) refers back to the
            // visit being reported.
            let placeSoon = m.places.contains { !$0.demonym && !$0.inPhrase && $0.tokens.lowerBound >= tr.upperBound && $0.tokens.lowerBound <= tr.upperBound + 4 }
            if trig.noun, let lv = lastVisit, isDefinite(tr, s) || (!placeSoon && hasPossessivePronoun(tr, s)) {
                attach(si, to: lv, kind: visitKind(tr, s, e), time: nil)
                continue
            }
            // The visitor: the clause's subject, i.e. the first person before the trigger that is not a host
            // and has no other visit word between him and this one; "visit by/of X"; else the previous
            // visit's subject in this sentence ("concluding a visit to A and heading to B for a visit").
            var visitorIndex: Int?
            var eligible: [Int] = []
            for (pi, p) in persons.enumerated() where p.nameEnd <= tr.lowerBound && !p.hostContext {
                if triggers.prefix(ti).contains(where: { $0.0.lowerBound >= p.nameEnd }) { continue }
                if countryOf(p.entity) != nil || p.titleCountry != nil { eligible.append(pi) }
            }
            // In a sentence of several clauses ("A left Hanoi; B stayed on for a visit", "…, còn B …"), the
            // subject is looked for in the trigger's own clause first.
            var clauseStart = s
            for j in stride(from: tr.lowerBound - 1, to: s, by: -1) {
                let t = tokens[j]
                if t.kind == .punct && t.first == 0x3B { clauseStart = j + 1; break }
                if t.kind == .punct && t.first == 0x2C && j + 1 < tr.lowerBound && Self.clauseOpeners.contains(tokens[j + 1].lower) {
                    clauseStart = j + 1; break
                }
            }
            if clauseStart > s, eligible.contains(where: { persons[$0].phraseStart >= clauseStart }) {
                eligible.removeAll { persons[$0].phraseStart < clauseStart }
            }
            // "X invited Y to visit Z", "talks with visiting Y": that person first; "Y, who is on a visit":
            // the person the relative clause is about.
            func priority(_ i: Int) -> Int {
                let p = persons[i]
                if isInvited(p, s) || isVisiting(p, s) || p.guest { return 0 }
                // "the predecessor of Merkel, Chancellor Schröder, visited": a person after "of"/"của" is not the subject.
                var before = p.phraseStart - 1
                if before > s && Self.honorifics.contains(tokens[before].lower) { before -= 1 } // "của bà Merkel"
                if before >= s && Lexicon.ofWords.contains(tokens[before].lower) { return 3 }
                return p.otherParty ? 2 : 1
            }
            eligible.sort { a, b in priority(a) != priority(b) ? priority(a) < priority(b) : a < b }
            if let last = eligible.max(), (persons[last].nameEnd..<tr.lowerBound).contains(where: { Self.relativePronouns.contains(tokens[$0].lower) }) {
                eligible.removeAll { $0 == last }
                eligible.insert(last, at: 0)
            }
            // The subject must be able to visit the place named after the trigger (not his own country).
            let firstPlace = m.places.first { !$0.demonym && !$0.inPhrase && $0.tokens.lowerBound >= tr.upperBound && $0.tokens.lowerBound < min(e, tr.upperBound + 6) }
            visitorIndex = eligible.first { pi in firstPlace.map { countryOf(persons[pi].entity) ?? persons[pi].titleCountry != $0.country } ?? true }
                ?? eligible.first
            if let pi = forced[ti] {
                // A visitor named by "visiting", and the place (if any) is after him: skip to him.
                visitorIndex = pi
            }
            if visitorIndex == nil, tr.upperBound + 1 < e,
               [Self.kBy, Self.kOf, Self.kCua].contains(tokens[tr.upperBound].lower) || tokens[tr.upperBound].kind == .possessive {
                visitorIndex = persons.firstIndex { $0.phraseStart >= tr.upperBound + 1 && $0.phraseStart <= tr.upperBound + 2 && !$0.hostContext }
            }
            if visitorIndex == nil, tr.upperBound + 1 < e, [Self.kCua].contains(tokens[tr.upperBound].lower) {
                visitorIndex = persons.firstIndex { $0.phraseStart > tr.upperBound && !$0.hostContext }
            }
            if visitorIndex == nil, let prev = previousVisitor, prev.sentence == si {
                visitorIndex = prev.index
            }
            // The time and kind of this trigger.
            let kind = visitKind(tr, s, e)
            // The segment: from the visitor (or the sentence start) to the next person who is not a host.
            var segStart = s
            if let vi = visitorIndex {
                let previousOwn = persons[..<vi].last { !$0.hostContext }
                segStart = previousOwn.map { $0.nameEnd } ?? s
                if vi == persons.firstIndex(where: { !$0.hostContext }) { segStart = s }
            }
            let after = max(tr.upperBound, visitorIndex.map { persons[$0].nameEnd } ?? 0)
            let nextVisitor = persons.first { $0.phraseStart >= after && !$0.hostContext }
            let segEnd = min(scopeEnd, nextVisitor?.phraseStart ?? e)
            var segTimes = times.filter { $0.tokens.lowerBound >= segStart && $0.tokens.lowerBound < max(segEnd, tr.upperBound) }
            // Nearest time to the trigger.
            segTimes.sort { abs($0.tokens.lowerBound - tr.lowerBound) < abs($1.tokens.lowerBound - tr.lowerBound) }
            var time = segTimes.first
            var notBefore: PartialDate?
            if time == nil, (tr.upperBound..<min(e, tr.upperBound + 6)).contains(where: { Lexicon.laterWords.contains(tokens[$0].lower) }) {
                notBefore = times.last { $0.tokens.upperBound <= segStart }?.start
            }
            if time == nil, notBefore == nil, let vi = visitorIndex, persons[vi].phraseStart == segStart || segStart == s {
                // A time at the head of the sentence ("In June 1961, ...") belongs to its first visit.
                time = times.first { $0.tokens.upperBound <= persons[vi].phraseStart }
            }
            if let vi = visitorIndex {
                // Co-visitors: "A and B paid a visit", each with a title of his own.
                var group = [vi]
                var q = vi + 1
                while q < persons.count, persons[q].nameEnd <= tr.lowerBound, persons[q].titleLevel != nil, !persons[q].hostContext,
                      coordinated(persons[q - 1].nameEnd, persons[q].nameStart, times) {
                    group.append(q); q += 1
                }
                // "in November 2015 and November 2017": one visit per listed date.
                var dates: [TaggedTime?] = [time]
                if let t = time {
                    var last = t
                    while let next = times.first(where: { $0.tokens.lowerBound > last.tokens.upperBound && $0.tokens.lowerBound <= last.tokens.upperBound + 2 }),
                          (last.tokens.upperBound..<next.tokens.lowerBound).allSatisfy({ [Self.kAnd, Self.kVa].contains(tokens[$0].lower) || tokens[$0].first == 0x2C || tokens[$0].lower == Self.kIn }) {
                        dates.append(next); last = next
                    }
                }
                var madeAny = false
                for member in group {
                    let p = persons[member]
                    for d in dates {
                        for v in makeVisit(person: p, trigger: tr, si: si, range: persons[vi].nameEnd..<max(segEnd, persons[vi].nameEnd), sentence: s..<e, m: m,
                                           time: d, notBefore: notBefore, kind: kind, sentenceTimes: dates.count > 1 ? [] : times, mainPair: mainPair, countryOf: countryOf) {
                            add(v)
                            madeAny = true
                        }
                    }
                    usedPersons.insert(member)
                }
                if madeAny {
                    // A visit recalled from more than a year before the article does not make its visitor the
                    // one "he" and "ông" refer to next: the article's own subject stays so.
                    let recalled = dates.allSatisfy { d in d.map { isRecalled($0.start) } ?? false }
                    if !recalled || protagonist == nil { protagonist = persons[vi].entity }
                    if recalled { recalledVisitor = persons[vi].entity }
                    previousVisitor = (si, vi)
                }
                continue
            }
            // No named visitor: "the visit", "this visit", "during the visit" refer to the last visit;
            // a title or pronoun subject ("The Vietnamese Party leader ... paid an official visit") to the protagonist.
            let placeAfter = m.places.first { !$0.demonym && !$0.inPhrase && $0.tokens.lowerBound >= tr.upperBound && $0.tokens.lowerBound < segEnd }
            let subject = m.titleOnly.first { $0.tokens.upperBound <= tr.lowerBound }
            let pronoun = (s..<tr.lowerBound).contains { tokens[$0].lower == Self.kHe || tokens[$0].lower == Self.kShe || tokens[$0].lower == Self.kOng }
            if placeAfter == nil || (subject == nil && !pronoun) {
                if let lv = lastVisit, placeAfter == nil || placeAfter!.country == visits[lv].destination {
                    attach(si, to: lv, kind: kind, time: time)
                }
                continue
            }
            var referent = protagonist
            // "ông" in a sentence about years before ("Cuối tháng 6/2019, ông sang Osaka") is the subject of the
            // recalled visit just told, not the article's protagonist.
            if pronoun, subject == nil, let t = time, isRecalled(t.start), let recalled = recalledVisitor { referent = recalled }
            if let subject, subject.level != .other, let who = protagonist, level(of: who) != subject.level,
               let titled = lastNamedWithLevel[subject.level], titled != who,
               subject.country == nil || countryOf(titled) == subject.country {
                referent = titled
            }
            if let who = referent, subject != nil || pronoun {
                let p = PersonRef(entity: who, phraseStart: tr.lowerBound, nameStart: tr.lowerBound, nameEnd: tr.lowerBound,
                                  titleLevel: subject?.level, titleCountry: subject?.country, historical: false, role: .name)
                if subject?.country == nil || subject?.country == countryOf(who) {
                    for v in makeVisit(person: p, trigger: tr, si: si, range: tr.lowerBound..<segEnd, sentence: s..<e, m: m,
                                       time: time, notBefore: nil, kind: kind, mainPair: mainPair, countryOf: countryOf) {
                        add(v)
                    }
                }
            }
        }
    }

    /// Adds sentence `si` as a mention of visit `lv`, refining its date and kind when this one is more precise.
    mutating func attach(_ si: Int, to lv: Int, kind: VisitKind, time: TaggedTime?) {
        if visits[lv].sentences.last != si && !visits[lv].sentences.suffix(4).contains(si) { visits[lv].sentences.append(si) }
        if let t = time, let st = visits[lv].start, st.granularity < .day, t.start.granularity == .day, st.isCompatible(with: t.start) {
            visits[lv].start = t.start
            visits[lv].end = t.end
        }
        if kind != .unspecified && visits[lv].kind == .unspecified { visits[lv].kind = kind }
    }

    /// "the visit", "this official visit", "the first state visit": a visit word with a definite determiner.
    func isDefinite(_ tr: Range<Int>, _ s: Int) -> Bool {
        var j = tr.lowerBound - 1
        var n = 0
        while j >= s && n < 3 {
            let w = tokens[j].lower
            if w == Self.kThe || w == Self.kThis || w == Self.kThat { return true }
            if tokens[j].kind != .word || !(Lexicon.kindWords[w] != nil || Self.definiteFillers.contains(w)) { return false }
            j -= 1; n += 1
        }
        return false
    }
    static let labelStops = KeyTableSet(["as", "where", "along", "which", "that", "when", "while", "after", "before",
                                              "during", "since", "to", "by", "for", "at", "with", "in", "on", "this", "is",
                                              "are", "was", "were", "will", "và", "tại", "với", "của"].map { Fold.lowerKey($0) })
    static let kindFillers = KeyTableSet(["a", "an", "the", "his", "her", "their", "its", "this", "that", "two-day",
                                               "three-day", "four-day", "five-day", "week-long", "landmark", "rare", "brief",
                                               "short", "long", "another", "friendship", "bilateral", "pay", "paid", "make",
                                               "made", "on", "for"].map { Fold.lowerKey($0) })
    static let definiteFillers = KeyTableSet(["first", "second", "third", "last", "latest", "recent", "current",
                                                   "historic", "high-level", "whole", "entire", "upcoming", "same"].map { Fold.lowerKey($0) })

    /// Whether two persons are joined as one subject: "A and B", "A, B", "A và Chủ tịch B" (titles between
    /// are allowed, verbs, visit words and dates are not).
    func coordinated(_ from: Int, _ to: Int, _ times: [TaggedTime]) -> Bool {
        guard from < to, to - from <= 10 else { return false }
        let first = tokens[from]
        guard first.lower == Self.kAnd || first.lower == Self.kVa || first.first == 0x2C else { return false }
        for k in from..<to {
            if isVisitTrigger(k, from, to) != nil || Lexicon.meetingWords.match(tokens, at: k, end: to) > 0 { return false }
            if times.contains(where: { $0.tokens.contains(k) }) { return false }
            let t = tokens[k]
            if t.kind == .word && !t.capitalized && language == "en" && !Lexicon.connectors.contains(t.lower)
                && Lexicon.titles[t.lower] == nil && !Lexicon.titleModifiers.contains(t.lower) { return false }
        }
        return true
    }

    /// "his visit", "their first overseas trip".
    func hasPossessivePronoun(_ tr: Range<Int>, _ s: Int) -> Bool {
        var j = tr.lowerBound - 1
        var n = 0
        while j >= s && n < 4 {
            if Self.possessivePronouns.contains(tokens[j].lower) { return true }
            if tokens[j].kind != .word { return false }
            j -= 1; n += 1
        }
        return false
    }
    static let possessivePronouns = KeyTableSet(["his", "her", "their", "its"].map { Fold.lowerKey($0) })

    /// "concluded", "wrapped up", "ended", "kết thúc" just before the visit word.
    func concludes(_ tr: Range<Int>, _ s: Int) -> Bool {
        var j = tr.lowerBound - 1
        var n = 0
        while j >= s && n < 5 {
            if Self.concludingVerbs.contains(tokens[j].lower) { return true }
            j -= 1; n += 1
        }
        return false
    }
    static let concludingVerbs = KeyTableSet(["concluded", "concludes", "concluding", "wrapped", "wraps", "ended",
                                                   "ends", "completed", "kết", "thúc"].map { Fold.lowerKey($0) })

    /// The person directly after "invited" / "mời" ("Kim invited Putin to visit").
    func isInvited(_ p: PersonRef, _ s: Int) -> Bool {
        let j = p.phraseStart - 1
        return j >= s && (tokens[j].lower == Self.kInvited || tokens[j].lower == Self.kMoi)
    }
    static let kInvited = Fold.lowerKey("invited"), kMoi = Fold.lowerKey("mời")
    static let summitWords = PhraseSet(["summit", "hội nghị thượng đỉnh", "thượng đỉnh"])
    /// Words that open a new clause after a comma: its subject is a new one ("…, còn Chủ tịch Kim …").
    static let clauseOpeners = KeyTableSet(["while", "whereas", "but", "còn", "nhưng", "trong", "meanwhile"].map { Fold.lowerKey($0) })
    static let outsideWords = KeyTableSet(["outside", "beyond", "except", "ngoài"].map { Fold.lowerKey($0) })
    static let sinceWords = KeyTableSet(["since", "after", "sau"].map { Fold.lowerKey($0) })
    static let kKe = Fold.lowerKey("kể")

    /// A date that only bounds a period: "since 2019", "after 1975", "sau năm 1975", "(kể) từ năm 2017".
    func isSince(_ t: TaggedTime, _ s: Int) -> Bool {
        var j = t.tokens.lowerBound - 1
        if j >= s && (tokens[j].lower == TimeTagger.kNam || tokens[j].lower == TimeTagger.kYear) { j -= 1 } // "sau năm 1975"
        guard j >= s else { return false }
        if Self.sinceWords.contains(tokens[j].lower) { return true }
        // "từ" is also "from" of a range ("từ ngày 2 đến 4/11"): only before a year, or after "kể".
        return tokens[j].lower == TimeTagger.kTu && (t.start.granularity == .year || (j > s && tokens[j - 1].lower == Self.kKe))
    }
    static let relativePronouns = KeyTableSet(["who", "whose", "which", "người"].map { Fold.lowerKey($0) })
    static let visitingWords = KeyTableSet(["visiting", "đang thăm", "touring"].map { Fold.lowerKey($0) })

    /// "visiting Vietnamese Party chief To Lam": the visiting person (the adjective before his title).
    func isVisiting(_ p: PersonRef, _ s: Int) -> Bool {
        var j = p.phraseStart - 1
        var n = 0
        while j >= s && n < 2 {
            if Self.visitingWords.contains(tokens[j].lower) { return true }
            j -= 1; n += 1
        }
        return false
    }

    mutating func add(_ v: VisitCandidate) {
        visits.append(v)
        lastVisit = visits.count - 1
        if v.status == .occurred { occurredTrips.insert(Trip(visitor: v.visitor, destination: v.destination)) }
    }

    struct Trip: Hashable { var visitor: Int; var destination: String }
    /// Who has been found travelling where in this document (occurred visits), for a host received abroad.
    var occurredTrips = Set<Trip>()

    func visitKind(_ tr: Range<Int>, _ s: Int, _ e: Int) -> VisitKind {
        var j = tr.lowerBound - 1
        var n = 0
        while j >= s && n < 4 {
            if let k = Lexicon.kindWords[tokens[j].lower] {
                // "official visit", "officially visited"; not the "State" of "Secretary of State".
                if !(tokens[j].capitalized && j > s && tokens[j - 1].lower == Self.kOf) { return VisitKind(rawValue: k)! }
                break
            }
            let w = tokens[j].lower
            let filler = tokens[j].kind == .number || Self.definiteFillers.contains(w) || Self.kindFillers.contains(w)
                || Self.numberWords[w] != nil || tokens[j].kind == .possessive
            if !filler { break }
            j -= 1; n += 1
        }
        // Vietnamese: "thăm cấp Nhà nước", "chuyến thăm chính thức".
        var k = tr.upperBound
        n = 0
        while k < e && n < 3 {
            let len = Lexicon.vietnameseKinds.match(tokens, at: k, end: e)
            if len > 0 {
                let w = tokens[k + len - 1].lower
                if w == Fold.lowerKey("nước") { return .state }
                if w == Fold.lowerKey("thức") { return .official }
                return .working
            }
            k += 1; n += 1
        }
        return .unspecified
    }

    func makeVisit(person p: PersonRef, trigger: Range<Int>?, si: Int, range: Range<Int>, sentence: Range<Int>,
                   m: SentenceMentions, time: TaggedTime?, notBefore: PartialDate?, kind: VisitKind, sentenceTimes: [TaggedTime] = [],
                   mainPair: [String], countryOf: (Int) -> String?) -> [VisitCandidate] {
        guard let visitorCountry = countryOf(p.entity) ?? p.titleCountry else { return [] }
        let s = sentence.lowerBound, e = sentence.upperBound
        // The invitation's host, whose country is the destination when no place is named.
        let hostIndex = m.persons.firstIndex { $0.hostContext && $0.phraseStart >= range.lowerBound && $0.phraseStart < e }
        let hostLimit = hostIndex.map { m.persons[$0].phraseStart } ?? e
        // "outside the former Soviet Union", "beyond Europe": not where the visit went.
        let excluded: (PlaceRef) -> Bool = { place in
            var j = place.tokens.lowerBound - 1
            var n = 0
            while j >= s && n < 3 {
                if Self.outsideWords.contains(self.tokens[j].lower) { return true }
                if self.tokens[j].kind != .word { return false }
                j -= 1; n += 1
            }
            return false
        }
        let candidates = m.places.filter { !$0.demonym && !$0.inPhrase && !excluded($0) && $0.country != visitorCountry
            && $0.tokens.lowerBound >= range.lowerBound && $0.tokens.lowerBound < max(range.upperBound, trigger?.upperBound ?? 0) }
        var destination: String?
        var city: Int?
        let afterTrigger = candidates.filter { $0.tokens.lowerBound >= (trigger?.upperBound ?? range.lowerBound) && $0.tokens.lowerBound < hostLimit }
        if let first = afterTrigger.first { destination = first.country }
        else if let first = candidates.first(where: { $0.tokens.lowerBound < hostLimit }) { destination = first.country }
        if destination == nil, let h = hostIndex, let c = countryOf(m.persons[h].entity) ?? m.persons[h].titleCountry, c != visitorCountry {
            destination = c
        }
        if destination == nil, let tr = trigger, attendTriggers.contains(tr.lowerBound),
           let place = m.places.first(where: { !$0.demonym && !$0.inPhrase && $0.country != visitorCountry && $0.tokens.lowerBound > tr.upperBound && $0.tokens.lowerBound <= tr.lowerBound + 16 }) {
            destination = place.country
        }
        if destination == nil, p.guest, let host = m.persons.first(where: { $0.nameEnd <= p.phraseStart && !$0.guest }),
           let c = countryOf(host.entity) ?? host.titleCountry, c != visitorCountry {
            // A host on a visit to the guest's country receives him there: no visit for the guest.
            if occurredTrips.contains(Trip(visitor: host.entity, destination: visitorCountry)) { return [] }
            destination = c
        }
        if destination == nil, mainPair.count == 2, mainPair.contains(visitorCountry) {
            destination = mainPair.first { $0 != visitorCountry }
        }
        guard let dest = destination, dest != visitorCountry else { return [] }
        // "visits to Malaysia and the Philippines": every country of the list.
        var destinations = [dest]
        if let first = afterTrigger.first, first.country == dest {
            var last = first.tokens.upperBound
            for next in afterTrigger.dropFirst() {
                let gap = last..<next.tokens.lowerBound
                guard gap.count <= 3, gap.allSatisfy({ [Self.kAnd, Self.kVa, Self.kThe].contains(tokens[$0].lower) || tokens[$0].first == 0x2C }) else { break }
                // "Bali, Indonesia": a city and its country are one place.
                if next.country != destinations.last! { destinations.append(next.country) }
                last = next.tokens.upperBound
            }
            if first.city != nil && destinations.count == 2, afterTrigger.count >= 2, afterTrigger[1].city == nil,
               afterTrigger[1].tokens.lowerBound - first.tokens.upperBound <= 1 {
                destinations = [afterTrigger[1].country]
            }
        }
        city = m.places.first { $0.city != nil && $0.country == dest && !$0.inPhrase
            && $0.tokens.lowerBound >= range.lowerBound - 6 && $0.tokens.lowerBound < max(range.upperBound, trigger?.upperBound ?? 0) }?.city
        // A date right after the place goes with it: "took him to Indonesia earlier in the week".
        var time = time
        if let place = afterTrigger.first(where: { $0.country == dest }),
           let t = sentenceTimes.first(where: { $0.tokens.lowerBound >= place.tokens.upperBound && $0.tokens.lowerBound <= place.tokens.upperBound + 2 }) {
            time = t
        }
        var start = time?.start
        var end = time?.end
        // "a three-day visit", "chuyến thăm ba ngày": the end from the length (the start, when the
        // date given is the last day: "concluded a two-day visit on Monday").
        var days = 0
        if let tr = trigger {
            for k in max(s, tr.lowerBound - 3)..<min(e, tr.upperBound + 3) {
                if let n = Self.numberWords[tokens[k].lower], tokens[k].kind == .word, k + 1 >= e || tokens[k].lower != Fold.lowerKey("năm") || tokens[k + 1].lower == Self.kNgay {
                    if tokens[k].lower == Fold.lowerKey("ba") || tokens[k].lower == Fold.lowerKey("hai") || tokens[k].lower == Fold.lowerKey("năm") {
                        guard k + 1 < e, tokens[k + 1].lower == Self.kNgay else { continue }
                    }
                    days = n
                    break
                }
                if tokens[k].kind == .number, let dash = text(k..<(k + 1)).firstIndex(of: "-"),
                   let n = Int(text(k..<(k + 1))[..<dash]), text(k..<(k + 1)).hasSuffix("-day"), n > 1, n < 30 {
                    days = n; break
                }
            }
        }
        if days > 1, let st = start, st.granularity == .day, end == nil, let tr = trigger {
            if concludes(tr, s) { start = st.adding(days: -(days - 1)); end = st } else { end = st.adding(days: days - 1) }
        }
        // A visit without a date in a present-tense report happened around publication;
        // a historical one ("the late", "former") stays undated until merged.
        let statusValue = trigger.map { status(trigger: $0, from: s, to: e, start: start) } ?? (isFuture(start) ? .planned : .occurred)
        if start == nil && notBefore == nil && !p.historical, let d = date, statusValue != .negated {
            start = d.truncated(to: .month)
            end = nil
        }
        _ = si
        return destinations.map { d in
            VisitCandidate(visitor: p.entity, visitorCountry: visitorCountry, destination: d, city: d == dest ? city : nil,
                           start: start, end: end, notBefore: notBefore, kind: kind, status: statusValue,
                           titleLevel: p.titleLevel, sentences: [si],
                           evidence: CandidateEvidence(trigger: trigger, time: time, person: p, listed: trigger == nil))
        }
    }

    // MARK: Other events

    mutating func findOtherEvents(_ si: Int, _ s: Int, _ e: Int, _ m: SentenceMentions, _ allTimes: [TaggedTime],
                                  _ times: [TaggedTime], _ mainPair: [String], _ countryOf: (Int) -> String?) {
        let sentenceCountries = m.places.filter { !$0.inPhrase && !$0.demonym }.map(\.country)
        func pair() -> [String] {
            var c: [String] = []
            for x in sentenceCountries where !c.contains(x) { c.append(x) }
            for x in mainPair where c.count < 2 && !c.contains(x) { c.append(x) }
            return Array(c.prefix(2))
        }
        var k = s
        while k < e {
            // Establishment of diplomatic relations.
            if Lexicon.establishWords.match(tokens, at: k, end: e) > 0 {
                let window = max(s, k - 8)..<min(e, k + 8)
                if window.contains(where: { Lexicon.relationsWords.match(tokens, at: $0, end: e) > 0 }) {
                    let t = allTimes.filter { $0.end == nil || $0.start.granularity == .year }
                        .min { abs($0.tokens.lowerBound - k) < abs($1.tokens.lowerBound - k) }
                    events.append(EventCandidate(kind: .relationsEstablished, participants: [], countries: pair(), city: nil,
                                                 start: t?.start, end: nil, status: .occurred, ordinal: nil, label: nil, sentence: si))
                    k = window.upperBound
                    continue
                }
            }
            // Anniversaries: "the 75th anniversary of diplomatic relations", "kỷ niệm 75 năm".
            if Lexicon.anniversaryWords.contains(tokens[k].lower), k > s, tokens[k - 1].kind == .number {
                let ordText = text((k - 1)..<k)
                let digits = ordText.prefix { $0.isNumber }
                if let n = Int(digits), n > 0, n < 1000 {
                    var q = k + 1
                    if q < e && tokens[q].lower == Self.kOf { q += 1 }
                    let labelStart = q
                    while q < e && q - labelStart < 12 && !(tokens[q].kind == .punct && tokens[q].first != 0x2D && !isApostrophe(q))
                            && !(q > labelStart + 1 && (isLabelStop(q, e) || tokens[q].kind == .number)) { q += 1 }
                    while q > labelStart + 1 && [Self.kAnd, Self.kThe, Self.kVa].contains(tokens[q - 1].lower) { q -= 1 }
                    let label = q > labelStart ? text(labelStart..<q) : nil
                    let countries = m.places.filter { $0.tokens.lowerBound >= labelStart && $0.tokens.lowerBound < q }.map(\.country)
                    let y = date.map { PartialDate(year: $0.year)! }
                    events.append(EventCandidate(kind: .anniversary, participants: [], countries: countries.isEmpty ? [] : countries,
                                                 city: nil, start: y, end: nil, status: .occurred, ordinal: n, label: label, sentence: si))
                }
            }
            // Exchanges of messages.
            let ml = Lexicon.messageWords.match(tokens, at: k, end: e)
            if ml > 0 {
                let people = m.persons.filter { !($0.nameStart >= k && $0.nameStart < k + ml) }.map(\.entity)
                let t = times.min { abs($0.tokens.lowerBound - k) < abs($1.tokens.lowerBound - k) }
                var countries: [String] = []
                for p in people { if let c = countryOf(p), !countries.contains(c) { countries.append(c) } }
                if unique(people).count < 2 && countries.count < 2 { k += ml; continue }
                events.append(EventCandidate(kind: .messageExchange, participants: unique(people), countries: countries, city: nil,
                                             start: t?.start ?? date, end: t?.end, status: .occurred, ordinal: nil, label: nil, sentence: si))
                k += ml
                continue
            }
            // Meetings and talks.
            let mt = Lexicon.meetingWords.match(tokens, at: k, end: e)
            if mt > 0, !m.persons.contains(where: { $0.nameStart <= k && k < $0.nameEnd }) {
                // The subjects: the persons before the word ("A and B held talks"), the others after it.
                var beforeAll = Array(m.persons.filter { $0.nameEnd <= k && !$0.hostContext }.suffix(1))
                for p in m.persons.filter({ $0.nameEnd <= k && !$0.hostContext }).reversed().dropFirst() {
                    guard let next = beforeAll.first, coordinated(p.nameEnd, next.nameStart, times) else { break }
                    beforeAll.insert(p, at: 0)
                }
                let before = beforeAll.last
                var people: [Int] = beforeAll.map(\.entity)
                if before == nil, m.titleOnly.contains(where: { $0.tokens.upperBound <= k }) || (s..<k).contains(where: { tokens[$0].lower == Self.kHe }),
                   let who = protagonist { people.append(who) }
                // The other parties: everyone after "with" ("talks with A", "meetings with A; B; C"), or the
                // persons right after a verb ("met A and B"), not the subject of a later clause.
                let withAt = (k..<min(e, k + mt + 3)).first { tokens[$0].lower == Self.kWith || tokens[$0].lower == Self.kVoi }
                var last: PersonRef?
                for p in m.persons where p.nameStart > k {
                    if withAt != nil && p.phraseStart > withAt! {
                        people.append(p.entity)
                    } else if withAt == nil, p.phraseStart <= k + mt + 2 || (last.map { coordinated($0.nameEnd, p.nameStart, times) } ?? false) {
                        people.append(p.entity)
                        last = p
                    }
                }
                people = unique(people)
                if people.count >= 2 {
                    let t = times.min { abs($0.tokens.lowerBound - k) < abs($1.tokens.lowerBound - k) }
                    // The city nearest the word: "left Pyongyang for Vladivostok, where he held a summit".
                    let city = m.places.filter { $0.city != nil && !$0.inPhrase }
                        .min { abs($0.tokens.lowerBound - k) < abs($1.tokens.lowerBound - k) }?.city
                    var countries: [String] = []
                    for p in people { if let c = countryOf(p), !countries.contains(c) { countries.append(c) } }
                    let st = status(trigger: k..<(k + mt), from: s, to: e, start: t?.start)
                    let lv = lastVisit.map { visits[$0] }
                    events.append(EventCandidate(kind: .meeting, participants: people, countries: countries,
                                                 city: city ?? lv?.city, start: t?.start ?? lv?.start ?? date, end: t?.end,
                                                 status: st, ordinal: nil, label: text(k..<(k + mt)), sentence: si))
                    // A summit abroad, or talks held in a city named with them, is a visit for the participants from
                    // elsewhere: the city after "in/at/tại/ở" nearest the word, before it in the sentence or shortly
                    // after ("met in Geneva", "hội đàm tại Viêng Chăn", "in New York, when A and B met").
                    let namedHere = m.places.filter { p in
                        p.city != nil && !p.inPhrase && p.tokens.lowerBound > s && p.tokens.lowerBound <= k + mt + 10
                            && Self.placePrepositions.contains(tokens[p.tokens.lowerBound - 1].lower)
                    }.min { abs($0.tokens.lowerBound - k) < abs($1.tokens.lowerBound - k) }
                    if Self.summitWords.match(tokens, at: k, end: e) > 0 || namedHere != nil,
                       let cityIndex = namedHere?.city ?? city,
                       let place = m.places.first(where: { $0.city == cityIndex }) {
                        for p in people {
                            guard let c = countryOf(p), c != place.country else { continue }
                            add(VisitCandidate(visitor: p, visitorCountry: c, destination: place.country, city: cityIndex,
                                               start: t?.start, end: t?.end, notBefore: nil, kind: .unspecified, status: st,
                                               titleLevel: nil, sentences: [si],
                                               evidence: CandidateEvidence(meeting: k..<(k + mt), time: t)))
                        }
                    }
                    k += mt
                    continue
                }
            }
            k += 1
        }
    }

    /// A word ending an anniversary's label; "in" only when no proper name follows ("Victory in the Great War").
    func isLabelStop(_ q: Int, _ e: Int) -> Bool {
        guard Self.labelStops.contains(tokens[q].lower) else { return false }
        if tokens[q].lower == Self.kIn {
            let n = q + 1 < e && tokens[q + 1].lower == Self.kThe ? q + 2 : q + 1
            return !(n < e && tokens[n].capitalized)
        }
        return true
    }

    func isApostrophe(_ k: Int) -> Bool {
        let t = tokens[k]
        return t.first == 0x27 || (t.first == 0xE2 && t.length == 3 && b[Int(t.start) + 2] == 0x99)
    }

    func unique(_ xs: [Int]) -> [Int] {
        var out: [Int] = []
        for x in xs where !out.contains(x) { out.append(x) }
        return out
    }
}

