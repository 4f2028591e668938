import Foundation
import LuaBridge
import ScriptingAPI
import Testing

/// The pure-Lua modules of Plugins/lib, tested by their own Lua tests (Plugins/lib/tests/*_test.lua):
/// each file returns a table of test functions, run here one by one in the sandbox with the bundled
/// corpus, as a plugin would run.
@Suite("Lua library tests")
struct LuaLibraryTests {
    static let folder = repository.appendingPathComponent("Plugins/lib/tests")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix("_test.lua") }.sorted()
    }

    @Test func thereAreLibraryTests() {
        #expect(Self.files.contains("dossier_data_test.lua"))
    }

    @Test(arguments: files)
    func everyTestPasses(file: String) throws {
        let lib = repository.appendingPathComponent("Plugins/lib").path
        let state = try LuaState(options: LuaOptions(modulePath: ["\(lib)/?.lua"]))
        let environment = try state.makeEnvironment()
        try DossierAPI.install(into: environment, state: state, corpus: bundledCorpus, report: ReportCollector(title: "t"))
        let tests = try state.run(file: Self.folder.appendingPathComponent(file).path, environment: environment)
        guard case .table(let table)? = tests.first else {
            Issue.record("\(file) returns no table of tests")
            return
        }
        let entries = try table.pairs()
        #expect(entries.count >= 5)
        for (name, test) in entries {
            guard case .function(let function) = test else { continue }
            do { _ = try function.call() } catch {
                Issue.record("\(file): \(name): \(error)")
            }
        }
    }
}
