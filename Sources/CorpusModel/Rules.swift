// The rules of the extraction engine, each with a stable id. Candidates, visits and events carry the
// set of rules that produced them (a `RuleSet`, three 64-bit words), so a wrong fact names the rules to
// look at and `dossier evaluate --by-rule` scores each rule. The table in docs/corpus-model.md lists
// them; a test keeps it complete.

/// One rule of the engine. The raw value is its bit in a `RuleSet`: append new rules, never renumber.
public enum Rule: Int, CaseIterable, Sendable {
    // What made the visit.
    case visitNoun, visitVerb, visitTravelTo, visitPresence, visitAttendGathering, visitHostWelcomes
    case visitListOfVisitors, visitRefersBack, visitSummitAbroad, visitTalksInCity
    // Who the visitor is.
    case visitorNamedByTrigger, visitorSubject, visitorAfterTrigger, visitorPreviousInSentence, visitorCoVisitor
    case visitorTitleOrPronoun
    // Where the visit went.
    case destinationAfterTrigger, destinationBeforeTrigger, destinationHostCountry, destinationGatheringPlace
    case destinationWelcomerCountry, destinationMainPair, destinationList
    // When.
    case dateNearest, dateAfterPlace, dateLater, dateSentenceHead, dateListed, dateLength, datePublicationMonth
    // Status and kind.
    case statusNegatedSkipVerb, statusPlannedExpected, statusNegatedCue, statusPlannedFutureModal
    case statusNegatedCancelAfter, statusPlannedFutureDate, statusOccurredDefault
    case kindWordBefore, kindVietnameseAfter
    // Other events.
    case eventRelationsEstablished, eventAnniversary, eventMessageExchange, eventMeeting
    // Clause structure and status (appended: raw values are bits).
    case destinationExcludedPhrase, visitTripList, dateOwnClause, mergeUndatedYearsApart
    case statusPlannedInfinitive, statusPlannedInvitation
    case statusNegatedCancelBefore, statusPlannedCuePhrase, statusPlannedPresentTense, statusOccurredCue
    case mergeStrongestStatus
    case dateArchiveAnchor, dateBackReference, dateAcrossSpeechVerb
    // Who received the visitor.
    case hostCue, hostWelcomer, hostMeetingParticipant
    case mergeSameTripInArticle, mergeSentenceDated, datePreviousLeg
    // Lists and timelines (ListItems.swift).
    case dateListItem, destinationListContext, visitorListContext, visitListRow
    // Gatherings of many (GatheringVisits.swift).
    case visitGatheringParticipant, destinationGatheringContext
    // A text that tells the past (NarrativeTime.swift).
    case dateStoryYear, dateStoryRelative, dateStoryTime
    // A yearless date read from the dates told just before it (TimeExpressions.swift, issue 9).
    case dateMonthToldBefore, dateYearInSentence, dateParagraphYear, datePastTenseYear, datePlanPhraseAhead
    case visitorCommonWordName
    // Document metadata: the publication date and the reference date (HeaderLines.swift, LeadReference.swift).
    case metaHeaderDate, metaLeadReference, metaDatelineYear
    // Coreference (Coreference.swift) and parties joined to a host (PersonCues.swift).
    case corefPronoun, corefPossessive, corefDelegation, corefRecentSubject, corefProtagonist, hostCoordinatedParty
    // Plans and cancellations told away from the trigger (issue 9).
    case statusNegatedBackReference, statusPlannedUnrealised, statusNegatedParticipant
    // Tours: later legs told without a visitor of their own, and timeline lines that go straight to a place.
    case visitContinuation, visitorPreviousLeg, visitTimelineStop
    // Coreference: a gendered pronoun passes over a person of the other gender (Coreference.swift, PersonGenders.swift).
    case corefGender
    // Candidates proposed for the scorer to judge (ProposedVisits.swift).
    case visitProposed
    // A gathering reported under a header dateline without a place of its own (DatelineGathering.swift).
    case destinationDatelineGathering
    // An act that puts the doer in a place named after it with "in" or "at" ("addressed parliament in Canberra").
    case visitPresenceAct
    // "the Ukrainian capital": a capital named by its country's demonym (DemonymCapital.swift).
    case destinationDemonymCapital
    // Delegation members named with "tháp tùng" travel with the leader (AccompanyingMembers.swift).
    case visitAccompanyingMember
    // A later leg of a trip dated by a span across months takes the year only.
    case dateSpanLaterLeg
    // Status told by the clause after the trigger, a departure, a substitute (issue 9, status2).
    case statusNegatedCancelItAfter, statusOccurredDeparture, statusNegatedSubstituted, statusOccurredSubstitute
    case statusOccurredOtherParticipant, statusOccurredParticipantArrived
    // Document metadata: labelled header lines, a date in the file's name, a year inferred for a yearless text.
    case metaHeaderLabel, metaFileNameDate, metaYearInference
    // Who stayed away from a gathering or had it ahead, and where a timeline item's gathering is (issue 9, summits3).
    case statusNegatedAbsence, statusNegatedStayedAway, statusPlannedParticipant, statusNegatedCancelOpensClause
    case destinationItemHeading
    // The place a journey came from or is on its way to: another stop of the trip (TripLegs.swift).
    case visitJourneyStop
    // Months and yearless days read from the story's time (NarrativeTime.swift, issue 9, dates3).
    case dateStoryMonth, dateYearFromStory, dateStoryThen
    // Delegation members named after "accompanied by" travel with the person before it (AccompanyingMembers.swift).
    case visitAccompaniedBy
    // A substitute goes where the one he stands in for was to go ("Kerry went in his place"; Substitutes.swift).
    case visitSubstitute
    // Timelines whose items name no one, told in the present (ListItems.swift, issue 9, presence).
    case visitorListProtagonist, corefListPerson, statusOccurredHistoricPresent
    // "shuttled between A and B": both places gone to (VisitDestination.swift).
    case destinationShuttleBetween
    // "No American president would visit Japan until Gerald Ford in November 1974" (UntilNamed.swift).
    case visitUntilNamed
    // An arrival with no place of its own while a gathering is placed ("flew in on Thursday"; ArrivalAtGathering.swift).
    case visitArrivalUnplaced
    // A list item headed by a person and a year ("- Jimmy Carter, 1978: Nigeria ..."; ListItems.swift).
    case visitorItemHeading
    // Pairs that never make a proposed candidate: a host, an "of" complement, a place another person's verb
    // governs (ProposalExclusions.swift).
    case proposedHostExcluded, proposedOfPhraseExcluded, proposedOtherSubjectExcluded
    // A person at home in the sentence (a city of his own country named there), or reached from afar at a scene
    // ("by phone", "điện đàm", "gửi điện"), is not proposed (ProposalExclusions.swift, SceneProposals.swift).
    case proposedAtHomeExcluded, proposedRemoteExcluded
    // A proposed candidate dated by a time that bounds a period ("since") is not made (ProposalExclusions.swift).
    case proposedSinceDateExcluded
    // A person of a sentence that names no foreign place, proposed at the scene an earlier sentence, a list
    // heading or the dateline placed (SceneProposals.swift).
    case visitProposedScene
    // The foreign places of a sentence in which no named person may travel, proposed for the person a list or the
    // paragraph is about (SubjectProposals.swift).
    case visitProposedSubject
    // A destination dated while it was part of a union of several states is that union's (FormerUnions.swift).
    case destinationFormerUnion
    // An item of a list of who attends a gathering, opening with a person (AttendanceLists.swift).
    case visitAttendanceListItem
    // A city dated while its subdivision belonged to a former state is that state's (FormerUnions.swift).
    case destinationFormerStateRegion
    // A ceremony of a named person (a funeral, an inauguration) is held in that person's country (CeremonyPlace.swift).
    case destinationCeremonyPerson
    // A summit that is the purpose of a trip told in its sentence has that trip's status (OtherEvents.swift).
    case statusTripPurpose
    // A yearless date before a clause of what came before, dated with its year (TimeExpressions.swift).
    case dateAfterClauseYear
    // A scene proposal whose own sentence says nothing of its status takes the scene's plan (SceneProposals.swift).
    case statusFromScene
    // "Sixty years ago today", "cách đây 60 năm": a time counted back in years from the sentence's date (YearsAgo.swift).
    case dateYearsAgo
    // "flies to Shanghai on Saturday": a weekday after a present-tense verb of the trip reads forward (TimeExpressions.swift).
    case dateScheduledPresentAhead
    // "in the port city of Tianjin": a place after a place noun and "of", in a phrase opened by "in" or "at"
    // (PlaceNounPhrases.swift).
    case destinationPlaceNounOf
    // A table row of the protagonist's trips: its dates, then a cell of one place (TableRows.swift).
    case visitTableRow
    // "Modi flew to Tokyo and Xi to Moscow": a person after "and" or a comma, followed by the first conjunct's
    // preposition and a place, visits that place with the verb left out (GappedConjuncts.swift).
    case visitorGappedConjunct

    /// The stable id ("visit.travel-to").
    public var id: String { Self.ids[rawValue] }

    /// The rule with that id.
    public init?(id: String) {
        guard let i = Self.ids.firstIndex(of: id) else { return nil }
        self.init(rawValue: i)
    }

    /// Ids in raw-value order.
    static let ids: [String] = allCases.map { rule in
        switch rule {
        case .visitNoun: "visit.noun"
        case .visitVerb: "visit.verb"
        case .visitTravelTo: "visit.travel-to"
        case .visitPresence: "visit.presence"
        case .visitAttendGathering: "visit.attend-gathering"
        case .visitHostWelcomes: "visit.host-welcomes"
        case .visitListOfVisitors: "visit.list-of-visitors"
        case .visitRefersBack: "visit.refers-back"
        case .visitSummitAbroad: "visit.summit-abroad"
        case .visitTalksInCity: "visit.talks-in-city"
        case .visitorNamedByTrigger: "visitor.named-by-trigger"
        case .visitorSubject: "visitor.subject"
        case .visitorAfterTrigger: "visitor.after-trigger"
        case .visitorPreviousInSentence: "visitor.previous-in-sentence"
        case .visitorCoVisitor: "visitor.co-visitor"
        case .visitorTitleOrPronoun: "visitor.title-or-pronoun"
        case .destinationAfterTrigger: "destination.after-trigger"
        case .destinationBeforeTrigger: "destination.before-trigger"
        case .destinationHostCountry: "destination.host-country"
        case .destinationGatheringPlace: "destination.gathering-place"
        case .destinationWelcomerCountry: "destination.welcomer-country"
        case .destinationMainPair: "destination.main-pair"
        case .destinationList: "destination.list"
        case .dateNearest: "date.nearest"
        case .dateAfterPlace: "date.after-place"
        case .dateLater: "date.later"
        case .dateSentenceHead: "date.sentence-head"
        case .dateListed: "date.listed"
        case .dateLength: "date.length"
        case .datePublicationMonth: "date.publication-month"
        case .statusNegatedSkipVerb: "status.negated.skip-verb"
        case .statusPlannedExpected: "status.planned.expected"
        case .statusNegatedCue: "status.negated.cue-before"
        case .statusPlannedFutureModal: "status.planned.future-modal"
        case .statusNegatedCancelAfter: "status.negated.cancel-after"
        case .statusPlannedFutureDate: "status.planned.future-date"
        case .statusOccurredDefault: "status.occurred.default"
        case .kindWordBefore: "kind.word-before"
        case .kindVietnameseAfter: "kind.vietnamese-after"
        case .eventRelationsEstablished: "event.relations-established"
        case .eventAnniversary: "event.anniversary"
        case .eventMessageExchange: "event.message-exchange"
        case .eventMeeting: "event.meeting"
        case .destinationExcludedPhrase: "destination.excluded-phrase"
        case .visitTripList: "visit.trip-list"
        case .dateOwnClause: "date.own-clause"
        case .mergeUndatedYearsApart: "merge.undated-years-apart"
        case .statusPlannedInfinitive: "status.planned.infinitive"
        case .statusPlannedInvitation: "status.planned.invitation"
        case .statusNegatedCancelBefore: "status.negated.cancel-before"
        case .statusPlannedCuePhrase: "status.planned.cue-phrase"
        case .statusPlannedPresentTense: "status.planned.present-tense"
        case .statusOccurredCue: "status.occurred.cue"
        case .mergeStrongestStatus: "merge.strongest-status"
        case .dateArchiveAnchor: "date.archive-anchor"
        case .dateBackReference: "date.back-reference"
        case .dateAcrossSpeechVerb: "date.across-speech-verb"
        case .hostCue: "host.cue"
        case .hostWelcomer: "host.welcomer"
        case .hostMeetingParticipant: "host.meeting-participant"
        case .mergeSameTripInArticle: "merge.same-trip-in-article"
        case .mergeSentenceDated: "merge.sentence-dated"
        case .datePreviousLeg: "date.previous-leg"
        case .dateListItem: "date.list-item"
        case .destinationListContext: "destination.list-context"
        case .visitorListContext: "visitor.list-context"
        case .visitListRow: "visit.list-row"
        case .visitGatheringParticipant: "visit.gathering-participant"
        case .destinationGatheringContext: "destination.gathering-context"
        case .dateStoryYear: "date.story-year"
        case .dateStoryRelative: "date.story-relative"
        case .dateStoryTime: "date.story-time"
        case .dateMonthToldBefore: "date.month-told-before"
        case .dateYearInSentence: "date.year-in-sentence"
        case .dateParagraphYear: "date.paragraph-year"
        case .datePastTenseYear: "date.past-tense-year"
        case .datePlanPhraseAhead: "date.plan-phrase-ahead"
        case .visitorCommonWordName: "visitor.common-word-name"
        case .metaHeaderDate: "meta.header-date"
        case .metaLeadReference: "meta.lead-reference"
        case .metaDatelineYear: "meta.dateline-year"
        case .corefPronoun: "coref.pronoun"
        case .corefPossessive: "coref.possessive"
        case .corefDelegation: "coref.delegation"
        case .corefRecentSubject: "coref.recent-subject"
        case .corefProtagonist: "coref.protagonist"
        case .hostCoordinatedParty: "host.coordinated-party"
        case .statusNegatedBackReference: "status.negated.back-reference"
        case .statusPlannedUnrealised: "status.planned.unrealised"
        case .statusNegatedParticipant: "status.negated.participant"
        case .visitContinuation: "visit.continuation"
        case .visitorPreviousLeg: "visitor.previous-leg"
        case .visitTimelineStop: "visit.timeline-stop"
        case .corefGender: "coref.gender"
        case .visitProposed: "visit.proposed"
        case .destinationDatelineGathering: "destination.dateline-gathering"
        case .visitPresenceAct: "visit.presence-act"
        case .destinationDemonymCapital: "destination.demonym-capital"
        case .visitAccompanyingMember: "visit.accompanying-member"
        case .dateSpanLaterLeg: "date.span-later-leg"
        case .statusNegatedCancelItAfter: "status.negated.cancel-it-after"
        case .statusOccurredDeparture: "status.occurred.departure"
        case .statusNegatedSubstituted: "status.negated.substituted"
        case .statusOccurredSubstitute: "status.occurred.substitute"
        case .statusOccurredOtherParticipant: "status.occurred.other-participant"
        case .statusOccurredParticipantArrived: "status.occurred.participant-arrived"
        case .metaHeaderLabel: "meta.header-label"
        case .metaFileNameDate: "meta.file-name-date"
        case .metaYearInference: "meta.year-inference"
        case .statusNegatedAbsence: "status.negated.absence"
        case .statusNegatedStayedAway: "status.negated.stayed-away"
        case .statusPlannedParticipant: "status.planned.participant"
        case .statusNegatedCancelOpensClause: "status.negated.cancel-opens-clause"
        case .destinationItemHeading: "destination.item-heading"
        case .visitJourneyStop: "visit.journey-stop"
        case .dateStoryMonth: "date.story-month"
        case .dateYearFromStory: "date.year-from-story"
        case .dateStoryThen: "date.story-then"
        case .visitAccompaniedBy: "visit.accompanied-by"
        case .visitSubstitute: "visit.substitute"
        case .visitorListProtagonist: "visitor.list-protagonist"
        case .corefListPerson: "coref.list-person"
        case .statusOccurredHistoricPresent: "status.occurred.historic-present"
        case .destinationShuttleBetween: "destination.shuttle-between"
        case .visitUntilNamed: "visit.until-named"
        case .visitArrivalUnplaced: "visit.arrival-unplaced"
        case .visitorItemHeading: "visitor.item-heading"
        case .proposedHostExcluded: "proposed.host-excluded"
        case .proposedOfPhraseExcluded: "proposed.of-phrase-excluded"
        case .proposedOtherSubjectExcluded: "proposed.other-subject-excluded"
        case .proposedSinceDateExcluded: "proposed.since-date-excluded"
        case .proposedAtHomeExcluded: "proposed.at-home-excluded"
        case .proposedRemoteExcluded: "proposed.remote-excluded"
        case .visitProposedScene: "visit.proposed-scene"
        case .visitProposedSubject: "visit.proposed-subject"
        case .destinationFormerUnion: "destination.former-union"
        case .visitAttendanceListItem: "visit.attendance-list-item"
        case .destinationFormerStateRegion: "destination.former-state-region"
        case .destinationCeremonyPerson: "destination.ceremony-person"
        case .statusTripPurpose: "status.trip-purpose"
        case .dateAfterClauseYear: "date.after-clause-year"
        case .destinationPlaceNounOf: "destination.place-noun-of"
        case .visitTableRow: "visit.table-row"
        case .visitorGappedConjunct: "visitor.gapped-conjunct"
        case .statusFromScene: "status.from-scene"
        case .dateYearsAgo: "date.years-ago"
        case .dateScheduledPresentAhead: "date.scheduled-present-ahead"
        }
    }
}

/// A set of rules in three words: what a candidate, a visit or an event was made by.
public struct RuleSet: Hashable, Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var top: UInt64 = 0
    /// How many rules a set can hold; `Rule.allCases` must stay within it (a test checks).
    public static let capacity = 192
    /// The extractor plugins that added or changed the candidate (`plugin:<name>` ids), sorted, each once.
    public private(set) var plugins: [String] = []

    public init() {}
    public init(_ rules: [Rule]) { for r in rules { insert(r) } }

    /// The word holding rule `r`'s bit, and the bit.
    private static func bit(_ r: Rule) -> (word: Int, mask: UInt64) {
        precondition(r.rawValue < capacity, "rule \(r.rawValue) beyond RuleSet.capacity")
        return (r.rawValue / 64, 1 << UInt64(r.rawValue % 64))
    }

    private func word(_ i: Int) -> UInt64 { i == 0 ? low : i == 1 ? high : top }

    private mutating func update(_ i: Int, _ change: (inout UInt64) -> Void) {
        switch i {
        case 0: change(&low)
        case 1: change(&high)
        default: change(&top)
        }
    }

    public mutating func insert(_ r: Rule) {
        let (i, mask) = Self.bit(r)
        update(i) { $0 |= mask }
    }

    public mutating func remove(_ r: Rule) {
        let (i, mask) = Self.bit(r)
        update(i) { $0 &= ~mask }
    }

    public mutating func formUnion(_ other: RuleSet) {
        low |= other.low
        high |= other.high
        top |= other.top
        for name in other.plugins { insert(plugin: name) }
    }

    /// Notes that the extractor plugin `name` added or changed the candidate.
    public mutating func insert(plugin name: String) {
        guard !plugins.contains(name) else { return }
        plugins.append(name)
        plugins.sort()
    }

    public func contains(_ r: Rule) -> Bool {
        let (i, mask) = Self.bit(r)
        return word(i) & mask != 0
    }

    public var isEmpty: Bool { low == 0 && high == 0 && top == 0 && plugins.isEmpty }

    /// The rules in registry order.
    public var rules: [Rule] { Rule.allCases.filter { contains($0) } }

    /// Their ids, in registry order, then `plugin:<name>` for each extractor plugin.
    public var ids: [String] { rules.map(\.id) + plugins.map { Self.pluginPrefix + $0 } }

    /// The prefix of an extractor plugin's rule id.
    public static let pluginPrefix = "plugin:"
}
