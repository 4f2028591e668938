import CorpusModel
import Foundation
import PluginHost
import ScriptingAPI
import Testing

@Suite struct DiscoveryTests {
    @Test func searchPathOrderIsBundledThenOptionsThenEnvironment() {
        let path = PluginSearchPath(bundled: pluginsDir, extra: [shadowDir.path],
                                    environment: ["DOSSIER_PLUGINS": "\(badDir.path)::/nonexistent"])
        #expect(path.directories.map(\.origin) == [.bundled, .option, .environment, .environment])
        #expect(path.directories.map(\.url.lastPathComponent) == ["plugins", "shadow", "bad", "nonexistent"])
    }

    @Test func firstFileOfANameWinsAndLaterOnesAreShadowed() throws {
        let catalog = PluginCatalog(searchPath: PluginSearchPath(bundled: pluginsDir, extra: [shadowDir.path],
                                                                 environment: [:]))
        let hello = try #require(catalog.plugin(named: "hello"))
        #expect(hello.directory.lastPathComponent == "plugins")
        #expect(hello.origin == .bundled)
        #expect(catalog.shadowed.count == 1)
        #expect(catalog.shadowed.first?.file.url.path == shadowDir.appendingPathComponent("hello.lua").path)
        #expect(catalog.filesShadowed(by: hello).map(\.directory.lastPathComponent) == ["shadow"])
        // A plugin only in the later folder is found.
        #expect(catalog.plugin(named: "extra")?.origin == .option)

        // The other way round, the other file wins.
        let reversed = PluginCatalog(searchPath: PluginSearchPath(bundled: shadowDir, extra: [pluginsDir.path],
                                                                  environment: [:]))
        #expect(reversed.plugin(named: "hello")?.directory.lastPathComponent == "shadow")
    }

    /// `resolve` finds a plugin by name without listing the folders: it must be the file the catalog chooses.
    @Test func aPluginFoundByItsNameIsTheCatalogsChoice() throws {
        let orders = [PluginSearchPath(bundled: pluginsDir, extra: [shadowDir.path], environment: [:]),
                      PluginSearchPath(bundled: shadowDir, extra: [pluginsDir.path], environment: [:]),
                      PluginSearchPath(bundled: nil, extra: [pluginsDir.appendingPathComponent("lib").path, shadowDir.path], environment: [:])]
        for path in orders {
            let catalog = PluginCatalog(searchPath: path)
            let names = catalog.plugins.map(\.name) + catalog.shadowed.map(\.file.name)
            #expect(!names.isEmpty)
            for name in names {
                #expect(PluginCatalog.plugin(named: name, in: path) == catalog.plugin(named: name))
            }
            // Not plugins: a lib module, a sub-folder, a hidden name, a path, nothing.
            for name in ["fixture_util", "lib", "tests", ".hello", "lib/fixture_util", "", "no-such-plugin"] {
                #expect(PluginCatalog.plugin(named: name, in: path) == nil)
                #expect(catalog.plugin(named: name) == nil)
            }
        }
    }

    @Test func libAndTestsFoldersHoldNoPlugins() {
        let catalog = PluginCatalog(searchPath: PluginSearchPath(bundled: pluginsDir, environment: [:]))
        let names = catalog.plugins.map(\.name)
        #expect(names == ["boom", "hello", "hog", "loop", "script", "visit-count", "visit-list"])
        #expect(!names.contains("fixture_util"))
        // Even a lib folder put on the path holds no plugins.
        let lib = PluginCatalog(searchPath: PluginSearchPath(bundled: nil, extra: [pluginsDir.appendingPathComponent("lib").path],
                                                             environment: [:]))
        #expect(lib.plugins.isEmpty)
    }

    @Test func environmentFoldersComeLast() {
        let host = makeHost(extra: [], environment: [shadowDir])
        #expect(host.catalog.plugin(named: "hello")?.origin == .bundled)
        #expect(host.catalog.plugin(named: "extra")?.origin == .environment)
    }

    @Test func modulePathPutsLibFoldersFirst() {
        let path = PluginSearchPath(bundled: pluginsDir, extra: [shadowDir.path], environment: [:])
        let templates = path.modulePath()
        #expect(templates.first == pluginsDir.appendingPathComponent("lib").path + "/?.lua")
        #expect(templates[2] == shadowDir.appendingPathComponent("lib").path + "/?.lua")
        #expect(templates.contains(pluginsDir.path + "/?.lua"))
        #expect(templates.firstIndex(of: pluginsDir.path + "/?.lua")! > templates.firstIndex(of: shadowDir.appendingPathComponent("lib").path + "/?.lua")!)
    }

    @Test func selectionByGlob() throws {
        let host = makeHost()
        #expect(try host.select(["visit-*"]).map(\.name) == ["visit-count", "visit-list"])
        #expect(try host.select(["*o*"]).map(\.name) == ["boom", "hello", "hog", "loop", "visit-count"])
        #expect(try host.select(["h?g", "boom"]).map(\.name) == ["boom", "hog"])
    }

    @Test func selectionByCategory() throws {
        let host = makeHost()
        #expect(try host.select(["category:visits"]).map(\.name) == ["visit-count", "visit-list"])
        #expect(try host.select(["category:lists"]).map(\.name) == ["visit-list"])
        #expect(try host.select(["category:broken", "hello"]).map(\.name) == ["boom", "hello", "hog", "loop"])
    }

    @Test func everyPluginWhenNothingIsSelected() throws {
        #expect(try makeHost().select([]).count == 7)
    }

    @Test func unknownNamesGetADidYouMeanHint() {
        let host = makeHost()
        let error = pluginError { _ = try host.select(["helo"]) }
        #expect(error?.kind == .notFound)
        #expect(error?.message.contains("no plugin named 'helo' (did you mean 'hello'?)") == true)
        let category = pluginError { _ = try host.select(["category:visit"]) }
        #expect(category?.message.contains("did you mean 'visits'?") == true)
        let glob = pluginError { _ = try host.select(["zz*"]) }
        #expect(glob?.message == "no plugin matches 'zz*'")
        let resolved = pluginError { _ = try host.resolve("visit-lst") }
        #expect(resolved?.message.contains("did you mean 'visit-list'?") == true)
    }

    @Test func aPathSelectsAFileOffThePath() throws {
        let host = makeHost()
        let file = try host.resolve(shadowDir.appendingPathComponent("extra.lua").path)
        #expect(file.origin == .path)
        #expect(file.name == "extra")
        #expect(pluginError { _ = try host.resolve("/nonexistent/x.lua") }?.kind == .notFound)
    }

    @Test func selectorsParse() {
        #expect(PluginSelector("visit-*") == .glob("visit-*"))
        #expect(PluginSelector("category:visits") == .category("visits"))
        #expect(PluginSelector("hello") == .name("hello"))
    }
}

@Suite struct SuggestionTests {
    @Test func distances() {
        #expect(Suggestion.distance("min_levl", "min_level") == 1)
        #expect(Suggestion.distance("hihg", "high") == 1)
        #expect(Suggestion.distance("", "abc") == 3)
        #expect(Suggestion.distance("kitten", "sitting") == 3)
    }

    @Test func closestIgnoresCaseAndDiacriticsAndRefusesFarWords() {
        #expect(Suggestion.closest(to: "viet nam", among: ["Việt Nam", "Russia"]) == "Việt Nam")
        #expect(Suggestion.closest(to: "zzz", among: ["level", "limit"]) == nil)
        #expect(Suggestion.closest(to: "int", among: ["string", "integer", "number"]) == "integer")
    }
}
