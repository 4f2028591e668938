import Foundation
import Testing
@testable import CorpusModel

/// Gold matching: former states and their successors, the `document` field, unknown keys refused.
@Suite("Evaluation against gold files")
struct EvaluationTests {
    static let texts: [(String, String, String?)] = [
        ("a.txt", "President Ho Chi Minh visited the Soviet Union in July 1955.", "1955-08-01"),
        ("b.txt", "Kim Jong Un visited Vietnam in February 2019.", "2019-03-01"),
    ]

    @Test("a former state and its successor match each other, either way round")
    func successors() {
        let (c, _) = Fixtures.corpus(Self.texts, gazetteer: Fixtures.fullGazetteer)
        #expect(c.visits.map(\.destination).sorted() == ["SUN", "VNM"])
        let gold = GoldFile(visits: [GoldVisit(visitor: "Ho Chi Minh", destination: "RUS", when: "1955-07")])
        let r = Evaluator.evaluate(c, gold: gold)
        #expect(r.matches.count == 1 && r.misses.isEmpty)
        let wrong = Evaluator.evaluate(c, gold: GoldFile(visits: [GoldVisit(visitor: "Ho Chi Minh", destination: "POL", when: "1955-07")]))
        #expect(wrong.matches.isEmpty && wrong.misses.count == 1)
    }

    @Test("a row with a document matches only a visit reported there")
    func document() {
        let (c, _) = Fixtures.corpus(Self.texts, gazetteer: Fixtures.fullGazetteer)
        let right = GoldVisit(visitor: "Kim Jong Un", destination: "VNM", when: "2019-02", document: "b.txt", note: "Hanoi summit")
        #expect(Evaluator.evaluate(c, gold: GoldFile(visits: [right])).matches.count == 1)
        let elsewhere = GoldVisit(visitor: "Kim Jong Un", destination: "VNM", when: "2019-02", document: "a.txt")
        #expect(Evaluator.evaluate(c, gold: GoldFile(visits: [elsewhere])).misses.count == 1)
    }

    @Test("the gold file accepts document and note, and refuses unknown keys naming the file and row")
    func keys() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("good.json")
        try #"{"visits": [{"visitor": "Kim Jong Un", "destination": "VNM", "when": "2019", "document": "b.txt", "note": "x"}]}"#
            .write(to: good, atomically: true, encoding: .utf8)
        #expect(try GoldFile.load(path: good.path).visits.first?.document == "b.txt")
        let bad = dir.appendingPathComponent("bad.json")
        try #"{"visits": [{"visitor": "A", "destination": "VNM", "when": "2019"}, {"visitor": "Kim Jong Un", "destinaton": "VNM", "when": "2019"}]}"#
            .write(to: bad, atomically: true, encoding: .utf8)
        let error = try #require(throws: GoldFileError.self) { try GoldFile.load(path: bad.path) }
        #expect(error.description.contains("bad.json") && error.description.contains("visits row 2")
                && error.description.contains("did you mean 'destination'"), "\(error)")
        let top = dir.appendingPathComponent("top.json")
        try #"{"visit": []}"#.write(to: top, atomically: true, encoding: .utf8)
        let topError = try #require(throws: GoldFileError.self) { try GoldFile.load(path: top.path) }
        #expect(topError.description.contains("did you mean 'visits'"))
    }
}
