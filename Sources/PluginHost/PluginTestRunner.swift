// Plugin tests: for plugin `P` in folder `D`, `D/tests/P.expected.md` holds the Markdown of running P with
// its defaults (or the parameters of `D/tests/P.params`) on the fixture corpus `D/tests/corpus/` (the
// bundled corpus when `D/tests/` has none), with today fixed by `DOSSIER_TODAY`. The runner compares and
// shows a unified diff; `update` rewrites the expected files.

import CorpusModel
import Foundation
import Reports
import ScriptingAPI

/// The outcome of one plugin test.
public struct PluginTestResult {
    public enum Status: Equatable {
        case passed
        /// The expected file was written (`--update`).
        case updated
        /// The output differs; `diff` is a unified diff from expected to actual.
        case failed(diff: String)
        /// No expected file (run with `--update` to create it).
        case missingExpected
        /// The plugin failed to run (the error, with file, line and traceback).
        case error(String)
    }

    public var file: PluginFile
    public var expected: URL
    public var status: Status

    public var isSuccess: Bool { status == .passed || status == .updated }
}

/// Runs plugin tests.
///
/// For plugin `D/P.lua`, a test runs P on the fixture corpus `D/tests/corpus/` (and gazetteer
/// `D/tests/gazetteer/`, each falling back to the defaults given to `init`) and compares the Markdown of
/// its report, without provenance, with `D/tests/P.expected.md`.
///
/// - Parameters: P runs with its declared defaults, overridden by `D/tests/P.params` when that file
///   exists: one `key=value` per line, exactly as `--param key=value` would give it (the value is
///   everything after the first `=`, with surrounding spaces trimmed); blank lines and lines starting
///   with `#` are ignored. The values are checked against P's declarations like `--param` values.
/// - Today: while a test runs, `DOSSIER_TODAY` is set to `fixedToday` (2026-01-01) unless the
///   environment already sets it to a date, so `dossier.today` (and a default such as
///   `default = dossier.today`) gives the same date on every day the test runs. The variable is restored
///   after each test. Set `DOSSIER_TODAY=YYYY-MM-DD` yourself to test as of another day.
public final class PluginTestRunner {
    public let host: PluginHost
    public let defaultCorpus: URL
    public let defaultGazetteer: [URL]
    private var corpora: [String: Result<SharedCorpus, PluginError>] = [:]

    /// The date `dossier.today` gives during a test when `DOSSIER_TODAY` is not set.
    public static let fixedToday = "2026-01-01"

    /// `defaultCorpus` and `defaultGazetteer` serve plugin folders without `tests/corpus` and
    /// `tests/gazetteer`.
    public init(host: PluginHost, defaultCorpus: URL, defaultGazetteer: [URL]) {
        self.host = host
        self.defaultCorpus = defaultCorpus
        self.defaultGazetteer = defaultGazetteer
    }

    /// `D/tests/P.expected.md` for plugin `D/P.lua`.
    public static func expectedFile(for file: PluginFile) -> URL {
        file.directory.appendingPathComponent("tests", isDirectory: true)
            .appendingPathComponent("\(file.name).expected.md")
    }

    /// `D/tests/P.params` for plugin `D/P.lua`: the parameters its test runs with (optional).
    public static func paramsFile(for file: PluginFile) -> URL {
        file.directory.appendingPathComponent("tests", isDirectory: true)
            .appendingPathComponent("\(file.name).params")
    }

    /// The parameters of a `.params` file: `key=value` lines; blank lines and `#` comments ignored.
    /// A line without `=` or with an empty key is an error naming the file and line.
    public static func parseParams(_ text: String, path: String) throws(PluginError) -> [String: String] {
        var params: [String: String] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw PluginError(.params, "\(path):\(index + 1): expected key=value, got '\(line)'")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else {
                throw PluginError(.params, "\(path):\(index + 1): missing the parameter name before '='")
            }
            guard params[key] == nil else {
                throw PluginError(.params, "\(path):\(index + 1): '\(key)' is given twice")
            }
            params[key] = value
        }
        return params
    }

    /// The parameters the test of `file` runs with: those of its `.params` file, or none (the defaults).
    public static func testParams(for file: PluginFile) throws(PluginError) -> [String: String] {
        let url = paramsFile(for: file)
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw PluginError(.io, "\(PluginFile.displayPath(url.path)): cannot read the file")
        }
        return try parseParams(String(decoding: data, as: UTF8.self), path: PluginFile.displayPath(url.path))
    }

    /// Runs `body` with `DOSSIER_TODAY` set to `fixedToday` unless the environment already sets it (to
    /// something not empty), then restores the environment.
    static func withFixedToday<T>(_ body: () throws(PluginError) -> T) throws(PluginError) -> T {
        let previous = ProcessEnvironment.value("DOSSIER_TODAY")
        guard previous?.isEmpty ?? true else { return try body() }
        setenv("DOSSIER_TODAY", fixedToday, 1)
        defer {
            if let previous { setenv("DOSSIER_TODAY", previous, 1) } else { unsetenv("DOSSIER_TODAY") }
        }
        return try body()
    }

    /// The fixture corpus and gazetteer for plugins of `directory`.
    public func fixture(for directory: URL) -> (corpus: URL, gazetteer: [URL]) {
        let tests = directory.appendingPathComponent("tests", isDirectory: true)
        let corpus = tests.appendingPathComponent("corpus", isDirectory: true)
        let gazetteer = tests.appendingPathComponent("gazetteer", isDirectory: true)
        return (Self.isDirectory(corpus) ? corpus : defaultCorpus,
                Self.isDirectory(gazetteer) ? [gazetteer] : defaultGazetteer)
    }

    /// The Markdown a test compares: the report rendered without its provenance (which holds the time
    /// of the run).
    public static func markdown(of report: Report) -> String {
        var report = report
        report.provenance = nil
        return render(report, as: .md)
    }

    /// Runs the test of each plugin, calling `progress` after each.
    public func run(_ files: [PluginFile], update: Bool,
                    progress: (PluginTestResult) -> Void = { _ in }) -> [PluginTestResult] {
        var results: [PluginTestResult] = []
        for file in files {
            let result = test(file, update: update)
            progress(result)
            results.append(result)
        }
        return results
    }

    /// Runs one plugin test.
    public func test(_ file: PluginFile, update: Bool) -> PluginTestResult {
        let expectedURL = Self.expectedFile(for: file)
        var result = PluginTestResult(file: file, expected: expectedURL, status: .passed)
        let actual: String
        do {
            let fixture = fixture(for: file.directory)
            let corpus = try corpus(at: fixture.corpus, gazetteer: fixture.gazetteer)
            let params = try Self.testParams(for: file)
            actual = try Self.withFixedToday { () throws(PluginError) -> String in
                Self.markdown(of: try host.run(file, corpus: corpus, params: params).report)
            }
        } catch {
            result.status = .error(error.description)
            return result
        }
        if update {
            do {
                try FileManager.default.createDirectory(at: expectedURL.deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: expectedURL, options: .atomic)
                result.status = .updated
            } catch {
                result.status = .error("\(PluginFile.displayPath(expectedURL.path)): cannot write: \(error.localizedDescription)")
            }
            return result
        }
        guard let data = FileManager.default.contents(atPath: expectedURL.path) else {
            result.status = .missingExpected
            return result
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            var diff = UnifiedDiff.make(from: expected, to: actual, fromName: PluginFile.displayPath(expectedURL.path),
                                        toName: "\(file.name) (actual)")
            if diff.isEmpty { diff = "the output differs from the expected file only in its final newline\n" }
            result.status = .failed(diff: diff)
        }
        return result
    }

    /// Builds (once per folder pair) the corpus of a fixture.
    public func corpus(at directory: URL, gazetteer: [URL]) throws(PluginError) -> SharedCorpus {
        let key = ([directory] + gazetteer).map(\.path).joined(separator: "\u{0}")
        if let known = corpora[key] { return try known.get() }
        let result: Result<SharedCorpus, PluginError>
        let (g, _) = Gazetteer.load(directories: gazetteer)
        if !Self.isDirectory(directory) {
            result = .failure(PluginError(.io, "\(PluginFile.displayPath(directory.path)): no such corpus folder"))
        } else if g.entities.isEmpty {
            result = .failure(PluginError(.io, "no gazetteer entities in \(gazetteer.map { PluginFile.displayPath($0.path) }.joined(separator: ", "))"))
        } else {
            let (corpus, _) = CorpusBuilder(gazetteer: g).build(directory: directory)
            result = .success(SharedCorpus(corpus))
        }
        corpora[key] = result
        return try result.get()
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
