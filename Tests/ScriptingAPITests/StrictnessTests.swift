import Foundation
import LuaBridge
import ScriptingAPI
import Testing

/// Every mistake an author can make with the API's objects and option tables gets a message that says
/// what was wrong, where, and what was meant.
@Suite("Strict objects and options")
struct StrictnessTests {
    func message(_ code: String) throws -> String? {
        luaError { try ScriptRun().run(code) }?.message
    }

    @Test func aMisspeltFieldOfAModelObjectIsAnErrorAtItsLine() throws {
        let text = try message("""
            local v = corpus.visits{}:first()
            return v.destinaton
            """)
        #expect(text?.hasPrefix("script.lua:2: Visit has no field 'destinaton' (did you mean 'destination'?)") == true)
    }

    @Test func everyClassIsStrict() throws {
        #expect(try message("return corpus.entity('PRK').nmae")?.contains("Entity has no field 'nmae' (did you mean 'name'?)") == true)
        #expect(try message("return dossier.today.yaer")?.contains("Date has no field 'yaer' (did you mean 'year'?)") == true)
        #expect(try message("return corpus.document(1).titel")?.contains("Document has no field 'titel' (did you mean 'title'?)") == true)
        #expect(try message("return corpus.events{}:first().knd")?.contains("Event has no field 'knd' (did you mean 'kind'?)") == true)
        #expect(try message("return corpus.visits{}.cuont")?.contains("script.lua:1: Query has no field 'cuont' (did you mean 'count'?)") == true)
        // Known fields that are nil stay nil.
        let run = try ScriptRun()
        #expect(try run.run("return corpus.visits{}:first().end_date == nil or true").first == .boolean(true))
    }

    @Test func aMethodCalledWithADotGetsAHint() throws {
        let text = try message("return corpus.visits{}.count_by('decade')")
        #expect(text?.contains("count_by is a method of Query: call it with ':'") == true)
        let entity = try message("return corpus.entity('PRK').office_at('2000')")
        #expect(entity?.contains("office_at is a method of Entity: call it with ':'") == true)
    }

    @Test func aModuleFunctionCalledWithAColonGetsAHint() throws {
        let text = try message("return corpus:visits{entity_count = 1}")
        #expect(text?.contains("corpus.visits is a function, not a method: call it with '.'") == true)
    }

    @Test func unknownKeysOfReportTablesAreRefused() throws {
        #expect(try message("report.table{columns = {'a'}, rows = {}, colums = {}}")?
            .contains("report.table: unknown field 'colums' (did you mean 'columns'?)") == true)
        #expect(try message("report.table{columns = {{key = 'a', tilte = 'A'}}, rows = {}}")?
            .contains("report.table: column 1: unknown field 'tilte' (did you mean 'title'?)") == true)
        #expect(try message("report.table{columns = {'decade', 'visits'}, rows = {{decade = 1950, vists = 2}}}")?
            .contains("report.table: row 1: unknown column 'vists' (did you mean 'visits'?)") == true)
        #expect(try message("report.chart{title = 't', categories = {'a'}, values = {1}, x_lable = 'x'}")?
            .contains("report.chart: unknown option 'x_lable' (did you mean 'x_label'?)") == true)
        #expect(try message("report.chart{title = 't', categories = {'a'}, series = {{name = 's', valeus = {1}}}}")?
            .contains("report.chart: series 1: unknown field 'valeus' (did you mean 'values'?)") == true)
        #expect(try message("report.list({'a'}, {orderd = true})")?
            .contains("report.list: unknown option 'orderd' (did you mean 'ordered'?)") == true)
        #expect(try message("corpus.entities{knd = 'person'}")?
            .contains("corpus.entities: unknown filter 'knd' (did you mean 'kind'?)") == true)
    }

    @Test func whatTheSandboxLeavesOutNamesTheSandboxAndUnsafe() throws {
        for code in ["io.open('x')", "os.execute('ls')", "debug.getinfo(1)", "return dofile('x')"] {
            let text = try message(code)
            #expect(text?.contains("is not available in the sandbox") == true, "\(code): \(text ?? "no error")")
            #expect(text?.contains("--unsafe") == true)
            #expect(text?.hasPrefix("script.lua:1:") == true, "\(code): \(text ?? "no error")")
        }
        // What the sandbox keeps still works, and unknown globals are still nil.
        let run = try ScriptRun()
        #expect(try run.run("return type(os.time()), type(debug.traceback()), no_such_global == nil") ==
                [.string("number"), .string("string"), .boolean(true)])
    }

    @Test func requiringACModuleNamesTheSandbox() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cmod-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data().write(to: folder.appendingPathComponent("fakecmod.so"))
        let state = try LuaState()
        _ = try state.load(string: "package.cpath = ...", name: "=setup", environment: state.globals)
            .call(folder.path + "/?.so")
        let environment = try state.makeEnvironment()
        try DossierAPI.install(into: environment, state: state, corpus: bundledCorpus, report: ReportCollector(title: "t"))
        let error = luaError { try state.run("require('fakecmod')", name: "=script.lua", environment: environment) }
        #expect(error?.message.contains("script.lua:1: module 'fakecmod' is a C module") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("--unsafe") == true)
    }

    @Test func trustedRunsKeepTheFullLibrary() throws {
        let state = try LuaState(options: LuaOptions(profile: .trusted))
        let environment = try state.makeEnvironment()
        try DossierAPI.install(into: environment, state: state, corpus: bundledCorpus, report: ReportCollector(title: "t"))
        #expect(try state.run("return type(io.open)", environment: environment) == [.string("function")])
    }
}

@Suite("Chart options from Lua")
struct ChartOptionTests {
    @Test func stackedIsReadAndCheckedLikeEveryOption() throws {
        let run = try ScriptRun()
        try run.run("report.chart{title = 't', categories = {'a', 'b'}, stacked = true, series = {{name = 'x', values = {1, 2}}, {name = 'y', values = {3, 4}}}}")
        guard case .chart(let chart)? = run.report.report.blocks.last else {
            Issue.record("no chart")
            return
        }
        #expect(chart.isStacked)
        #expect(luaError { try run.run("report.chart{title = 't', categories = {'a'}, values = {1}, stacked = 'yes'}") }?
            .message.contains("'stacked' must be true or false, got string") == true)
        #expect(luaError { try run.run("report.chart{type = 'line', title = 't', categories = {'a'}, values = {1}, stacked = true}") }?
            .message.contains("'stacked' applies to bar charts") == true)
        #expect(luaError { try run.run("report.chart{title = 't', categories = {'a'}, values = {1}, stakced = true}") }?
            .message.contains("unknown option 'stakced' (did you mean 'stacked'?)") == true)
    }
}
