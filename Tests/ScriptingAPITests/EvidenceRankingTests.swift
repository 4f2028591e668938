import Foundation
@testable import ScriptingAPI
import Testing

/// A figure's evidence is the first few of its items by rank, picked without sorting them all.
@Suite("Evidence ranking")
struct EvidenceRankingTests {
    /// The references of every visit and 40 events of the bundled corpus, shuffled.
    static func references(seed: UInt64) -> [EvidenceRef] {
        var generator = SeededGenerator(seed: seed)
        let refs = bundledCorpus.corpus.visits.indices.map { EvidenceRef.visit($0) }
            + bundledCorpus.events.indices.prefix(40).map { EvidenceRef.event($0) }
        return refs.shuffled(using: &generator)
    }

    @Test func theBestAreThePrefixOfTheRanking() {
        let refs = Self.references(seed: 7)
        let ranked = EvidenceRef.ranked(refs, corpus: bundledCorpus)
        // Visits of the same confidence and date are there, so the ties' order counts.
        let confidences = bundledCorpus.corpus.visits.map(\.confidence)
        #expect(Set(confidences).count < confidences.count)
        for limit in [0, 1, 2, 3, 5, 20, refs.count - 1, refs.count, refs.count + 5] {
            #expect(EvidenceRef.best(refs, limit: limit, corpus: bundledCorpus) == Array(ranked.prefix(limit)), "limit \(limit)")
        }
        // Whatever order the references come in.
        for seed: UInt64 in [1, 2, 3] {
            #expect(EvidenceRef.best(Self.references(seed: seed), limit: 20, corpus: bundledCorpus) == Array(ranked.prefix(20)))
        }
    }

    @Test func marksTellEachVisitAndEventApart() {
        var marks = EvidenceMarks()
        let inserted = [marks.insert(.visit(3)), marks.insert(.visit(3)), marks.insert(.event(3))]
        #expect(inserted == [true, false, true], "an event is not the visit of the same index")
        let more = [0, 63, 64, 100_000].map { marks.insert(.visit($0)) }
        #expect(more == [true, true, true, true])
        let marked = marks
        for index in [0, 3, 63, 64, 100_000] { #expect(marked.contains(.visit(index))) }
        for index in [1, 62, 65, 99_999, 100_001, 5_000_000] { #expect(!marked.contains(.visit(index))) }
        #expect(marked.contains(.event(3)) && !marked.contains(.event(0)) && !marked.contains(.event(100_000)))
    }
}

/// A small deterministic generator (SplitMix64), so that a failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
