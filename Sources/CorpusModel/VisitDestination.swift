// Choosing the destination of a visit: the first country or city named after the trigger that is not the
// visitor's own, else the host's country, the gathering's place, the welcomer's country, or the other
// country of the document's main pair. Lists of places give one visit each.

/// Where a visit went, as read from its sentence.
struct Destination {
    /// Every country of the list ("to Malaysia and Cambodia"); the first is `main`.
    var countries: [String]
    var main: String
    /// The city visited in `main`, when named.
    var city: Int?
    /// The place after the trigger naming `main`, for a date right after it.
    var place: PlaceRef?
    /// The rules that chose it.
    var rules: RuleSet
    /// The places of the reading's range that could be the destination, in order.
    var places: [PlaceRef] = []

    /// Where country `country` is named: `place` for the main one, else the first place of the list in it.
    func phrase(of country: String) -> PlaceRef? {
        if country == main, let place { return place }
        return places.first { $0.country == country }
    }
}

extension EventFinder {

    /// How many words may stand between a trigger and the place of the visitor's own country it leads to.
    static let ownPlaceReach = 2

    /// The destination of a reading, or nil when there is none (or the visit is the host's, received abroad).
    func destination(of r: VisitReading, visitorCountry: String, _ c: SentenceContext) -> Destination? {
        let p = r.person, m = c.mentions, e = c.end
        let triggerEnd = r.trigger?.tokens.upperBound
        // The invitation's host, whose country is the destination when no place is named.
        let hostIndex = m.persons.firstIndex { $0.hostContext && $0.phraseStart >= r.range.lowerBound && $0.phraseStart < e }
        // "X, who attended the meeting on Wednesday, travels to Manila": a gathering attended in a relative clause
        // is placed inside it (rule destination.gathering-place).
        let relativeEnd = r.trigger.flatMap { $0.form == .attendance ? relativeClauseEnd(around: $0.tokens.lowerBound, c) : nil }
        let hostLimit = min(hostIndex.map { m.persons[$0].phraseStart } ?? e, relativeEnd ?? e)
        let candidates = c.destinationPlaces(from: r.range.lowerBound, to: max(r.range.upperBound, triggerEnd ?? 0))
            .filter { !isExcluded($0, c) && $0.country != visitorCountry && !isNounOrigin($0, of: r.trigger) }
        let afterTrigger = candidates.filter { $0.tokens.lowerBound >= (triggerEnd ?? r.range.lowerBound) && $0.tokens.lowerBound < hostLimit }
        // "invited the ASEAN leaders to Las Vegas", "mời họ sang Mỹ": the trigger leads straight (at most
        // `ownPlaceReach` words between) to a place of the visitor's own country, and no place abroad follows in
        // the sentence: someone else travels, or he goes home (rule destination.after-trigger, counter-example).
        if afterTrigger.isEmpty, let triggerEnd {
            let after = c.destinationPlaces(from: triggerEnd, to: e).filter { !isExcluded($0, c) && !negationBetween(triggerEnd, $0.tokens.lowerBound) }
            if let first = after.first, first.tokens.lowerBound - triggerEnd <= Self.ownPlaceReach,
               after.allSatisfy({ $0.country == visitorCountry }) { return nil }
        }
        // An act done in a place ("spoke in Jakarta about Laos") is a visit only when the place it names first is abroad.
        if let act = r.trigger, act.form == .presenceAct {
            let named = c.destinationPlaces(from: act.tokens.upperBound, to: e).first
            guard let named, afterTrigger.first?.tokens == named.tokens else { return nil }
        }
        var destination: String?
        var rule = Rule.destinationAfterTrigger
        let chosen = afterTrigger.first ?? candidates.first { $0.tokens.lowerBound < hostLimit }
        if let first = afterTrigger.first { destination = first.country }
        else if let first = chosen {
            destination = first.country
            rule = .destinationBeforeTrigger
        }
        if destination == nil, let h = hostIndex, let x = c.country(of: m.persons[h]), x != visitorCountry {
            destination = x
            rule = .destinationHostCountry
        }
        if destination == nil, let trigger = r.trigger, trigger.form == .attendance {
            let tr = trigger.tokens
            destination = c.destinationPlaces(from: tr.upperBound + 1, to: min(tr.lowerBound + 17, relativeEnd ?? e))
                .first { $0.country != visitorCountry }?.country
            rule = .destinationGatheringPlace
            // Its place is in the relative clause or nowhere: not the welcomer's, the list's or the main pair's.
            if destination == nil && relativeEnd != nil { return nil }
        }
        if destination == nil, p.guest, let host = m.persons.first(where: { $0.nameEnd <= p.phraseStart && !$0.guest }),
           let x = c.country(of: host), x != visitorCountry {
            // A host on a visit to the guest's country receives him there: no visit for the guest.
            if occurredTrips.contains(Trip(visitor: host.entity, destination: visitorCountry)) { return nil }
            destination = x
            rule = .destinationWelcomerCountry
        }
        // A list item naming no place at all: the country the list is about that is not the visitor's.
        if destination == nil, c.destinationPlaces(from: r.range.lowerBound, to: max(r.range.upperBound, triggerEnd ?? 0)).isEmpty,
           let listed = c.listItem?.destination(visitorCountry: visitorCountry) {
            destination = listed
            rule = .destinationListContext
        }
        if destination == nil, c.mainPair.count == 2, c.mainPair.contains(visitorCountry) {
            destination = c.mainPair.first { $0 != visitorCountry }
            rule = .destinationMainPair
        }
        guard let dest = destination, dest != visitorCountry else { return nil }
        let countries = listedCountries(dest, afterTrigger)
        var rules = RuleSet([rule])
        if countries.count > 1 { rules.insert(.destinationList) }
        if chosen?.namedByDemonym == true && chosen?.country == dest { rules.insert(.destinationDemonymCapital) }
        if afterTrigger.contains(where: { $0.shuttle && countries.contains($0.country) }) { rules.insert(.destinationShuttleBetween) }
        let city = m.places.first { $0.city != nil && $0.country == dest && !$0.inPhrase
            && $0.tokens.lowerBound >= r.range.lowerBound - 6 && $0.tokens.lowerBound < max(r.range.upperBound, triggerEnd ?? 0) }?.city
        return Destination(countries: countries, main: dest, city: city, place: afterTrigger.first { $0.country == dest },
                           rules: rules, places: candidates)
    }

    /// "visits to Malaysia and the Philippines": every country of the list; "Bali, Indonesia" is one place.
    func listedCountries(_ dest: String, _ afterTrigger: [PlaceRef]) -> [String] {
        guard let first = afterTrigger.first, first.country == dest else { return [dest] }
        var destinations = [dest]
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
        return destinations
    }

    /// The comma closing the relative clause set off by commas that holds token `k` (", who attended X,"), if any.
    func relativeClauseEnd(around k: Int, _ c: SentenceContext) -> Int? {
        guard isInsideRelativeClause(at: k, c) else { return nil }
        return (k..<c.end).first { isComma($0) }
    }

    /// "a ten-hour train journey from Poland", "a visit from Japan", "chuyến đi từ Ba Lan": a place right after a visit
    /// noun and an origin word (`origin-words`) is where the trip came from, never where it went (rule
    /// destination.excluded-phrase). After a verb ("flew in from Tokyo") the place stays a candidate.
    func isNounOrigin(_ place: PlaceRef, of trigger: Trigger?) -> Bool {
        guard let trigger, trigger.form == .visitNoun else { return false }
        let from = trigger.tokens.upperBound
        return place.tokens.lowerBound == from + 1 && lexicon.originWords.contains(tokens[from].lower)
    }

    /// "outside the former Soviet Union", "beyond Europe": not where the visit went.
    func isExcluded(_ place: PlaceRef, _ c: SentenceContext) -> Bool {
        var j = place.tokens.lowerBound - 1
        var n = 0
        while j >= c.start && n < 3 {
            if lexicon.outsideWords.contains(tokens[j].lower) { return true }
            if tokens[j].kind != .word { return false }
            j -= 1; n += 1
        }
        return false
    }
}

extension EventFinder {
    /// The places of a sentence that can be a destination: named (not a demonym), not inside a title or a name,
    /// and not in a phrase that names a place without going there (rule destination.excluded-phrase): "talks
    /// between Pyongyang and Washington", "relations with China", "Vietnam's position", "the Washington Post",
    /// "Queen Victoria".
    func destinations(_ m: SentenceMentions, in range: Range<Int>) -> [PlaceRef] {
        var excluded = Set<Int>(), shuttled = Set<Int>()
        for (i, place) in m.places.enumerated() where !place.demonym && !place.inPhrase {
            let before = place.tokens.lowerBound - 1
            var j = before
            if j >= range.lowerBound && tokens[j].lower == Self.kThe { j -= 1 }
            let afterPhrase = lexicon.notDestinationAfter.match(tokens, at: place.tokens.upperBound, end: range.upperBound) > 0
            let phrase = j >= range.lowerBound ? lexicon.notDestinationBefore.matchEnding(tokens, at: j, start: max(range.lowerBound, j - 5)) : 0
            let shuttle = phrase > 0 && isShuttle(before: j - phrase + 1, range)
                || i > 0 && shuttled.contains(i - 1) && before >= range.lowerBound && m.places[i - 1].tokens.upperBound == before
            if shuttle { shuttled.insert(i) }
            let beforePhrase = phrase > 0 && !shuttle
            // A one-word title right before it: a person's name ("Queen Victoria", "King Abdullah").
            let titled = before >= range.lowerBound && tokens[before].capitalized
                && (lexicon.titles[tokens[before].lower]?.contains { $0.tokens.count == 1 } ?? false)
            // The second of a pair: "between Pyongyang and Washington".
            let pairedWith = i > 0 && excluded.contains(i - 1) && before >= range.lowerBound
                && (tokens[before].lower == Self.kAnd || tokens[before].lower == Self.kVa)
                && m.places[i - 1].tokens.upperBound == before
            if afterPhrase || beforePhrase || titled || pairedWith || isOrigin(place, in: range) || ownsPerson(place, m, range)
                || inDashedPair(place, m.places, range) {
                excluded.insert(i)
            }
        }
        return m.places.indices.filter { !excluded.contains($0) && !m.places[$0].demonym && !m.places[$0].inPhrase }.map { i in
            var place = m.places[i]
            place.shuttle = shuttled.contains(i)
            return place
        }
    }

    /// Rule destination.shuttle-between: "shuttled between Damascus and Jerusalem", "flew back and forth between
    /// Aswan and Jerusalem": a word of going to and fro (`shuttle-words`) right before the phrase that starts at
    /// `k` ("between") makes the pair places gone to, not the parties of talks.
    func isShuttle(before k: Int, _ range: Range<Int>) -> Bool {
        k - 1 >= range.lowerBound && lexicon.shuttleWords.matchEnding(tokens, at: k - 1, start: max(range.lowerBound, k - 4)) > 0
    }

    /// "Denmark's Mette Frederiksen", "Japan's Prime Minister Fumio Kishida": a country with "'s" before a person's
    /// name is that person's country, not a place gone to (rule destination.excluded-phrase).
    func ownsPerson(_ place: PlaceRef, _ m: SentenceMentions, _ range: Range<Int>) -> Bool {
        let after = place.tokens.upperBound
        guard after < range.upperBound, tokens[after].kind == .possessive else { return false }
        return m.persons.contains { $0.nameStart > after && $0.phraseStart <= after + 1 && $0.nameStart <= after + 5 }
    }

    /// A place joined to another by a spaced dash ("Diễn đàn doanh nghiệp Việt Nam - Brazil", "hội nghị thượng
    /// đỉnh Mỹ - Triều Tiên"): the two parties of a relation or a meeting's name, not where anyone went (rule
    /// destination.excluded-phrase). An organisation and a place ("ASEAN – Australia") is not such a pair.
    func inDashedPair(_ place: PlaceRef, _ places: [PlaceRef], _ range: Range<Int>) -> Bool {
        func isDash(_ k: Int) -> Bool {
            k >= range.lowerBound && k < range.upperBound && tokens[k].kind == .punct
                && (tokens[k].lower == TimeTagger.kDash || tokens[k].lower == TimeTagger.kEnDash)
        }
        let before = place.tokens.lowerBound - 1, after = place.tokens.upperBound
        return (isDash(before) && places.contains { $0.tokens.upperBound == before })
            || (isDash(after) && places.contains { $0.tokens.lowerBound == after + 1 })
    }

    /// "from Israel to Jeddah", "từ Hà Nội sang Lào": a place between an origin word and a goal's preposition is
    /// where the journey started.
    func isOrigin(_ place: PlaceRef, in range: Range<Int>) -> Bool {
        let before = place.tokens.lowerBound - 1, after = place.tokens.upperBound
        guard before >= range.lowerBound, after < range.upperBound, lexicon.originWords.contains(tokens[before].lower) else { return false }
        return lexicon.destinationPrepositions.contains(tokens[after].lower)
    }
}
