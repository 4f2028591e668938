// The features of a visit candidate: general properties of how the rules found it (the trigger's type, how
// the visitor was named, distances and what lies between, the role of the country phrase, the date's
// source and granularity, status cues, the place in the document). Never a word of a particular article.
import Foundation

/// One feature of a visit candidate; its raw value is the name used in the weights file.
public enum VisitFeature: String, CaseIterable, Sendable {
    case triggerVisitNoun = "trigger.visit_noun"
    case triggerVisitVerb = "trigger.visit_verb"
    case triggerArrival = "trigger.arrival"
    case triggerPresence = "trigger.presence"
    case triggerAttend = "trigger.attend"
    case triggerWelcome = "trigger.welcome"
    case triggerMeeting = "trigger.meeting"
    case triggerList = "trigger.list"
    case visitorNamed = "visitor.named"
    case visitorShortName = "visitor.short_name"
    case visitorNotInGazetteer = "visitor.not_in_gazetteer"
    case visitorPronoun = "visitor.pronoun"
    case visitorTitleOnly = "visitor.title_only"
    case visitorFirstPerson = "visitor.first_person_of_sentence"
    case visitorAfterTrigger = "visitor.after_trigger"
    case visitorTriggerDistance = "visitor.trigger_distance_log"
    case betweenComma = "between_visitor_trigger.comma"
    case betweenConjunction = "between_visitor_trigger.conjunction"
    case betweenRelative = "between_visitor_trigger.relative_pronoun"
    case betweenPerson = "between_visitor_trigger.other_person"
    case levelHigh = "level.high"
    case levelMinister = "level.minister"
    case levelUnknown = "level.unknown"
    case destinationNotInSentence = "destination.not_in_sentence"
    case destinationBeforeTrigger = "destination.before_trigger"
    case destinationDistance = "destination.trigger_distance_log"
    case destinationAfterPreposition = "destination.after_travel_preposition"
    case destinationBetweenWith = "destination.in_between_or_with_phrase"
    case destinationCity = "destination.city"
    case destinationDemonym = "destination.demonym"
    case destinationPersonBetween = "destination.other_person_between"
    case visitorCountryNamed = "destination.visitor_country_also_named"
    case dateDay = "date.day"
    case dateMonth = "date.month"
    case dateYear = "date.year"
    case dateExplicit = "date.explicit"
    case dateRelative = "date.relative"
    case datePublication = "date.publication_fallback"
    case dateUndated = "date.undated"
    case dateAfterLater = "date.after_earlier_date"
    case dateFuture = "date.after_publication"
    case dateRecalled = "date.year_before_publication"
    case timeDistance = "date.trigger_distance_log"
    case statusPlanned = "status.planned"
    case statusNegated = "status.negated"
    case sentenceFutureCue = "sentence.future_cue"
    case sentenceNegationCue = "sentence.negation_cue"
    case sentenceHeadline = "sentence.headline"
    case sentencePosition = "sentence.position"
    case headlineDestination = "headline.names_destination"
    case headlineVisitor = "headline.names_visitor"
    case reports = "reports.sentences_log"
    case siblings = "reports.same_trip_in_document_log"
    case kindSpecified = "kind.specified"
    case languageVietnamese = "language.vi"

    /// The feature's place in `allCases` (declaration order). A case without a payload is stored as its
    /// declaration index (Swift's stable enum layout), read here without hashing the raw value: a table keyed
    /// by the feature hashed its name on every `set` of every candidate (the test `featureIndexes` checks it).
    var index: Int {
        Int(unsafeBitCast(self, to: UInt8.self))
    }
}

/// What the features of one document's candidates are read from.
struct FeatureContext {
    let tokens: [Token]
    /// Each sentence's token range.
    let sentences: [Range<Int>]
    let mentions: [SentenceMentions]
    let date: PartialDate?
    let language: Language
    /// A person's level on the article's date (the title he was named with for a discovered person).
    let levelOf: (Int) -> Level?
    /// The word sets the rules read (the trigger, future and negation cues are the rules' own).
    let lexicon: Lexicon
    /// A person's country (the gazetteer's, or a discovered person's title's).
    var countryOf: (Int) -> String? = { _ in nil }

    static let pronouns = KeyTableSet(["he", "she", "they", "ông", "bà", "him", "her"].map { Fold.lowerKey($0) })
    static let conjunctions = KeyTableSet(["and", "but", "while", "và", "còn", "nhưng", "or"].map { Fold.lowerKey($0) })
    static let relativePronouns = KeyTableSet(["who", "whose", "which", "whom"].map { Fold.lowerKey($0) })
    static let travelPrepositions = KeyTableSet(["to", "in", "at", "for", "into", "from", "sang", "tới", "đến", "tại", "ở",
                                                 "thăm", "visit", "visited", "visiting"].map { Fold.lowerKey($0) })
    static let pairWords = KeyTableSet(["between", "with", "giữa", "với", "relations", "ties", "quan", "hệ"].map { Fold.lowerKey($0) })
}

enum VisitFeatures {
    /// The feature vector of each candidate of one document, in `VisitFeature.allCases` order.
    static func compute(_ candidates: [VisitCandidate], _ c: FeatureContext) -> [[Float]] {
        var trips: [Int64: Int] = [:]
        for v in candidates { trips[key(v), default: 0] += 1 }
        return candidates.map { v in
            var x = [Float](repeating: 0, count: featureCount)
            func set(_ f: VisitFeature, _ value: Float = 1) { x[f.index] = value }
            let si = v.mentions.first?.sentence ?? 0 // (`sentences` would build an array)
            guard si < c.sentences.count else { return x }
            let range = c.sentences[si], m = c.mentions[si]
            let trigger = v.evidence.trigger ?? range.lowerBound..<range.lowerBound
            set(triggerFeature(v.evidence, trigger, range, c))
            visitorFeatures(v, trigger, range, m, c, set)
            destinationFeatures(v, trigger, m, c, set)
            dateFeatures(v, trigger, c, set)
            if v.status == .planned { set(.statusPlanned) }
            if v.status == .negated { set(.statusNegated) }
            if range.contains(where: { c.lexicon.wordClasses.has(.plannedCue, c.tokens[$0]) }) { set(.sentenceFutureCue) }
            if range.contains(where: { c.lexicon.wordClasses.has(.negationCue, c.tokens[$0]) }) { set(.sentenceNegationCue) }
            if si == 0 { set(.sentenceHeadline) }
            set(.sentencePosition, Float(si) / Float(max(1, c.sentences.count - 1)))
            if let head = c.mentions.first {
                if head.places.contains(where: { $0.country == v.destination }) { set(.headlineDestination) }
                if head.persons.contains(where: { $0.entity == v.visitor }) { set(.headlineVisitor) }
            }
            set(.reports, log1p(Float(v.mentions.count - 1)))
            set(.siblings, log1p(Float(trips[key(v), default: 1] - 1)))
            if v.kind != .unspecified { set(.kindSpecified) }
            if c.language == .vietnamese { set(.languageVietnamese) }
            return x
        }
    }

    /// `allCases` builds its array on every call.
    private static let featureCount = VisitFeature.allCases.count

    static func key(_ v: VisitCandidate) -> Int64 { Int64(v.visitor) << 20 ^ Int64(Fold.rawHash(v.destination.utf8) & 0xFFFFF) }

    static func log1p(_ x: Float) -> Float { Float(Foundation.log1p(Double(max(0, x)))) }

    static func triggerFeature(_ e: CandidateEvidence, _ t: Range<Int>, _ s: Range<Int>, _ c: FeatureContext) -> VisitFeature {
        switch e.origin {
        case .list: return .triggerList
        case .meeting: return .triggerMeeting
        case .trigger, .unknown, .proposed: break
        }
        let k = t.lowerBound, end = s.upperBound
        guard k < end else { return .triggerWelcome }
        if c.lexicon.visitNouns.match(c.tokens, at: k, end: end) == t.count { return .triggerVisitNoun }
        if c.lexicon.visitVerbs.match(c.tokens, at: k, end: end) > 0 { return .triggerVisitVerb }
        if c.lexicon.arrivalVerbs.match(c.tokens, at: k, end: end) > 0 { return .triggerArrival }
        if c.lexicon.presenceWords.match(c.tokens, at: k, end: end) > 0 { return .triggerPresence }
        if c.lexicon.attendVerbs.match(c.tokens, at: k, end: end) > 0 { return .triggerAttend }
        if c.lexicon.visitNouns.match(c.tokens, at: k, end: end) > 0 { return .triggerVisitNoun }
        return .triggerWelcome
    }

    static func visitorFeatures(_ v: VisitCandidate, _ t: Range<Int>, _ s: Range<Int>, _ m: SentenceMentions,
                                _ c: FeatureContext, _ set: (VisitFeature, Float) -> Void) {
        if v.visitor < 0 { set(.visitorNotInGazetteer, 1) }
        let level = v.titleLevel ?? c.levelOf(v.visitor)
        switch level {
        case let l? where l.isHigh || l.rank < Level.minister.rank: set(.levelHigh, 1)
        case .minister?: set(.levelMinister, 1)
        default: set(.levelUnknown, 1)
        }
        // The visitor's phrase: as the rules recorded it, else his mention in the sentence.
        var phrase = v.evidence.visitorPhrase
        var role = v.evidence.visitorRole
        if phrase == nil, let p = m.persons.first(where: { $0.entity == v.visitor }) {
            phrase = p.phraseStart..<p.nameEnd; role = p.role
        }
        guard let phrase, !phrase.isEmpty else {
            let pronoun = (s.lowerBound..<max(s.lowerBound, t.lowerBound)).contains { FeatureContext.pronouns.contains(c.tokens[$0].lower) }
            set(pronoun ? .visitorPronoun : .visitorTitleOnly, 1)
            return
        }
        // A referring word resolved by coreference ("he", "her first trip", "the delegation") is no name.
        if v.rules.contains(.corefPronoun) || v.rules.contains(.corefPossessive) || v.rules.contains(.corefDelegation) {
            set(.visitorPronoun, 1)
            return
        }
        set(role == .short ? .visitorShortName : .visitorNamed, 1)
        if m.persons.first(where: { !$0.hostContext })?.phraseStart == phrase.lowerBound { set(.visitorFirstPerson, 1) }
        let after = phrase.lowerBound >= t.upperBound
        if after { set(.visitorAfterTrigger, 1) }
        let gap = after ? t.upperBound..<phrase.lowerBound : phrase.upperBound..<max(phrase.upperBound, t.lowerBound)
        set(.visitorTriggerDistance, log1p(Float(gap.count)))
        for k in gap {
            let tok = c.tokens[k]
            if tok.kind == .punct && tok.first == 0x2C { set(.betweenComma, 1) }
            if FeatureContext.conjunctions.contains(tok.lower) { set(.betweenConjunction, 1) }
            if FeatureContext.relativePronouns.contains(tok.lower) { set(.betweenRelative, 1) }
        }
        if m.persons.contains(where: { gap.contains($0.phraseStart) && $0.entity != v.visitor }) { set(.betweenPerson, 1) }
    }

    static func destinationFeatures(_ v: VisitCandidate, _ t: Range<Int>, _ m: SentenceMentions,
                                    _ c: FeatureContext, _ set: (VisitFeature, Float) -> Void) {
        if let own = v.visitorCountry, m.places.contains(where: { $0.country == own && !$0.inPhrase }) { set(.visitorCountryNamed, 1) }
        let places = m.places.filter { $0.country == v.destination && !$0.inPhrase }
        // The place the rules most likely took: the first after the trigger, else the nearest before it.
        guard let place = places.first(where: { $0.tokens.lowerBound >= t.upperBound })
                ?? places.min(by: { abs($0.tokens.lowerBound - t.lowerBound) < abs($1.tokens.lowerBound - t.lowerBound) }) else {
            set(.destinationNotInSentence, 1)
            return
        }
        let before = place.tokens.upperBound <= t.lowerBound
        if before { set(.destinationBeforeTrigger, 1) }
        let gap = before ? place.tokens.upperBound..<t.lowerBound : t.upperBound..<max(t.upperBound, place.tokens.lowerBound)
        set(.destinationDistance, log1p(Float(gap.count)))
        if m.persons.contains(where: { gap.contains($0.phraseStart) && $0.entity != v.visitor }) { set(.destinationPersonBetween, 1) }
        let p = place.tokens.lowerBound
        if p > 0 && FeatureContext.travelPrepositions.contains(c.tokens[p - 1].lower) { set(.destinationAfterPreposition, 1) }
        if (max(0, p - 3)..<p).contains(where: { FeatureContext.pairWords.contains(c.tokens[$0].lower) }) { set(.destinationBetweenWith, 1) }
        if place.city != nil { set(.destinationCity, 1) }
        if place.demonym { set(.destinationDemonym, 1) }
    }

    static func dateFeatures(_ v: VisitCandidate, _ t: Range<Int>, _ c: FeatureContext, _ set: (VisitFeature, Float) -> Void) {
        guard let start = v.start else {
            set(v.notBefore != nil ? .dateAfterLater : .dateUndated, 1)
            return
        }
        switch start.granularity {
        case .day: set(.dateDay, 1)
        case .month: set(.dateMonth, 1)
        case .year: set(.dateYear, 1)
        }
        if let time = v.evidence.time {
            set(v.evidence.timeRelative ? .dateRelative : .dateExplicit, 1)
            set(.timeDistance, log1p(Float(abs(time.lowerBound - t.lowerBound))))
        } else {
            set(.datePublication, 1)
        }
        if let d = c.date {
            if start.dayRange.lowerBound > d.dayRange.upperBound { set(.dateFuture, 1) }
            if start.dayRange.upperBound < d.dayRange.lowerBound - 366 { set(.dateRecalled, 1) }
        }
    }
}
