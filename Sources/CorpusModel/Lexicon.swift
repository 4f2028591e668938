import Foundation

// The language knowledge the rules use: titles and their levels, visit, travel and meeting words, status and
// kind words, months and weekdays, the small words that steer the rules. It is data: `Data/lexicon/<language>/`,
// one file per word set (Data/lexicon/FORMAT.md), read by `Lexicon.load`. Every entry is kept in folded-key
// form, so "Thủ tướng" and "thu tuong" are the same entry. The word sets of every language folder are merged:
// a sentence is matched against all of them, as the rules always did.

struct TitleEntry {
    var tokens: [UInt64]
    var level: Level
    /// Titles such as "President" or "Chairman" whose level depends on the body named after them.
    var dependsOnBody: Bool
}

/// The word sets of the rules, loaded from a lexicon folder. Immutable and shared by every thread: a reference,
/// so that copying a finder (closures capture it) copies one pointer, not fifty sets.
public final class Lexicon: Sendable {
    // Titles and names (Mentions).
    let titles: LookupTable<[TitleEntry]>
    let bodyLevels: LookupTable<Level>
    let institutionWords, connectors, nameParticles, titleModifiers, historicalModifiers, ofWords, honorifics: KeyTableSet
    /// Vietnamese family names: where a name starts after a body written out ("Bộ trưởng Công Thương Nguyễn Hồng Diên").
    let familyNames: KeyTableSet
    let hostCues, otherPartyCues, guestCues: PhraseSet
    /// "welcomed", "hosts", "tiếp": a verb whose subject receives a guest (ProposalExclusions.swift).
    let hostVerbs: PhraseSet
    /// "was", "được": the verb after one is passive, its subject is not the person before.
    let passiveMarkers: KeyTableSet
    /// "to", "with", "với": right before a person, he is a preposition's object, not his clause's subject.
    let personPrepositions: KeyTableSet
    /// "since", "kể từ": a time after one bounds a period, it dates no trip named before it.
    let sincePhrases: PhraseSet
    // Visit triggers.
    let visitNouns, visitVerbs, arrivalVerbs, presenceWords, attendVerbs, gatheringWords: PhraseSet
    /// Gatherings of many (GatheringVisits.swift): attendance without a verb of attending ("were among the
    /// mourners"), a gathering as a topic ("ahead of the summit"), and taking part from afar ("by video").
    let attendanceWords, gatheringTopicWords, remoteWords: PhraseSet
    let pluralMarkers, visitingWords, invitationVerbs: KeyTableSet
    // Visitor, destination and dates.
    let clauseOpeners, relativePronouns, placePrepositions, outsideWords, sinceWords, monthPartWords, laterWords, yearsAgoOpeners, concludingVerbs: KeyTableSet
    let notDestinationBefore, notDestinationAfter: PhraseSet
    let waterNameBefore, waterNameAfter: PhraseSet
    /// "shuttled", "back and forth": right before "between", the places of the pair are gone to (rule destination.shuttle-between).
    let shuttleWords: PhraseSet
    /// "until": after a visit nobody made, the person right after it made it (rule visit.until-named).
    let untilWords: KeyTableSet
    let destinationPrepositions: KeyTableSet
    /// "from", "từ": a place after one and before a goal is where a journey started ("flew from Israel to Jeddah").
    let originWords: KeyTableSet
    /// "from", "on his way to": a place right after one is another stop of the journey its clause tells (rule visit.journey-stop).
    let journeyStopWords: PhraseSet
    /// "guest", "invitation": after a person's "'s", that person hosts the visitor ("as Tito's guest").
    let hostPossessiveNouns: PhraseSet
    /// "with", "together with", "với": the person after one is met or travels along (TripLegs.swift).
    let companionWords: PhraseSet
    /// "his wife", "Phu nhân": after "and"/"và" they name a spouse, not another person of a list (PersonCues.swift).
    let spouseWords: PhraseSet
    /// "when", "khi": after a time and a comma, they open a clause of that time (VisitDates.swift).
    let timeRelatives: KeyTableSet
    /// "began in", "ended the tour in": a leg of a trip only in a sentence that names the trip.
    let legStartWords: PhraseSet
    /// "weekend", "cuối tuần": with a present-tense travel verb, a scheduled trip, as a weekday is.
    let weekendWords: PhraseSet
    /// "next", "then", "on to": right after or before a present-tense verb of the trip, a stop still to come.
    let onwardWords: PhraseSet
    /// "không báo trước", "not announced in advance": a negation that describes the trip (unannounced), no status cue.
    let unannouncedPhrases: PhraseSet
    let clauseStarters, subordinators, invitationNouns: PhraseSet
    let definiteFillers, possessivePronouns: KeyTableSet
    /// Referring words (Coreference.swift): "he", "ông"; "him", "her", "his"; "đoàn", "the delegation".
    let subjectPronouns, objectPronouns: KeyTableSet
    /// Words that are a subject pronoun only when capitalised inside a sentence: the reverent "Người", "Bác" of
    /// Vietnamese ("Trong chuyến đi này, Người còn thăm Ba Lan"; Coreference.swift).
    let reverentPronouns: KeyTableSet
    /// The gender a pronoun gives the person it stands for ("she" f, "ông" m), and the one an honorific or a title
    /// right before a name gives a person of unknown gender ("Mrs", "Queen", "bà"): a pronoun never stands for a
    /// person of the other gender.
    let pronounGenders: LookupTable<Gender>
    let honorificGenders: PhraseValues<Gender>
    let delegationWords: PhraseSet
    /// "tháp tùng": the persons named with it are members of the delegation of the person after it (AccompanyingMembers.swift).
    let accompanyWords: PhraseSet
    /// "accompanied by": the persons named after it are members of the delegation of the person before it (AccompanyingMembers.swift).
    let accompaniedByWords: PhraseSet
    /// "sent", "cử": the persons named after it are participants of the gathering, the sender is not (GatheringVisits.swift).
    let sendWords: PhraseSet
    let numberWords: LookupTable<Int>
    // Status and kind.
    let plannedCues, negationCues, expectedWords, sequenceWords, kindFillers: KeyTableSet
    let cancelCues, plannedPhrases, occurredCues: PhraseSet
    /// "was to", "had been due to": a plan told in the past, in a relative clause after the trigger.
    let unrealisedPlanPhrases: PhraseSet
    /// "without ever reaching", "never made it to": the place right after is one the trip did not reach.
    let unreachedPhrases: PhraseSet
    /// "cuts", "drops" and "from" of "cuts Australia from Asia trip": the place is taken out of the trip.
    let removalVerbs, removedFromWords: KeyTableSet
    /// "would have been": a cancellation only supposed, which a back-reference does not carry to its trip.
    let counterfactualPhrases: PhraseSet
    /// "from" of "postponed from March": a rescheduling, not a cancellation.
    let rescheduledFromWords: KeyTableSet
    /// "but he called it off": a contrast word opening the next clause, a cancelling verb, the trip as its object
    /// (rule status.negated.cancel-it-after).
    let contrastWords, cancelObjectVerbs: KeyTableSet
    let tripPronouns: PhraseSet
    /// "lên đường": setting off, the first stop begun (rule status.occurred.departure).
    let departurePhrases: PhraseSet
    /// "standing in for X", "sending X in his place" (rules status.negated.substituted, status.occurred.substitute).
    let substituteBefore, substituteAfter: PhraseSet
    /// "the absence of X", "sự vắng mặt của X": X stayed away (rule status.negated.absence).
    let absenceNouns, skipVerbs: PhraseSet
    /// "funeral", "inauguration", "lễ nhậm chức": a ceremony held in the country of the person it is for (rule
    /// destination.ceremony-person).
    let personCeremonyWords: PhraseSet
    /// "led the delegation", "dẫn đầu đoàn": attending at its head; "after", "sau khi": a gathering told as background
    /// (GatheringVisits.swift).
    let leadVerbs, afterWords: PhraseSet
    /// "flew in", "landed": an arrival with no place of its own goes to the gathering placed (rule visit.arrival-unplaced).
    let arrivalWords: PhraseSet
    /// "as did", "as were": the persons after one share the predicate before it (rule visit.arrival-unplaced).
    let likewiseWords: PhraseSet
    /// "chưa đầy", "no more than" before a number: a quantity, not a negation.
    let lessThanPhrases: PhraseSet
    /// "was", "is": a kind word after one, denied ("was not a state visit"), is no kind.
    let copulaWords: KeyTableSet
    /// "no" before a title: the subject is nobody ("no American president has visited").
    let nobodyWords: KeyTableSet
    let presentTenseWords, coordinators: KeyTableSet
    let kindWords: LookupTable<VisitKind>
    let kindPhrasesAfter: PhraseValues<VisitKind>
    // Other events.
    let meetingWords, summitWords, messageWords, relationsWords, establishWords: PhraseSet
    let anniversaryWords, labelStops: KeyTableSet
    /// "founded", "set up", "thành lập": a time right after one dates a founding, not a visit (`EventFinder.eventTimes`).
    let foundingWords: PhraseSet
    /// "Theo đặc phái viên TTXVN,", "According to our correspondent,": an attribution opening a lead (LeadReference.swift).
    let attributionOpeners: PhraseSet
    // Time.
    let months, weekdays: LookupTable<Int>
    /// "yesterday", "last night", "hôm qua": days from the reference date (TimeExpressions.swift).
    let relativeDays: PhraseValues<Int>
    /// Months written as phrases of words: "tháng chín", "tháng giêng", "tháng mười một" (word set month-phrases).
    let monthPhrases: PhraseValues<Int>
    /// "weeks ago", "tháng trước": a unit of time counted back, with its days (a month counts 30).
    let agoUnits: PhraseValues<Int>
    /// Words of a clause told in the past ("was", "flew", "đã"): its yearless dates are not after the reference date (rule date.past-tense-year).
    let pastTenseWords: KeyTableSet
    /// Read from the time the story told last, not the publication (rule date.story-relative): "the next day",
    /// "hôm sau" (days to add); units of time with their length in days ("week" 7, "month" 30, "year" 365); the
    /// words that move a unit after (+1), before (-1) or onto (0) that time ("later", "previous", "same").
    let storyDays, storyShiftWords: PhraseValues<Int>
    /// Shift words that move a counted unit only when a comma follows them ("Hai năm sau, ..." two years later;
    /// not "hai năm sau khi ký", two years after the signing).
    let storyShiftBeforeComma: PhraseValues<Int>
    /// "Khi đó, ...", "At the time, ...": at the head of a sentence, the time the story told last (rule date.story-then).
    let storyThenWords: PhraseSet
    let timeUnits: LookupTable<Int>
    /// Archive texts (HeaderLines.swift): reprint and retrospective markers, "years ago", numbers in words.
    let archiveMarkers, retrospectiveMarkers, yearsAgoWords: PhraseSet
    let countWords: LookupTable<Int>
    /// "will", "sẽ": a future said from the present (a retrospective's sentence with one is read from the publication date).
    let presentFutureWords: KeyTableSet
    /// "The same afternoon", "cùng thời điểm": at a sentence's head, the time told before (rule date.back-reference).
    let backReferenceWords: PhraseSet
    /// "said", "thông báo": a time on their side of a trigger dates the saying (rule date.across-speech-verb).
    let speechVerbs: PhraseSet
    /// Features of proposed visits (Scoring/ProposedFeatures.swift): "between", "with", "relations" joining two
    /// parties; words of a journey or a stay that are not triggers ("tour", "stopped").
    let pairWords, motionWords: PhraseSet
    /// "capital" after a demonym: "the Ukrainian capital" names the country's capital (DemonymCapital.swift).
    let capitalWords: PhraseSet
    /// "where" after a place: its clause tells what happened there (GatheringVisits.swift).
    let placeRelatives: KeyTableSet
    /// "city", "district", "outskirts" before "of" and a place: "in the port city of Tianjin" (PlaceNounPhrases.swift).
    let placeNouns: KeyTableSet
    // Sentences: words after which a full stop does not end a sentence ("Mr.", "Gen.", "Jan.").
    let abbreviations: KeyTableSet
    // Titles: labels a headline opens with ("Timeline:", "Bình luận:"), left out of the title.
    let titleMarkers: PhraseSet
    /// Header lines (HeaderLines.swift, rule meta.header-date): the markers of a publication, reprint and update
    /// date, the words a byline opens with and the lower-case words its names may hold, and the other words a
    /// header line may hold (weekdays, times, time zones).
    let publishedMarkers, republishedMarkers, updatedMarkers, bylineMarkers: PhraseSet
    let bylineWords, headerFillers: KeyTableSet
    /// Headline labels of a piece written after the fact ("Analysis:", "Bình luận:"): its lead's date is no
    /// reference date (rule meta.lead-reference).
    let analysisLabels: PhraseSet
    /// Every word that can start a time expression: one lookup lets all other words pass at once.
    let timeStartWords: KeyTableSet
    /// The sets above that the rules probe at nearly every token, one bit each (WordClasses.swift).
    let wordClasses: WordClassTable

    /// The trigger rules of `rules.yaml`, with their examples; the compiled patterns, in the file's order.
    let ruleSpecs: [RuleSpec]
    let triggerPatterns: [TriggerPattern]
    /// `triggerPatterns` by their first words.
    let triggerPatternIndex: TriggerPatternIndex
    /// The patterns of `visit.noun` and `visit.verb` (nil: the lexicon has none).
    let visitNounPattern, visitVerbPattern: TriggerPattern?
    /// The first words of every trigger pattern, and of the visit nouns and verbs: one lookup lets other words pass.
    let triggerStartKeys, visitStartKeys: KeyTableSet
    /// The first words of the establishment, anniversary, message and meeting words.
    let otherEventStartKeys: KeyTableSet
    /// The first words of the gathering words, attending verbs and attendance words (GatheringVisits.swift).
    let gatheringStartKeys: KeyTableSet

    /// The folder it was read from.
    public let directory: URL

    init(_ sets: LexiconSets, rules: [RuleSpec], directory: URL) {
        self.directory = directory
        ruleSpecs = rules
        let patterns = Lexicon.triggerPatterns(rules, sets)
        func firstKeys(_ spec: RuleSpec) -> [UInt64] { Lexicon.firstKeys(spec, sets) }
        triggerStartKeys = KeyTableSet(rules.flatMap(firstKeys))
        otherEventStartKeys = KeyTableSet(["establish-words", "anniversary-words", "message-words", "meeting-words"]
            .flatMap { sets.list($0).map { $0.keys[0] } })
        gatheringStartKeys = KeyTableSet(["gathering-words", "attend-verbs", "attendance-words", "lead-verbs", "send-words", "arrival-words"].flatMap(sets.keys))
        visitStartKeys = KeyTableSet(rules.filter { $0.rule == .visitNoun || $0.rule == .visitVerb }.flatMap(firstKeys))
        visitNounPattern = patterns.first { $0.rule == .visitNoun }
        visitVerbPattern = patterns.first { $0.rule == .visitVerb }
        triggerPatterns = patterns.filter { $0.rule != .visitNoun && $0.rule != .visitVerb }
        triggerPatternIndex = TriggerPatternIndex(triggerPatterns)
        titles = sets.titles()
        bodyLevels = sets.levels("body-levels"); familyNames = sets.words("family-names")
        institutionWords = sets.words("institution-words"); connectors = sets.words("name-connectors")
        nameParticles = sets.words("name-particles"); titleModifiers = sets.words("title-modifiers")
        historicalModifiers = sets.words("historical-modifiers"); ofWords = sets.words("of-words")
        honorifics = sets.words("honorifics"); remoteWords = sets.phrases("remote-words")
        hostCues = sets.phrases("host-cues"); otherPartyCues = sets.phrases("other-party-cues"); guestCues = sets.phrases("guest-cues")
        hostVerbs = sets.phrases("host-verbs"); passiveMarkers = sets.words("passive-markers")
        personPrepositions = sets.words("person-prepositions"); sincePhrases = sets.phrases("since-phrases")
        visitNouns = sets.phrases("visit-nouns"); visitVerbs = sets.phrases("visit-verbs")
        arrivalVerbs = sets.phrases("travel-words"); presenceWords = sets.phrases("presence-words")
        attendVerbs = sets.phrases("attend-verbs"); gatheringWords = sets.phrases("gathering-words")
        attendanceWords = sets.phrases("attendance-words"); gatheringTopicWords = sets.phrases("gathering-topic-words")
        pluralMarkers = sets.words("plural-markers")
        visitingWords = sets.words("visiting-words"); invitationVerbs = sets.words("invitation-verbs")
        clauseOpeners = sets.words("clause-openers"); relativePronouns = sets.words("relative-pronouns")
        placePrepositions = sets.words("place-prepositions"); outsideWords = sets.words("outside-words")
        sinceWords = sets.words("since-words"); monthPartWords = sets.words("month-part-words"); laterWords = sets.words("later-words")
        yearsAgoOpeners = sets.words("years-ago-openers")
        destinationPrepositions = sets.words("destination-prepositions"); originWords = sets.words("origin-words")
        journeyStopWords = sets.phrases("journey-stop-words"); hostPossessiveNouns = sets.phrases("host-possessive-nouns")
        companionWords = sets.phrases("companion-words"); spouseWords = sets.phrases("spouse-words"); timeRelatives = sets.words("time-relatives")
        legStartWords = sets.phrases("leg-start-words"); weekendWords = sets.phrases("weekend-words")
        onwardWords = sets.phrases("onward-words"); unannouncedPhrases = sets.phrases("unannounced-phrases")
        invitationNouns = sets.phrases("invitation-nouns"); rescheduledFromWords = sets.words("rescheduled-from-words")
        clauseStarters = sets.phrases("clause-starters"); subordinators = sets.phrases("subordinators")
        notDestinationBefore = sets.phrases("not-destination-before"); notDestinationAfter = sets.phrases("not-destination-after")
        waterNameBefore = sets.phrases("water-name-before"); waterNameAfter = sets.phrases("water-name-after")
        shuttleWords = sets.phrases("shuttle-words"); untilWords = sets.words("until-words")
        concludingVerbs = sets.words("concluding-verbs"); definiteFillers = sets.words("definite-fillers")
        subjectPronouns = sets.words("subject-pronouns"); objectPronouns = sets.words("object-pronouns")
        reverentPronouns = sets.words("reverent-pronouns")
        pronounGenders = sets.genders("pronoun-genders"); honorificGenders = sets.phraseGenders("honorific-genders")
        delegationWords = sets.phrases("delegation-words"); accompanyWords = sets.phrases("accompany-words")
        accompaniedByWords = sets.phrases("accompanied-by-words"); sendWords = sets.phrases("send-words")
        possessivePronouns = sets.words("possessive-pronouns"); numberWords = sets.numbers("number-words")
        plannedCues = sets.words("planned-words"); negationCues = sets.words("negation-words")
        expectedWords = sets.words("expected-words"); sequenceWords = sets.words("sequence-words")
        kindFillers = sets.words("kind-fillers"); cancelCues = sets.phrases("cancel-words")
        unrealisedPlanPhrases = sets.phrases("unrealised-plan-phrases"); unreachedPhrases = sets.phrases("unreached-phrases")
        removalVerbs = sets.words("removal-verbs"); removedFromWords = sets.words("removed-from-words")
        counterfactualPhrases = sets.phrases("counterfactual-phrases")
        contrastWords = sets.words("contrast-words"); cancelObjectVerbs = sets.words("cancel-object-verbs")
        tripPronouns = sets.phrases("trip-pronouns"); departurePhrases = sets.phrases("departure-phrases")
        substituteBefore = sets.phrases("substitute-before"); substituteAfter = sets.phrases("substitute-after")
        lessThanPhrases = sets.phrases("less-than-phrases"); copulaWords = sets.words("copula-words")
        nobodyWords = sets.words("nobody-words"); absenceNouns = sets.phrases("absence-nouns")
        skipVerbs = sets.phrases("skip-verbs"); personCeremonyWords = sets.phrases("person-ceremony-words")
        leadVerbs = sets.phrases("lead-verbs"); afterWords = sets.phrases("after-words")
        arrivalWords = sets.phrases("arrival-words"); likewiseWords = sets.phrases("likewise-words")
        plannedPhrases = sets.phrases("planned-phrases"); occurredCues = sets.phrases("occurred-words")
        presentTenseWords = sets.words("present-tense-words"); coordinators = sets.words("coordinators")
        kindWords = sets.kinds("kind-words"); kindPhrasesAfter = sets.phraseKinds("kind-phrases-after")
        meetingWords = sets.phrases("meeting-words"); summitWords = sets.phrases("summit-words")
        messageWords = sets.phrases("message-words"); relationsWords = sets.phrases("relations-words")
        establishWords = sets.phrases("establish-words"); foundingWords = sets.phrases("founding-words"); attributionOpeners = sets.phrases("attribution-openers"); anniversaryWords = sets.words("anniversary-words")
        labelStops = sets.words("label-stops"); abbreviations = sets.words("abbreviations")
        titleMarkers = sets.phrases("title-markers"); speechVerbs = sets.phrases("speech-verbs")
        publishedMarkers = sets.phrases("published-markers"); republishedMarkers = sets.phrases("republished-markers")
        updatedMarkers = sets.phrases("updated-markers"); bylineMarkers = sets.phrases("byline-markers")
        bylineWords = sets.words("byline-words"); headerFillers = sets.words("header-fillers")
        analysisLabels = sets.phrases("analysis-labels"); relativeDays = sets.phraseNumbers("relative-days")
        months = sets.numbers("months"); monthPhrases = sets.phraseNumbers("month-phrases"); agoUnits = sets.phraseNumbers("ago-units"); pastTenseWords = sets.words("past-tense-words"); weekdays = sets.numbers("weekdays")
        storyDays = sets.phraseNumbers("story-days"); storyShiftWords = sets.phraseNumbers("story-shift-words")
        storyShiftBeforeComma = sets.phraseNumbers("story-shift-before-comma"); storyThenWords = sets.phrases("story-then-words")
        timeUnits = sets.numbers("time-units")
        archiveMarkers = sets.phrases("archive-markers"); retrospectiveMarkers = sets.phrases("retrospective-markers")
        yearsAgoWords = sets.phrases("years-ago-words"); countWords = sets.numbers("count-words")
        presentFutureWords = sets.words("present-future-words"); backReferenceWords = sets.phrases("back-reference-words")
        pairWords = sets.phrases("pair-words"); motionWords = sets.phrases("motion-words")
        capitalWords = sets.phrases("capital-words"); placeRelatives = sets.words("place-relatives")
        placeNouns = sets.words("place-nouns")
        timeStartWords = Lexicon.timeStartKeys(sets)
        wordClasses = WordClassTable([(.plannedCue, plannedCues.keys), (.negationCue, negationCues.keys),
                                      (.presentFuture, presentFutureWords.keys), (.triggerStart, triggerStartKeys.keys),
                                      (.timeStart, timeStartWords.keys), (.otherEventStart, otherEventStartKeys.keys),
                                      (.gatheringStart, gatheringStartKeys.keys), (.subordinatorStart, subordinators.firstKeys),
                                      (.yearsAgoStart, yearsAgoWords.firstKeys), (.relativeDayStart, relativeDays.phrases.firstKeys),
                                      (.titleStart, titles.keys), (.countWord, countWords.keys)])
    }

    /// The first words a time expression can start with.
    static func timeStartKeys(_ sets: LexiconSets) -> KeyTableSet {
        // The words the rest of the time grammar starts from stay code (TimeExpressions.swift).
        let relative = ["this", "last", "next", "earlier", "later", "coming", "ngày", "năm", "tháng", "tuần"].map { Fold.lowerKey($0) }
        // A story's relative time starts with a phrase of story-days ("hôm sau"), a number word ("two days later")
        // or a shift word ("[the] following month").
        return KeyTableSet(sets.keys("months") + sets.keys("weekdays") + sets.keys("relative-days") + relative
                           + sets.keys("story-days") + sets.keys("count-words") + sets.keys("story-shift-words")
                           + sets.keys("story-then-words"))
    }

    /// The rules' token patterns (rules.yaml) over the word sets they name; a pattern must start with a set.
    static func triggerPatterns(_ rules: [RuleSpec], _ sets: LexiconSets) -> [TriggerPattern] {
        var matchers: [String: WordSetMatcher] = [:]
        for (name, shape) in Lexicon.schema {
            if case .words = shape { matchers[name] = .words(sets.words(name)) }
            if case .phrases = shape { matchers[name] = .phrases(sets.phrases(name)) }
        }
        return rules.compactMap { spec -> TriggerPattern? in
            guard let tokens = spec.pattern else { return nil }
            let elements: [TriggerPattern.Element] = tokens.map { t in
                switch t {
                case .set(let name): .set(matchers[name]!)
                case .place: .place
                case .gap(let lo, let hi): .gap(min: lo, max: hi)
                }
            }
            guard case .set(let first)? = elements.first else { return nil }
            return TriggerPattern(rule: spec.rule, elements: elements, first: first, within: spec.within,
                                  unlessSets: spec.unlessSets.map { matchers[$0]! }, unlessWithin: spec.unlessWithin,
                                  spanFirstToken: spec.spanFirstToken)
        }
    }

    /// The keys of the first words a rule's pattern can start with.
    static func firstKeys(_ spec: RuleSpec, _ sets: LexiconSets) -> [UInt64] {
        guard case .set(let name)? = spec.pattern?.first else { return [] }
        return sets.list(name).map { $0.keys[0] }
    }

    static let possessiveKey = Fold.lowerKey("'s")
    static func keys(_ s: String) -> [UInt64] {
        s.split(separator: " ").map { Fold.lowerKey($0) }
    }
}

/// A set of phrases of one or more tokens, matched on the tokens' lower-case keys.
struct PhraseSet: Sendable {
    private var byFirst = LookupTable<[[UInt64]]>()
    private var singles = KeyTable()

    init(_ phrases: [String]) {
        for p in phrases { insert(Lexicon.keys(p)) }
    }

    mutating func insert(_ k: [UInt64]) {
        if k.count == 1 { singles.set(k[0], 1) }
        var list = byFirst[k[0]] ?? []
        list.append(k)
        list.sort { $0.count > $1.count }
        byFirst[k[0]] = list
    }

    func contains(_ key: UInt64) -> Bool { singles.contains(key) }

    /// The keys of the words its phrases start with.
    var firstKeys: [UInt64] {
        var keys: [UInt64] = []
        byFirst.forEach { key, _ in keys.append(key) }
        return keys
    }

    /// Length in tokens of the longest phrase starting at `i` (0 if none). Inlined: the rules ask it of nearly
    /// every token, and nearly every token starts no phrase (one probe of the first words' table); the phrases
    /// themselves are compared out of line.
    @inline(__always) func match(_ tokens: [Token], at i: Int, end: Int) -> Int {
        guard i < end, let slot = byFirst.valueIndex(of: tokens[i].lower) else { return 0 }
        return longest(byFirst.values[slot], tokens, at: i, end: end)
    }

    @inline(never) private func longest(_ candidates: [[UInt64]], _ tokens: [Token], at i: Int, end: Int) -> Int {
        outer: for c in candidates {
            if i + c.count > end { continue }
            for k in 1..<max(c.count, 1) where tokens[i + k].lower != c[k] { continue outer }
            return c.count
        }
        return 0
    }

    /// Length of the longest phrase ending at token `i` (inclusive), 0 if none.
    func matchEnding(_ tokens: [Token], at i: Int, start: Int) -> Int {
        var best = 0
        var j = i
        while j >= start && i - j < 6 {
            let n = match(tokens, at: j, end: i + 1)
            if n == i - j + 1 { best = n }
            j -= 1
        }
        return best
    }
}

/// Phrases with a value each ("chính thức" -> official).
struct PhraseValues<Value: Sendable>: Sendable {
    var phrases = PhraseSet([])
    private var values: [[UInt64]: Value] = [:]
    /// The values of the one-word phrases again, found without building a key array.
    private var singleValues = LookupTable<Value>()

    mutating func insert(_ k: [UInt64], _ value: Value) {
        phrases.insert(k)
        values[k] = value
        if k.count == 1 { singleValues[k[0]] = value }
    }

    /// The value and length of the longest phrase starting at `i`. Inlined up to the first-word probe, as
    /// `PhraseSet.match`: most tokens start no phrase.
    @inline(__always) func match(_ tokens: [Token], at i: Int, end: Int) -> (value: Value, length: Int)? {
        let n = phrases.match(tokens, at: i, end: end)
        guard n > 0 else { return nil }
        return value(tokens, at: i, length: n)
    }

    @inline(never) private func value(_ tokens: [Token], at i: Int, length n: Int) -> (value: Value, length: Int)? {
        if n == 1, let v = singleValues[tokens[i].lower] { return (v, 1) }
        guard let v = values[tokens[i..<(i + n)].map(\.lower)] else { return nil }
        return (v, n)
    }
}

extension Lexicon {
    /// A plan word that is a syllable of an attend verb and opens no plan phrase: "dự" of "dự hội nghị", "tham dự"
    /// (attend), not of "dự kiến" (expected).
    func isAttendSyllable(_ tokens: [Token], at j: Int, end: Int) -> Bool {
        guard plannedPhrases.match(tokens, at: j, end: end) == 0 else { return false }
        return attendVerbs.match(tokens, at: j, end: end) > 0 || (j > 0 && attendVerbs.match(tokens, at: j - 1, end: end) > 1)
    }
}
