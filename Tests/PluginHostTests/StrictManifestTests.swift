import Foundation
import PluginHost
import Testing

@Suite struct StrictManifestTests {
    func problems(_ name: String) -> [String] {
        let host = makeHost(extra: [badDir])
        return host.check(host.catalog.plugin(named: name)!)
    }

    @Test func aPluginWithoutItsReturnIsAnErrorInCheckAndRun() throws {
        let found = problems("no-return")
        #expect(found.count == 1)
        #expect(found.first?.contains("no-return.lua: the file defines a plugin but returns no manifest") == true)
        let host = makeHost(extra: [badDir])
        let error = pluginError { _ = try host.run(host.catalog.plugin(named: "no-return")!, corpus: fixtureCorpus) }
        #expect(error?.kind == .manifest)
        #expect(error?.message.contains("returns no manifest") == true)
        #expect(host.inspect(host.catalog.plugin(named: "no-return")!).kind == nil)
    }

    @Test func aManifestWithoutRunIsAnErrorWithAHint() throws {
        let found = problems("run-typo")
        #expect(found.contains { $0.hasSuffix("run-typo.lua: unknown field 'rnu' (did you mean 'run'?); a manifest has name, title, description, version, author, categories, params, run, kind, extract") })
        #expect(found.contains { $0.contains("run-typo.lua: field 'run' is missing") })
        let host = makeHost(extra: [badDir])
        let error = pluginError { _ = try host.run(host.catalog.plugin(named: "run-typo")!, corpus: fixtureCorpus) }
        #expect(error?.kind == .manifest)
        #expect(error?.message.contains("did you mean 'run'?") == true)
    }

    @Test func aPlainScriptStaysAPlainScript() {
        let host = makeHost()
        #expect(host.inspect(host.catalog.plugin(named: "script")!).isScript)
    }
}
