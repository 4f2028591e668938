// The clauses of a sentence, so that a date attaches to the trigger of its own clause: a new clause starts
// after ";", at a clause starter after a comma (", and", ", but", ", which", ", và"), at a subordinator
// ("while", "after", "sau khi", "trong khi") not followed by a date, and after the comma that closes a
// subordinate or relative clause ("After the talks in May, he ...").

extension EventFinder {
    /// The first token of each clause of `range`, in order, the range's start first.
    func clauseStarts(_ range: Range<Int>, _ times: [TaggedTime]) -> [Int] {
        var starts = [range.lowerBound]
        var open = false // inside a subordinate or relative clause that a comma closes
        var k = range.lowerBound
        while k < range.upperBound {
            let t = tokens[k]
            if t.kind == .punct && t.first == 0x3B { starts.append(k + 1); open = false; k += 1; continue }
            if t.kind == .punct && t.first == 0x2C {
                let starter = lexicon.clauseStarters.match(tokens, at: k + 1, end: range.upperBound)
                if starter > 0 || open {
                    starts.append(k + 1)
                    open = starter > 0 && (lexicon.subordinators.match(tokens, at: k + 1, end: range.upperBound) > 0
                        || lexicon.relativePronouns.contains(tokens[k + 1].lower))
                }
                k += 1
                continue
            }
            // (A word no subordinator starts with is passed at once: its class bit says so.)
            let sub = lexicon.wordClasses.has(.subordinatorStart, t) ? lexicon.subordinators.match(tokens, at: k, end: range.upperBound) : 0
            if sub > 0, !times.contains(where: { $0.tokens.lowerBound == k + sub || $0.tokens.contains(k) }) {
                if k > range.lowerBound && starts.last != k { starts.append(k) }
                open = true
                k += sub
                continue
            }
            k += 1
        }
        var unique: [Int] = []
        for s in starts where s < range.upperBound && unique.last != s { unique.append(s) }
        return unique.isEmpty ? [range.lowerBound] : unique
    }

    /// A clause joined to the one before by coordination (after ";", or opening with "and", "but", "và"), not
    /// by subordination or a relative pronoun.
    func isCoordinatedClause(_ clause: Range<Int>, _ c: SentenceContext) -> Bool {
        let k = clause.lowerBound
        guard k > c.start else { return false }
        if tokens[k - 1].kind == .punct && tokens[k - 1].first == 0x3B { return true }
        return lexicon.clauseStarters.match(tokens, at: k, end: c.end) > 0
            && lexicon.subordinators.match(tokens, at: k, end: c.end) == 0 && !lexicon.relativePronouns.contains(tokens[k].lower)
    }
}
