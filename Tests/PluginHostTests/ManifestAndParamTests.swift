import CorpusModel
import Foundation
import LuaBridge
import PluginHost
import Testing

@Suite struct ManifestTests {
    func problems(_ name: String) -> [String] {
        let host = makeHost(extra: [badDir])
        return host.check(host.catalog.plugin(named: name)!)
    }

    @Test func aValidManifestIsRead() throws {
        let host = makeHost()
        let manifest = try #require(host.inspect(host.catalog.plugin(named: "hello")!).manifest)
        #expect(manifest.name == "hello")
        #expect(manifest.title == "Hello, parameters")
        #expect(manifest.version == "1.2.3")
        #expect(manifest.author == "Tests")
        #expect(manifest.categories == ["demo"])
        #expect(manifest.params.map(\.name) == ["country", "level", "limit", "min_level", "ratio", "since", "verbose", "who"])
        let level = try #require(manifest.param(named: "level"))
        #expect(level.type == .string)
        #expect(level.defaultText == "high")
        #expect(level.choices == ["high", "minister", "other"])
        #expect(level.description == "A level.")
        #expect(manifest.param(named: "limit")?.defaultText == "3")
        #expect(manifest.param(named: "verbose")?.defaultText == "false")
        #expect(manifest.param(named: "who")?.defaultText == nil)
    }

    @Test func nameDefaultsToTheFileName() {
        let host = makeHost()
        #expect(host.inspect(host.catalog.plugin(named: "visit-count")!).manifest?.name == "visit-count")
    }

    @Test func aPlainScriptHasNoManifest() {
        let host = makeHost()
        #expect(host.inspect(host.catalog.plugin(named: "script")!).isScript)
    }

    @Test func missingRequiredFieldNamesFileAndField() {
        let found = problems("missing-title")
        #expect(found == ["Tests/PluginHostTests/Fixtures/bad/missing-title.lua: field 'title' is missing (a string)"]
                || found.allSatisfy { $0.hasSuffix("missing-title.lua: field 'title' is missing (a string)") })
        #expect(found.count == 1)
    }

    @Test func unknownParamTypeIsNamedWithAHint() {
        let found = problems("bad-param-type")
        #expect(found.count == 1)
        #expect(found[0].contains("bad-param-type.lua: params.count.type: unknown type 'int' (did you mean 'integer'?)"))
    }

    @Test func aMisspeltFieldIsCaught() {
        #expect(problems("typo-field").first?.contains("typo-field.lua: unknown field 'catagories' (did you mean 'categories'?)") == true)
    }

    @Test func badDefaultsAndChoicesAreAllListed() {
        let found = problems("bad-default")
        #expect(found.count == 4)
        #expect(found.contains { $0.contains("params.limit.default must be an integer, got string 'ten'") })
        #expect(found.contains { $0.contains("params.level.default 'low' is not one of its choices: high, minister") })
        #expect(found.contains { $0.contains("params.since.default: expected a date") })
        #expect(found.contains { $0.contains("params.since: unknown key 'descripton' (did you mean 'description'?)") })
        #expect(found.allSatisfy { $0.contains("bad-default.lua: ") })
    }

    @Test func nameMustMatchTheFile() {
        #expect(problems("name-mismatch").first?.contains("field 'name': 'other-name' differs from the file name 'name-mismatch.lua'") == true)
    }

    @Test func runMustBeAFunction() {
        #expect(problems("run-not-function").first?.hasSuffix("field 'run' must be a function, got string") == true)
    }

    @Test func aSyntaxErrorNamesFileAndLine() {
        let found = problems("syntax")
        #expect(found.count == 1)
        #expect(found[0].contains("bad/syntax.lua:3: '}' expected"))
    }

    @Test func runningAnInvalidPluginFailsWithItsProblems() {
        let host = makeHost(extra: [badDir])
        let error = pluginError { _ = try host.run(host.catalog.plugin(named: "bad-default")!, corpus: fixtureCorpus) }
        #expect(error?.kind == .manifest)
        #expect(error?.problems.count == 4)
    }
}

@Suite struct ParamTests {
    let host = makeHost()
    var hello: PluginFile { host.catalog.plugin(named: "hello")! }

    func run(_ params: [String: String]) throws -> PluginRun {
        try host.run(hello, corpus: fixtureCorpus, params: params)
    }

    func error(_ params: [String: String]) -> PluginError? {
        pluginError { _ = try run(params) }
    }

    @Test func unknownKeyGetsDidYouMean() {
        let failure = error(["min_levl": "high"])
        #expect(failure?.kind == .params)
        #expect(failure?.message.contains("hello.lua: unknown parameter 'min_levl' for plugin 'hello' (did you mean 'min_level'?)") == true)
        #expect(failure?.message.contains("its parameters are: country, level, limit, min_level, ratio, since, verbose, who") == true)
    }

    @Test func wrongTypesAreRefusedWithTheExpectedType() {
        #expect(error(["limit": "ten"])?.message.hasSuffix("parameter 'limit': expected an integer, got 'ten'") == true)
        #expect(error(["ratio": "half"])?.message.hasSuffix("parameter 'ratio': expected a number, got 'half'") == true)
        #expect(error(["verbose": "maybe"])?.message.contains("expected a boolean (true or false), got 'maybe'") == true)
        #expect(error(["since": "1950-13"])?.message.contains("expected a date (YYYY, YYYY-MM or YYYY-MM-DD)") == true)
    }

    @Test func choicesAreEnforcedWithAHint() {
        let failure = error(["level": "hihg"])
        #expect(failure?.kind == .params)
        #expect(failure?.message.hasSuffix("parameter 'level': 'hihg' is not one of high, minister, other (did you mean 'high'?)") == true)
    }

    @Test func defaultsFillTheRestAndValuesAreTyped() throws {
        let result = try run(["limit": "7", "who": "to lam"])
        #expect(result.params["limit"] == .integer(7))
        #expect(result.params["level"] == .string("high"))
        #expect(result.params["ratio"] == .number(0.5))
        #expect(result.params["verbose"] == .boolean(false))
        #expect(result.params["since"] == .date(PartialDate(year: 1950)!))
        #expect(result.params["country"] == .country("VNM"))
        #expect(result.params["who"] == .person(index: fixtureCorpus.corpus.entityIndex(id: "to-lam")!, id: "to-lam"))
        #expect(result.params["min_level"] == nil)
        // What Lua received.
        guard case .list(let items, _)? = result.report.blocks.first else {
            Issue.record("expected a list first, got \(result.report.blocks)")
            return
        }
        #expect(items.contains("limit=7 (integer)"))
        #expect(items.contains("ratio=0.5 (float)"))
        #expect(items.contains("verbose=false (boolean)"))
        #expect(items.contains("country=VNM (string)"))
        #expect(items.contains("min_level=nil (nil)"))
        #expect(items.contains("since=1950 (userdata)"))
        #expect(items.contains("who=Tô Lâm (userdata)"))
    }

    @Test func countriesResolveByCodeOrName() throws {
        for text in ["PRK", "prk", "KP", "North Korea", "DPRK", "Triều Tiên", "trieu tien"] {
            #expect(try run(["country": text]).params["country"] == .country("PRK"), "\(text)")
        }
        let failure = error(["country": "Vietnm"])
        #expect(failure?.kind == .params)
        #expect(failure?.message.contains("parameter 'country': expected a country (ISO 3166 code or name), got 'Vietnm'") == true)
        #expect(failure?.message.hasSuffix("(did you mean 'Vietnam'?)") == true)
    }

    @Test func personsResolveByNameOrId() throws {
        #expect(try run(["who": "kim-jong-un"]).params["who"]?.description == "kim-jong-un")
        #expect(try run(["who": "Kim Jong-un"]).params["who"]?.description == "kim-jong-un")
        #expect(error(["who": "Vladimir Putn"])?.message.contains("did you mean 'Vladimir Putin'?") == true)
        // A country is not a person.
        #expect(error(["who": "Vietnam"])?.kind == .params)
    }

    @Test func paramsAreCheckedBeforeAnythingRuns() {
        // boom's run would raise; an unknown parameter is refused first.
        let failure = pluginError { _ = try host.run(host.catalog.plugin(named: "boom")!, corpus: fixtureCorpus, params: ["x": "1"]) }
        #expect(failure?.kind == .params)
        #expect(failure?.message.contains("it takes no parameters") == true)
    }

    @Test func provenanceRecordsPluginVersionParamsCorpusAndDossier() throws {
        let result = try run(["limit": "5"])
        let provenance = try #require(result.report.provenance)
        #expect(provenance.plugin == "hello")
        #expect(provenance.pluginVersion == "1.2.3")
        #expect(provenance.params == ["country": "VNM", "level": "high", "limit": "5", "ratio": "0.5",
                                      "since": "1950", "verbose": "false"])
        #expect(provenance.corpusHash == fixtureCorpus.hash)
        #expect(provenance.dossierVersion == "9.8.7")
        #expect(result.report.title == "Hello, parameters")
    }
}
