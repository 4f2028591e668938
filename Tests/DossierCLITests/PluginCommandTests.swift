import Foundation
import Testing

/// The plugin commands (`list`, `info`, `run`, `check`, `test`, `new`), run as a user runs them, on the
/// bundled plugins and corpus.
@Suite("dossier list, info, run, check, test and new")
struct PluginCommandTests {
    /// The bundled plugins, each of which must be listed, checked and tested.
    static let bundled = [
        "anniversaries-ahead", "corpus-summary", "country-pairs", "entity-mentions", "leader-travel",
        "relations-milestones", "source-coverage", "visit-timeline", "visits-per-decade",
    ]

    /// A fresh folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-plugins-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    // MARK: list, info, check

    @Test func listShowsEveryBundledPlugin() throws {
        let result = try CommandRunner.run(["list"])
        #expect(result.status == 0, "\(result.stderr)")
        let words = Set(result.stdout.split(whereSeparator: { $0.isWhitespace }).map(String.init))
        for name in Self.bundled {
            #expect(words.contains(name), "\(name) is not listed:\n\(result.stdout)")
        }
    }

    @Test func infoShowsTheParameters() throws {
        let result = try CommandRunner.run(["info", "visits-per-decade"])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("visits-per-decade"))
        for param in ["min_level", "country", "status"] {
            #expect(out.contains(param), "parameter \(param) not shown:\n\(out)")
        }
        #expect(out.contains("high"), "the default of min_level is not shown:\n\(out)")
        #expect(out.contains("occurred"), "the default of status is not shown:\n\(out)")
    }

    @Test func checkPassesOnTheBundledPlugins() throws {
        let result = try CommandRunner.run(["check"])
        #expect(result.status == 0, "stdout:\n\(result.stdout)\nstderr:\n\(result.stderr)")
    }

    // MARK: run, in each format

    /// The decade counts of a JSON report: the rows of the table that has a "decade" column.
    static func decadeCounts(inJSON text: String) throws -> [String: Int] {
        let root = try JSONSerialization.jsonObject(with: Data(text.utf8))
        var found: [String: Int]?
        func visit(_ value: Any) {
            if found != nil { return }
            if let object = value as? [String: Any] {
                if let columns = object["columns"] as? [Any], let rows = object["rows"] as? [Any] {
                    let keys = columns.map { column -> String in
                        if let name = column as? String { return name }
                        let dict = column as? [String: Any]
                        return ((dict?["key"] ?? dict?["title"]) as? String) ?? ""
                    }.map { $0.lowercased() }
                    if let d = keys.firstIndex(of: "decade"), let v = keys.firstIndex(of: "visits") {
                        var counts: [String: Int] = [:]
                        for row in rows {
                            var decade: Any?, visits: Any?
                            if let cells = row as? [Any], cells.count > max(d, v) {
                                decade = cells[d]; visits = cells[v]
                            } else if let cells = row as? [String: Any] {
                                decade = cells["decade"]; visits = cells["visits"]
                            }
                            if let decade = decade as? String, let visits = (visits as? NSNumber)?.intValue {
                                counts[decade] = visits
                            }
                        }
                        found = counts
                        return
                    }
                }
                for (_, child) in object.sorted(by: { $0.key < $1.key }) { visit(child) }
            } else if let array = value as? [Any] {
                for child in array { visit(child) }
            }
        }
        visit(root)
        return try #require(found, "no table with decade and visits columns in the JSON")
    }

    @Test func runAsJSONGivesTheDecadeCounts() throws {
        let result = try CommandRunner.run(["run", "visits-per-decade", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let counts = try Self.decadeCounts(inJSON: result.stdout)
        // Decades without a visit between the first and the last are shown as 0.
        #expect(counts == ["1950s": 2, "1960s": 2, "1970s": 0, "1980s": 0, "1990s": 0, "2000s": 3, "2010s": 1, "2020s": 3])
    }

    /// Records of RFC 4180 CSV: fields separated by commas, records by CRLF, quoted fields with doubled
    /// quotes. Returns nil when the text breaks the format (a bare LF or CR, text after a closing quote,
    /// an unterminated quote, a missing final CRLF).
    static func parseCSV(_ text: String) -> [[String]]? {
        var records: [[String]] = [], record: [String] = [], field = ""
        var chars = Array(text.unicodeScalars)[...]
        var atFieldStart = true
        while let c = chars.popFirst() {
            if atFieldStart && c == "\"" {
                // A quoted field, up to the closing quote.
                var closed = false
                while let q = chars.popFirst() {
                    if q == "\"" {
                        if chars.first == "\"" { chars.removeFirst(); field.unicodeScalars.append("\"") } else { closed = true; break }
                    } else {
                        field.unicodeScalars.append(q)
                    }
                }
                guard closed else { return nil }
                guard let next = chars.first, next == "," || next == "\r" else { return nil }
                atFieldStart = false
                continue
            }
            switch c {
            case ",":
                record.append(field); field = ""; atFieldStart = true
            case "\r":
                guard chars.popFirst() == "\n" else { return nil }
                record.append(field); field = ""; atFieldStart = true
                records.append(record); record = []
            case "\n", "\"":
                return nil
            default:
                field.unicodeScalars.append(c); atFieldStart = false
            }
        }
        guard record.isEmpty, field.isEmpty else { return nil } // the last record ends with CRLF too
        return records
    }

    @Test func runAsCSVFollowsRFC4180() throws {
        let result = try CommandRunner.run(["run", "visits-per-decade", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let records = try #require(Self.parseCSV(result.stdout), "not RFC 4180 CSV:\n\(result.stdout)")
        let header = try #require(records.first)
        let names = header.map { $0.lowercased() }
        #expect(names.contains("decade") && names.contains("visits"), "header: \(header)")
        #expect(Set(header).count == header.count, "repeated header names: \(header)")
        #expect(records.count > 1)
        for record in records {
            #expect(record.count == header.count, "record \(record) has not as many fields as the header")
        }
        // The decade rows are data, not header.
        #expect(records.dropFirst().contains { $0.contains("1950s") && $0.contains("2") })
    }

    @Test func runAsHTMLWritesASelfContainedFile() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("v.html")
        let result = try CommandRunner.run(["run", "visits-per-decade", "--format", "html", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.lowercased().contains("<html"))
        #expect(html.contains("<svg"), "no inline SVG chart")
        #expect(!html.contains("http://") && !html.contains("https://"), "the page refers to something on the web")
        #expect(!html.lowercased().contains("<script src") && !html.lowercased().contains("<link"))
        #expect(html.contains("1950s"))
    }

    // MARK: errors

    @Test func aMistypedParamIsRefusedWithAHint() throws {
        let result = try CommandRunner.run(["run", "visits-per-decade", "--param", "min_levle=high"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("did you mean 'min_level'"), "\(result.stderr)")
        #expect(result.stdout.isEmpty, "something ran:\n\(result.stdout)")
    }

    @Test func aFailingPluginNamesItsFileAndLine() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = """
        return {
          name = "broken-plugin",
          title = "Broken",
          version = "1.0.0",
          run = function(ctx)
            local visits = ctx.corpus.visits{}
            error("no luck with " .. visits:count() .. " visits")
          end,
        }

        """
        try source.write(to: folder.appendingPathComponent("broken-plugin.lua"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["run", "broken-plugin", "--plugins", folder.path])
        #expect(result.status == 1)
        let firstLine = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.contains("broken-plugin.lua:7: no luck with"), "\(result.stderr)")
        #expect(result.stderr.contains("stack traceback:"))
    }

    // MARK: test and new

    @Test func theBundledPluginTestsPass() throws {
        let result = try CommandRunner.run(["test"])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.last == "9 passed, 0 failed", "\(result.stdout)")
        for name in Self.bundled {
            #expect(lines.contains("PASS  \(name)"), "\(name) was not tested:\n\(result.stdout)")
        }
    }

    @Test func everyBundledPluginHasAFixtureTest() throws {
        let tests = CommandRunner.repository.appendingPathComponent("Plugins/tests")
        for name in Self.bundled {
            let expected = tests.appendingPathComponent("\(name).expected.md")
            let text = try String(contentsOf: expected, encoding: .utf8)
            #expect(text.hasPrefix("# "), "\(name).expected.md does not hold a recorded report")
        }
        // The fixture corpus is a folder of its own, not the bundled one.
        let corpus = tests.appendingPathComponent("corpus")
        let articles = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }
        #expect(articles.count == 5)
    }

    @Test func aNewPluginPassesItsTestOnceRecorded() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let created = try CommandRunner.run(["new", "my-first", "--dir", folder.path])
        #expect(created.status == 0, "\(created.stderr)")
        let plugin = try String(contentsOf: folder.appendingPathComponent("my-first.lua"), encoding: .utf8)
        #expect(plugin.contains(".dossier-meta.lua"), "the skeleton names another stub file than docs/first-plugin.md")
        let placeholder = try CommandRunner.run(["test", "my-first", "--plugins", folder.path])
        #expect(placeholder.status == 1, "the empty expected file passed")
        let update = try CommandRunner.run(["test", "my-first", "--plugins", folder.path, "--update"])
        #expect(update.status == 0, "\(update.stdout)\n\(update.stderr)")
        let test = try CommandRunner.run(["test", "my-first", "--plugins", folder.path])
        #expect(test.status == 0, "\(test.stdout)\n\(test.stderr)")
        #expect(test.stdout.hasSuffix("1 passed, 0 failed\n"), "\(test.stdout)")
        let again = try CommandRunner.run(["new", "my-first", "--dir", folder.path])
        #expect(again.status != 0, "dossier new overwrote an existing plugin")
    }

    /// A plugin that reports today's date and its parameter, to test what the test runner fixes.
    static let todayPlugin = """
    return {
      name = "today-probe",
      title = "Today",
      version = "1.0.0",
      params = { word = { type = "string", default = "default" } },
      run = function(ctx)
        ctx.report.paragraph("today " .. dossier.today.iso .. ", word " .. ctx.params.word)
      end,
    }

    """

    @Test func testsRunOnAFixedDayWithTheirParamsFile() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.todayPlugin.write(to: folder.appendingPathComponent("today-probe.lua"), atomically: true, encoding: .utf8)
        let tests = folder.appendingPathComponent("tests", isDirectory: true)
        try FileManager.default.createDirectory(at: tests, withIntermediateDirectories: true)
        try "# the word to report\n\nword = hello world\n".write(to: tests.appendingPathComponent("today-probe.params"),
                                                                 atomically: true, encoding: .utf8)
        // An empty DOSSIER_TODAY counts as unset (CommandRunner can only add to the environment).
        let update = try CommandRunner.run(["test", "today-probe", "--plugins", folder.path, "--update"],
                                           environment: ["DOSSIER_TODAY": ""])
        #expect(update.status == 0, "\(update.stdout)\n\(update.stderr)")
        let expected = try String(contentsOf: tests.appendingPathComponent("today-probe.expected.md"), encoding: .utf8)
        #expect(expected.contains("today 2026-01-01, word hello world"), "\(expected)")

        // A date set in the environment wins, and then the recorded output no longer matches.
        let later = try CommandRunner.run(["test", "today-probe", "--plugins", folder.path],
                                          environment: ["DOSSIER_TODAY": "2030-05-05"])
        #expect(later.status == 1)
        #expect(later.stdout.contains("+today 2030-05-05, word hello world"), "\(later.stdout)")

        // A line that is not key=value is an error naming the file and line.
        try "word=x\noops\n".write(to: tests.appendingPathComponent("today-probe.params"), atomically: true, encoding: .utf8)
        let broken = try CommandRunner.run(["test", "today-probe", "--plugins", folder.path])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("today-probe.params:2:"), "\(broken.stdout)")

        // An unknown parameter in the file is refused like a --param.
        try "wrod=x\n".write(to: tests.appendingPathComponent("today-probe.params"), atomically: true, encoding: .utf8)
        let mistyped = try CommandRunner.run(["test", "today-probe", "--plugins", folder.path])
        #expect(mistyped.status == 1)
        #expect(mistyped.stdout.contains("did you mean 'word'"), "\(mistyped.stdout)")
    }
}
