import CorpusModel
import Foundation
import LuaBridge
import Reports
import ScriptingAPI
import Testing

/// A visit's mentions in Lua: each with its own status, date as stated, rules and the spans of the visitor, the
/// destination and the date, whose offsets slice the document's text (bytes with `string.sub`, characters with
/// `utf8.offset`).
@Suite("Mention fields in Lua")
struct MentionFieldsTests {
    static let corpus: SharedCorpus = {
        let (gazetteer, _) = Gazetteer.load(directory: repository.appendingPathComponent("Data/gazetteer"))
        let texts: [(name: String, text: String, entry: ManifestEntry?)] = [
            ("plan.txt", "Indonesian President Joko Widodo will visit Vietnam in May.", ManifestEntry(file: "plan.txt", date: PartialDate(iso: "2023-04-03"))),
            ("visit.txt", "Indonesian President Joko Widodo arrived in Việt Nam on May 10, 2023.", ManifestEntry(file: "visit.txt", date: PartialDate(iso: "2023-05-11"))),
        ]
        return SharedCorpus(CorpusBuilder(gazetteer: gazetteer).build(texts: texts).0)
    }()

    @Test func eachMentionHasItsStatusDateRulesAndSpans() throws {
        let run = try ScriptRun(corpus: Self.corpus)
        let result = try run.run("""
            local v = corpus.visits{}:first()
            local out = {}
            for _, m in ipairs(v.mentions) do
              local text = m.document.text
              local function bytes(s) return text:sub(s.byte_start, s.byte_end) end
              local function chars(s) return text:sub(utf8.offset(text, s.char_start), utf8.offset(text, s.char_end + 1) - 1) end
              out[#out + 1] = table.concat({ m.status, tostring(m.date), m.date_text, bytes(m.visitor_span),
                bytes(m.destination_span), chars(m.destination_span), bytes(m.date_span), chars(m.date_span),
                m.destination_span.text, tostring(#m.rules > 0) }, "|")
            end
            return table.concat(out, "\\n")
            """)
        #expect(result.first == .string("""
            planned|2023-05|May|Joko Widodo|Vietnam|Vietnam|May|May|Vietnam|true
            occurred|2023-05-10|May 10, 2023|Joko Widodo|Việt Nam|Việt Nam|May 10, 2023|May 10, 2023|Việt Nam|true
            """))
    }

    @Test func characterAndByteOffsetsDifferAfterANonASCIILetter() throws {
        let run = try ScriptRun(corpus: Self.corpus)
        let result = try run.run("""
            local m = corpus.visits{}:first().mentions[2]
            local s = m.date_span
            return s.byte_start - s.char_start, s.byte_end - s.byte_start + 1, m.rules[1]
            """)
        #expect(result.count == 3)
        #expect(result[0] == .integer(2))
        #expect(result[1] == .integer(12))
        if case .string(let rule) = result[2] { #expect(rule.contains(".")) } else { Issue.record("rules[1] is not a string") }
    }

    @Test func theEvidenceHighlightsTheMentionsNamesAndDates() throws {
        let run = try ScriptRun(corpus: Self.corpus)
        try run.run("report.table{ columns = { 'n' }, rows = { { 1, evidence = corpus.visits{}:first() } } }")
        let item = try #require(run.report.report.evidence?.first)
        let marked = item.sentences.map { $0.runs.filter(\.highlighted).map(\.text) }
        // Every name the model found (the demonym too), and the date the mention was read from.
        #expect(marked == [["Indonesian", "Joko Widodo", "Vietnam", "May"], ["Indonesian", "Joko Widodo", "Việt Nam", "May 10, 2023"]])
        let html = render(run.report.report, as: .html)
        #expect(html.contains("<mark>May 10, 2023</mark>") && html.contains("<mark>Việt Nam</mark>"))
    }
}
