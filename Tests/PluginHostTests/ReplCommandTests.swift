import Foundation
import LuaBridge
import PluginHost
import Testing

@Suite struct ReplCommandTests {
    func makeRepl() throws -> LuaRepl {
        let path = PluginSearchPath(bundled: pluginsDir, environment: [:])
        return try LuaRepl(options: LuaOptions(limits: LuaLimits(memoryMiB: 64, timeSeconds: 2), modulePath: path.modulePath()),
                           corpus: fixtureCorpus, searchPath: path, width: 60)
    }

    @Test func tablesArePrettyPrintedNestedSortedAndLimited() throws {
        let repl = try makeRepl()
        #expect(repl.evaluate("{3, 'a', b = true, ['two words'] = 1.5, a = {x = 'y'}}") ==
                .values("{ 3, \"a\", a = { x = \"y\" }, b = true, [\"two words\"] = 1.5 }"))
        #expect(repl.evaluate("{a = {b = {c = {d = 1}}}}") == .values("{ a = { b = { c = {…} } } }"))
        #expect(repl.evaluate("'top-level strings stay bare'") == .values("top-level strings stay bare"))
        guard case .values(let many) = repl.evaluate("local t = {} for i = 1, 25 do t[i] = i end return t") else {
            Issue.record("no value")
            return
        }
        #expect(many.contains("20,") && many.contains("… (5 more)") && !many.contains("21"))
        // Long tables break onto indented lines that fit the width.
        guard case .values(let long) = repl.evaluate("{first = 'a fairly long text', second = 'another fairly long text'}") else {
            Issue.record("no value")
            return
        }
        #expect(long == "{\n  first = \"a fairly long text\",\n  second = \"another fairly long text\"\n}")
        guard case .values(let cyclic) = repl.evaluate("local t = {} t.self = t return t") else {
            Issue.record("no value")
            return
        }
        #expect(cyclic == "{ self = <cycle> }")
    }

    @Test func objectsShowByTheirToString() throws {
        let repl = try makeRepl()
        guard case .values(let text) = repl.evaluate("{ corpus.visits{}:first(), corpus.visits{} }") else {
            Issue.record("no value")
            return
        }
        #expect(text.hasPrefix("{") && text.contains("  Visit(") && text.contains("Query(3 visits)"), "\(text)")
        #expect(repl.evaluate("setmetatable({}, {__tostring = function() return 'custom' end})") == .values("custom"))
    }

    @Test func helpListsTheCommandsAndUnknownOnesGetAHint() throws {
        let repl = try makeRepl()
        guard case .values(let help)? = repl.command(":help") else {
            Issue.record("no help")
            return
        }
        for name in [":help", ":report", ":load", ":reload", ":run"] { #expect(help.contains(name)) }
        guard case .error(let unknown)? = repl.command(":relaod") else {
            Issue.record("no error")
            return
        }
        #expect(unknown.contains("unknown command :relaod (did you mean ':reload'?)"))
        #expect(repl.command("1 + 1") == nil)
    }

    @Test func reloadReadsAnEditedPluginAgainAndRunRunsIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("draft.lua")
        func write(_ title: String) throws {
            try """
            return {
              title = "\(title)", version = "0.1.0",
              params = { country = { type = "country", default = "VNM" } },
              run = function(ctx) ctx.report.paragraph("\(title) for " .. ctx.params.country) end,
            }
            """.write(to: file, atomically: true, encoding: .utf8)
        }
        let repl = try makeRepl()
        #expect(repl.command(":reload") == .error(":reload: no plugin loaded yet (:load PLUGIN first)"))
        try write("First draft")
        guard case .values(let loaded)? = repl.command(":load \(file.path)") else {
            Issue.record("not loaded")
            return
        }
        #expect(loaded.contains("First draft"))
        #expect(repl.evaluate("plugin.title") == .values("First draft"))
        try write("Second draft")
        _ = repl.command(":reload")
        #expect(repl.evaluate("plugin.title") == .values("Second draft"))
        #expect(repl.command(":run country=PRK") == .values("ran draft: :report shows what it reported"))
        #expect(repl.report.blocks == [.paragraph("Second draft for PRK")])
        guard case .error(let bad)? = repl.command(":run cuntry=PRK") else {
            Issue.record("no error")
            return
        }
        #expect(bad.contains("unknown parameter 'cuntry'") && bad.contains("did you mean 'country'?"))
        #expect(repl.command(":load visit-count").map { if case .values(let t) = $0 { t.hasPrefix("loaded visit-count.lua") } else { false } } == true)
    }
}
