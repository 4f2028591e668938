import XCTest
@testable import CorpusModel

/// ReviewSelection: which visits the review page lists, and why.
final class ReviewSelectionTests: XCTestCase {
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

    func testAWellSupportedVisitHasNoReason() {
        XCTAssertEqual(reasons(visit(0, mentions: [mention(0, .occurred, "2019-02-26"), mention(1, .occurred, "2019-02")])), [])
    }

    func testLowConfidenceFollowsTheThreshold() {
        let v = visit(0, confidence: 0.5, mentions: [mention(0), mention(1)])
        XCTAssertEqual(reasons(v), [.lowConfidence])
        XCTAssertEqual(reasons(v, threshold: 0.5), [])
    }

    func testOneArticleIsASingleSourceHoweverManySentences() {
        XCTAssertEqual(reasons(visit(0, mentions: [mention(3), mention(3)])), [.singleSource])
    }

    func testDatesThatCannotBothHoldConflictButNestedOnesDoNot() {
        XCTAssertEqual(reasons(visit(0, mentions: [mention(0, .occurred, "2019-02-26"), mention(1, .occurred, "2019-03")])),
                       [.conflictingDates])
        XCTAssertEqual(reasons(visit(0, mentions: [mention(0, .occurred, "2019"), mention(1, .occurred, "2019-02-26")])), [])
    }

    func testStatusesThatDifferConflictAndUnknownOnesAreIgnored() {
        XCTAssertEqual(reasons(visit(0, mentions: [mention(0, .occurred), mention(1, .planned)])), [.conflictingStatuses])
        XCTAssertEqual(reasons(visit(0, mentions: [mention(0, .occurred), mention(1, nil)])), [])
    }

    func testADiscoveredVisitorIsListed() {
        XCTAssertEqual(reasons(visit(0, visitor: 1, mentions: [mention(0), mention(1)])), [.discoveredVisitor])
    }

    func testCandidatesKeepModelOrderAndEveryReason() {
        let visits = [
            visit(0, mentions: [mention(0), mention(1)]),
            visit(1, visitor: 1, confidence: 0.2, mentions: [mention(2, .planned), mention(2, .occurred)]),
            visit(2, mentions: [mention(4)]),
        ]
        let corpus = Corpus(entities: entities, visits: visits)
        XCTAssertEqual(ReviewSelection().candidates(in: corpus), [
            ReviewCandidate(visit: 1, reasons: [.lowConfidence, .singleSource, .conflictingStatuses, .discoveredVisitor]),
            ReviewCandidate(visit: 2, reasons: [.singleSource]),
        ])
    }
}
