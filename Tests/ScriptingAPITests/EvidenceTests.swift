import Foundation
import LuaBridge
import Reports
import ScriptingAPI
import Testing

@Suite("Evidence behind rows and bars")
struct EvidenceTests {
    @Test func rowsAndBarsCarryTheirVisitsAndSentences() throws {
        let run = try ScriptRun()
        try run.run("""
            local q = corpus.visits{ to = "PRK", status = "occurred" }
            local byDecade = q:group_by("decade")
            local rows, values, evidence, categories = {}, {}, {}, {}
            for decade, visits in pairs(byDecade) do
              rows[#rows + 1] = { decade = decade, visits = #visits, evidence = visits }
            end
            table.sort(rows, function(a, b) return a.decade < b.decade end)
            for i, row in ipairs(rows) do categories[i] = tostring(row.decade); values[i] = row.visits; evidence[i] = row.evidence end
            report.table{ columns = { "decade", "visits" }, rows = rows }
            report.table{ columns = { "n" }, rows = { { 1 }, { 2 } }, evidence = { q:first(), q } }
            report.chart{ title = "t", categories = categories, series = { { name = "visits", values = values, evidence = evidence } } }
            """)
        let report = run.report.report
        let evidence = report.evidenceByID
        let tables = report.tables
        #expect(tables.count == 2)
        let rows = try #require(tables[0].evidence)
        #expect(rows.count == tables[0].rows.count)
        // Each row's evidence is as many visits as its count.
        for (row, ids) in zip(tables[0].rows, rows) {
            #expect(row[1] == .integer(ids.count))
            for id in ids { #expect(id.hasPrefix("visit-") && evidence[id] != nil) }
        }
        let first = try #require(evidence[rows[0][0]])
        #expect(!first.sentences.isEmpty)
        // The names in the sentence are marked, at real names of the text.
        let sentence = first.sentences[0]
        #expect(sentence.runs.contains { $0.highlighted })
        #expect(sentence.runs.map(\.text).joined() == sentence.text)
        // `evidence = {...}`: one visit, then a whole query.
        let second = try #require(tables[1].evidence)
        #expect(second[0].count == 1 && second[1].count >= second[0].count)
        let chart = try #require(report.charts.first)
        #expect(chart.evidence?[0].map(\.count) == rows.map(\.count))
        // The items are kept once however often they are named.
        #expect(Set(report.evidence?.map(\.id) ?? []).count == report.evidence?.count)
    }

    @Test func badEvidenceIsRefused() throws {
        let run = try ScriptRun()
        #expect(luaError { try run.run("report.table{columns = {'a'}, rows = {{1}}, evidence = {'visit 1'}}") }?.message
            .contains("report.table: evidence of row 1 must be a Visit or Event, an array of them or a query, got string") == true)
        #expect(luaError { try run.run("report.table{columns = {'a'}, rows = {{1}}, evidence = {{}, {}}}") }?.message
            .contains("'evidence' has 2 entries for 1 rows") == true)
        #expect(luaError { try run.run("report.table{columns = {'a'}, rows = {{a = 1, evidnce = {}}}}") }?.message
            .contains("unknown column 'evidnce' (did you mean 'evidence'?)") == true)
    }

    @Test func theRenderersShowTheEvidence() throws {
        let run = try ScriptRun()
        try run.run("""
            local q = corpus.visits{ to = "PRK", status = "occurred" }
            report.table{ columns = { "visitor" }, rows = { { q:first().visitor_name, evidence = q:first() } } }
            """)
        let report = run.report.report
        let html = render(report, as: .html)
        #expect(html.contains("<details class=\"evidence\"><summary>1 source item</summary>"))
        #expect(html.contains("<mark>") && html.contains("<q class=\"sentence\">"))
        let md = render(report, as: .md)
        #expect(md.contains("| Visitor | Evidence |") || md.contains("| visitor | Evidence |"))
        #expect(md.contains("[^e1-1]: ") && md.contains("**"))
        let json = render(report, as: .json)
        #expect(json.contains("\"evidence\" : [\n          [\n            \"visit-"))
        #expect(try Report.decode(json: json) == report)
    }
}

@Suite("Array rows")
struct ArrayRowTests {
    @Test func anArrayRowTakesOnlyEvidenceBesideItsCells() throws {
        let run = try ScriptRun()
        try run.run("report.table{columns = {'a', 'b'}, rows = {{1, 2, evidence = corpus.visits{}:first()}}}")
        #expect(run.report.report.tables.first?.evidence?.first?.count == 1)
        #expect(luaError { try run.run("report.table{columns = {'a'}, rows = {{1, evidense = {}}}}") }?.message
            .contains("report.table: row 1: unknown field 'evidense' (did you mean 'evidence'?)") == true)
    }
}

@Suite("Evidence cap")
struct EvidenceCapTests {
    /// A row and a bar naming every visit, with a limit of 2: each keeps the 2 most confident, records
    /// the total, and the report builds those 2 items only (the bar names the same visits as the row).
    @Test func aFigureKeepsTheMostConfidentItemsAndCountsTheRest() throws {
        let run = try ScriptRun()
        run.report.builder.evidenceLimit = 2
        try run.run("""
            local q = corpus.visits{}
            report.table{ columns = { "n" }, rows = { { corpus.visit_count, evidence = q } } }
            report.chart{ title = "t", categories = { "all" }, series = { { name = "n", values = { corpus.visit_count }, evidence = { q } } } }
            """)
        let report = run.report.report
        let visits = bundledCorpus.corpus.visits
        #expect(visits.count > 2)
        let table = try #require(report.tables.first)
        let kept = try #require(table.evidence?.first)
        #expect(kept.count == 2)
        #expect(table.evidenceTotals == [visits.count])
        let chart = try #require(report.charts.first)
        #expect(chart.evidence == [[kept]] && chart.evidenceTotals == [[visits.count]])
        #expect(report.evidence?.map(\.id).sorted() == kept.sorted(), "only the kept items are built, once")
        // No visit left out is more confident than one kept.
        let keptIndices = Set(kept.compactMap { Int($0.dropFirst("visit-".count)).map { $0 - 1 } })
        let lowestKept = keptIndices.map { visits[$0].confidence }.min() ?? 0
        #expect(visits.indices.filter { !keptIndices.contains($0) }.allSatisfy { visits[$0].confidence <= lowestKept })
        // The renderers say how many are shown.
        let shown = "2 of \(visits.count) source items shown"
        #expect(render(report, as: .html).contains("<summary>\(shown)</summary>"))
        #expect(render(report, as: .md).contains("(\(shown))"))
        let json = render(report, as: .json)
        #expect(json.contains("\"evidenceTotals\" : [\n          \(visits.count)\n        ]"))
        #expect(try Report.decode(json: json) == report)
    }

    @Test func aFigureUnderTheLimitRecordsNoTotal() throws {
        let run = try ScriptRun()
        try run.run("""
            local q = corpus.visits{}
            report.table{ columns = { "n" }, rows = { { 1, evidence = { q:first(), q:first() } } } }
            """)
        let table = try #require(run.report.report.tables.first)
        #expect(table.evidence == [[try #require(run.report.report.evidence?.first?.id)]], "a visit named twice is kept once")
        #expect(table.evidenceTotals == nil)
        #expect(!render(run.report.report, as: .html).contains("shown"))
    }
}
