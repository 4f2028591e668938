// Stage 6: events in sentences. Visits (visitor, destination, city, dates, kind, status), meetings
// and talks, the establishment of diplomatic relations, anniversaries and exchanges of messages.
// The rules use titles, verbs, the gazetteer and dates only. This file holds the finder's state and the
// sentence loop; each concern is a file of its own: VisitTriggers, VisitFinder (the steps of a visit),
// Visitor, VisitDestination, VisitDates, VisitStatusAndKind, TripLegs (the later legs of a trip), OtherEvents.

/// A visit as one sentence reports it, before the merge.
struct VisitCandidate {
    var visitor: Int
    var visitorCountry: String?
    var destination: String
    var city: Int?
    /// The person who received the visitor, when the sentence names him (`EventFinder.host(of:)`).
    var host: Int?
    var start: PartialDate?
    var end: PartialDate?
    /// For "later", "afterwards": the visit is after this date.
    var notBefore: PartialDate?
    var kind: VisitKind
    var status: VisitStatus
    var titleLevel: Level?
    /// Its reports, one per sentence, each with what its sentence says (document 0 until the merge numbers it).
    var mentions: [Mention]
    /// The rules that made it.
    var rules = RuleSet()
    /// What the scorer reads (Scoring/): where the rules found the trigger, the visitor and the time.
    var evidence = CandidateEvidence()
    /// The scorer's probability that this candidate is a right visit (Scoring/VisitScorer.swift).
    var confidence: Float = CandidateEvidence.defaultConfidence

    /// The sentences reporting it, in the order found.
    var sentences: [Int] { mentions.map(\.sentence) }
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
    /// The report: its sentence, status, date and spans as that sentence states them (document 0 until merged).
    var mention: Mention
    /// The rules that made it.
    var rules = RuleSet()

    var sentence: Int { mention.sentence }
}

/// One sentence as the event rules see it: its tokens, mentions and times, and the document's context.
struct SentenceContext {
    /// The sentence's index in the document.
    let index: Int
    /// Its tokens.
    let range: Range<Int>
    let mentions: SentenceMentions
    /// Every time expression of the sentence.
    let allTimes: [TaggedTime]
    /// The times that may date an event: not an anniversary's, not one after "since".
    let times: [TaggedTime]
    /// The two countries the document is most about.
    let mainPair: [String]
    let countryOf: (Int) -> String?
    /// The places that can be a destination (named, not a demonym, not inside a title or a name).
    let destinations: [PlaceRef]
    /// Where each clause starts (the sentence start first), in order (see `Clauses.swift`).
    let clauseStarts: [Int]
    /// The list item the sentence belongs to, with its date and its list's countries (see `ListItems.swift`).
    var listItem: ListItemContext? = nil

    /// The tokens of the clause holding token `k`.
    func clause(of k: Int) -> Range<Int> {
        let i = clauseStarts.lastIndex { $0 <= k } ?? 0
        return clauseStarts[i]..<(i + 1 < clauseStarts.count ? clauseStarts[i + 1] : end)
    }

    var start: Int { range.lowerBound }
    var end: Int { range.upperBound }
    var persons: [PersonRef] { mentions.persons }

    /// Places that can be a destination: named (not a demonym) and not inside a title or a name.
    func destinationPlaces(from lower: Int, to upper: Int) -> [PlaceRef] {
        destinations.filter { $0.tokens.lowerBound >= lower && $0.tokens.lowerBound < upper }
    }

    /// The country of a person: his own, else the one his title names.
    func country(of p: PersonRef) -> String? { countryOf(p.entity) ?? p.titleCountry }
}

struct EventFinder {
    let b: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    let language: Language
    /// The date the sentence's relative dates are read from (`StoryTime`): the publication date, or an archive
    /// text's anchor.
    var date: PartialDate?
    /// The sentence is read from an archive text's anchor, not the publication date (rule date.archive-anchor).
    var storyAnchored = false
    /// The page's publication date: what "future" is measured from (an archive story's later events are not
    /// planned).
    var publication: PartialDate?
    /// The time the text told before this sentence, and whether the sentence tells the past: an undated visit is
    /// then read from the story rather than from the publication (rule date.story-time).
    var story = StoryContext()
    /// The last time told in the sentences before this one ("The same afternoon ..." refers back to it).
    var previousTime: TaggedTime?
    /// The word sets the rules use.
    let lexicon: Lexicon
    var visits: [VisitCandidate] = []
    /// Proposes candidates for the scorer to judge after the rules of each sentence (ProposedVisits.swift).
    var proposes = false
    /// The proposed candidates, kept apart so that they change nothing the rules read.
    var proposed: [VisitCandidate] = []
    var events: [EventCandidate] = []
    /// The visit most recently reported, for "the visit", "during the visit".
    var lastVisit: Int?
    /// The person most recently the subject of a visit or named first, for "he", "the leader".
    var protagonist: Int?
    /// The level of the title each person was named with ("Thủ tướng Nguyễn Tấn Dũng"): "Thủ tướng" alone later
    /// means the protagonist if he bears that title (or holds that office), else the one named last who does.
    var titledLevels: [Int: Level] = [:]
    /// The person named last with each level (his title's, or his office's).
    var lastNamedWithLevel: [Level: Int] = [:]
    var officeLevels: [Int: Level?] = [:]
    /// The visitor of the last visit told from more than a year before the article.
    var recalledVisitor: Int?
    /// The paragraph that visit was told in.
    var recalledParagraph: Int?
    /// A person's level on the article's date as the model knows it (a gazetteer person's office then; a
    /// discovered person's title), set by the analyser.
    var levelOf: (Int) -> Level? = { _ in nil }
    /// A person's gender (the gazetteer's, else an honorific's in the text: PersonGenders.swift), set by the analyser.
    var genderOf: (Int) -> Gender? = { _ in nil }
    /// The end of the last office the gazetteer gives a person, when every one of them has ended (nil: one is
    /// still held, or none is known).
    var officesEnd: (Int) -> PartialDate? = { _ in nil }
    /// The sentence and person index of the last visitor found, for a second visit word in the same sentence.
    var previousVisitor: (sentence: Int, index: Int)?
    /// Who has been found travelling where in this document (occurred visits), for a host received abroad.
    var occurredTrips = Set<Trip>()
    /// The visitor of the last visit read in a list item, and that list's lead sentence: a later item that goes
    /// straight to a place ("- March 24: Uganda.") is his next stop (rules visit.timeline-stop, visitor.previous-leg).
    var lastListVisit: (list: Int, visitor: Int)?
    /// The visitor of the stop a list line went straight to, and its sentence: a later leg of the line ("- October:
    /// Tokyo, then Beijing") is his (rule visitor.previous-leg).
    var timelineStop: (sentence: Int, visitor: Int)?
    /// The persons named in the article's opening (its headline, a date line and its lead paragraph, outside lists):
    /// whom the article is about.
    var openingPersons = Set<Int>()
    static let openingParagraphs = 3
    /// The person the current list's items are about (ListItems.swift).
    var listProtagonist: ListProtagonist?
    /// The current sentence's list person (nil outside lists), and whom its subject pronouns stand for (rule
    /// coref.list-person).
    var listPerson: Int?
    var listReferent: Int?
    /// The dates the current sentence writes with their month (not a bare weekday) before the publication, when it
    /// is in a list item: its present tense tells the past (rule status.occurred.historic-present).
    var listItemPastDates = Set<PartialDate>()

    struct Trip: Hashable { var visitor: Int; var destination: String }

    /// The person a list's items are about: the one its lead or headline names, else the protagonist when its
    /// first item was read (rule visitor.list-protagonist), as long as no item opens with someone else's name.
    struct ListProtagonist {
        /// The list's lead sentence.
        var list: Int
        var person: Int?
        /// The lead or the headline names him.
        var named: Bool
        /// A sentence of the list's items opened with the name of another person ("- 1998: Bill Clinton opens ...").
        var othersOpenItems = false
        /// Whom an item's visit with no one named is made by: the person the lead names, else the protagonist
        /// while no one else opened an item.
        var visitor: Int? { named || !othersOpenItems ? person : nil }
        /// Whom a subject pronoun of an item stands for: the list's person while no one else opened an item.
        var referent: Int? { othersOpenItems ? nil : person }
    }
    /// The gathering the article last placed (by a dateline or a sentence naming its place), for sentences
    /// that name its participants only (GatheringVisits.swift).
    var gathering: GatheringPlace?
    /// The gathering the article's dateline placed, if any: it holds for the whole article.
    var datelineGathering: GatheringPlace?
    /// The sentences naming delegation members, for the visits they make once the article is read (AccompanyingMembers.swift).
    var accompanying: [AccompanyingReport] = []
    /// The paragraph of the current sentence, and the subjects of its sentences so far, for "he", "him", "đoàn"
    /// (Coreference.swift).
    var paragraph = 0
    var salience = Salience()
    /// The first sentence of the current paragraph (rule status.negated.stayed-away, Absences.swift), and the
    /// paragraph it was noted for.
    var paragraphFirstSentence = 0
    var paragraphNoted = -1
    /// The paragraph an agenda's heading opened ("TUESDAY, Stuttgart."): its present-tense trips are scheduled
    /// (rule status.planned.present-tense).
    var agendaParagraph: Int?

    init(b: UnsafeBufferPointer<UInt8>, tokens: [Token], language: Language, date: PartialDate?, lexicon: Lexicon) {
        self.lexicon = lexicon
        self.b = b
        self.tokens = tokens
        self.language = language
        self.date = date
    }

    /// A person's level: the title he was named with, else his office on the article's date (looked up once).
    mutating func level(of entity: Int) -> Level? {
        if let l = titledLevels[entity] { return l }
        return officeLevel(of: entity)
    }

    /// A person's office's level on the article's date (`levelOf`, looked up once per person).
    mutating func officeLevel(of entity: Int) -> Level? {
        if let cached = officeLevels[entity] { return cached }
        let l = levelOf(entity)
        officeLevels[entity] = l
        return l
    }

    static let kThe = Fold.lowerKey("the"), kThis = Fold.lowerKey("this"), kThat = Fold.lowerKey("that"),
               kHe = Fold.lowerKey("he"), kShe = Fold.lowerKey("she"), kOf = Fold.lowerKey("of"),
               kBy = Fold.lowerKey("by"), kCua = Fold.lowerKey("của"), kTo = Fold.lowerKey("to"),
               kIn = Fold.lowerKey("in"), kAt = Fold.lowerKey("at"), kDay = Fold.lowerKey("day"),
               kNgay = Fold.lowerKey("ngày"), kWith = Fold.lowerKey("with"), kVoi = Fold.lowerKey("với"),
               kAnd = Fold.lowerKey("and"), kVa = Fold.lowerKey("và"), kDuring = Fold.lowerKey("during"),
               kSummit = Fold.lowerKey("summit"), kOng = Fold.lowerKey("ông"), kBa = Fold.lowerKey("bà")

    /// The events of one sentence, in order: who is named with which title (for later references), the
    /// times that may date an event, then visits and the other events.
    mutating func find(sentence si: Int, range: Range<Int>, mentions m: SentenceMentions, times: [TaggedTime],
                       mainPair: [String], countryOf: @escaping (Int) -> String?, listItem: ListItemContext? = nil) {
        if paragraph != paragraphNoted { (paragraphNoted, paragraphFirstSentence) = (paragraph, si) }
        if paragraph < Self.openingParagraphs && listItem == nil { openingPersons.formUnion(m.persons.map(\.entity)) }
        rememberTitles(m)
        noteListItem(listItem, m, range, times: times)
        let clauses = clauseStarts(range, times)
        let context = SentenceContext(index: si, range: range,
                                      mentions: withReferringPersons(m, range, times: times, clauseStarts: clauses, countryOf: countryOf), allTimes: times,
                                      times: eventTimes(times, in: range), mainPair: mainPair, countryOf: countryOf,
                                      destinations: destinations(m, in: range), clauseStarts: clauses,
                                      listItem: listItem)
        if isAgendaHeading(range) { agendaParagraph = paragraph }
        let visitsBefore = visits.count
        findVisits(context)
        findOtherEvents(context)
        findGatheringVisits(context)
        readAttendanceListItem(context)
        noteSceneChange(context)
        findSubstituteVisits(context)
        noteAccompanyingMembers(context)
        if let item = listItem, visits.count > visitsBefore {
            lastListVisit = (item.list, visits[visits.count - 1].visitor)
        } else if let item = listItem, let subject = itemOpeningPerson(context) {
            lastListVisit = (item.list, subject) // "- 10 June: Nixon leaves for the Middle East." then "- 12-14 June: Egypt."
        }
        noteSubject(context, visitsBefore: visitsBefore)
        if proposes { proposeVisits(context, rulesFrom: visitsBefore) }
        if let last = context.times.last { previousTime = last }
    }

    /// A sentence that opens with a weekday written in capitals ("TUESDAY, Stuttgart.", "MONDAY-TUESDAY, Paris."):
    /// the heading of an agenda's day.
    func isAgendaHeading(_ range: Range<Int>) -> Bool {
        guard let first = range.first, tokens[first].kind == .word, lexicon.weekdays[tokens[first].lower] != nil else { return false }
        let t = tokens[first]
        return (Int(t.start)..<Int(t.end)).allSatisfy { b[$0] < 0x61 || b[$0] > 0x7A }
    }

    /// A back-reference at the sentence's head ("The same afternoon", "Two days later", "Cùng thời điểm"): the time
    /// told before, to the month (to the year after "the same year", "năm đó"), for a visit with no time of its own
    /// (rule date.back-reference).
    func backReferencedTime(_ c: SentenceContext) -> PartialDate? {
        guard let previous = previousTime else { return nil }
        for k in c.start..<min(c.end, c.start + 4) {
            let n = lexicon.backReferenceWords.match(tokens, at: k, end: c.end)
            guard n > 0 else { continue }
            // "The same year", "Cũng trong năm đó": the year told before, not its month.
            let yearOnly = (k..<(k + n)).contains { tokens[$0].lower == TimeTagger.kYear || tokens[$0].lower == TimeTagger.kNam }
            return previous.start.truncated(to: min(previous.start.granularity, yearOnly ? .year : .month))
        }
        return nil
    }

    /// Notes the protagonist (until a visit names one) and the level each person is named with, for "he" and "the Prime Minister" later.
    mutating func rememberTitles(_ m: SentenceMentions) {
        // The first person named who is not a host or the other party of talks (a host receives the visitor).
        if protagonist == nil, let first = m.persons.first(where: { !$0.hostContext && !$0.otherParty }) { protagonist = first.entity }
        for p in m.persons {
            if let level = p.titleLevel { titledLevels[p.entity] = level }
            if let level = level(of: p.entity) { lastNamedWithLevel[level] = p.entity }
        }
    }

    /// The times of a sentence that may date an event: not those of an anniversary ("80th anniversary ...
    /// (October 10, 1945–2025)"), nor a date right after "since" ("the first trip since 2019"), nor the date of
    /// the relations established ("since the two countries established diplomatic relations in 1999"), nor a
    /// period of years ("(30/12/1955 - 30/12/2025)"), nor a founding ("the SCO, founded in 2001"), nor the end of
    /// a clause of "since" ("the largest since the organisation was founded in 2001").
    func eventTimes(_ times: [TaggedTime], in range: Range<Int>) -> [TaggedTime] {
        let s = range.lowerBound, e = range.upperBound
        var anniversaryTokens: [Range<Int>] = []
        for k in s..<e where lexicon.anniversaryWords.contains(tokens[k].lower) {
            anniversaryTokens.append(max(s, k - 3)..<min(e, k + 14))
        }
        return times.filter { t in
            !anniversaryTokens.contains { $0.contains(t.tokens.lowerBound) } && !isSince(t, s) && !datesRelations(t, s)
                && !spansYears(t) && !datesFounding(t, s) && !closesSinceClause(t, s)
        }
    }

    // MARK: Small helpers

    /// The UTF-8 byte range of a token range of the document, nil when it is empty.
    func byteSpan(_ r: Range<Int>?) -> Range<Int>? {
        guard let r, !r.isEmpty else { return nil }
        return Int(tokens[r.lowerBound].start)..<Int(tokens[r.upperBound - 1].end)
    }

    /// The report of sentence `c` for a candidate: its status, the date as the time expression states it, its
    /// rules, and where the visitor's name, the destination and the date are written.
    func report(_ c: SentenceContext, status: VisitStatus, time: TaggedTime?, rules: RuleSet,
                visitor: Range<Int>? = nil, destination: Range<Int>? = nil) -> Mention {
        Mention(document: 0, sentence: c.index, status: status, date: time?.start, ruleSet: rules,
                visitorSpan: byteSpan(visitor), destinationSpan: byteSpan(destination), dateSpan: byteSpan(time?.tokens))
    }

    func text(_ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[Int(tokens[r.lowerBound].start)..<Int(tokens[r.upperBound - 1].end)]), as: UTF8.self)
    }

    /// More than a year before the article.
    func isRecalled(_ d: PartialDate) -> Bool {
        guard let date else { return false }
        return d.dayRange.upperBound < date.dayRange.lowerBound - 366
    }

    /// Notes the list a sentence's item belongs to, and its person: the one its lead or headline names, else the
    /// protagonist when its first item is read, as long as every visit its items told so far was his.
    mutating func noteListItem(_ item: ListItemContext?, _ m: SentenceMentions, _ range: Range<Int>, times: [TaggedTime]) {
        guard let item else {
            (listPerson, listReferent, listItemPastDates) = (nil, nil, [])
            return
        }
        // An item headed by a person of its own ("Shinzo Abe, second term (2013): ...") is about him (rule visitor.item-heading).
        if listProtagonist?.list != item.list || (item.person != nil && item.person != listProtagonist?.person) {
            listProtagonist = ListProtagonist(list: item.list, person: item.person ?? protagonist, named: item.person != nil)
        }
        guard var list = listProtagonist else { return }
        if let opener = personOpening(item, m, range), opener != list.person { list.othersOpenItems = true }
        listProtagonist = list
        (listPerson, listReferent) = (list.visitor, list.referent)
        listItemPastDates = Set(times.filter { (!$0.relative || $0.yearless) && isPast($0.start) }.map(\.start))
    }

    /// The person whose name (or title and name) opens a sentence of a list item (the item's line: right after its
    /// date, or after the colon of a heading the item's date was not read from: "- Năm 1985: Thủ tướng X thăm").
    func personOpening(_ item: ListItemContext, _ m: SentenceMentions, _ range: Range<Int>) -> Int? {
        let colon = (range.lowerBound..<min(range.upperBound, range.lowerBound + 8)).first { tokens[$0].first == 0x3A }
        var k = item.opening ? item.date?.tokens.upperBound ?? colon.map { $0 + 1 } ?? range.lowerBound : range.lowerBound
        while k < range.upperBound && tokens[k].kind == .punct { k += 1 }
        return m.persons.first { $0.phraseStart == k }?.entity
    }

    /// A date that ends before the publication day.
    func isPast(_ d: PartialDate) -> Bool {
        guard let date = publication ?? date else { return false }
        return d.dayRange.upperBound < date.dayRange.lowerBound
    }

    func isFuture(_ d: PartialDate?) -> Bool {
        guard let d, let date = publication ?? date else { return false }
        return d.dayRange.lowerBound > date.dayRange.upperBound
    }

    /// The time of `times` nearest token `k`.
    func nearestTime(_ times: [TaggedTime], to k: Int) -> TaggedTime? {
        times.min { abs($0.tokens.lowerBound - k) < abs($1.tokens.lowerBound - k) }
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

    /// The countries of persons, each once, in order.
    func countries(of people: [Int], _ c: SentenceContext) -> [String] {
        var countries: [String] = []
        for p in people { if let x = c.countryOf(p), !countries.contains(x) { countries.append(x) } }
        return countries
    }
}
