// Lists and timelines of visits. A line that opens with a bullet ("- ", "* ", "• "), an item number ("3. ",
// "3) ") or a date followed by a separator ("June 2000: ...", "12 March 2019 – ...", "1981 (30 Nov-1 Dec): ...",
// "Tháng 10/2024: ...") is a list item; it is already a paragraph, so its sentences are its own. What the item
// and its list add to those sentences (rules date.list-item, destination.list-context, visitor.list-context):
// - the date the item opens with dates every sentence of the item that gives none of its own;
// - a line holding nothing but a year ("1976") heads the items under it: their dates written without a year
//   ("- 26 January: ...") are in that year, not in the publication's; so are those of an item that opens with a
//   dated year ("- Tháng 9/2022: ... từ ngày 28/9 đến 2/10");
// - the countries the list is about, read from the sentence that introduces the list (the lead, "A look back at
//   how French presidents have travelled to Algeria:"), else from the headline ("India's and Pakistan's
//   leaders"): an item that names no destination goes to the one of them that is not the visitor's;
// - the one person the lead or headline names ("Visits of Ho Chi Minh abroad"): the visitor of an item that
//   names none;
// - in a list whose lead or headline speaks of visits, a row that holds nothing but its date, one person and
//   the places ("- 12 March 2019 — Nguyen Phu Trong — Beijing") is that person's visit there.

/// What a sentence inside a list item knows from the item and its list.
struct ListItemContext {
    /// The date the item opens with, when it opens with one.
    var date: TaggedTime?
    /// The countries the list's lead, else its headline, names, in order of first mention.
    var countries: [String]
    /// The one person the lead, else the headline, names.
    var person: Int?
    /// The sentence opens the item (the others are its later sentences).
    var opening: Bool
    /// The list's lead or headline holds a visit word ("Key visits since 1960:", "Các chuyến thăm cấp cao").
    var aboutVisits: Bool
    /// The item's year: that of the year line above it, else of the date it opens with. Its dates written
    /// without a year ("từ ngày 28/9 đến 2/10") are in that year.
    var year: Int?
    /// The sentence that introduces the list (the same for every item of one list).
    var list: Int = 0
    /// The lead ends with a plan word right before its colon ("The president will:", "Tổng Bí thư ... sẽ:"): its
    /// items are a schedule (rule status.planned.future-modal).
    var leadPlans = false

    /// The list's country that is not the visitor's, when exactly one is.
    func destination(visitorCountry: String) -> String? {
        let others = countries.filter { $0 != visitorCountry }
        return others.count == 1 ? others[0] : nil
    }
}

/// The opening of a list item: the date it opens with, if any.
struct ListItemHead {
    var date: TaggedTime?
    /// The person heading the item ("- Jimmy Carter, 1978: ..."; rule visitor.item-heading).
    var person: Int? = nil
}

/// Finds list items and their lists in a document's sentences.
struct ListItemReader {
    let b: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    /// Each sentence's tokens.
    let sentenceTokens: [Range<Int>]
    /// Each sentence's paragraph.
    let paragraphOf: [Int]
    let times: [[TaggedTime]]
    let mentions: [SentenceMentions]
    let countryOf: (Int) -> String?
    let lexicon: Lexicon

    /// The list-item context of every sentence (nil outside lists).
    func contexts() -> [ListItemContext?] {
        var out = [ListItemContext?](repeating: nil, count: sentenceTokens.count)
        var si = 0
        var list: (countries: [String], person: Int?, aboutVisits: Bool)?
        var lead = 0
        var leadPlans = false
        var inList = false
        var year: Int?
        while si < sentenceTokens.count {
            let paragraph = paragraphOf[si]
            var end = si
            while end < sentenceTokens.count && paragraphOf[end] == paragraph { end += 1 }
            defer { si = end }
            if let heading = yearLine(si) {
                year = heading
                continue
            }
            guard si > 0, var head = itemHead(si) ?? (inList ? undatedItemHead(si) : nil) else {
                inList = false
                year = nil
                continue
            }
            if !inList {
                lead = leadSentence(before: si)
                list = context(lead: lead)
                leadPlans = endsWithPlanBeforeColon(lead)
            }
            inList = true
            if let y = year, let date = head.date { head.date = ListItemReader.inYear(y, date) }
            // The item's year: the year line's, else that of the date the item opens with.
            let itemYear = year ?? head.date.flatMap { $0.yearless ? nil : $0.start.year }
            for k in si..<end {
                out[k] = ListItemContext(date: head.date, countries: list?.countries ?? [], person: head.person ?? list?.person,
                                         opening: k == si, aboutVisits: list?.aboutVisits ?? false, year: itemYear,
                                         list: lead, leadPlans: leadPlans)
            }
        }
        return out
    }

    /// Sentence `si` ends with a colon that a `planned-words` entry stands one or two words before ("will:",
    /// "expected to:", "sẽ:").
    func endsWithPlanBeforeColon(_ si: Int) -> Bool {
        guard si >= 0, si < sentenceTokens.count else { return false }
        let r = sentenceTokens[si]
        guard let colon = r.last, tokens[colon].kind == .punct, tokens[colon].first == 0x3A else { return false }
        return (max(r.lowerBound, colon - 2)..<colon).contains { tokens[$0].kind == .word && lexicon.plannedCues.contains(tokens[$0].lower) }
    }

    /// The sentence that introduces a list starting at `si`: the one before it, above any year lines.
    func leadSentence(before si: Int) -> Int {
        var k = si - 1
        while k > 0 && yearLine(k) != nil { k -= 1 }
        return k
    }

    /// A line holding nothing but a year ("1976", "1976:"), within the years a list of visits spans.
    func yearLine(_ si: Int) -> Int? {
        let r = sentenceTokens[si]
        guard r.count <= 2, tokens[r.lowerBound].kind == .number, tokens[r.lowerBound].length == 4,
              r.count == 1 || tokens[r.lowerBound + 1].first == 0x3A,
              let t = times[si].first, t.tokens.lowerBound == r.lowerBound, t.start.granularity == .year,
              (1800...2100).contains(t.start.year) else { return nil }
        return t.start.year
    }

    /// A date written without a year, put in the year of the line above it.
    static func inYear(_ year: Int, _ t: TaggedTime) -> TaggedTime {
        guard t.yearless, let start = PartialDate(year: year, month: t.start.month, day: t.start.day) else { return t }
        var out = t
        out.start = start
        out.end = t.end.flatMap { e in PartialDate(year: year + (e.year - t.start.year), month: e.month, day: e.day) }
        out.relative = false
        out.yearless = false
        return out
    }

    /// The times of the sentences of items with a year, their yearless dates put in that year.
    static func applyYears(_ contexts: [ListItemContext?], to times: inout [[TaggedTime]]) {
        for (si, context) in contexts.enumerated() {
            guard let year = context?.year else { continue }
            times[si] = times[si].map { inYear(year, $0) }
        }
    }

    /// The opening of an item: a bullet or an item number, then perhaps a date; or a date and a separator.
    /// Nil when the sentence does not open a list item.
    func itemHead(_ si: Int) -> ListItemHead? {
        let r = sentenceTokens[si]
        guard r.count >= 3 else { return nil }
        var k = r.lowerBound
        var marked = false
        if isBullet(tokens[k]) {
            k += 1
            marked = true
        } else if tokens[k].kind == .number, tokens[k].length <= 2, k + 1 < r.upperBound,
                  tokens[k + 1].first == 0x2E || tokens[k + 1].first == 0x29, tokens[k + 1].start == tokens[k].end,
                  !times[si].contains(where: { $0.tokens.lowerBound == k }) {
            k += 2
            marked = true
        }
        let dated = { (t: TaggedTime) in !t.relative || t.yearless }
        guard let date = times[si].first(where: { dated($0) && ($0.tokens.lowerBound == k || self.isDayName(k..<$0.tokens.lowerBound)) })
        else {
            // "Shinzo Abe, first term (2006): Beijing on 8 October ...": a paragraph headed by a person and a year.
            let headed = personHeadedDate(si, at: k)
            return marked || headed != nil ? ListItemHead(date: headed, person: headed.flatMap { _ in mentions[si].persons.first?.entity }) : nil
        }
        if marked { return ListItemHead(date: date) }
        var j = date.tokens.upperBound
        if j < r.upperBound && tokens[j].first == 0x28 { // "1981 (30 Nov-1 Dec):"
            while j < r.upperBound && tokens[j].first != 0x29 { j += 1 }
            j += 1
        }
        guard j < r.upperBound, isSeparator(tokens[j]) else { return nil }
        return ListItemHead(date: date)
    }

    /// Inside a list, a paragraph shaped like its items whose date the reader cannot read ("Mid-July - Brazil.",
    /// "Late 1961 — Vienna."): a few words that name no person, a separator, then a place. It is an item of the
    /// list (rule visitor.list-context: the items after it keep the list's person), dated by a time of its opening
    /// words when one is read there.
    func undatedItemHead(_ si: Int) -> ListItemHead? {
        let r = sentenceTokens[si]
        let limit = min(r.upperBound - 1, r.lowerBound + Self.undatedHeadLength)
        let placeAfter = { (k: Int) in self.mentions[si].places.contains { $0.tokens.lowerBound == k + 1 && !$0.inPhrase } }
        guard let sep = (r.lowerBound + 1..<max(r.lowerBound + 1, limit)).first(where: { isSeparator(tokens[$0]) && placeAfter($0) }),
              !mentions[si].persons.contains(where: { $0.phraseStart < sep }),
              !mentions[si].places.contains(where: { $0.tokens.lowerBound < sep }),
              (r.lowerBound..<sep).allSatisfy({ tokens[$0].kind != .punct || isBullet(tokens[$0]) }) else { return nil }
        return ListItemHead(date: times[si].first { $0.tokens.upperBound <= sep && (!$0.relative || $0.yearless) })
    }

    /// How many tokens an undated item's opening words may take before their separator ("30 August-3 September -").
    static let undatedHeadLength = 7

    /// "- Jimmy Carter, 1978: Nigeria from March 31 ...", "Shinzo Abe, first term (2006): Beijing ...": a line opening
    /// with a person's name, then a comma and a year, or a year in brackets (after a few words set off by a comma),
    /// then ":" — the line's date is that year (rule visitor.item-heading reads the person).
    func personHeadedDate(_ si: Int, at k: Int) -> TaggedTime? {
        let r = sentenceTokens[si]
        guard let person = mentions[si].persons.first(where: { $0.phraseStart == k }), person.nameEnd + 2 < r.upperBound else { return nil }
        let e = person.nameEnd
        let open = tokens[e].first == 0x28 ? e : tokens[e].first == 0x2C
            ? (e + 1..<min(r.upperBound, e + Self.headingAsideLength)).first { tokens[$0].first == 0x28 } : nil
        let yearStart = open.map { $0 + 1 } ?? (tokens[e].first == 0x2C ? e + 1 : r.upperBound)
        guard let year = times[si].first(where: { $0.tokens.lowerBound == yearStart }), !year.relative, year.start.granularity == .year
        else { return nil }
        var j = year.tokens.upperBound
        if open != nil {
            guard j < r.upperBound, tokens[j].first == 0x29 else { return nil }
            j += 1
        }
        return j < r.upperBound && tokens[j].first == 0x3A ? year : nil
    }

    /// How many tokens after a heading's name its bracketed year may open (", first term (2006):").
    static let headingAsideLength = 5

    /// The countries and the one person of the list's lead (the sentence before the first item) if it names a
    /// country or a person, else of the headline; whether either speaks of visits.
    func context(lead: Int) -> (countries: [String], person: Int?, aboutVisits: Bool) {
        let aboutVisits = [lead, 0].contains { si in
            si >= 0 && sentenceTokens[si].contains { lexicon.visitNouns.match(tokens, at: $0, end: sentenceTokens[si].upperBound) > 0 }
        }
        for si in [lead, 0] where si >= 0 {
            var countries = countriesNamed(si)
            let persons = Set(mentions[si].persons.map(\.entity))
            guard !countries.isEmpty || !persons.isEmpty else { continue }
            // "Leaders in Kyiv" over "... travelled to the Ukrainian capital, nearly all of them by train from
            // Poland": the headline's countries, when the lead names them among others, are the list's.
            let headline = si == lead && lead > 0 ? countriesNamed(0) : []
            if countries.count > 1, !headline.isEmpty, headline.allSatisfy(countries.contains) { countries = headline }
            return (countries, persons.count == 1 ? persons.first : nil, aboutVisits)
        }
        return ([], nil, aboutVisits)
    }

    /// The countries a sentence names (places and demonyms), in order, once each.
    func countriesNamed(_ si: Int) -> [String] {
        var out: [String] = []
        for p in mentions[si].places.sorted(by: { $0.tokens.lowerBound < $1.tokens.lowerBound }) where !p.inPhrase {
            if !out.contains(p.country) { out.append(p.country) }
        }
        return out
    }

    /// The day's name before an item's date: one or two words, the first capitalised, and a comma ("Thursday,
    /// Oct. 12:", "Thứ Hai, 30/9:", "Chủ nhật, 6/10:").
    func isDayName(_ r: Range<Int>) -> Bool {
        guard (2...3).contains(r.count), tokens[r.upperBound - 1].first == 0x2C, tokens[r.lowerBound].capitalized else { return false }
        return r.dropLast().allSatisfy { tokens[$0].kind == .word }
    }

    /// "-", "*", "+", "•", "–", "—", "·" opening a line.
    func isBullet(_ t: Token) -> Bool { Self.isBullet(b, t) }

    static func isBullet(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        guard t.kind == .punct else { return false }
        if t.first == 0x2D || t.first == 0x2A || t.first == 0x2B { return true }
        if t.first == 0xC2 && t.length == 2 { return b[Int(t.start) + 1] == 0xB7 }
        if t.first == 0xE2 && t.length == 3 && b[Int(t.start) + 1] == 0x80 {
            let x = b[Int(t.start) + 2]
            return x == 0xA2 || x == 0x93 || x == 0x94
        }
        return false
    }

    /// ":" or a dash after an item's date.
    func isSeparator(_ t: Token) -> Bool {
        guard t.kind == .punct else { return false }
        return t.first == 0x3A || isBullet(t) && t.first != 0x2A && t.first != 0x2B
    }
}

extension EventFinder {
    /// Rule visit.list-row: in a list of visits, an item's opening sentence with no trigger that holds nothing but
    /// its date, one person (with his title) and the places he went to, separated by punctuation.
    mutating func readListRow(_ c: SentenceContext) {
        guard let item = c.listItem, item.opening, item.aboutVisits, let date = item.date, c.persons.count == 1 else { return }
        let person = c.persons[0]
        let places = c.destinations.filter { $0.tokens.lowerBound >= person.nameEnd }
        guard !places.isEmpty else { return }
        for k in c.start..<c.end {
            let t = tokens[k]
            let inDate = date.tokens.contains(k) || (k < date.tokens.lowerBound && (t.kind == .punct || t.kind == .number))
            let inName = (person.phraseStart..<person.nameEnd).contains(k)
            let inPlace = c.mentions.places.contains { $0.tokens.contains(k) }
            guard t.kind == .punct || inDate || inName || inPlace else { return }
        }
        let reading = VisitReading(person: person, trigger: nil, range: person.nameEnd..<c.end, time: date, notBefore: nil,
                                   kind: .unspecified, rules: RuleSet([.visitListRow, .dateListItem]))
        for v in makeVisits(reading, c) { add(v) }
    }
}

extension EventFinder {
    /// Rule visit.list-row, a list of who came: in a list whose lead or headline speaks of visits to one country
    /// ("Leaders in Kyiv: who has made the journey", "Below, the main visits"), a dated item's opening sentence that
    /// opens with named persons ("- 16 June 2022 - Emmanuel Macron, Olaf Scholz and Mario Draghi arrive by night
    /// train") is a visit of each of them there, on the item's date, when no rule of the sentence took him.
    mutating func readListVisitors(_ c: SentenceContext, madeFrom first: Int) {
        guard let item = c.listItem, item.opening, item.aboutVisits, item.person == nil, let date = item.date,
              item.countries.count == 1 else { return }
        let country = item.countries[0]
        // The names that open the line, joined by commas and "and", with their titles and countries.
        var k = firstWord(after: date.tokens.upperBound, c)
        var group: [PersonRef] = []
        for p in c.persons.sorted(by: { $0.phraseStart < $1.phraseStart }) where p.referring == nil && p.nameEnd > k {
            let between = min(k, p.phraseStart)..<p.phraseStart
            guard p.phraseStart >= k, between.allSatisfy({ opensNameGroup($0, c) }) else { break }
            group.append(p)
            k = p.nameEnd
        }
        // A line that takes them somewhere else ("- 2023: X meets Y in Paris") is not a visit there.
        guard !group.isEmpty, c.destinations.allSatisfy({ $0.country == country || $0.tokens.upperBound <= k }) else { return }
        for p in group where c.country(of: p) != nil && c.country(of: p) != country {
            let told = visits[first...].contains { $0.visitor == p.entity && $0.mentions.contains { $0.sentence == c.index } }
            guard !told else { continue }
            let reading = VisitReading(person: p, trigger: nil, range: p.nameEnd..<p.nameEnd, time: date, notBefore: nil,
                                       kind: .unspecified, rules: RuleSet([.visitListRow, .dateListItem]))
            for v in makeVisits(reading, c) { add(v) }
        }
    }

    /// A token that may stand between the names opening a list line: punctuation, "and", a possessive, a place
    /// ("Spain's"), a capitalised word of a title, "of" ("Secretary of State").
    func opensNameGroup(_ k: Int, _ c: SentenceContext) -> Bool {
        let t = tokens[k]
        return t.kind == .punct || t.kind == .possessive || t.capitalized || lexicon.coordinators.contains(t.lower)
            || lexicon.ofWords.contains(t.lower) || c.mentions.places.contains { $0.tokens.contains(k) }
    }
}

extension EventFinder {
    /// Rule visit.timeline-stop: a dated list item whose line goes straight to a place before any trigger. A
    /// place set off by punctuation or "and" ("- March 24: Uganda, where he meets …", "- February 19: Rwanda.") is
    /// a stop of the one person the list's lead or headline names (rule visitor.list-context), else of the list's
    /// protagonist while no item opens with someone else and the article's opening names him (rule
    /// visitor.list-protagonist), else of the visitor of the
    /// list's item before (rule visitor.previous-leg); a person followed by
    /// "in"/"at" and a place ("- August 26: Clinton in Abuja, Nigeria", "- December 10: Obama again in South
    /// Africa") is that person's stop. Either is dated by the item's date.
    mutating func readTimelineStop(_ c: SentenceContext, before limit: Int) {
        guard let item = c.listItem, let date = item.date else { return }
        // A later sentence of the item may go straight to a place with its own time ("Uzbekistan first (6-7 July),
        // then Kazakhstan (7-8 July)").
        let k = item.opening ? firstWord(after: date.tokens.upperBound, c) : c.start
        guard k < limit else { return }
        var rules = RuleSet([.visitTimelineStop, .dateListItem])
        let person: PersonRef
        let from: Int
        var ownTime: TaggedTime? // "- George W. Bush, 2008: Benin on February 16, ...": the stop's own, finer date
        if let place = destinationAt(k, c) ?? countryAfterUnknownTown(k, c) {
            let next = place.tokens.upperBound
            // A time of its own right after it ("Senegal on June 26") sets it off too.
            ownTime = c.times.first { $0.tokens.lowerBound >= next && $0.tokens.lowerBound <= next + 2 }
            let dated = ownTime != nil
            guard item.opening || dated else { return }
            guard next >= c.end || tokens[next].kind == .punct || lexicon.coordinators.contains(tokens[next].lower)
                    || lexicon.placePrepositions.contains(tokens[next].lower) || lexicon.destinationPrepositions.contains(tokens[next].lower) || dated
            else { return }
            // The person heading the item ("- Jimmy Carter, 1978: Nigeria ..."), else the one person the list's lead or
            // headline names ("Xi Jinping's visits to Africa"), else the visitor of the item before.
            let carried = lastListVisit.flatMap { $0.list == item.list ? $0.visitor : nil }
            if let heading = itemHeadingPerson(c) {
                person = heading
                rules.insert(.visitorItemHeading)
            } else {
                // The list's protagonist outranks the visitor of the item before: that one may be a person the item
                // before met or sent ("- 19 July: Tehran, a summit with X" then "- 3 July: Astana").
                // The protagonist counts when the article's opening names him (not a visitor of an earlier list).
                let protagonist = listProtagonist.flatMap { $0.list == item.list ? $0.visitor : nil }
                    .flatMap { openingPersons.contains($0) ? $0 : nil }
                guard let visitor = item.person ?? protagonist ?? carried else { return }
                person = PersonRef(entity: visitor, phraseStart: k, nameStart: k, nameEnd: k, titleLevel: nil,
                                   titleCountry: nil, historical: false, role: .name)
                rules.insert(item.person != nil ? .visitorListContext : protagonist != nil ? .visitorListProtagonist : .visitorPreviousLeg)
            }
            from = k
            // "Benin on February 16, Rwanda on February 19 and Liberia on February 21": one stop each, with its date.
            let stops = tripList(from: place, c.destinations.filter { $0.tokens.lowerBound >= k }, c)
            if !stops.isEmpty {
                timelineStop = (c.index, person.entity)
                rules.insert(.visitTripList)
                for stop in stops {
                    let reading = VisitReading(person: person, trigger: nil, range: stop.place.tokens, time: stop.time, notBefore: nil,
                                               kind: .unspecified, rules: rules)
                    for v in makeVisits(reading, c) { add(v) }
                }
                return
            }
        } else if item.opening, let pi = c.persons.firstIndex(where: { $0.phraseStart == k }), let at = placePreposition(after: c.persons[pi].nameEnd, c),
                  destinationAt(at + 1, c) != nil {
            person = c.persons[pi]
            previousVisitor = (c.index, pi)
            from = at
        } else {
            return
        }
        timelineStop = (c.index, person.entity)
        let finer = ownTime.flatMap { $0.start.granularity > date.start.granularity ? $0 : nil }
        let reading = VisitReading(person: person, trigger: nil, range: from..<c.end, time: finer ?? date, notBefore: nil,
                                   kind: .unspecified, rules: rules)
        for v in makeVisits(reading, c) { add(v) }
    }

    /// Rule visit.timeline-stop, an itinerary's heading: a line that holds nothing but places and the dates of the
    /// stay ("JAKARTA, INDONESIA (3-6 September)", "Port Moresby and Vanimo, Papua New Guinea - 6-9 September") is a
    /// stop of the article's protagonist when its opening names him (rule visitor.list-protagonist), dated by it.
    mutating func readStopHeading(_ c: SentenceContext) {
        // A calendar date, not a day said from the publication: an agenda's "TUESDAY-THURSDAY, Jakarta" is a plan of
        // anyone's (status.planned.present-tense).
        guard c.listItem == nil, c.persons.isEmpty, !isAgendaHeading(c.range), let time = c.times.first,
              time.start.granularity >= .month, !time.relative || time.yearless,
              let who = protagonist, openingPersons.contains(who), let own = c.countryOf(who) else { return }
        var places: [PlaceRef] = []
        for k in c.start..<c.end {
            let t = tokens[k]
            if let place = c.mentions.places.first(where: { $0.tokens.contains(k) }) {
                if place.tokens.lowerBound == k, !place.demonym, !place.inPhrase { places.append(place) }
                continue
            }
            // A town the gazetteer lacks, in a list of them before the country ("PORT MORESBY AND VANIMO, PAPUA NEW GUINEA").
            let town = t.kind == .word && t.capitalized && k + 1 < c.end
                && (tokens[k + 1].first == 0x2C || lexicon.coordinators.contains(tokens[k + 1].lower))
            guard t.kind == .punct || town || lexicon.coordinators.contains(t.lower) || c.times.contains(where: { $0.tokens.contains(k) })
            else { return }
        }
        // The country of the stay: the last place's (a town, then its country).
        guard let stop = places.last, stop.country != own, places.allSatisfy({ $0.country == stop.country }),
              c.destinations.contains(where: { $0.tokens == stop.tokens }) else { return }
        let person = PersonRef(entity: who, phraseStart: c.start, nameStart: c.start, nameEnd: c.start, titleLevel: nil,
                               titleCountry: nil, historical: false, role: .name)
        let reading = VisitReading(person: person, trigger: nil, range: stop.tokens, time: time, notBefore: nil,
                                   kind: .unspecified, rules: RuleSet([.visitTimelineStop, .visitorListProtagonist]))
        for v in makeVisits(reading, c) { add(v) }
    }

    /// "- June 15: Lucerne, Switzerland, a summit on peace": a town the gazetteer lacks (one to three capitalised
    /// words) then a comma and a country: the country is the stop.
    func countryAfterUnknownTown(_ k: Int, _ c: SentenceContext) -> PlaceRef? {
        var j = k
        while j < min(c.end, k + 3) && tokens[j].kind == .word && tokens[j].capitalized { j += 1 }
        guard j > k, j + 1 < c.end, isComma(j), !c.persons.contains(where: { (k..<j).contains($0.nameStart) }),
              !c.mentions.places.contains(where: { (k..<j).contains($0.tokens.lowerBound) }),
              let country = destinationAt(j + 1, c), country.city == nil else { return nil }
        return country
    }

    /// The person a list item opens with before its date ("- Jimmy Carter, 1978: Nigeria ..."; rule visitor.item-heading).
    func itemHeadingPerson(_ c: SentenceContext) -> PersonRef? {
        guard let item = c.listItem, item.opening, let date = item.date else { return nil }
        return c.persons.first { $0.referring == nil && $0.phraseStart <= c.start + 1 && $0.nameEnd < date.tokens.lowerBound }
    }

    /// The person a dated list item's opening sentence starts with, right after its date ("- 10 June: Nixon leaves
    /// Washington for the Middle East"), named and not a pronoun: the visitor of the stops the next items go straight
    /// to when this item made no visit of its own (rule visitor.previous-leg).
    func itemOpeningPerson(_ c: SentenceContext) -> Int? {
        guard let item = c.listItem, item.opening, let date = item.date else { return nil }
        let k = firstWord(after: date.tokens.upperBound, c)
        return c.persons.first { $0.phraseStart == k && $0.referring == nil }?.entity
    }

    /// The first token after an item's date and its separator (and a bracketed aside: "1981 (30 Nov-1 Dec):").
    func firstWord(after k: Int, _ c: SentenceContext) -> Int {
        var j = k
        while j < c.end && tokens[j].kind == .punct {
            if tokens[j].first == 0x28 { while j < c.end && tokens[j].first != 0x29 { j += 1 } }
            j += 1
        }
        return j
    }

    /// A place that can be a destination starting at token `k` (or after "the").
    func destinationAt(_ k: Int, _ c: SentenceContext) -> PlaceRef? {
        guard k < c.end else { return nil }
        let start = tokens[k].lower == Self.kThe ? k + 1 : k
        return c.destinations.first { $0.tokens.lowerBound == start }
    }

    /// "in"/"at" right after a name, or after one lower-case word ("again in", "back in"): its token.
    func placePreposition(after k: Int, _ c: SentenceContext) -> Int? {
        for j in k..<min(c.end, k + 2) where lexicon.placePrepositions.contains(tokens[j].lower) { return j }
        return nil
    }
}

extension ListItemReader {
    /// Rule date.list-item: a paragraph that opens (after a bullet) with a month standing alone, perhaps after a
    /// word for its part, then ":" or a dash ("- January: Davos, Switzerland", "Late June - Osaka", "October: Tokyo
    /// ..."), the way a year's list of trips dates its items. The month is its date, written without a year: the
    /// year of the reference date (a year line above the item or a year of its sentence sets it later). Nil when
    /// the paragraph does not open so or a time was read there already.
    static func headMonth(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ r: Range<Int>, anchor: PartialDate?,
                          lexicon: Lexicon, read: [TaggedTime]) -> TaggedTime? {
        guard r.count >= 3, let anchor else { return nil }
        var k = r.lowerBound
        if ListItemReader.isBullet(b, tokens[k]) { k += 1 }
        let from = k
        if k < r.upperBound, tokens[k].kind == .word, lexicon.monthPartWords.contains(tokens[k].lower) { k += 1 }
        guard k + 1 < r.upperBound, tokens[k].kind == .word, tokens[k].capitalized, tokens[from].capitalized,
              let month = lexicon.months[tokens[k].lower], tokens[k + 1].first == 0x3A || isDash(b, tokens[k + 1]),
              !read.contains(where: { $0.tokens.lowerBound <= k + 1 && $0.tokens.upperBound > from }),
              let year = TimeTagger.resolveYear(month: month, day: nil, anchor: anchor, future: false),
              let start = PartialDate(year: year, month: month) else { return nil }
        return TaggedTime(tokens: from..<(k + 1), start: start, end: nil, relative: true, yearless: true)
    }

    /// A timeline's heading line, standing alone above the paragraph it heads: a date with its year, a dash or a
    /// colon, and a name of a few capitalised words ("November 2000 - Bill Clinton", "2016: Barack Obama"). Its
    /// year dates the yearless dates of the paragraph under it (as a year line does; `HeadingYear`).
    static func headingLineYear(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ r: Range<Int>, times: [TaggedTime]) -> Int? {
        guard let t = times.first, t.tokens.lowerBound == r.lowerBound, !t.relative, !t.yearless,
              t.tokens.upperBound < r.upperBound else { return nil }
        let sep = tokens[t.tokens.upperBound]
        guard sep.first == 0x3A || isDash(b, sep) else { return nil }
        let rest = (t.tokens.upperBound + 1)..<r.upperBound
        guard (1...Self.headingNameLength).contains(rest.count),
              rest.allSatisfy({ tokens[$0].kind == .word && tokens[$0].capitalized || tokens[$0].kind == .punct && tokens[$0].first == 0x2E }) else { return nil }
        return t.start.year
    }

    /// How many tokens the name of a heading line may take ("George W. Bush").
    static let headingNameLength = 5

    /// "-", "–" or "—" (a punctuation token).
    static func isDash(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool { MetadataReader.isDash(b, t) }
}
