import Foundation
import Testing
@testable import CorpusModel

/// Every visit and event names the rules that produced it; merged ones carry the union; `--by-rule` scores them.
@Suite("Rule ids and provenance")
struct RuleProvenanceTests {
    func corpus(_ text: String, date: String) -> Corpus {
        Fixtures.corpus(text, date: date, gazetteer: Fixtures.fullGazetteer)
    }

    @Test("each path that makes a visit names its rule", arguments: [
        ("Indonesian President Joko Widodo arrived in Hanoi on Monday.", "2023-09-12",
         ["visit.travel-to", "visitor.subject", "destination.after-trigger", "date.nearest", "status.occurred.cue"]),
        ("Indonesian President Joko Widodo was in Hanoi on Monday.", "2023-09-12", ["visit.presence", "status.occurred.default"]),
        ("Indonesian President Joko Widodo will pay a state visit to Vietnam next month.", "2023-09-12",
         ["visit.noun", "kind.word-before", "status.planned.future-modal"]),
        ("Prime Minister Pham Minh Chinh welcomed Japanese Prime Minister Fumio Kishida in Hanoi on Monday.", "2023-05-03",
         ["visit.host-welcomes", "visitor.named-by-trigger"]),
        ("Indonesian President Joko Widodo skipped the G20 summit in New Delhi.", "2023-09-12",
         ["visit.attend-gathering", "status.negated.skip-verb"]),
    ] as [(String, String, [String])])
    func rulesOfOnePath(_ text: String, _ date: String, _ expected: [String]) throws {
        let c = corpus(text, date: date)
        let visit = try #require(c.visits.first, "no visit in: \(text)")
        for id in expected { #expect(visit.rules.contains(id), "\(id) missing from \(visit.rules) for: \(text)") }
        // Ids come from the registry, in its order.
        #expect(visit.rules == visit.ruleSet.rules.map(\.id))
        #expect(visit.rules.allSatisfy { Rule(id: $0) != nil })
    }

    @Test("a visit reported by two sentences carries the rules of both")
    func mergedVisitsCarryTheUnion() throws {
        let c = corpus("Indonesian President Joko Widodo arrived in Hanoi on September 11. "
                       + "The visit to Vietnam is his first since 2018.", date: "2023-09-12")
        #expect(c.visits.count == 1)
        let visit = try #require(c.visits.first)
        #expect(visit.rules.contains("visit.travel-to") && visit.rules.contains("visit.refers-back"))
        // The timeline's event of the visit has the same rules.
        #expect(c.timeline.first { $0.visit == visit.id }?.rules == visit.rules)
    }

    @Test("other events name their rule")
    func otherEvents() {
        let c = corpus("Vietnam and Indonesia established diplomatic relations in 1955. "
                       + "President Joko Widodo held talks with President Vo Van Thuong.", date: "2023-09-12")
        #expect(c.events.contains { $0.kind == .relationsEstablished && $0.rules == ["event.relations-established"] })
        #expect(c.events.contains { $0.kind == .meeting && $0.rules.contains("event.meeting") })
    }

    @Test("every rule id is unique and documented in docs/corpus-model.md's rules table")
    func rulesAreDocumented() throws {
        #expect(Set(Rule.allCases.map(\.id)).count == Rule.allCases.count)
        let doc = try String(contentsOf: Fixtures.root.appendingPathComponent("docs/corpus-model.md"), encoding: .utf8)
        for rule in Rule.allCases { #expect(doc.contains("| `\(rule.id)` |"), "\(rule.id) not in the rules table") }
    }

    @Test("every export format has the rules of each visit and event")
    func exports() throws {
        let c = corpus("Indonesian President Joko Widodo arrived in Hanoi on Monday.", date: "2023-09-12")
        let json = try Exporter.render(.visits, of: c, format: .json)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect((rows.first?["rules"] as? [String])?.contains("visit.travel-to") == true)
        #expect(try Exporter.render(.events, of: c, format: .jsonl).contains("\"rules\":[\"visit.travel-to\""))
        let csv = try Exporter.render(.visits, of: c, format: .csv).split(separator: "\r\n")
        #expect(csv.first?.split(separator: ",").contains("rules") == true)
        #expect(csv.dropFirst().first?.contains("visit.travel-to; visitor.subject") == true)
    }

    @Test("--by-rule: of the visits a rule contributed to, the share that match; of the gold rows, the share found with it")
    func scoresByRule() throws {
        let c = corpus("Indonesian President Joko Widodo arrived in Hanoi on Monday. "
                       + "Japanese Prime Minister Fumio Kishida will visit Laos in October.", date: "2023-09-12")
        let gold = GoldFile(visits: [
            GoldVisit(visitor: "Joko Widodo", destination: "VNM", when: "2023-09"),
            GoldVisit(visitor: "Fumio Kishida", destination: "THA", when: "2023-10", status: "planned"),
        ])
        let scores = Evaluator.scoresByRule(Evaluator.evaluate(c, gold: gold))
        let travel = try #require(scores.first { $0.rule == .visitTravelTo })
        #expect(travel.predicted == 1 && travel.correct == 1 && travel.precision == 1 && travel.recall == 0.5)
        let modal = try #require(scores.first { $0.rule == .statusPlannedFutureModal })
        #expect(modal.predicted == 1 && modal.correct == 0 && modal.precision == 0 && modal.recall == 0)
        let subject = try #require(scores.first { $0.rule == .visitorSubject })
        #expect(subject.predicted == 2 && subject.correct == 1 && subject.precision == 0.5)
        #expect(!scores.contains { $0.rule == .eventMeeting })
        #expect(Evaluator.renderByRule(Evaluator.evaluate(c, gold: gold)).contains("visit.travel-to"))
    }
}
