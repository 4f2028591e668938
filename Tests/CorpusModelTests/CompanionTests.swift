import Foundation
import Testing
@testable import CorpusModel

/// Companions and substitutes of a trip (issue 9): members of a delegation go where the leader goes (rules
/// visit.accompanying-member, visit.accompanied-by); a substitute goes where the one he stands in for was to go
/// (rule visit.substitute). Sentences written for each class, with counter-examples.
@Suite("Companions and substitutes")
struct CompanionTests {
    static func visits(_ text: String, _ prefix: String, date: String = "2024-06-15") -> [String] {
        Fixtures.visitSummaries([(date, text)]).filter { $0.hasPrefix(prefix) }
    }

    @Test("a member named after 'accompanied by' travels with the leader before it, dated as his visit")
    func accompaniedBy() {
        let text = "Prime Minister Pham Minh Chinh arrived in Tokyo on June 3, accompanied by Foreign Minister Bui Thanh Son."
        #expect(Self.visits(text, "Bùi Thanh Sơn") == ["Bùi Thanh Sơn -> JPN 2024-06-03 occurred"])
        // Accompanied by his host: a person of another country is no member.
        let host = "Prime Minister Pham Minh Chinh toured Osaka on June 3, accompanied by Japanese Prime Minister Fumio Kishida."
        #expect(Self.visits(host, "Fumio Kishida").isEmpty)
    }

    @Test("the trip is the one the paragraph told before the members' sentence, however long before the article")
    func tripOfTheParagraph() {
        let text = "- 14 June 2019: Prime Minister Nguyen Xuan Phuc arrived in Tokyo for talks. Foreign Minister Pham Binh Minh travelled with him."
        #expect(Self.visits(text, "Phạm Bình Minh") == ["Phạm Bình Minh -> JPN 2019-06-14 occurred"])
    }

    @Test("the trip is the places the members' clause names, not the leader's other stops")
    func placesTheClauseNames() {
        let text = "Prime Minister Pham Minh Chinh visited Tokyo on June 3 and Manila on June 5. Foreign Minister Bui Thanh Son, who travelled with him to Manila, met his counterpart there."
        #expect(Self.visits(text, "Bùi Thanh Sơn") == ["Bùi Thanh Sơn -> PHL 2024-06-05 occurred"])
    }

    @Test("a substitute goes where the one he stands in for was to go, occurred or planned as his clause says")
    func substitute() {
        let went = "Indonesian President Joko Widodo called off his trip to the summit in Tokyo on June 3. Foreign Minister Retno Marsudi went in his place."
        #expect(Self.visits(went, "Retno Marsudi") == ["Retno Marsudi -> JPN 2024-06-03 occurred"])
        let will = "Indonesian President Joko Widodo will skip the summit in Tokyo on June 20. Foreign Minister Retno Marsudi will represent him."
        #expect(Self.visits(will, "Retno Marsudi") == ["Retno Marsudi -> JPN 2024-06-20 planned"])
    }

    @Test("no substitute visit when the one stood in for made his trip, or without a substitute phrase", arguments: [
        "Indonesian President Joko Widodo visited Tokyo on June 3. Foreign Minister Retno Marsudi went in his place to the talks in Jakarta.",
        "Indonesian President Joko Widodo called off his trip to the summit in Tokyo on June 3. Foreign Minister Retno Marsudi stayed in Jakarta.",
    ])
    func noSubstitute(_ text: String) {
        #expect(!Self.visits(text, "Retno Marsudi").contains { $0.contains("JPN") })
    }
}
