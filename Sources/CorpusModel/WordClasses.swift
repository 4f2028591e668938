// Word classes: the lexicon's sets that the rules probe at nearly every token, one bit each. A document's tokens
// are classified once (one lookup per token, `Analyzer.analyze`); a rule then tests a bit instead of looking the
// token up again in each set. A token that was never classified (classes 0) is looked up as before, so a rule
// gives the same answer on any token.

/// The sets with a bit of their own. A phrase set's bit is that of its phrases' first words.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt32

    /// Set on every classified token, so that a classified token's classes are never 0.
    static let classified = WordClass(rawValue: 1 << 0)
    /// `Lexicon.plannedCues`.
    static let plannedCue = WordClass(rawValue: 1 << 1)
    /// `Lexicon.negationCues`.
    static let negationCue = WordClass(rawValue: 1 << 2)
    /// `Lexicon.presentFutureWords`.
    static let presentFuture = WordClass(rawValue: 1 << 3)
    /// `Lexicon.triggerStartKeys`.
    static let triggerStart = WordClass(rawValue: 1 << 4)
    /// `Lexicon.timeStartWords`.
    static let timeStart = WordClass(rawValue: 1 << 5)
    /// `Lexicon.otherEventStartKeys`.
    static let otherEventStart = WordClass(rawValue: 1 << 6)
    /// `Lexicon.gatheringStartKeys`.
    static let gatheringStart = WordClass(rawValue: 1 << 7)
    /// The first words of `Lexicon.subordinators`.
    static let subordinatorStart = WordClass(rawValue: 1 << 8)
    /// The first words of `Lexicon.yearsAgoWords`.
    static let yearsAgoStart = WordClass(rawValue: 1 << 9)
    /// The first words of `Lexicon.relativeDays`.
    static let relativeDayStart = WordClass(rawValue: 1 << 10)
    /// The first words of `Lexicon.titles`.
    static let titleStart = WordClass(rawValue: 1 << 11)
    /// `Lexicon.countWords` ("three", "ba"), asked at every word for a count of years back.
    static let countWord = WordClass(rawValue: 1 << 12)
}

/// The folded keys of the classes' words, each with its bits.
struct WordClassTable: Sendable {
    private var table = KeyTable()

    init(_ members: [(WordClass, [UInt64])]) {
        for (c, keys) in members {
            for key in keys { table.set(key, (table.get(key) ?? WordClass.classified.rawValue) | c.rawValue) }
        }
    }

    /// The classes of a word with this key (`classified` alone for a word of no class).
    @inline(__always) func classes(of key: UInt64) -> UInt32 { table.get(key) ?? WordClass.classified.rawValue }

    /// Sets every token's classes.
    func classify(_ tokens: inout [Token]) {
        tokens.withUnsafeMutableBufferPointer { buffer in
            for i in buffer.indices { buffer[i].classes = classes(of: buffer[i].lower) }
        }
    }

    /// Whether the token's word is of class `c`: its bits when it was classified, a lookup when not.
    @inline(__always) func has(_ c: WordClass, _ t: Token) -> Bool {
        (t.classes != 0 ? t.classes : classes(of: t.lower)) & c.rawValue != 0
    }
}
