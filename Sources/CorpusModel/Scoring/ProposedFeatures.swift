// The features of a proposed candidate (rule visit.proposed): general properties of how a person and a foreign
// place stand in their sentence (the word class before the place, the verb classes of the clause, distances,
// the place's role, the date's source, status cues, the document's rule visits). Word classes come from the
// lexicon (Data/lexicon/<language>/), never from an article's wording.
import Foundation

/// One feature of a proposed candidate; its raw value is the name used in the weights file.
public enum ProposedFeature: String, CaseIterable, Sendable {
    case prepDestination = "proposed.before_place.destination_preposition"
    case prepPresence = "proposed.before_place.presence_preposition"
    case prepOrigin = "proposed.before_place.origin_preposition"
    case prepPair = "proposed.before_place.between_or_with"
    case prepOf = "proposed.before_place.of"
    case travelBefore = "proposed.before_place.travel_word"
    case visitWordBefore = "proposed.before_place.visit_word"
    case placePossessive = "proposed.place.possessive"
    case placeClauseInitial = "proposed.place.clause_initial"
    case placeSentenceInitial = "proposed.place.sentence_initial"
    case placeBeforeVisitor = "proposed.place.before_visitor"
    case placeCity = "proposed.place.city"
    case placeExcluded = "proposed.place.not_a_destination_phrase"
    case placeCount = "proposed.place.countries_in_sentence_log"
    case distance = "proposed.visitor_place_distance_log"
    case personBetween = "proposed.other_person_between"
    case destinationPerson = "proposed.person_of_destination_in_sentence"
    case firstPlaceAfterVisitor = "proposed.place.first_foreign_after_visitor"
    case clauseVisitWord = "proposed.clause.visit_word"
    case clauseTravel = "proposed.clause.travel_word"
    case clauseMotion = "proposed.clause.journey_word"
    case clauseMeeting = "proposed.clause.meeting_word"
    case clauseSpeech = "proposed.clause.speech_verb"
    case clauseGathering = "proposed.clause.gathering_word"
    case clausePresence = "proposed.clause.presence_word"
    case clauseNoClass = "proposed.clause.no_verb_class"
    case clauseOccurredCue = "proposed.clause.past_cue"
    case clausePresentTense = "proposed.clause.present_tense"
    case visitorHigh = "proposed.visitor.level_high"
    case visitorMinister = "proposed.visitor.level_minister"
    case visitorReferring = "proposed.visitor.coreference"
    case visitorTitled = "proposed.visitor.named_with_title"
    case visitorHostCue = "proposed.visitor.host_cue"
    case visitorOtherParty = "proposed.visitor.other_party"
    case visitorFirstPerson = "proposed.visitor.first_person_of_sentence"
    case visitorPossessive = "proposed.visitor.possessive"
    case visitorAfterPairWord = "proposed.visitor.after_with_or_between"
    case visitorAfterMeetingWord = "proposed.visitor.after_meeting_word"
    case visitorAfterCoordinator = "proposed.visitor.after_and"
    case visitorOwnCountryNamed = "proposed.visitor.own_country_named"
    case guestInSentence = "proposed.sentence.other_person_is_a_guest"
    case placeInOtherPersonPhrase = "proposed.place.before_another_persons_name"
    case dateInClause = "proposed.date.in_place_clause"
    case dateExplicit = "proposed.date.explicit"
    case dateRelative = "proposed.date.relative"
    case dateFallback = "proposed.date.fallback"
    case dateUndated = "proposed.date.undated"
    case dateDay = "proposed.date.day"
    case dateFuture = "proposed.date.after_publication"
    case dateRecalled = "proposed.date.year_before_publication"
    case statusPlanned = "proposed.status.planned"
    case statusNegated = "proposed.status.negated"
    case listItem = "proposed.list_item"
    case headline = "proposed.sentence.headline"
    case position = "proposed.sentence.position"
    case headlineVisitor = "proposed.headline.names_visitor"
    case headlineDestination = "proposed.headline.names_destination"
    case ruleVisitOfVisitor = "proposed.document.rule_visit_of_visitor"
    case ruleVisitSamePair = "proposed.document.rule_visit_same_pair"
    case ruleVisitToDestination = "proposed.document.rule_visit_to_destination"
    case samePairProposals = "proposed.document.same_pair_sentences_log"
    case languageVietnamese = "proposed.language.vi"
    case personsInSentence = "proposed.sentence.persons_log"
    case scene = "proposed.scene"
    case sceneDateline = "proposed.scene.dateline"
    case sceneItemHeading = "proposed.scene.item_heading"
    case scenePreviousVisit = "proposed.scene.previous_visit"
    case sceneDistance = "proposed.scene.sentence_distance_log"
    case sceneTimeElsewhere = "proposed.scene.own_time_elsewhere"
    case subject = "proposed.subject"
    case subjectListProtagonist = "proposed.subject.list_protagonist"

    var index: Int { Self.indexes[self]! }
    private static let indexes = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}

enum ProposedFeatures {
    /// The feature vector of each proposed candidate of one document (in `ProposedFeature.allCases` order),
    /// given the rules' candidates of the same document.
    static func compute(_ proposed: [VisitCandidate], rules: [VisitCandidate], _ c: FeatureContext) -> [[Float]] {
        let ruleVisitors = Set(rules.map(\.visitor)), ruleDestinations = Set(rules.map(\.destination))
        let rulePairs = Set(rules.map { VisitPair(visitor: $0.visitor, destination: $0.destination) })
        var pairs: [VisitPair: Int] = [:]
        for v in proposed { pairs[VisitPair(visitor: v.visitor, destination: v.destination), default: 0] += 1 }
        return proposed.map { v in
            var x = [Float](repeating: 0, count: ProposedFeature.allCases.count)
            func set(_ f: ProposedFeature, _ value: Float = 1) { x[f.index] = value }
            let si = v.sentences.first ?? 0
            guard si < c.sentences.count else { return x }
            let sentence = c.sentences[si]
            if let place = v.evidence.place {
                let clause = v.evidence.clause ?? sentence
                placeFeatures(v, place, clause, sentence, c.mentions[si], c, set)
                clauseFeatures(clause, c, set)
                dateFeatures(v, clause, c, set)
            } else if let scene = v.evidence.scene {
                let clause = v.evidence.clause ?? sentence
                sceneFeatures(v, scene, c, set)
                clauseFeatures(clause, c, set)
                dateFeatures(v, clause, c, set)
            } else {
                return x
            }
            visitorFeatures(v, c.mentions[si], c, set)
            if let subject = v.evidence.subject {
                set(.subject)
                if subject == .listProtagonist { set(.subjectListProtagonist) }
            }
            let pair = VisitPair(visitor: v.visitor, destination: v.destination)
            if ruleVisitors.contains(v.visitor) { set(.ruleVisitOfVisitor) }
            if rulePairs.contains(pair) { set(.ruleVisitSamePair) }
            if ruleDestinations.contains(v.destination) { set(.ruleVisitToDestination) }
            set(.samePairProposals, VisitFeatures.log1p(Float(pairs[pair, default: 1] - 1)))
            if v.status == .planned { set(.statusPlanned) }
            if v.status == .negated { set(.statusNegated) }
            if v.evidence.listItem { set(.listItem) }
            if si == 0 { set(.headline) }
            set(.position, Float(si) / Float(max(1, c.sentences.count - 1)))
            if v.evidence.personsInSentence > 1 { set(.personsInSentence, VisitFeatures.log1p(Float(v.evidence.personsInSentence - 1))) }
            if let head = c.mentions.first {
                if head.places.contains(where: { $0.country == v.destination }) { set(.headlineDestination) }
                if head.persons.contains(where: { $0.entity == v.visitor }) { set(.headlineVisitor) }
            }
            if c.language == .vietnamese { set(.languageVietnamese) }
            return x
        }
    }

    /// What placed a scene proposal's scene, how far back, and whether the visitor's own time lies elsewhere.
    static func sceneFeatures(_ v: VisitCandidate, _ scene: CandidateEvidence.SceneSource, _ c: FeatureContext,
                              _ set: (ProposedFeature, Float) -> Void) {
        set(.scene, 1)
        switch scene {
        case .dateline: set(.sceneDateline, 1)
        case .itemHeading: set(.sceneItemHeading, 1)
        case .previousVisit: set(.scenePreviousVisit, 1)
        case .gathering: break
        }
        set(.sceneDistance, VisitFeatures.log1p(Float(v.evidence.sceneDistance)))
        if v.evidence.sceneTimeElsewhere { set(.sceneTimeElsewhere, 1) }
    }

    /// The words before the place, its role, its distance from the visitor and who stands between.
    static func placeFeatures(_ v: VisitCandidate, _ place: Range<Int>, _ clause: Range<Int>, _ sentence: Range<Int>,
                              _ m: SentenceMentions, _ c: FeatureContext, _ set: (ProposedFeature, Float) -> Void) {
        let lex = c.lexicon, p = place.lowerBound, start = sentence.lowerBound
        if p > start {
            let before = c.tokens[p - 1].lower
            if lex.destinationPrepositions.contains(before) { set(.prepDestination, 1) }
            if lex.placePrepositions.contains(before) { set(.prepPresence, 1) }
            if lex.originWords.contains(before) { set(.prepOrigin, 1) }
            if lex.ofWords.contains(before) { set(.prepOf, 1) }
        }
        let window = max(start, p - 4)..<p
        if window.contains(where: { lex.pairWords.match(c.tokens, at: $0, end: p) > 0 }) { set(.prepPair, 1) }
        if window.contains(where: { lex.arrivalVerbs.match(c.tokens, at: $0, end: p) > 0 }) { set(.travelBefore, 1) }
        if window.contains(where: { lex.visitVerbs.match(c.tokens, at: $0, end: p) > 0 || lex.visitNouns.match(c.tokens, at: $0, end: p) > 0 }) {
            set(.visitWordBefore, 1)
        }
        if place.upperBound < sentence.upperBound, c.tokens[place.upperBound].kind == .possessive { set(.placePossessive, 1) }
        if p <= clause.lowerBound + 1 { set(.placeClauseInitial, 1) }
        if p == start { set(.placeSentenceInitial, 1) }
        // With more than one named country, the countries the sentence names (demonyms too), log.
        let named = Set(m.places.filter { !$0.demonym && !$0.inPhrase }.map(\.country))
        if named.count > 1 { set(.placeCount, VisitFeatures.log1p(Float(Set(m.places.map(\.country)).count - 1))) }
        if v.city != nil { set(.placeCity, 1) }
        if v.evidence.placeExcluded { set(.placeExcluded, 1) }
        // Inside or right before another person's title or name ("Chủ tịch nước Trung Quốc Tập Cận Bình"): his
        // country, not a destination.
        if m.persons.contains(where: { $0.entity != v.visitor && $0.phraseStart <= place.upperBound + 1 && place.upperBound <= $0.nameStart }) {
            set(.placeInOtherPersonPhrase, 1)
        }
        guard let visitor = v.evidence.visitorPhrase else { return }
        if visitor.upperBound < sentence.upperBound, c.tokens[visitor.upperBound].kind == .possessive { set(.visitorPossessive, 1) }
        let before = place.upperBound <= visitor.lowerBound
        if before { set(.placeBeforeVisitor, 1) }
        let gap = before ? place.upperBound..<visitor.lowerBound : visitor.upperBound..<max(visitor.upperBound, place.lowerBound)
        set(.distance, VisitFeatures.log1p(Float(gap.count)))
        if m.persons.contains(where: { gap.contains($0.phraseStart) && $0.entity != v.visitor }) { set(.personBetween, 1) }
        if m.persons.contains(where: { $0.entity != v.visitor && c.countryOf($0.entity) == v.destination }) { set(.destinationPerson, 1) }
        let firstAfter = m.places.first { !$0.demonym && !$0.inPhrase && $0.tokens.lowerBound >= visitor.upperBound && $0.country != v.visitorCountry }
        if firstAfter?.tokens == place { set(.firstPlaceAfterVisitor, 1) }
    }

    /// The classes of words in the place's clause: visit, travel, journey, meeting, speech, gathering, presence.
    static func clauseFeatures(_ clause: Range<Int>, _ c: FeatureContext, _ set: (ProposedFeature, Float) -> Void) {
        let lex = c.lexicon, end = clause.upperBound
        func has(_ words: PhraseSet) -> Bool { clause.contains { words.match(c.tokens, at: $0, end: end) > 0 } }
        let classes: [(PhraseSet, ProposedFeature)] = [
            (lex.visitNouns, .clauseVisitWord), (lex.visitVerbs, .clauseVisitWord), (lex.arrivalVerbs, .clauseTravel),
            (lex.motionWords, .clauseMotion), (lex.meetingWords, .clauseMeeting), (lex.summitWords, .clauseMeeting),
            (lex.speechVerbs, .clauseSpeech), (lex.attendVerbs, .clauseGathering), (lex.gatheringWords, .clauseGathering),
            (lex.presenceWords, .clausePresence),
        ]
        var any = false
        for (words, feature) in classes where has(words) {
            set(feature, 1)
            any = true
        }
        if !any { set(.clauseNoClass, 1) }
        if has(lex.occurredCues) { set(.clauseOccurredCue, 1) }
        if clause.contains(where: { lex.presentTenseWords.contains(c.tokens[$0].lower) }) { set(.clausePresentTense, 1) }
    }

    /// How the visitor is named and his level.
    static func visitorFeatures(_ v: VisitCandidate, _ m: SentenceMentions, _ c: FeatureContext, _ set: (ProposedFeature, Float) -> Void) {
        let level = v.titleLevel ?? c.levelOf(v.visitor)
        if let level, level.isHigh || level.rank < Level.minister.rank { set(.visitorHigh, 1) } else if level == .minister { set(.visitorMinister, 1) }
        if v.rules.contains(.corefPronoun) || v.rules.contains(.corefPossessive) || v.rules.contains(.corefDelegation) { set(.visitorReferring, 1) }
        if v.titleLevel != nil { set(.visitorTitled, 1) }
        guard let phrase = v.evidence.visitorPhrase, let p = m.persons.first(where: { $0.entity == v.visitor && $0.phraseStart == phrase.lowerBound }) else { return }
        if p.hostContext || p.guest { set(.visitorHostCue, 1) }
        if p.otherParty || p.joinedParty { set(.visitorOtherParty, 1) }
        if m.persons.first(where: { !$0.hostContext })?.phraseStart == phrase.lowerBound { set(.visitorFirstPerson, 1) }
        objectFeatures(phrase, c, set)
        // The visitor's own country named in the sentence, as a place ("in Warsaw for talks with President Duda"):
        // likelier he is at home there, the host.
        if let own = v.visitorCountry, own != v.destination, m.places.contains(where: { $0.country == own && !$0.inPhrase && !$0.demonym }) {
            set(.visitorOwnCountryNamed, 1)
        }
        // A guest received by someone else ("X welcomed Y", "X đón Y"): the visitor is likelier the host.
        if m.persons.contains(where: { $0.guest && $0.entity != v.visitor }) { set(.guestInSentence, 1) }
    }

    /// The words right before the visitor's phrase (up to three): "talks with", "met", "and": a person named as
    /// the one met, or joined to another by "and", is likelier the host or a companion than the traveller.
    static func objectFeatures(_ phrase: Range<Int>, _ c: FeatureContext, _ set: (ProposedFeature, Float) -> Void) {
        let lex = c.lexicon, end = phrase.lowerBound
        let sentenceStart = c.sentences.first { $0.contains(end) }?.lowerBound ?? 0
        let window = max(sentenceStart, end - 3)..<end
        if window.contains(where: { lex.pairWords.match(c.tokens, at: $0, end: end) > 0 }) { set(.visitorAfterPairWord, 1) }
        if window.contains(where: { lex.meetingWords.match(c.tokens, at: $0, end: end) > 0 }) { set(.visitorAfterMeetingWord, 1) }
        if end > sentenceStart, lex.coordinators.contains(c.tokens[end - 1].lower) { set(.visitorAfterCoordinator, 1) }
    }

    /// Where the date came from (a time in the place's clause, another time of the sentence, a fallback) and
    /// where it lies against the publication.
    static func dateFeatures(_ v: VisitCandidate, _ clause: Range<Int>, _ c: FeatureContext,
                             _ set: (ProposedFeature, Float) -> Void) {
        guard let start = v.start else {
            set(.dateUndated, 1)
            return
        }
        if start.granularity == .day { set(.dateDay, 1) }
        if let time = v.evidence.time {
            set(v.evidence.timeRelative ? .dateRelative : .dateExplicit, 1)
            if clause.contains(time.lowerBound) { set(.dateInClause, 1) }
        } else {
            set(.dateFallback, 1)
        }
        if let d = c.date {
            if start.dayRange.lowerBound > d.dayRange.upperBound { set(.dateFuture, 1) }
            if start.dayRange.upperBound < d.dayRange.lowerBound - 366 { set(.dateRecalled, 1) }
        }
    }
}
