import CorpusModel
import Foundation
import LuaBridge
import PluginHost
import Testing

/// Extractor plugins run while the model is built: they add, veto and change visit candidates sentence by sentence.
@Suite struct ExtractorTests {
    static let article = """
        date 2024-06-20 HANOI — President Vladimir Putin arrived in Hanoi on Wednesday night for a State visit to Vietnam at the invitation of General Secretary Nguyễn Phú Trọng.

        In 1957, President Hồ Chí Minh paid an official visit to Russia.

        Putin and Trọng signed eleven agreements in the capital.
        """

    /// Writes `body` as extractor `name` in a fresh folder and selects it.
    func runner(_ name: String, _ body: String, limits: LuaLimits = ExtractorRunner.defaultLimits) throws -> ExtractorRunner {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("extractor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("\(name).lua")
        try """
            return { name = "\(name)", title = "Test", version = "1", kind = "extractor",
              extract = function(sentence, candidates)
            \(body)
              end }
            """.write(to: file, atomically: true, encoding: .utf8)
        return try ExtractorRunner.select([file.path], host: makeHost(), limits: limits)
    }

    func build(_ reviewer: ExtractorRunner?, jobs: Int = 1) -> (Corpus, [Diagnostic]) {
        let (gazetteer, _) = Gazetteer.load(directories: [fixtureGazetteerDir])
        var builder = CorpusBuilder(gazetteer: gazetteer, jobs: jobs)
        builder.reviewer = reviewer
        return builder.build(texts: [(name: "putin.txt", text: Self.article, entry: nil)])
    }

    func visit(_ corpus: Corpus, to destination: String) -> Visit? { corpus.visits.first { $0.destination == destination } }

    @Test func withoutExtractorsTheRulesFindBothVisits() {
        let (corpus, _) = build(nil)
        #expect(visit(corpus, to: "VNM") != nil)
        #expect(visit(corpus, to: "RUS") != nil)
    }

    @Test func vetoRemovesTheCandidate() throws {
        let (corpus, diagnostics) = build(try runner("veto-russia", """
            for c in candidates do if c.destination == "RUS" then c:veto("test") end end
            """))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(visit(corpus, to: "RUS") == nil)
        #expect(visit(corpus, to: "VNM") != nil)
        #expect(visit(corpus, to: "VNM")?.rules.contains("plugin:veto-russia") == false)
    }

    @Test func changeSetsFieldsAndNamesThePlugin() throws {
        let (corpus, diagnostics) = build(try runner("planned", """
            for c in candidates do if c.destination == "VNM" then c.status = "planned"; c.kind = "official"; c.start_date = "2024-06-19" end end
            """))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let v = try #require(visit(corpus, to: "VNM"))
        #expect(v.status == .planned)
        #expect(v.kind == .official)
        #expect(v.start?.iso == "2024-06-19")
        #expect(v.rules.contains("plugin:planned"))
        #expect(visit(corpus, to: "RUS")?.rules.contains("plugin:planned") == false)
    }

    @Test func addMakesAVisitTheRulesMissed() throws {
        let (corpus, diagnostics) = build(try runner("add-signing", """
            if sentence.text:find("signed") then
              local c = candidates:add{ visitor = "Vladimir Putin", destination = "Vietnam", start_date = "2024-06-20", kind = "state" }
              assert(c.added and c.visitor_country == "RUS" and #candidates == 1)
            end
            """))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let added = corpus.visits.filter { $0.rules.contains("plugin:add-signing") }
        #expect(added.count == 1)
        #expect(added.first?.destination == "VNM")
        #expect(added.first?.kind == .state)
    }

    @Test func sentenceViewGivesTokensMentionsTimesAndDocument() throws {
        let (corpus, diagnostics) = build(try runner("inspect", """
            if sentence.index == 1 then
              local t = sentence.tokens[2]
              assert(sentence.text:sub(t.byte_start, t.byte_end) == t.text, "token offsets")
              local found = false
              for _, m in ipairs(sentence.mentions) do
                if m.kind == "person" and m.name == "Vladimir Putin" then
                  found = sentence.text:sub(m.byte_start, m.byte_end) == m.text
                end
              end
              assert(found, "Putin's mention")
              assert(sentence.document.name == "putin.txt" and sentence.document.language == "en", "document")
              assert(sentence.document.date == "2024-06-20", "date")
              for c in candidates do c.confidence = 0.99 end
            end
            """))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        // Without a scorer a candidate counts 0.5; the merged visit of two 0.99 reports is at least as sure.
        #expect((visit(corpus, to: "VNM")?.confidence ?? 0) >= 0.99)
    }

    @Test func unknownFieldIsRefusedWithASuggestion() throws {
        let (corpus, diagnostics) = build(try runner("typo", """
            for c in candidates do c.stauts = "planned" end
            """))
        #expect(diagnostics.contains { $0.message.contains("Candidate has no field 'stauts' (did you mean 'status'?)") }, "\(diagnostics)")
        #expect(visit(corpus, to: "VNM")?.status == .occurred)
        let (_, bad) = build(try runner("bad-add", """
            if sentence.index == 3 then candidates:add{ visitor = "Vladimir Putin", destinaton = "VNM" } end
            """))
        #expect(bad.contains { $0.message.contains("unknown field 'destinaton' (did you mean 'destination'?)") }, "\(bad)")
        let (_, badValue) = build(try runner("bad-status", """
            for c in candidates do c.status = "plannd" end
            """))
        #expect(badValue.contains { $0.message.contains("unknown value 'plannd' (did you mean 'planned'?)") }, "\(badValue)")
    }

    @Test func aFailingSentenceNamesPluginArticleAndSentenceAndTheBuildGoesOn() throws {
        let (corpus, diagnostics) = build(try runner("fails", """
            if sentence.index == 1 then error("boom") end
            for c in candidates do c:veto() end
            """))
        let failure = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(failure.file == "putin.txt")
        #expect(failure.line == 1)
        #expect(failure.message.contains("extractor 'fails' failed on sentence 1"))
        #expect(failure.message.contains("boom"))
        // Sentence 1 keeps its candidate; sentence 2's is vetoed.
        #expect(visit(corpus, to: "VNM") != nil)
        #expect(visit(corpus, to: "RUS") == nil)
    }

    @Test func aSentenceOverTheTimeLimitFailsAlone() throws {
        let limits = LuaLimits(memoryMiB: 64, timeSeconds: 0.2)
        let (corpus, diagnostics) = build(try runner("loops", """
            if sentence.index == 1 then while true do end end
            for c in candidates do c:veto() end
            """, limits: limits))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("extractor 'loops' failed on sentence 1") == true)
        #expect(diagnostics.first?.message.contains("time limit") == true, "\(diagnostics)")
        #expect(visit(corpus, to: "VNM") != nil)
        #expect(visit(corpus, to: "RUS") == nil)
    }

    @Test func aSentenceOverTheMemoryLimitOrRaisingATableFailsAlone() throws {
        let (corpus, diagnostics) = build(try runner("eats", """
            if sentence.index == 1 then local t = {} for i = 1, 1e9 do t[i] = ("x"):rep(1000000) .. i end end
            if sentence.index == 3 then error({}) end
            for c in candidates do c:veto() end
            """, limits: LuaLimits(memoryMiB: 16, timeSeconds: 5)))
        #expect(diagnostics.count == 2, "\(diagnostics)")
        #expect(diagnostics.first?.message.contains("extractor 'eats' failed on sentence 1") == true, "\(diagnostics)")
        #expect(diagnostics.first?.message.contains("memory") == true, "\(diagnostics)")
        #expect(diagnostics.last?.message.contains("failed on sentence 3") == true && diagnostics.last?.message.contains("error object is a table value") == true,
                "\(diagnostics)")
        #expect(visit(corpus, to: "VNM") != nil)
        #expect(visit(corpus, to: "RUS") == nil)
    }

    /// A document is read in calls of a slice of time each (docs/extractors.md, "Cost"): a slow plugin over a long
    /// document takes several calls, and every sentence is read once, in order.
    @Test func aLongDocumentIsReadInSeveralCallsEverySentenceOnce() throws {
        let (gazetteer, _) = Gazetteer.load(directories: [fixtureGazetteerDir])
        let sentences = (1...120).map { "In \(1900 + $0), President Hồ Chí Minh paid an official visit to Russia." }
        let reviewer = try runner("slow", """
            local t0 = os.clock() while os.clock() - t0 < 0.002 do end
            seen = (seen or 0) + 1
            if seen ~= sentence.index then error("sentence " .. sentence.index .. " read as number " .. seen) end
            for c in candidates do c.kind = "working" end
            """)
        var builder = CorpusBuilder(gazetteer: gazetteer, jobs: 1)
        builder.reviewer = reviewer
        let (corpus, diagnostics) = builder.build(texts: [(name: "long.txt", text: sentences.joined(separator: "\n\n"), entry: nil)])
        #expect(diagnostics.filter { $0.severity != .note }.isEmpty, "\(diagnostics)")
        #expect(corpus.visits.count == 120)
        #expect(corpus.visits.allSatisfy { $0.kind == .working && $0.rules.contains("plugin:slow") })
    }

    @Test func aReportPluginIsNotAnExtractor() throws {
        let error = pluginError { _ = try ExtractorRunner.select(["hello"], host: makeHost()) }
        #expect(error?.message.contains("is a report plugin, not an extractor") == true, "\(String(describing: error))")
    }

    @Test func manyDocumentsInParallelGiveTheSameModel() throws {
        let (gazetteer, _) = Gazetteer.load(directories: [fixtureGazetteerDir])
        let texts = (0..<64).map { (name: "a\($0).txt", text: Self.article + "\n\nReport number \($0).", entry: ManifestEntry?.none) }
        let reviewer = try runner("parallel", """
            for c in candidates do if c.destination == "RUS" then c:veto() else c.kind = "working" end end
            """)
        var builder = CorpusBuilder(gazetteer: gazetteer, jobs: 4)
        builder.reviewer = reviewer
        let (corpus, diagnostics) = builder.build(texts: texts)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(!corpus.visits.isEmpty)
        #expect(corpus.visits.allSatisfy { $0.destination != "RUS" && $0.kind == .working })
    }

    @Test func bundledExampleVetoesOnlyUnnamedLowConfidenceVisitors() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Plugins/extractors/veto-unnamed-visitor.lua")
        let reviewer = try ExtractorRunner.select([file.path], host: makeHost())
        let text = """
            date 2024-06-20 HANOI — President Vladimir Putin arrived in Hanoi for a State visit to Vietnam.

            The President also visited Laos in 2019.
            """
        let (gazetteer, _) = Gazetteer.load(directories: [fixtureGazetteerDir])
        var builder = CorpusBuilder(gazetteer: gazetteer, jobs: 1)
        let (plain, _) = builder.build(texts: [(name: "t.txt", text: text, entry: nil)])
        builder.reviewer = reviewer
        let (reviewed, diagnostics) = builder.build(texts: [(name: "t.txt", text: text, entry: nil)])
        #expect(diagnostics.isEmpty)
        // The named visitor's visit stands; a title-only one below the threshold goes.
        #expect(reviewed.visits.contains { $0.destination == "VNM" })
        let titleOnly = plain.visits.filter { $0.rules.contains("visitor.title-or-pronoun") && $0.confidence < 0.5 }
        for v in titleOnly { #expect(!reviewed.visits.contains { $0.destination == v.destination && $0.start == v.start }) }
    }
}
