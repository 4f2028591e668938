import Foundation
import Testing
@testable import CorpusModel

/// Each mention of a visit keeps what its own sentence says: status, date as stated, rules and where the visitor,
/// destination and date are written.
@Suite("Mentions with their own status, date, rules and offsets")
struct MentionReportTests {
    static let planThenVisit: [(String, String, String?)] = [
        ("plan.txt", "Indonesian President Joko Widodo will visit Vietnam in May.", "2023-04-03"),
        ("visit.txt", "Indonesian President Joko Widodo arrived in Việt Nam on May 10, 2023.", "2023-05-11"),
    ]

    @Test func plannedThenCarriedOutIsOneVisitWithAPlannedAndAnOccurredMention() throws {
        let (c, _) = Fixtures.corpus(Self.planThenVisit, gazetteer: Fixtures.fullGazetteer)
        #expect(c.visits.count == 1, "\(c.visitSummaries())")
        let visit = try #require(c.visits.first)
        #expect(visit.status == .occurred)
        #expect(visit.mentions.map(\.status) == [.planned, .occurred])
        #expect(visit.mentions.map { $0.date?.iso } == ["2023-05", "2023-05-10"])
        let planned = visit.mentions[0], occurred = visit.mentions[1]
        #expect(planned.rules.contains("status.planned.future-modal"))
        #expect(!occurred.rules.contains("status.planned.future-modal"))
        #expect(occurred.rules.allSatisfy { Rule(id: $0) != nil })
    }

    @Test func spansSliceTheDocumentTextToTheNamesAndDates() throws {
        let (c, _) = Fixtures.corpus(Self.planThenVisit, gazetteer: Fixtures.fullGazetteer)
        let visit = try #require(c.visits.first)
        let texts = visit.mentions.map { m in
            [m.visitorSpan, m.destinationSpan, m.dateSpan].map { $0.map { c.documents[m.document].slice($0) } }
        }
        #expect(texts == [["Joko Widodo", "Vietnam", "May"], ["Joko Widodo", "Việt Nam", "May 10, 2023"]])
        // Character offsets differ from byte offsets after a non-ASCII letter: "Việt Nam" is 8 characters, 10 bytes.
        let details = c.details(of: visit.mentions)
        let destination = try #require(details[1].destination)
        #expect(destination.bytes.count == 10 && destination.characters.count == 8)
        let date = try #require(details[1].date)
        #expect(date.bytes.lowerBound - date.characters.lowerBound == 2)
        let chars = Array(c.documents[1].text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(chars[date.characters])) == "May 10, 2023")
    }

    @Test func aMentionIsThirtyTwoBytesAndRoundTripsItsFields() {
        #expect(MemoryLayout<Mention>.stride == 32)
        var rules = RuleSet()
        rules.insert(.visitNoun)
        rules.insert(.statusPlannedFutureModal)
        let m = Mention(document: 7, sentence: 3, status: .negated, date: PartialDate(iso: "2019-02"), ruleSet: rules,
                        visitorSpan: 1000..<1011, destinationSpan: 1020..<1027, dateSpan: 990..<996)
        #expect(m.document == 7 && m.sentence == 3 && m.status == .negated && m.date?.iso == "2019-02")
        #expect(m.ruleSet == rules)
        #expect(m.visitorSpan == 1000..<1011 && m.destinationSpan == 1020..<1027 && m.dateSpan == 990..<996)
        let bare = Mention(document: 1, sentence: 2)
        #expect(bare.status == nil && bare.date == nil && bare.visitorSpan == nil && bare.ruleSet.isEmpty)
        // A span too far from the others to be stored in 16 bits is dropped, not wrapped.
        let far = Mention(document: 0, sentence: 0, visitorSpan: 10..<20, dateSpan: 100_000..<100_005)
        #expect(far.visitorSpan == 10..<20 && far.dateSpan == nil)
    }

    @Test func eventMentionsCarryTheirStatusDateAndRules() throws {
        let c = Fixtures.corpus("Vietnam and Indonesia established diplomatic relations in 1955.", date: "2023-04-03",
                                gazetteer: Fixtures.fullGazetteer)
        let event = try #require(c.events.first { $0.kind == .relationsEstablished })
        let m = try #require(event.mentions.first)
        #expect(m.status == .occurred && m.date?.iso == "1955" && m.rules == ["event.relations-established"])
        #expect(m.dateSpan.map { c.documents[0].slice($0) } == "1955")
    }

    @Test func theCacheCodecRoundTripsEveryFieldOfAMention() throws {
        let (c, _) = Fixtures.corpus(Self.planThenVisit, gazetteer: Fixtures.fullGazetteer)
        let mentions = try #require(c.visits.first).mentions + [Mention(document: 3, sentence: 9)]
        var w = ByteWriter()
        w.values(mentions)
        let decoded: [Mention] = try w.bytes.withUnsafeBytes { raw in
            var r = ByteReader(raw)
            return try r.values()
        }
        #expect(decoded == mentions)
        #expect(decoded.map(\.rules) == mentions.map(\.rules))
        #expect(ModelCodec.formatVersion >= 5)
    }
}

/// The same fields in exports: nested in the visits' JSON, and a `mentions` table for CSV.
@Suite("Mention fields in exports")
struct MentionExportTests {
    @Test func visitsNestTheirMentionsWithStatusDateRulesAndOffsets() throws {
        let (c, _) = Fixtures.corpus(MentionReportTests.planThenVisit, gazetteer: Fixtures.fullGazetteer)
        let record = try #require(Exporter.records(.visits, of: c).first)
        let mentions = try #require(record["mentions"] as? [[String: Any]])
        #expect(mentions.map { $0["status"] as? String } == ["planned", "occurred"])
        #expect(mentions.map { $0["date_text"] as? String } == ["May", "May 10, 2023"])
        let destination = try #require(mentions[1]["destination_span"] as? [String: Any])
        #expect(destination["text"] as? String == "Việt Nam")
        let start = try #require(destination["start"] as? Int), end = try #require(destination["end"] as? Int)
        #expect(c.documents[1].slice(start..<end) == "Việt Nam")
        #expect(destination["char_end"] as? Int == (destination["char_start"] as? Int).map { $0 + 8 })
        let json = try Exporter.render(.visits, of: c, format: .json)
        #expect(json.contains("\"visitor_span\"") && json.contains("status.planned.future-modal"))
    }

    @Test func theMentionsTableHasOneFlatRowPerReport() throws {
        let (c, _) = Fixtures.corpus(MentionReportTests.planThenVisit, gazetteer: Fixtures.fullGazetteer)
        let csv = Exporter.render(.mentions, of: c)
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines.first == Exporter.mentionColumns.joined(separator: ","))
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix(c.visitIDs[0] + ",plan.txt,1,Indonesian President Joko Widodo will visit Vietnam in May.,planned,2023-05,visit."))
        #expect(lines[1].hasSuffix(",May,55,58,55,58"))
        #expect(lines[2].contains(",occurred,2023-05-10,visit."))
        #expect(lines[2].hasSuffix(",Joko Widodo,21,32,21,32,Việt Nam,44,54,44,52,\"May 10, 2023\",58,70,56,68"))
    }
}

private extension Exporter {
    static func render(_ table: ExportTable, of corpus: Corpus) -> String {
        (try? render(table, of: corpus, format: .csv)) ?? ""
    }
}
