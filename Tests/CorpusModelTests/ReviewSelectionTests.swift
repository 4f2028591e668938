import Testing
@testable import CorpusModel

/// ReviewSelection: which visits the review page lists, and why.
@Suite("Review selection")
struct ReviewSelectionTests {
    private let entities = [
        Entity(id: "known", kind: .person, name: "Known Person"),
        Entity(id: "found", kind: .person, name: "Found Person", discovered: true),
    ]

    private func mention(_ document: Int, _ status: VisitStatus? = .occurred, _ date: String? = nil) -> Mention {
        Mention(document: document, sentence: 0, status: status, date: date.flatMap { PartialDate(iso: $0) })
    }

    private func visit(_ id: Int, visitor: Int = 0, confidence: Double = 0.9, mentions: [Mention]) -> Visit {
        Visit(id: id, visitor: visitor, visitorCountry: "VNM", destination: "PRK", start: PartialDate(iso: "2019-02-26"),
              mentions: mentions, confidence: confidence)
    }

    private func reasons(_ v: Visit, threshold: Double = 0.6) -> [ReviewReason] {
        ReviewSelection(minimumConfidence: threshold).reasons(v, entities: entities)
    }

    @Test func aWellSupportedVisitHasNoReason() {
        #expect(reasons(visit(0, mentions: [mention(0, .occurred, "2019-02-26"), mention(1, .occurred, "2019-02")])) == [])
    }

    @Test func lowConfidenceFollowsTheThreshold() {
        let v = visit(0, confidence: 0.5, mentions: [mention(0), mention(1)])
        #expect(reasons(v) == [.lowConfidence])
        #expect(reasons(v, threshold: 0.5) == [])
    }

    @Test func oneArticleIsASingleSourceHoweverManySentences() {
        #expect(reasons(visit(0, mentions: [mention(3), mention(3)])) == [.singleSource])
    }

    @Test func datesThatCannotBothHoldConflictButNestedOnesDoNot() {
        #expect(reasons(visit(0, mentions: [mention(0, .occurred, "2019-02-26"), mention(1, .occurred, "2019-03")])) == [.conflictingDates])
        #expect(reasons(visit(0, mentions: [mention(0, .occurred, "2019"), mention(1, .occurred, "2019-02-26")])) == [])
    }

    @Test func statusesThatDifferConflictAndUnknownOnesAreIgnored() {
        #expect(reasons(visit(0, mentions: [mention(0, .occurred), mention(1, .planned)])) == [.conflictingStatuses])
        #expect(reasons(visit(0, mentions: [mention(0, .occurred), mention(1, nil)])) == [])
    }

    @Test func aDiscoveredVisitorIsListed() {
        #expect(reasons(visit(0, visitor: 1, mentions: [mention(0), mention(1)])) == [.discoveredVisitor])
    }

    @Test func candidatesKeepModelOrderAndEveryReason() {
        let visits = [
            visit(0, mentions: [mention(0), mention(1)]),
            visit(1, visitor: 1, confidence: 0.2, mentions: [mention(2, .planned), mention(2, .occurred)]),
            visit(2, mentions: [mention(4)]),
        ]
        let corpus = Corpus(entities: entities, visits: visits)
        #expect(ReviewSelection().candidates(in: corpus) == [
            ReviewCandidate(visit: 1, reasons: [.lowConfidence, .singleSource, .conflictingStatuses, .discoveredVisitor]),
            ReviewCandidate(visit: 2, reasons: [.singleSource]),
        ])
    }
}
