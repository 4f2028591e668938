import CorpusModel
import Foundation
import LuaBridge
import Reports
import ScriptingAPI
import Testing

@Suite("The Lua API over the bundled corpus")
struct APITests {
    @Test func theEventCountIsTheTimelinesWithoutBuildingIt() throws {
        let (gazetteer, _) = Gazetteer.load(directory: repository.appendingPathComponent("Data/gazetteer"))
        let (corpus, _) = CorpusBuilder(gazetteer: gazetteer).build(directory: repository.appendingPathComponent("Data/corpus"))
        let shared = SharedCorpus(corpus)
        let counted = try ScriptRun(corpus: shared).run("return corpus.event_count, corpus.events{}:count()")
        #expect(counted.map(\.integerValue) == [Int64(shared.events.count), Int64(shared.events.count)])
        #expect(shared.events.count == corpus.timeline.count && shared.events.count > corpus.visits.count)
    }

    @Test func visitsPerDecadeAggregatesInSwift() throws {
        let run = try ScriptRun()
        let result = try run.run("""
            local counts = corpus.visits{min_level = "high", status = "occurred"}:count_by("decade")
            local decades = {}
            for decade in pairs(counts) do decades[#decades + 1] = decade end
            table.sort(decades)
            local parts = {}
            for _, decade in ipairs(decades) do parts[#parts + 1] = decade .. "s " .. counts[decade] end
            return table.concat(parts, ", ")
            """)
        #expect(result.first?.stringValue == "1950s 2, 1960s 2, 2000s 3, 2010s 1, 2020s 3")
    }

    @Test func aggregationByFunctionMatchesAggregationByKey() throws {
        let run = try ScriptRun()
        let result = try run.run("""
            local q = corpus.visits{status = "occurred"}
            local function same(field, f)
              local byKey, byFunction = q:count_by(field), q:count_by(f)
              for k, n in pairs(byKey) do if byFunction[k] ~= n then return false end end
              for k, n in pairs(byFunction) do if byKey[k] ~= n then return false end end
              return next(byKey) ~= nil
            end
            -- "destination" goes through the keys, "year" and "decade" through the integer columns.
            local ok = same("destination", function(v) return v.destination end)
                and same("year", function(v) return v.year end)
                and same("decade", function(v) return v.decade end)
                and same("host", function(v) return v.host end)
                and same("year", function(v) return v.start_date and v.start_date.year end)
            return ok, q:count(), #q
            """)
        #expect(result[0] == .boolean(true))
        #expect(result[1] == result[2])
        #expect((result[1].integerValue ?? 0) >= 13)
    }

    @Test func queriesFilterSortIterateAndGroup() throws {
        let run = try ScriptRun()
        let result = try run.run("""
            local q = corpus.visits{to = "North Korea", status = "occurred"}:sort_by("start_date")
            local years = {}
            for v in q do years[#years + 1] = v.year end
            local first = q:first()
            local grouped = q:group_by("visitor_country")
            local kept = q:where(function(v) return v.year and v.year > 2000 end):count()
            return table.concat(years, ","), first.visitor.name, #grouped.VNM, kept,
                   corpus.visits{to = "PRK", status = "occurred"}:count() == q:count()
            """)
        let years = (result[0].stringValue ?? "").split(separator: ",").compactMap { Int($0) }
        #expect(years == years.sorted())
        #expect(years.contains(1957) && years.contains(2025))
        #expect(result[1] == .string("Hồ Chí Minh"))
        #expect(result[3].integerValue == Int64(years.filter { $0 > 2000 }.count))
        #expect(result[4] == .boolean(true))
    }

    @Test func unknownFiltersAndKeysAreRefusedWithAHint() throws {
        let run = try ScriptRun()
        let filter = try #require(luaError { try run.run("return corpus.visits{min_levle = 'high'}") })
        #expect(filter.message.contains("unknown filter 'min_levle' (did you mean 'min_level'?)"))
        #expect(filter.chunk == "script.lua")
        let key = try #require(luaError { try run.run("return corpus.visits():count_by('decad')") })
        #expect(key.message.contains("unknown key 'decad' (did you mean 'decade'?)"))
        let choice = try #require(luaError { try run.run("return corpus.visits{status = 'done'}") })
        #expect(choice.message.contains("must be one of occurred, planned, negated"))
        let country = try #require(luaError { try run.run("return corpus.visits{to = 'Atlantis'}") })
        #expect(country.message.contains("unknown country 'Atlantis'"))
    }

    @Test func objectsExposeTheModelLazily() throws {
        let run = try ScriptRun()
        let result = try run.run("""
            local lam = corpus.entity("to lam")
            local office = lam:office_at("2025-10-09")
            local earlier = lam:office_at(dates.parse("2020"))
            local v = corpus.visits{visitor = lam, to = "PRK"}:first()
            local doc = v.mentions[1].document
            return lam.name, lam.kind, office.level, earlier.level, v.kind, v.level, v.start_date.iso,
                   v.start_date < v.end_date, doc.language, type(doc.title), #doc.sentences > 0,
                   corpus.country("DPRK").id, tostring(dates.parse("1961-06")), dates.parse("1957").decade
            """)
        #expect(result[0] == .string("Tô Lâm"))
        #expect(result[1] == .string("person"))
        #expect(result[2] == .string("head_of_party"))
        #expect(result[3] == .string("minister"))
        #expect(result[4] == .string("state"))
        #expect(result[6] == .string("2025-10-09"))
        #expect(result[7] == .boolean(true))
        #expect(result[10] == .boolean(true))
        #expect(result[11] == .string("PRK"))
        #expect(result[12] == .string("1961-06"))
        #expect(result[13] == .integer(1950))
    }

    @Test func visitsNameTheirHosts() throws {
        let run = try ScriptRun()
        let result = try run.run("""
            local lam = corpus.entity("to lam")
            local v = corpus.visits{visitor = lam, to = "PRK"}:first()
            assert(v.host.name == "Kim Jong Un", tostring(v.host))
            assert(#v.hosts == 1 and v.hosts[1] == v.host)
            local hostless = corpus.visits{visitor = corpus.entity("Ho Chi Minh")}:first()
            assert(hostless.host == nil and #hostless.hosts == 0)
            local by_host = corpus.visits():count_by("host")
            local kim = 0
            for key, n in pairs(by_host) do if tostring(key) == "Kim Jong Un" then kim = n end end
            return kim
            """)
        #expect(result == [.integer(1)])
    }

    @Test func documentCountsAgreeWithTheirLists() throws {
        let run = try ScriptRun()
        let result = try run.run("""
            local ok, checked = true, 0
            for _, doc in ipairs(corpus.documents()) do
              local sentences, paragraphs = doc.sentences, doc.paragraphs
              ok = ok and doc.sentence_count == #sentences and doc.paragraph_count == #paragraphs
                      and #sentences >= #paragraphs and doc.text:find(sentences[#sentences], 1, true) ~= nil
              for _, m in ipairs(doc.mentions) do ok = ok and doc.text:find(m.text, 1, true) ~= nil end
              checked = checked + 1
            end
            return ok, checked
            """)
        #expect(result[0] == .boolean(true))
        #expect(result[1] == .integer(5))
    }

    @Test func eventsIncludeVisitsAndMentionsAreCounted() throws {
        let run = try ScriptRun()
        let result = try run.run("""
            local visits = corpus.events{kind = "visit"}:count()
            local either = corpus.visits{country = "PRK"}:count()
            local from = corpus.visits{from = "PRK"}:count()
            local to = corpus.visits{to = "PRK"}:count()
            local mentioned = corpus.entities{mentioned = true}
            local all = corpus.entities()
            local lam = corpus.entity("Tô Lâm")
            local doc = corpus.document(1)
            local first = doc.mentions[1]
            return visits, corpus.visit_count, either, from + to, #mentioned < #all, lam.mention_count > 0,
                   first.entity.kind ~= nil, first.sentence >= 1, type(first.text), corpus.event_count >= corpus.visit_count
            """)
        #expect(result[0] == result[1])
        #expect(result[2] == result[3])
        #expect(result[4] == .boolean(true))
        #expect(result[5] == .boolean(true))
        #expect(result[6] == .boolean(true))
        #expect(result[7] == .boolean(true))
        #expect(result[8] == .string("string"))
        #expect(result[9] == .boolean(true))
    }

    @Test func todayIsADate() throws {
        let run = try ScriptRun()
        let result = try run.run("return dossier.today.granularity, dossier.today.year >= 2025")
        #expect(result == [.string("day"), .boolean(true)])
    }

    @Test func objectsAreReadOnly() throws {
        let run = try ScriptRun()
        let error = try #require(luaError { try run.run("corpus.visits():first().year = 1") })
        #expect(error.message.contains("read-only"))
    }

    @Test func searchFindsFoldedWords() throws {
        let run = try ScriptRun()
        let result = try run.run("local hits = corpus.search('kim jong un') return #hits, hits[1].sentence >= 1, type(hits[1].text)")
        #expect((result[0].integerValue ?? 0) > 0)
        #expect(result[1] == .boolean(true))
        #expect(result[2] == .string("string"))
    }

    @Test func theReportCollectsBlocks() throws {
        let run = try ScriptRun()
        try run.run("""
            report.title("Visits")
            report.heading("By decade")
            report.paragraph("Counted once per event.")
            report.list({"a", 2, true})
            report.table{title = "Decades", columns = {"decade", {key = "visits", title = "Visits", type = "integer"}},
                         rows = {{1950, 2}, {decade = 1960, visits = 2}}}
            report.chart{type = "bar", title = "Visits per decade", categories = {1950, 1960}, values = {2, 2}}
            report.note("A note", "warning")
            """)
        let report = run.report.report
        #expect(report.title == "Visits")
        #expect(report.blocks.count == 6)
        guard case .table(let table) = report.blocks[3] else { Issue.record("no table"); return }
        #expect(table.rows == [[.integer(1950), .integer(2)], [.integer(1960), .integer(2)]])
        guard case .chart(let chart) = report.blocks[4] else { Issue.record("no chart"); return }
        #expect(chart.categories == ["1950", "1960"])
        #expect(chart.series.first?.values == [2, 2])
        let bad = try #require(luaError { try run.run("report.chart{type = 'pie', categories = {}, values = {}}") })
        #expect(bad.message.contains("pie"))
    }

    @Test func theGlobalsAPluginSeesAreSnapshotted() throws {
        let run = try ScriptRun()
        let listing = try run.run("""
            local names = {}
            for _, module in ipairs({"corpus", "report", "dates", "dossier"}) do
              for key, value in pairs(_ENV[module]) do names[#names + 1] = module .. "." .. key .. ": " .. type(value) end
            end
            for key, value in pairs(_ENV) do
              if type(value) ~= "table" or key == "_G" then names[#names + 1] = key .. ": " .. type(value) end
            end
            table.sort(names)
            return table.concat(names, "\\n")
            """).first?.stringValue
        let snapshot = repository.appendingPathComponent("Tests/ScriptingAPITests/globals.snapshot.txt")
        if ProcessInfo.processInfo.environment["DOSSIER_UPDATE_GENERATED"] == "1", let listing {
            try (listing + "\n").write(to: snapshot, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: snapshot, encoding: .utf8)
        #expect(listing.map { $0 + "\n" } == expected)
    }
}

@Suite("Generated files are current")
struct GeneratedFilesTests {
    @Test(arguments: [
        ("Plugins/meta/dossier.lua", DossierAPI.stubs()),
        ("docs/lua-api.md", DossierAPI.markdown(toolkit: try! String(contentsOf: repository.appendingPathComponent("Plugins/lib/dossier_data.lua"), encoding: .utf8))),
        (".luacheckrc", DossierAPI.luacheckrc()),
        (".luarc.json", DossierAPI.luarc()),
    ])
    func matchesTheDeclarations(path: String, generated: String) throws {
        let url = repository.appendingPathComponent(path)
        if ProcessInfo.processInfo.environment["DOSSIER_UPDATE_GENERATED"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try generated.write(to: url, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: repository.appendingPathComponent(path), encoding: .utf8)
        #expect(committed == generated, "\(path) is out of date: run `make generate`")
    }

    @Test func stubsDeclareEveryFunctionAndClass() {
        let stubs = DossierAPI.stubs()
        #expect(stubs.hasPrefix("---@meta"))
        #expect(stubs.contains("function corpus.visits(filter) end"))
        #expect(stubs.contains("function Query:count_by(key) end"))
        #expect(stubs.contains("---@field year integer? The year it began."))
        #expect(stubs.contains("do not edit"))
    }
}
