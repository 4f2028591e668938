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
        /// "attended the summit in X", "skipped the BRICS summit in Y".
        case attendance
        /// "X welcomed Y", "X đón Y": the word before the guest.
        case guest
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
        case .attendance: .visitAttendGathering
        case .guest: .visitHostWelcomes
        }
    }
}

extension EventFinder {
    static let kVisits = Fold.lowerKey("visits"), kTrips = Fold.lowerKey("trips")

    /// A visit noun or verb at token `k`: its length, and whether it is a noun and plural.
    func isVisitTrigger(_ k: Int, _ s: Int, _ e: Int) -> (length: Int, noun: Bool, plural: Bool)? {
        let n = lexicon.visitNouns.match(tokens, at: k, end: e)
        if n > 0 {
            let w = tokens[k].lower
            // "visits", "trips"; Vietnamese marks the plural before the noun: "các chuyến thăm", "những chuyến thăm".
            let plural = w == Self.kVisits || w == Self.kTrips || (k > s && lexicon.pluralMarkers.contains(tokens[k - 1].lower))
            return (n, true, plural)
        }
        let v = lexicon.visitVerbs.match(tokens, at: k, end: e)
        if v > 0 { return (v, false, false) }
        return nil
    }

    /// Whether a visit noun or verb starts in `range`.
    func hasVisitWord(in range: Range<Int>, _ c: SentenceContext) -> Bool {
        range.contains { isVisitTrigger($0, c.start, c.end) != nil }
    }

    /// The triggers of a sentence in order: words first, then a trigger before each welcomed guest.
    func findTriggers(_ c: SentenceContext) -> [Trigger] {
        var triggers = findWordTriggers(c)
        addGuestTriggers(&triggers, c)
        return triggers
    }

    /// Visit words, arrivals, presence and attendance, left to right; names are skipped.
    func findWordTriggers(_ c: SentenceContext) -> [Trigger] {
        let s = c.start, e = c.end
        var triggers: [Trigger] = []
        var k = s
        while k < e {
            if c.persons.contains(where: { $0.nameStart <= k && k < $0.nameEnd }) { k += 1; continue }
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

    /// An arrival, presence or attendance trigger at token `k`, and how many tokens to skip after it.
    func placeTrigger(at k: Int, _ c: SentenceContext) -> (Trigger, Int)? {
        let e = c.end
        // Arrival verbs followed closely by a place: "arrived in Hanoi", "tới Hà Nội", "lên đường sang Jakarta".
        let arrival = lexicon.arrivalVerbs.match(tokens, at: k, end: e)
        // Being somewhere: "was in Mongolia on Monday", "đang ở Pháp": the place right after the words.
        let presence = arrival > 0 ? 0 : lexicon.presenceWords.match(tokens, at: k, end: e)
        if presence > 0, !c.destinationPlaces(from: k + presence, to: k + presence + 1).isEmpty {
            return (Trigger(tokens: k..<(k + presence), form: .presence), presence)
        }
        if arrival > 0, !c.destinationPlaces(from: k + arrival, to: k + arrival + 5).isEmpty {
            // Only when no visit word follows in the same clause (that one is the trigger).
            if hasVisitWord(in: k + 1..<min(e, k + 8), c) { return nil }
            return (Trigger(tokens: k..<(k + arrival), form: .arrival), arrival)
        }
        // Attending (or skipping) a gathering in a named place: "attended the G20 summit in New Delhi",
        // "skipped the BRICS summit in South Africa".
        if lexicon.attendVerbs.match(tokens, at: k, end: e) > 0,
           let g = (k + 1..<min(e, k + 8)).first(where: { lexicon.gatheringWords.match(tokens, at: $0, end: e) > 0 }),
           !c.destinationPlaces(from: g + 1, to: k + 17).isEmpty,
           !hasVisitWord(in: k + 1..<min(e, k + 8), c) {
            return (Trigger(tokens: k..<(k + 1), form: .attendance), 1)
        }
        return nil
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
