// The words that may report a visit in a sentence: visit words, arrivals and departures with a place,
// being somewhere abroad, attending or skipping a gathering in a named place, and a host receiving a guest.

/// A word or phrase of a sentence that may report a visit, and how it reports it.
struct Trigger {
    enum Form {
        /// "a visit", "the trip", "chuyến thăm".
        case visitNoun
        /// "visited", "toured", "thăm".
        case visitVerb
        /// "arrived in", "left for", "tới": a place follows closely.
        case arrival
        /// "was in", "đang ở": a place follows at once.
        case presence
        /// "addressed parliament in Canberra", "laid a wreath at Verdun": an act done in the place that follows.
        case presenceAct
        /// "attended the summit in X", "skipped the BRICS summit in Y".
        case attendance
        /// "X welcomed Y", "X đón Y": the word before the guest.
        case guest
        /// "and then to X", "the tour continued through X", "sau đó tới X": a later leg of a trip.
        case continuation

        /// The form of a pattern rule's trigger.
        init?(rule: Rule) {
            switch rule {
            case .visitNoun: self = .visitNoun
            case .visitVerb: self = .visitVerb
            case .visitTravelTo: self = .arrival
            case .visitPresence: self = .presence
            case .visitPresenceAct: self = .presenceAct
            case .visitAttendGathering: self = .attendance
            case .visitContinuation: self = .continuation
            default: return nil
            }
        }
    }

    var tokens: Range<Int>
    var form: Form
    /// "visits", "trips", "các chuyến thăm": may list several visitors.
    var plural = false
    /// The person index this trigger is about, when the words name him ("visiting President X", a guest).
    var visitor: Int?

    var isNoun: Bool { form == .visitNoun }

    /// The rule that found it.
    var rule: Rule {
        switch form {
        case .visitNoun: .visitNoun
        case .visitVerb: .visitVerb
        case .arrival: .visitTravelTo
        case .presence: .visitPresence
        case .presenceAct: .visitPresenceAct
        case .attendance: .visitAttendGathering
        case .guest: .visitHostWelcomes
        case .continuation: .visitContinuation
        }
    }
}

extension EventFinder {
    static let kVisits = Fold.lowerKey("visits"), kTrips = Fold.lowerKey("trips")

    /// A visit noun or verb at token `k`: its length, and whether it is a noun and plural.
    func isVisitTrigger(_ k: Int, _ s: Int, _ e: Int) -> (length: Int, noun: Bool, plural: Bool)? {
        guard lexicon.visitStartKeys.contains(tokens[k].lower) else { return nil }
        if case .trigger(let r) = lexicon.visitNounPattern?.match(tokens, at: k, end: e, places: []) ?? .none {
            let n = r.count
            let w = tokens[k].lower
            // "visits", "trips"; Vietnamese marks the plural before the noun: "các chuyến thăm", "những chuyến thăm".
            let plural = w == Self.kVisits || w == Self.kTrips || (k > s && lexicon.pluralMarkers.contains(tokens[k - 1].lower))
            return (n, true, plural)
        }
        if case .trigger(let r) = lexicon.visitVerbPattern?.match(tokens, at: k, end: e, places: []) ?? .none {
            return (r.count, false, false)
        }
        return nil
    }

    /// The triggers of a sentence in order: words first, then a trigger before each welcomed guest.
    func findTriggers(_ c: SentenceContext) -> [Trigger] {
        var triggers = dropComplementLegs(findWordTriggers(c), c)
        addGuestTriggers(&triggers, c)
        return triggers
    }

    /// "Her first trip abroad took her to Singapore", "Kishida's first trips took him to India": a continuation
    /// holding an object pronoun right after a possessive visit word that tells a new trip (it does not refer back,
    /// and no place stands between them) is that word's complement, not a later leg ("a 2013 tour took him to
    /// Senegal" names its visitor in the leg).
    func dropComplementLegs(_ triggers: [Trigger], _ c: SentenceContext) -> [Trigger] {
        var out: [Trigger] = []
        for t in triggers {
            if t.form == .continuation, let previous = out.last, previous.isNoun, hasPossessor(previous, c),
               t.tokens.contains(where: { lexicon.objectPronouns.contains(tokens[$0].lower) }),
               c.destinationPlaces(from: previous.tokens.upperBound, to: t.tokens.lowerBound).isEmpty,
               !(previous.tokens.upperBound..<t.tokens.lowerBound).contains(where: { tokens[$0].kind == .punct && tokens[$0].first == 0x3B }),
               lastVisit == nil || !refersBack(previous, c) { continue }
            out.append(t)
        }
        return out
    }

    /// Visit words, arrivals, presence and attendance, left to right; names are skipped.
    func findWordTriggers(_ c: SentenceContext) -> [Trigger] {
        let s = c.start, e = c.end
        var triggers: [Trigger] = []
        var k = s
        while k < e {
            if !lexicon.wordClasses.has(.triggerStart, tokens[k]) || c.persons.contains(where: { $0.nameStart <= k && k < $0.nameEnd }) {
                k += 1; continue
            }
            if let t = isVisitTrigger(k, s, e) {
                var trigger = Trigger(tokens: k..<(k + t.length), form: t.noun ? .visitNoun : .visitVerb, plural: t.plural)
                // "talks with visiting President X": the adjective names its visitor, after it.
                if lexicon.visitingWords.contains(tokens[k].lower) {
                    trigger.visitor = c.persons.firstIndex { $0.phraseStart > k && $0.phraseStart <= k + 2 }
                }
                // Vietnamese "chuyến thăm" is one trigger; skip "thăm" after "chuyến".
                triggers.append(trigger)
                k += t.length
                continue
            }
            if let (trigger, length) = placeTrigger(at: k, c) {
                triggers.append(trigger)
                k += length
                continue
            }
            k += 1
        }
        return triggers
    }

    /// An arrival, presence or attendance trigger at token `k` (the patterns of `rules.yaml` other than visit
    /// words, in order: the first that matches decides), and how many tokens to skip after it.
    func placeTrigger(at k: Int, _ c: SentenceContext) -> (Trigger, Int)? {
        // Only the patterns whose first word set holds this token's word.
        guard let candidates = lexicon.triggerPatternIndex.patterns(startingWith: tokens[k].lower) else { return nil }
        for p in candidates {
            let pattern = lexicon.triggerPatterns[p]
            switch pattern.match(tokens, at: k, end: c.end, places: c.destinations) {
            case .none: continue
            case .blocked: return nil // a visit word follows: that one is the trigger
            case .trigger(let r):
                guard let form = Trigger.Form(rule: pattern.rule) else { continue }
                if form == .continuation && !opensLeg(r, c) { continue }
                return (Trigger(tokens: r, form: form), r.count)
            }
        }
        return nil
    }

    /// "his first trip", "Kishida's first bilateral trips": a possessive pronoun or a person's name with "'s" before
    /// the visit word (adjectives and numbers between).
    func hasPossessor(_ noun: Trigger, _ c: SentenceContext) -> Bool {
        if hasPossessivePronoun(noun.tokens, c.start) { return true }
        return c.persons.contains { p in
            p.nameEnd < noun.tokens.lowerBound && noun.tokens.lowerBound - p.nameEnd <= 6 && tokens[p.nameEnd].kind == .possessive
                && (p.nameEnd + 1..<noun.tokens.lowerBound).allSatisfy { tokens[$0].kind != .punct && !tokens[$0].capitalized }
        }
    }

    /// A one-word continuation ("then") opens a leg only after a comma, a semicolon or a coordinator ("…, then
    /// Tanzania", "and then Riyadh"), not as an adjective ("the then Soviet Union"); a trip's start or end ("began
    /// in") only in a sentence that names the trip.
    func opensLeg(_ r: Range<Int>, _ c: SentenceContext) -> Bool {
        // "began in", "ended the tour in": only where the sentence names the trip, before the place.
        if lexicon.legStartWords.match(tokens, at: r.lowerBound, end: r.upperBound) == r.count {
            return (c.start..<r.upperBound).contains { lexicon.visitNouns.match(tokens, at: $0, end: r.upperBound) > 0 }
        }
        guard r.count == 1 else { return true }
        let before = r.lowerBound - 1
        guard before >= c.start else { return false }
        let t = tokens[before]
        return (t.kind == .punct && (t.first == 0x2C || t.first == 0x3B)) || lexicon.coordinators.contains(t.lower)
    }

    /// "Prime Minister X welcomed President Y in Hanoi", "Chủ tịch nước X đón Tổng thống Y": the guest's visit,
    /// a trigger on the word before the guest, unless a visit word follows him closely.
    func addGuestTriggers(_ triggers: inout [Trigger], _ c: SentenceContext) {
        for (pi, p) in c.persons.enumerated() where p.guest && !triggers.contains(where: { $0.visitor == pi }) {
            let cue = max(c.start, p.phraseStart - 1)
            if triggers.contains(where: { $0.tokens.lowerBound > p.nameEnd && $0.tokens.lowerBound <= p.nameEnd + 3 }) { continue }
            let at = triggers.firstIndex { $0.tokens.lowerBound > cue } ?? triggers.count
            triggers.insert(Trigger(tokens: cue..<(cue + 1), form: .guest, visitor: pi), at: at)
        }
    }
}
