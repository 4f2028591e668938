import Testing
@testable import CorpusModel

/// The fast paths of the rules' per-token probes give the answers of the lookups they replace: a word class bit is
/// its set's membership, and the trigger pattern index tries every pattern that can start at a token, in order.
@Suite("Word classes and the trigger pattern index")
struct WordClassTests {
    static let lexicon = Lexicon.bundled

    /// Each class with the membership test it stands for.
    static var classes: [(WordClass, String, (UInt64) -> Bool)] { [
        (.plannedCue, "planned", { lexicon.plannedCues.contains($0) }),
        (.negationCue, "negation", { lexicon.negationCues.contains($0) }),
        (.presentFuture, "present-future", { lexicon.presentFutureWords.contains($0) }),
        (.triggerStart, "trigger start", { lexicon.triggerStartKeys.contains($0) }),
        (.timeStart, "time start", { lexicon.timeStartWords.contains($0) }),
        (.otherEventStart, "other event start", { lexicon.otherEventStartKeys.contains($0) }),
        (.gatheringStart, "gathering start", { lexicon.gatheringStartKeys.contains($0) }),
        (.subordinatorStart, "subordinator start", { key in lexicon.subordinators.firstKeys.contains(key) }),
        (.yearsAgoStart, "years-ago start", { key in lexicon.yearsAgoWords.firstKeys.contains(key) }),
        (.relativeDayStart, "relative-day start", { key in lexicon.relativeDays.phrases.firstKeys.contains(key) }),
        (.titleStart, "title start", { lexicon.titles[$0] != nil }),
        (.countWord, "count word", { lexicon.countWords[$0] != nil }),
    ] }

    /// The tokens of every rule example and counter-example, and of a few sentences of both languages.
    static func sampleTokens() -> [Token] {
        var text = lexicon.ruleSpecs.flatMap { $0.examples + $0.counterExamples }.joined(separator: "\n")
        text += "\nThe visit was cancelled, although he will not go. Ông sẽ không thăm Hà Nội vào tháng 9 năm sau."
        var tokens: [Token] = []
        text.withUTF8 { Tokenizer.tokenize($0, from: 0, to: $0.count, into: &tokens) }
        return tokens
    }

    @Test("a token is 32 bytes with its classes (they sit in the padding before its keys)")
    func tokenStride() {
        #expect(MemoryLayout<Token>.stride == 32)
    }

    @Test("a class bit is its set's membership, on classified and unclassified tokens and on every key of the sets")
    func bitsAreMembership() {
        let table = Self.lexicon.wordClasses
        let plain = Self.sampleTokens()
        var classified = plain
        table.classify(&classified)
        #expect(plain.count > 500)
        #expect(classified.allSatisfy { $0.classes & WordClass.classified.rawValue != 0 })
        // Every key of every set, the empty key and a word of none, each looked up as an unclassified token's.
        let lex = Self.lexicon
        var keys = lex.plannedCues.keys + lex.negationCues.keys + lex.presentFutureWords.keys + lex.triggerStartKeys.keys
        keys += lex.timeStartWords.keys + lex.otherEventStartKeys.keys + lex.gatheringStartKeys.keys + lex.subordinators.firstKeys
        keys += lex.titles.keys + lex.yearsAgoWords.firstKeys + lex.relativeDays.phrases.firstKeys + lex.countWords.keys + [0, Fold.lowerKey("zzyzx")]
        var hits = 0
        for (c, name, member) in Self.classes {
            for (p, t) in zip(plain, classified) {
                #expect(table.has(c, t) == member(t.lower), "\(name), classified token")
                #expect(table.has(c, p) == member(p.lower), "\(name), unclassified token")
                if member(t.lower) { hits += 1 }
            }
            for key in keys {
                let t = Token(start: 0, end: 1, kind: .word, capitalized: false, first: 0, key: key, lower: key)
                #expect(table.has(c, t) == member(key), "\(name), key \(key)")
            }
        }
        #expect(hits > 50, "the sample holds words of the classes")
    }

    @Test("the index gives, in order, every trigger pattern whose first word set can start at a token")
    func patternIndexKeepsOrder() {
        let patterns = Self.lexicon.triggerPatterns
        let index = Self.lexicon.triggerPatternIndex
        let tokens = Self.sampleTokens()
        var tried = 0
        for k in tokens.indices {
            let indexed = index.patterns(startingWith: tokens[k].lower) ?? []
            let starting = patterns.indices.filter { patterns[$0].first.firstKeys.contains(tokens[k].lower) }
            #expect(indexed == starting, "token \(k)")
            // Every pattern whose first set matches here is tried (the others could only give `.none`).
            let matching = patterns.indices.filter { patterns[$0].first.match(tokens, at: k, end: tokens.count) > 0 }
            #expect(matching.allSatisfy(indexed.contains), "token \(k)")
            tried += indexed.count
        }
        #expect(tried > 20, "the sample starts patterns")
    }
}
