// The visits of a sentence, as a short list of named steps over its triggers. The steps that must stay
// code (choosing the visitor, references back, co-visitors) are in their own functions and files.

/// What one trigger says about one visitor, before the destination, dates and status are read.
struct VisitReading {
    var person: PersonRef
    var trigger: Trigger?
    /// The tokens where the destination is looked for.
    var range: Range<Int>
    var time: TaggedTime?
    /// For "later", "afterwards": the visit is after this date.
    var notBefore: PartialDate?
    var kind: VisitKind
    /// The sentence's times, for a date right after the place; empty when the dates were listed.
    var placeTimes: [TaggedTime] = []
    /// The rules read so far (trigger, visitor, time, kind).
    var rules = RuleSet()
}

/// What a trigger says before its visitors are taken one by one: its time, kind, and the rules read so far.
struct TriggerClues {
    var trigger: Trigger
    var time: TaggedTime?
    var notBefore: PartialDate?
    var kind: KindReading
    var rules: RuleSet
}

/// The part of a sentence that belongs to one visitor: from him (or the sentence start) to the next person
/// who is not a host, or the next trigger.
struct VisitorSegment {
    var start: Int
    var end: Int
}

extension EventFinder {
    /// The visits of a sentence. For each trigger, in order:
    /// 1. a plural trigger may list visitors with their dates ("visits, including that of X in 2007");
    /// 2. a definite "the visit" refers back to the visit being reported;
    /// 3. choose the visitor (`chooseVisitor`);
    /// 4. take the visitor's segment of the sentence and the time in it (`timeOfVisit`);
    /// 5. make one visit per co-visitor and listed date (`makeNamedVisits`), or, with no named visitor,
    ///    one for the protagonist a title or pronoun stands for (`makeUnnamedVisit`).
    mutating func findVisits(_ c: SentenceContext) {
        if readTableRow(c) { return }
        let triggers = findTriggers(c)
        readTimelineStop(c, before: triggers.first?.tokens.lowerBound ?? c.end)
        let first = visits.count
        defer { readListVisitors(c, madeFrom: first) }
        guard !triggers.isEmpty else {
            readListRow(c)
            readStopHeading(c)
            return
        }
        var usedPersons = Set<Int>()
        for ti in triggers.indices {
            let trigger = triggers[ti]
            let scopeEnd = ti + 1 < triggers.count ? triggers[ti + 1].tokens.lowerBound : c.end
            if trigger.plural, readVisitList(trigger, c, &usedPersons) { continue }
            // "No sitting American president has ever made a visit to X": nobody's visit.
            if hasNobodySubject(trigger.tokens, c) {
                readUntilNamed(trigger, c, &usedPersons)
                continue
            }
            if trigger.isNoun, let lv = lastVisit, refersBack(trigger, c), !namesAnotherSubject(trigger, than: visits[lv].visitor, c) {
                attach(c, trigger: trigger, to: lv, kind: visitKindReading(trigger.tokens, c.start, c.end), time: nil)
                continue
            }
            let visitor = chooseVisitor(ti, in: triggers, c)
            let kind = visitKindReading(trigger.tokens, c.start, c.end)
            let segment = visitorSegment(visitor?.index, trigger, scopeEnd: scopeEnd, c)
            let time = timeOfVisit(visitor?.index, trigger, segment, c)
            var clues = TriggerClues(trigger: trigger, time: time.time, notBefore: time.notBefore, kind: kind,
                                     rules: RuleSet([trigger.rule]))
            if let r = kind.rule { clues.rules.insert(r) }
            if let r = time.rule { clues.rules.insert(r) }
            if let visitor {
                clues.rules.insert(visitor.rule)
                if c.persons.contains(where: { $0.joinedParty && $0.nameEnd <= trigger.tokens.lowerBound }) {
                    clues.rules.insert(.hostCoordinatedParty)
                }
                if trigger.form == .continuation { readLegBefore(visitor.index, clues, c) }
                makeNamedVisits(visitor.index, clues, segment: segment, c, &usedPersons)
                readGappedConjuncts(visitor.index, clues, segment: segment, scopeEnd: scopeEnd, c, &usedPersons)
            } else {
                makeUnnamedVisit(clues, segment: segment, c)
            }
        }
    }

    /// Plural "visits, including that of X in 2007, Y in 2008": each listed person with a date is a visit.
    mutating func readVisitList(_ trigger: Trigger, _ c: SentenceContext, _ usedPersons: inout Set<Int>) -> Bool {
        let persons = c.persons, e = c.end
        var listed = false
        for (pi, p) in persons.enumerated() where p.phraseStart > trigger.tokens.upperBound && !usedPersons.contains(pi) && !p.hostContext {
            let segEnd = pi + 1 < persons.count ? persons[pi + 1].phraseStart : e
            let after = p.nameEnd
            guard after < e else { continue }
            let f = tokens[after]
            let opens = f.kind == .possessive || f.first == 0x2C || f.first == 0x28 || f.lower == Self.kIn
                || f.lower == Self.kTo || c.times.contains { $0.tokens.lowerBound == after }
            guard opens else { continue }
            guard let t = c.times.first(where: { $0.tokens.lowerBound >= after && $0.tokens.lowerBound < segEnd }) else { continue }
            let reading = VisitReading(person: p, trigger: nil, range: after..<segEnd, time: t, notBefore: nil, kind: .unspecified,
                                       rules: RuleSet([.visitListOfVisitors, .dateNearest]))
            for v in makeVisits(reading, c) {
                add(v)
                usedPersons.insert(pi)
                listed = true
            }
        }
        return listed
    }

    /// "X cancelled his trip" after Y's visit: a possessive trip ("his trip") after another person named in its clause
    /// (not a host, not the other party of talks), with no one before it standing for Y ("X welcomed him during his
    /// visit"), is X's trip, not a back-reference to the last visit.
    func namesAnotherSubject(_ trigger: Trigger, than visitor: Int, _ c: SentenceContext) -> Bool {
        guard hasPossessivePronoun(trigger.tokens, c.start) else { return false }
        let clause = c.clause(of: trigger.tokens.lowerBound)
        let before = c.persons.filter { $0.nameEnd <= trigger.tokens.lowerBound && clause.contains($0.phraseStart) }
        return !before.contains { $0.entity == visitor }
            && before.contains { !$0.hostContext && !$0.otherParty && $0.referring == nil }
    }

    /// A definite "the visit", "this trip" (or "their first trip" with no place soon after) refers back to
    /// the visit being reported.
    func refersBack(_ trigger: Trigger, _ c: SentenceContext) -> Bool {
        let tr = trigger.tokens
        let placeSoon = !c.destinationPlaces(from: tr.upperBound, to: tr.upperBound + 5).isEmpty
        // A list item's line is an event of its own: "- January 2013: Abe makes Vietnam the first stop of his first
        // foreign trip" names its place before the word.
        let placeBefore = c.listItem?.opening == true && !c.destinationPlaces(from: c.start, to: tr.lowerBound).isEmpty
        return isDefinite(tr, c.start) || (!placeSoon && !placeBefore && hasPossessivePronoun(tr, c.start))
    }

    /// The visitor's segment: from the previous person who is not a host (the sentence start for the first
    /// such person) to the next one after the visitor and the trigger, or the next trigger.
    func visitorSegment(_ visitor: Int?, _ trigger: Trigger, scopeEnd: Int, _ c: SentenceContext) -> VisitorSegment {
        let persons = c.persons
        var segStart = c.start
        if let vi = visitor {
            // A person named after a preposition before him ("with the presidency handed to X, Y visited") ends
            // no segment: the sentence's head time is Y's.
            let previousOwn = persons[..<vi].last { !$0.hostContext && !isPrepositionalObject($0, c) }
            segStart = previousOwn.map { $0.nameEnd } ?? c.start
            if vi == persons.firstIndex(where: { !$0.hostContext }) { segStart = c.start }
        }
        let after = max(trigger.tokens.upperBound, visitor.map { persons[$0].nameEnd } ?? 0)
        // The visitor named again ("took her to Singapore", a pronoun for him) does not end his segment.
        let own = visitor.map { persons[$0].entity }
        let nextVisitor = persons.first { $0.phraseStart >= after && !$0.hostContext && $0.entity != own }
        return VisitorSegment(start: segStart, end: min(scopeEnd, nextVisitor?.phraseStart ?? c.end))
    }

    /// The visits of a named visitor and his co-visitors ("A and B paid a visit", each with a title of his
    /// own), one per listed date ("in November 2015 and November 2017").
    mutating func makeNamedVisits(_ vi: Int, _ clues: TriggerClues, segment: VisitorSegment, _ c: SentenceContext,
                                  _ usedPersons: inout Set<Int>) {
        let persons = c.persons
        let trip = tripList(after: clues.trigger, segment: segment, c)
        let dates = trip.isEmpty ? listedDates(from: clues.time, c) : trip.map(\.time)
        var madeAny = false
        for member in coVisitors(of: vi, before: clues.trigger, c) {
            var rules = clues.rules
            if member != vi { rules.insert(.visitorCoVisitor) }
            if dates.count > 1 && trip.isEmpty { rules.insert(.dateListed) }
            for item in trip {
                var itemRules = rules
                itemRules.insert(.visitTripList)
                let reading = VisitReading(person: persons[member], trigger: clues.trigger, range: item.place.tokens,
                                           time: item.time, notBefore: nil, kind: clues.kind.kind, rules: itemRules)
                for v in makeVisits(reading, c) {
                    add(v)
                    madeAny = true
                }
            }
            for d in dates where trip.isEmpty {
                let reading = VisitReading(person: persons[member], trigger: clues.trigger,
                                           range: persons[vi].nameEnd..<max(segment.end, persons[vi].nameEnd),
                                           time: d, notBefore: clues.notBefore, kind: clues.kind.kind,
                                           placeTimes: dates.count > 1 ? [] : c.times, rules: rules)
                for v in makeVisits(reading, c) {
                    add(v)
                    madeAny = true
                }
            }
            usedPersons.insert(member)
        }
        guard madeAny else { return }
        // A visit recalled from more than a year before the article does not make its visitor the
        // one "he" and "ông" refer to next: the article's own subject stays so.
        let recalled = dates.allSatisfy { d in d.map { isRecalled($0.start) } ?? false }
        if !recalled || protagonist == nil { protagonist = persons[vi].entity }
        if recalled { (recalledVisitor, recalledParagraph) = (persons[vi].entity, paragraph) }
        previousVisitor = (c.index, vi)
    }

    /// No named visitor: "the visit", "during the visit" with no new place refer to the last visit; a title or
    /// pronoun subject ("The Vietnamese Party leader ... paid an official visit") is the protagonist.
    mutating func makeUnnamedVisit(_ clues: TriggerClues, segment: VisitorSegment, _ c: SentenceContext) {
        let tr = clues.trigger.tokens, time = clues.time
        let placeAfter = c.destinationPlaces(from: tr.upperBound, to: segment.end).first
        let subject = c.mentions.titleOnly.first { $0.tokens.upperBound <= tr.lowerBound }
        let pronounAt = (c.start..<tr.lowerBound).first { tokens[$0].lower == Self.kHe || tokens[$0].lower == Self.kShe || tokens[$0].lower == Self.kOng }
        let pronoun = pronounAt != nil
        // In a list item's opening sentence that names no one, the one person the list's lead names.
        let opensItem = subject == nil && !pronoun && c.listItem?.opening == true && !hasPossessivePronoun(tr, c.start)
        let leadNames = listProtagonist?.named == true
        let listed = opensItem && leadNames ? listPerson : nil
        // A later leg with no one named ("The tour continued to Australia", "- March 25: A brief stop at Kigali
        // airport"): the visitor of the leg before.
        let stopLeg = clues.trigger.form == .continuation && timelineStop?.sentence == c.index
        // The list's protagonist whom the article's opening names comes before the visitor of the item before (who
        // may be a person that item met: "- 11 October - Ashgabat, where he met X" then "- 18 November - skipped ...").
        let namedProtagonist = opensItem && !leadNames ? listPerson.flatMap { openingPersons.contains($0) ? $0 : nil } : nil
        let previousLeg = stopLeg || subject == nil && !pronoun && listed == nil && namedProtagonist == nil
            ? previousLegVisitor(clues.trigger, c) : nil
        // Else the protagonist the list opened under ("- Ngày 8/2/2023: Tới London"; rule visitor.list-protagonist).
        let listProtagonistVisitor = opensItem && !leadNames && previousLeg == nil ? listPerson : nil
        if placeAfter == nil || (subject == nil && !pronoun && listed == nil && previousLeg == nil && listProtagonistVisitor == nil) {
            // "President Carter ... decided not to make the journey": another person named before the trigger
            // makes it his journey, not the last visit's.
            let otherNamed = lastVisit.map { lv in
                c.persons.contains { $0.nameEnd <= tr.lowerBound && !$0.hostContext && $0.entity != visits[lv].visitor }
            } ?? false
            if let lv = lastVisit, !otherNamed, placeAfter == nil || placeAfter!.country == visits[lv].destination {
                attach(c, trigger: clues.trigger, to: lv, kind: clues.kind, time: time)
            }
            return
        }
        guard let who = listed ?? previousLeg ?? listProtagonistVisitor ?? referent(subject: subject, pronoun: pronoun, time: time, c,
                                                                   gender: pronounAt.flatMap { lexicon.pronounGenders[tokens[$0].lower] }) else { return }
        let p = PersonRef(entity: who, phraseStart: tr.lowerBound, nameStart: tr.lowerBound, nameEnd: tr.lowerBound,
                          titleLevel: subject?.level, titleCountry: subject?.country, historical: false, role: .name)
        guard subject?.country == nil || subject?.country == c.countryOf(who) else { return }
        var rules = clues.rules
        rules.insert(listed != nil ? .visitorListContext : previousLeg != nil ? .visitorPreviousLeg
                     : listProtagonistVisitor != nil ? .visitorListProtagonist : .visitorTitleOrPronoun)
        let reading = VisitReading(person: p, trigger: clues.trigger, range: tr.lowerBound..<segment.end, time: time, notBefore: nil,
                                   kind: clues.kind.kind, rules: rules)
        for v in makeVisits(reading, c) { add(v) }
    }

    /// Adds sentence `c` as a mention of visit `lv` (with the status its trigger states and its own date), refining
    /// the visit's date and kind when this one is more precise.
    mutating func attach(_ c: SentenceContext, trigger: Trigger, to lv: Int, kind reading: KindReading, time: TaggedTime?) {
        // "In Beijing in May his state visit ...", "for a state visit in April 2004": a kind told of a trip with a
        // place or a date of its own is that trip's, not the one referred back to (rule kind.word-before).
        let kind = isAnotherTrip(of: lv, c.clause(of: trigger.tokens.lowerBound), c) ? VisitKind.unspecified : reading.kind
        let si = c.index
        visits[lv].rules.insert(.visitRefersBack)
        if !visits[lv].mentions.suffix(4).contains(where: { $0.sentence == si }) {
            let status = status(trigger: trigger.tokens, from: c.start, to: c.end, start: time?.start)
            var rules = RuleSet([.visitRefersBack, trigger.rule, status.rule])
            if let r = reading.rule, kind != .unspecified { rules.insert(r) }
            visits[lv].mentions.append(report(c, status: status.status, time: time, rules: rules))
            cancelByBackReference(lv, status, time: time, c)
        }
        if let t = time, let st = visits[lv].start, st.granularity < .day, t.start.granularity == .day, st.isCompatible(with: t.start) {
            visits[lv].start = t.start
            visits[lv].end = t.end
        }
        if kind != .unspecified && visits[lv].kind == .unspecified {
            visits[lv].kind = kind
            if let r = reading.rule { visits[lv].rules.insert(r) }
        }
    }

    /// A clause that names another destination than the visit's (the visitor's own country aside), or a year that
    /// is not the visit's: it tells a trip of its own.
    func isAnotherTrip(of lv: Int, _ clause: Range<Int>, _ c: SentenceContext) -> Bool {
        let v = visits[lv]
        if c.destinations.contains(where: { clause.contains($0.tokens.lowerBound) && !$0.inPhrase && !$0.demonym
                                            && $0.country != v.destination && $0.country != v.visitorCountry }) {
            return true
        }
        guard let start = v.start else { return false }
        return c.times.contains { clause.contains($0.tokens.lowerBound) && $0.start.year != start.year }
    }

    /// "The visit has been put off", "she abandoned the whole tour": a cancellation told of the trip a sentence
    /// before reported by default (no cue of its own) cancels it (rule status.negated.back-reference), unless the
    /// sentence is about another trip (its own date, another country named) or only supposes or urges one ("would
    /// have been unthinkable", "urged her to call off the trip": `isCancellationFact`).
    mutating func cancelByBackReference(_ lv: Int, _ reading: StatusReading, time: TaggedTime?, _ c: SentenceContext) {
        guard reading.status == .negated, visits[lv].status == .occurred, visits[lv].rules.contains(.statusOccurredDefault),
              c.destinations.allSatisfy({ $0.country == visits[lv].destination }), isCancellationFact(c) else { return }
        if let t = time, let start = visits[lv].start, !start.isCompatible(with: t.start) { return }
        visits[lv].status = .negated
        visits[lv].rules.insert(.statusNegatedBackReference)
    }

    mutating func add(_ v: VisitCandidate) {
        visits.append(v)
        lastVisit = visits.count - 1
        if v.status == .occurred { occurredTrips.insert(Trip(visitor: v.visitor, destination: v.destination)) }
    }


    /// "the visit", "this official visit", "the first state visit": a visit word with a definite determiner.
    func isDefinite(_ tr: Range<Int>, _ s: Int) -> Bool {
        var j = tr.lowerBound - 1
        var n = 0
        while j >= s && n < 3 {
            let w = tokens[j].lower
            if w == Self.kThe || w == Self.kThis || w == Self.kThat { return true }
            if tokens[j].kind != .word || !(lexicon.kindWords[w] != nil || lexicon.definiteFillers.contains(w)) { return false }
            j -= 1; n += 1
        }
        return false
    }

    /// "his visit", "their first overseas trip".
    func hasPossessivePronoun(_ tr: Range<Int>, _ s: Int) -> Bool {
        var j = tr.lowerBound - 1
        var n = 0
        while j >= s && n < 4 {
            if lexicon.possessivePronouns.contains(tokens[j].lower) { return true }
            if tokens[j].kind != .word { return false }
            j -= 1; n += 1
        }
        return false
    }
}

extension EventFinder {
    /// "lên đường thăm chính thức Các Tiểu vương quốc Arab Thống nhất (UAE), thăm chính thức Qatar": a predicate
    /// coordinated right after the same visitor's planned leg in the sentence (after a comma or "and", brackets
    /// aside) continues its plan, however long the place named between (rule status.planned.cue-phrase).
    func plannedLegBefore(_ r: VisitReading, _ trigger: Range<Int>, _ c: SentenceContext) -> StatusReading? {
        guard r.rules.contains(.visitorPreviousInSentence), let lv = lastVisit, visits[lv].visitor == r.person.entity,
              visits[lv].sentences.first == c.index,
              visits[lv].status == .planned || visits[lv].rules.contains(.statusOccurredDeparture) else { return nil }
        var j = trigger.lowerBound - 1
        while j > c.start && tokens[j].kind == .punct && (tokens[j].first == 0x28 || tokens[j].first == 0x29) { j -= 1 }
        guard j > c.start, isComma(j) || lexicon.coordinators.contains(tokens[j].lower) else { return nil }
        return StatusReading(.planned, .statusPlannedCuePhrase)
    }

    /// A later leg with no date of its own ("visited Spain in May, before continuing to Portugal", "then flew on
    /// to X"): the month of the same visitor's previous visit in the sentence (rule date.previous-leg).
    func previousLegStart(_ r: VisitReading, _ c: SentenceContext) -> PartialDate? {
        guard r.rules.contains(.visitorPreviousInSentence), let lv = lastVisit, visits[lv].visitor == r.person.entity,
              visits[lv].sentences.first == c.index, let start = visits[lv].start else { return nil }
        return start.granularity == .day ? start.truncated(to: .month) : start
    }

    /// The visit candidates of a reading: its destination (one per listed country), dates, status, and for an
    /// undated report in the present, the publication month (a historical visitor's stays undated until merged).
    func makeVisits(_ r: VisitReading, _ c: SentenceContext) -> [VisitCandidate] {
        let p = r.person
        guard let visitorCountry = c.country(of: p),
              let destination = destination(of: r, visitorCountry: visitorCountry, c) else { return [] }
        var rules = r.rules
        rules.formUnion(destination.rules)
        let dating = datesOfVisit(r, place: destination.place, c, &rules)
        if let storyRule = dating.time?.rule { rules.insert(storyRule) }
        if p.commonWordName { rules.insert(.visitorCommonWordName) }
        rules.formUnion(p.referringRules)
        var start = dating.start, end = dating.end
        var reading = r.trigger.map { status(trigger: $0.tokens, from: c.start, to: c.end, start: start, sentence: c.index) }
            ?? (isFuture(start) ? StatusReading(.planned, .statusPlannedFutureDate) : StatusReading(.occurred, .statusOccurredDefault))
        if reading.status == .occurred, let trigger = r.trigger, let announced = announcement(trigger.tokens, c) { reading = announced }
        if reading.rule == .statusOccurredDefault, let trigger = r.trigger, let planned = plannedLegBefore(r, trigger.tokens, c) {
            reading = planned
        }
        if reading.rule == .statusOccurredDefault, let trigger = r.trigger, let place = destination.place,
           negationBetween(trigger.tokens.upperBound, place.tokens.lowerBound) { reading = StatusReading(.negated, .statusNegatedCue) }
        // "flew home by way of Hawaii, without ever reaching Tokyo": the place is one the trip never reached, whatever
        // the trigger's own cue (rule status.negated.cue-before).
        if reading.status != .negated, let trigger = r.trigger, let place = destination.place,
           unreachedBefore(place.tokens.lowerBound, after: trigger.tokens.upperBound) { reading = StatusReading(.negated, .statusNegatedCue) }
        if reading.status != .negated, let trigger = r.trigger, let place = destination.phrase(of: destination.main),
           removedFromTrip(place.tokens, trigger: trigger.tokens, c) { reading = StatusReading(.negated, .statusNegatedCancelBefore) }
        if reading.rule == .statusOccurredDefault, let leg = previousLegStatus(r, c) { reading = StatusReading(leg, .visitContinuation) }
        if reading.rule == .statusOccurredDefault, laterLegOfPlan(r, c, start: start) { reading = StatusReading(.planned, .visitContinuation) }
        // An item of a list whose lead ends "... will:" ("sẽ:"): a schedule's stop (rule status.planned.future-modal).
        if reading.rule == .statusOccurredDefault, c.listItem?.leadPlans == true, !(start.map(isPast) ?? false) {
            reading = StatusReading(.planned, .statusPlannedFutureModal)
        }
        // "lên đường thăm A, B và C" told as done: A has begun, B and C are still ahead (status.occurred.departure).
        let firstLeg = reading.rule == .statusPlannedCuePhrase ? r.trigger.flatMap { departedFirstLeg($0.tokens, c, start: start) } : nil
        var statusValue = reading.status
        rules.insert(reading.rule)
        undatedFallback(r, status: statusValue, c, start: &start, end: &end, rules: &rules)
        // Dated by its list item only, after the publication: a schedule's item ("Thứ Ba, 1/10: ... tới Dublin").
        if reading.rule == .statusOccurredDefault, rules.contains(.dateListItem), isFuture(start) {
            rules.remove(reading.rule)
            reading = StatusReading(.planned, .statusPlannedFutureDate)
            rules.insert(reading.rule)
            statusValue = .planned
        }
        // Dated from an archive text's story time rather than the page's date.
        if storyAnchored, r.time?.relative ?? rules.contains(.datePublicationMonth) { rules.insert(.dateArchiveAnchor) }
        let made = destination.countries.enumerated().map { leg, d in
            let host = host(of: p, destination: d, c)
            var visitRules = rules
            if let host { visitRules.insert(host.rule) }
            var statusValue = statusValue
            if d == firstLeg {
                statusValue = .occurred
                visitRules.remove(reading.rule)
                visitRules.insert(.statusOccurredDeparture)
            }
            var start = start, end = end
            if leg > 0, spansMonths(start, end) {
                // "30/9-7/10/2024: Mông Cổ, Ireland và Pháp": a later leg's month is not told (rule date.span-later-leg).
                start = start?.truncated(to: .year)
                end = nil
                visitRules.insert(.dateSpanLaterLeg)
            }
            let mention = report(c, status: statusValue, time: dating.time, rules: visitRules, visitor: p.nameStart..<p.nameEnd,
                                 destination: destination.phrase(of: d)?.tokens)
            return VisitCandidate(visitor: p.entity, visitorCountry: visitorCountry, destination: d,
                                  city: d == destination.main ? destination.city : nil, host: host?.entity,
                                  start: start, end: end, notBefore: r.notBefore, kind: r.kind, status: statusValue,
                                  titleLevel: p.titleLevel, mentions: [mention], rules: visitRules,
                                  evidence: CandidateEvidence(reading: r))
        }
        return journeyStops(of: r, made, c) + made
    }

    /// Years after a visitor's last office ends beyond which the page's month is not taken for an undated visit.
    static let yearsOutOfOffice = 20

    /// The gazetteer knows every office of the visitor to have ended long before `date` ("Premier Alexei Kosygin
    /// ... spends two days in talks" in a timeline published in 2021): the publication month cannot be his visit's
    /// (rule date.publication-month leaves it undated, for the story's time or a merge to date).
    func longOutOfOffice(_ p: PersonRef, at date: PartialDate?) -> Bool {
        guard let date, let end = officesEnd(p.entity) else { return false }
        return end.year + Self.yearsOutOfOffice < date.year
    }

    /// Whether a time runs from one month into another ("30/9-7/10/2024").
    func spansMonths(_ start: PartialDate?, _ end: PartialDate?) -> Bool {
        guard let s = start, let e = end, let sm = s.month, let em = e.month else { return false }
        return s.year != e.year || sm != em
    }

    /// A reading its sentence does not date: the previous leg's month, a back-reference's time, its list item's
    /// date, the story's time, else (for a visitor who is not historical) the publication month.
    func undatedFallback(_ r: VisitReading, status statusValue: VisitStatus, _ c: SentenceContext,
                         start: inout PartialDate?, end: inout PartialDate?, rules: inout RuleSet) {
        let p = r.person
        if start == nil && r.notBefore == nil, let leg = previousLegStart(r, c) {
            start = leg
            end = nil
            rules.insert(.datePreviousLeg)
        }
        if start == nil && r.notBefore == nil, let referred = backReferencedTime(c) {
            start = referred
            end = nil
            rules.insert(.dateBackReference)
        }
        if start == nil && r.notBefore == nil, let item = c.listItem?.date {
            start = item.start
            end = item.end
            rules.insert(.dateListItem)
        }
        if start == nil && r.notBefore == nil, statusValue != .negated, let told = storyTimeOfVisit(r, c) {
            start = told
            end = nil
            rules.insert(.dateStoryTime)
        }
        if start == nil && r.notBefore == nil, statusValue == .occurred, let told = recalledTimeOfVisit(c) {
            start = told
            end = nil
            rules.insert(.dateStoryTime)
        }
        if start == nil && r.notBefore == nil && storyAnchored, statusValue != .negated, let told = previousTime, let d = date,
           told.start.year == d.year, told.start < d.truncated(to: .month) {
            // An archive report told on its own date: an undated stop of the story before it is of the time told
            // last (to the month), not of the page's month (rule date.archive-anchor).
            start = told.start.truncated(to: min(told.start.granularity, .month))
            end = nil
            rules.insert(.dateArchiveAnchor)
        }
        // A plan called off ("will not travel", "had planned to fly to X, but cancelled the trip") is dated like a plan,
        // and so is any undated negated report: a trip is called off, or said not to happen, in the days of the news.
        if start == nil && r.notBefore == nil && !p.historical && !longOutOfOffice(p, at: date), let d = date {
            start = d.truncated(to: .month)
            end = nil
            rules.insert(.datePublicationMonth)
        }
    }
}
