import CorpusModel
import Foundation
import LuaBridge
import ScriptingAPI

/// The repository root, for the bundled data and the generated files.
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The bundled corpus, built once for all tests.
let bundledCorpus: SharedCorpus = {
    let (gazetteer, _) = Gazetteer.load(directory: repository.appendingPathComponent("Data/gazetteer"))
    let (corpus, _) = CorpusBuilder(gazetteer: gazetteer).build(directory: repository.appendingPathComponent("Data/corpus"))
    return SharedCorpus(corpus)
}()

/// A sandboxed state with the API installed, as a plain script sees it.
struct ScriptRun {
    let state: LuaState
    let environment: LuaTable
    let report: ReportCollector

    init(corpus: SharedCorpus = bundledCorpus) throws {
        state = try LuaState()
        environment = try state.makeEnvironment()
        report = ReportCollector(title: "test")
        try DossierAPI.install(into: environment, state: state, corpus: corpus, report: report)
    }

    @discardableResult
    func run(_ code: String) throws -> [LuaValue] {
        try state.run(code, name: "=script.lua", environment: environment)
    }
}

func luaError(_ body: () throws -> Void) -> LuaError? {
    do { try body(); return nil } catch let error as LuaError { return error } catch { return nil }
}
