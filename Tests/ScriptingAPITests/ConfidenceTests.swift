import CorpusModel
import Foundation
import LuaBridge
import ScriptingAPI
import Testing

@Suite("Confidence in Lua")
struct ConfidenceTests {
    /// The bundled corpus scored by the bundled visit scorer (Data/model/visit-scorer.tsv).
    static let scored: SharedCorpus = {
        let (gazetteer, _) = Gazetteer.load(directory: repository.appendingPathComponent("Data/gazetteer"))
        var builder = CorpusBuilder(gazetteer: gazetteer)
        builder.scorer = try! VisitScorer.load(path: repository.appendingPathComponent("Data/model/visit-scorer.tsv").path)
        builder.scorer?.filters = false
        return SharedCorpus(builder.build(directory: repository.appendingPathComponent("Data/corpus")).0)
    }()

    @Test func visitsAndEventsHaveAConfidenceBetweenZeroAndOne() throws {
        let run = try ScriptRun(corpus: Self.scored)
        let result = try run.run("""
            local n, distinct, seen = 0, 0, {}
            for _, v in ipairs(corpus.visits{}:list()) do
              assert(type(v.confidence) == "number" and v.confidence >= 0 and v.confidence <= 1)
              if not seen[v.confidence] then seen[v.confidence] = true; distinct = distinct + 1 end
              n = n + 1
            end
            for _, e in ipairs(corpus.events{}:list()) do
              assert(type(e.confidence) == "number" and e.confidence >= 0 and e.confidence <= 1)
              if e.visit then assert(e.confidence == e.visit.confidence) end
            end
            return n, distinct
            """)
        #expect(result[0].integerValue == Int64(Self.scored.corpus.visits.count))
        #expect((result[1].integerValue ?? 0) > 1) // the scorer tells visits apart
    }

    @Test func minConfidenceFiltersVisitsAndEvents() throws {
        let run = try ScriptRun(corpus: Self.scored)
        let confidences = Self.scored.corpus.visits.map(\.confidence).sorted()
        let middle = confidences[confidences.count / 2]
        let result = try run.run("""
            local bound = \(middle)
            local by_hand = 0
            for _, v in ipairs(corpus.visits{}:list()) do if v.confidence >= bound then by_hand = by_hand + 1 end end
            local events_by_hand = 0
            for _, e in ipairs(corpus.events{}:list()) do if e.confidence >= bound then events_by_hand = events_by_hand + 1 end end
            return corpus.visits{min_confidence = bound}:count(), by_hand, corpus.visits{}:count(),
                   corpus.events{min_confidence = bound}:count(), events_by_hand, corpus.visits{min_confidence = 1.0}:count()
            """)
        let expected = confidences.filter { $0 >= middle }.count
        #expect(result[0].integerValue == Int64(expected) && result[1].integerValue == Int64(expected))
        #expect((result[0].integerValue ?? 0) < (result[2].integerValue ?? 0))
        #expect(result[3].integerValue == result[4].integerValue)
        #expect(result[5].integerValue == Int64(confidences.filter { $0 >= 1 }.count))
        let error = luaError { try run.run("return corpus.visits{min_confidence = 2}") }
        #expect(error?.message.contains("filter 'min_confidence' must be a number from 0 to 1") == true)
        let typo = luaError { try run.run("return corpus.visits{min_confidense = 0.5}") }
        #expect(typo?.message.contains("did you mean 'min_confidence'?") == true)
    }
}
