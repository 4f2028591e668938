import CorpusModel
import Foundation
import LuaBridge
import PluginHost
import ScriptingAPI

/// Tests/PluginHostTests/Fixtures.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures", isDirectory: true)
let pluginsDir = fixtures.appendingPathComponent("plugins", isDirectory: true)
let shadowDir = fixtures.appendingPathComponent("shadow", isDirectory: true)
let badDir = fixtures.appendingPathComponent("bad", isDirectory: true)
let fixtureCorpusDir = pluginsDir.appendingPathComponent("tests/corpus", isDirectory: true)
let fixtureGazetteerDir = pluginsDir.appendingPathComponent("tests/gazetteer", isDirectory: true)

/// The fixture corpus: three visits (Hồ Chí Minh to Russia 1957, Putin to Vietnam 2024, Tô Lâm to
/// North Korea 2025).
let fixtureCorpus: SharedCorpus = {
    let (gazetteer, _) = Gazetteer.load(directories: [fixtureGazetteerDir])
    let (corpus, _) = CorpusBuilder(gazetteer: gazetteer).build(directory: fixtureCorpusDir)
    return SharedCorpus(corpus)
}()

/// Collects what scripts print.
final class Printed: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return lines.joined() }
}

/// A host over the fixture folders: `plugins` (as if bundled), then `extra` (as --plugins), then
/// `environment` (as DOSSIER_PLUGINS); `print` output collected.
func makeHost(extra: [URL] = [], environment: [URL] = [], limits: LuaLimits = LuaLimits(),
              printed: Printed = Printed()) -> PluginHost {
    let path = PluginSearchPath(bundled: pluginsDir, extra: extra.map(\.path),
                                environment: ["DOSSIER_PLUGINS": environment.map(\.path).joined(separator: ":")])
    return PluginHost(searchPath: path, options: PluginHostOptions(limits: limits, output: { printed.append($0) },
                                                                    dossierVersion: "9.8.7"))
}

/// The error a throwing call raised, as a `PluginError`.
func pluginError(_ body: () throws -> Void) -> PluginError? {
    do {
        try body()
        return nil
    } catch let error as PluginError {
        return error
    } catch {
        return nil
    }
}
