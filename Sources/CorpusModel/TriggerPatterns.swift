// Trigger patterns as data: token sequences over the lexicon's named word sets and places, with gaps
// (`Data/lexicon/rules.yaml`, FORMAT.md). Each pattern has a rule id; the rules file gives every rule
// examples that must fire and counter-examples that must not, run as tests.

/// A word set as a pattern element: a phrase set or a one-word set of the lexicon.
enum WordSetMatcher: Sendable {
    case phrases(PhraseSet)
    case words(KeyTableSet)

    /// Length of the match at token `i` (0 if none).
    func match(_ tokens: [Token], at i: Int, end: Int) -> Int {
        switch self {
        case .phrases(let set): set.match(tokens, at: i, end: end)
        case .words(let set): i < end && set.contains(tokens[i].lower) ? 1 : 0
        }
    }

    /// The keys of the words a match can start with: a token whose key is not among them matches nothing.
    var firstKeys: [UInt64] {
        switch self {
        case .phrases(let set): set.firstKeys
        case .words(let set): set.keys
        }
    }
}

/// The trigger patterns by the key of their first word: at a token only the patterns that can start there are
/// tried, in the patterns' order (trying every pattern at every candidate token copied and matched dozens).
struct TriggerPatternIndex: Sendable {
    private var byFirst = LookupTable<[Int]>()

    init(_ patterns: [TriggerPattern]) {
        for (p, pattern) in patterns.enumerated() {
            for key in pattern.first.firstKeys {
                var list = byFirst[key] ?? []
                if list.last != p { list.append(p) }
                byFirst[key] = list
            }
        }
    }

    /// The indexes, in ascending order, of the patterns whose first word set holds a word with this key
    /// (nil: none can start at such a token).
    @inline(__always) func patterns(startingWith key: UInt64) -> [Int]? { byFirst[key] }
}

/// One compiled trigger pattern. A class of constants: a pattern is tried at many tokens, and a struct read out of
/// the lexicon's array (even through a pointer) was copied for each try, its sets' tables retained and released.
final class TriggerPattern: Sendable {
    enum Element: Sendable {
        /// A phrase of a named word set.
        case set(WordSetMatcher)
        /// A place that can be a destination (named, not inside a title or a name).
        case place
        /// Between `min` and `max` tokens of anything.
        case gap(min: Int, max: Int)
    }

    let rule: Rule
    let elements: [Element]
    /// The first element's word set, kept apart: it is tried on many tokens (no enum payload to copy out).
    let first: WordSetMatcher
    /// The last element starts at most this many tokens after the first (nil: no bound).
    let within: Int?
    /// The pattern does not fire when a phrase of one of these sets starts in the `unlessWithin` tokens after its
    /// first token (that word is the trigger then).
    let unlessSets: [WordSetMatcher]
    let unlessWithin: Int
    /// The trigger is the first token only, and the pattern goes on after it (not after the first element's
    /// whole phrase): "dự lễ" is an attendance word, and "lễ" a gathering.
    let spanFirstToken: Bool

    init(rule: Rule, elements: [Element], first: WordSetMatcher, within: Int?, unlessSets: [WordSetMatcher] = [],
         unlessWithin: Int = 0, spanFirstToken: Bool = false) {
        self.rule = rule
        self.elements = elements
        self.first = first
        self.within = within
        self.unlessSets = unlessSets
        self.unlessWithin = unlessWithin
        self.spanFirstToken = spanFirstToken
    }

    /// The trigger's tokens when the pattern matches at `k`; `blocked` when it matches but an `unless` word follows.
    func match(_ tokens: [Token], at k: Int, end: Int, places: [PlaceRef]) -> PatternMatch {
        let n = first.match(tokens, at: k, end: end)
        guard n > 0, matchRest(1, tokens, from: k + (spanFirstToken ? 1 : n), start: k, end: end, places: places) else { return .none }
        // The words that block it belong to the trigger's clause: a ";" ends the window ("then flies to X; the tour
        // continues through Y" is two clauses).
        var blocked = false
        for j in k + 1..<max(k + 1, min(end, k + 1 + unlessWithin)) {
            if tokens[j].kind == .punct && tokens[j].first == 0x3B { break }
            if unlessSets.contains(where: { $0.match(tokens, at: j, end: end) > 0 }) { blocked = true; break }
        }
        if blocked { return .blocked }
        return .trigger(k..<(k + (spanFirstToken ? 1 : n)))
    }

    /// Whether elements `e...` match from token `pos` (gaps tried shortest first).
    private func matchRest(_ e: Int, _ tokens: [Token], from pos: Int, start: Int, end: Int, places: [PlaceRef]) -> Bool {
        guard e < elements.count else { return true }
        let last = e == elements.count - 1
        if last, let within, pos > start + within { return false }
        switch elements[e] {
        case .set(let set):
            let n = set.match(tokens, at: pos, end: end)
            return n > 0 && matchRest(e + 1, tokens, from: pos + n, start: start, end: end, places: places)
        case .place:
            // A place, or "the" and a place ("went on to the Philippines").
            let article = pos < end && tokens[pos].lower == Lexicon.theKey
            guard let place = places.first(where: { $0.tokens.lowerBound == pos || (article && $0.tokens.lowerBound == pos + 1) })
            else { return false }
            return matchRest(e + 1, tokens, from: place.tokens.upperBound, start: start, end: end, places: places)
        case .gap(let lo, let hi):
            for g in lo...hi where pos + g <= end {
                if matchRest(e + 1, tokens, from: pos + g, start: start, end: end, places: places) { return true }
            }
            return false
        }
    }
}

enum PatternMatch {
    case none
    case blocked
    case trigger(Range<Int>)
}
