// Extractor plugins (`kind = "extractor"`, docs/extractors.md) as the model build's `CandidateReviewer`: each
// worker thread takes a session (one sandboxed Lua state per plugin) from a pool, so documents analysed in
// parallel never share a state; each sentence's call runs under the time limit, inside the state's memory cap.

import CorpusModel
import Foundation
import LuaBridge
import ScriptingAPI

/// An extractor plugin chosen for a build.
public struct ExtractorPlugin: Sendable, Codable, Equatable {
    public let file: URL
    public let name: String
    public let displayPath: String

    public init(file: URL, name: String, displayPath: String) {
        self.file = file
        self.name = name
        self.displayPath = displayPath
    }
}

/// The extractor plugins of a build, run over every readable document's sentences.
public final class ExtractorRunner: CandidateReviewer, @unchecked Sendable {
    public let plugins: [ExtractorPlugin]
    let limits: LuaLimits
    public let modulePath: [String]
    /// Default limits of one sentence's call: two seconds, 64 MiB per state.
    public static let defaultLimits = LuaLimits(memoryMiB: 64, timeSeconds: 2)
    private let lock = NSLock()
    private var idle: [ExtractorSession] = []

    public init(plugins: [ExtractorPlugin], limits: LuaLimits = ExtractorRunner.defaultLimits, modulePath: [String] = []) {
        self.plugins = plugins
        self.limits = limits
        self.modulePath = modulePath
    }

    /// A checksum of the plugins' names and texts, in order (0 for none): the corpus hash of reports includes it.
    public var digest: UInt64 {
        guard !plugins.isEmpty else { return 0 }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        func add(_ bytes: some Sequence<UInt8>) { for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }; h = (h ^ 0xFF) &* 0x0000_0100_0000_01B3 }
        for plugin in plugins {
            add(plugin.name.utf8)
            add((try? Data(contentsOf: plugin.file)) ?? Data())
        }
        return h == 0 ? 1 : h
    }

    /// Chooses the extractors `names` (names on the search path or paths) with `host`, and loads each once to
    /// check it: a name that is no plugin, a plugin that is not an extractor, or one that fails to load is an error.
    public static func select(_ names: [String], host: PluginHost,
                              limits: LuaLimits = ExtractorRunner.defaultLimits) throws(PluginError) -> ExtractorRunner {
        var plugins: [ExtractorPlugin] = []
        for name in names {
            let file = try host.resolve(name)
            let inspection = host.inspect(file)
            guard let manifest = inspection.manifest else {
                throw PluginError(.manifest, inspection.problems.joined(separator: "\n"))
            }
            guard manifest.kind == .extractor else {
                throw PluginError(.manifest, "\(file.displayPath): '\(manifest.name)' is a report plugin, not an extractor (an extractor declares kind = \"extractor\" and extract = function(sentence, candidates))")
            }
            plugins.append(ExtractorPlugin(file: file.url, name: manifest.name, displayPath: file.displayPath))
        }
        let runner = ExtractorRunner(plugins: plugins, limits: limits, modulePath: host.searchPath.modulePath())
        _ = try ExtractorSession.loadAll(runner)
        return runner
    }

    public func review(_ document: ReviewedDocument) -> CandidateReview {
        let session = take()
        defer { giveBack(session) }
        return session.review(document)
    }

    private func take() -> ExtractorSession {
        lock.lock()
        defer { lock.unlock() }
        return idle.popLast() ?? ExtractorSession(runner: self)
    }

    private func giveBack(_ session: ExtractorSession) {
        lock.lock()
        idle.append(session)
        lock.unlock()
    }
}

/// One plugin loaded in a state of its own, with the driver that feeds it sentences (ExtractorPass.swift).
struct LoadedExtractor {
    let state: LuaState
    let extract: LuaValue
    let driver: LuaFunction
    let nextSentence: LuaValue
    let feed: ExtractorFeed
}

/// The states of one worker: one per plugin, loaded on first use and again after a failure.
final class ExtractorSession {
    unowned let runner: ExtractorRunner
    private var loaded: [LoadedExtractor?]

    init(runner: ExtractorRunner) {
        self.runner = runner
        loaded = Array(repeating: nil, count: runner.plugins.count)
    }

    /// Loads every plugin in a session (to check them before a build).
    static func loadAll(_ runner: ExtractorRunner) throws(PluginError) -> ExtractorSession {
        let session = ExtractorSession(runner: runner)
        for i in runner.plugins.indices { _ = try session.extractor(i) }
        return session
    }

    /// Each plugin in turn over the whole document, each seeing the candidates as the one before left them.
    func review(_ document: ReviewedDocument) -> CandidateReview {
        var review = CandidateReview()
        var candidates = document.candidates
        var views = [ExtractorSentence?](repeating: nil, count: document.sentenceCount)
        var changed = Set<Int>()
        for (p, plugin) in runner.plugins.enumerated() {
            let pass = ExtractorPass(document: document, plugin: plugin.name, candidates: candidates, views: views)
            while !pass.isDone {
                do {
                    if let message = try call(p, pass) { throw LuaError(kind: .runtime, message: message) }
                } catch {
                    loaded[p] = nil // a failed state (error, time or memory limit) is not used again
                    if let index = pass.failCurrent() {
                        review.diagnostics.append(Self.failure(plugin, document, index, pass.sentenceViews[index]?.sentence.text ?? "", error))
                    } else {
                        review.diagnostics.append(Self.failure(plugin, document, pass.next, error))
                        break
                    }
                }
            }
            candidates = pass.candidates
            views = pass.sentenceViews
            changed.formUnion(pass.changed)
        }
        for index in changed { review.changed[index] = candidates[index] }
        return review
    }

    /// One call into plugin `p`'s state: its driver reads sentences of `pass` for a slice of time. Returns the
    /// error of the sentence that failed, or nil.
    private func call(_ p: Int, _ pass: ExtractorPass) throws -> String? {
        let extractor = try extractor(p)
        extractor.feed.pass = pass
        defer { extractor.feed.pass = nil }
        pass.beginCall()
        let results = try extractor.driver.call(extractor.extract, extractor.nextSentence)
        pass.finishCurrentIfDone(results.first == .boolean(true))
        if case .boolean(false)? = results.first, results.count > 1, case .string(let message) = results[1] { return message }
        return nil
    }

    /// Plugin `p`'s state, loaded when missing.
    private func extractor(_ p: Int) throws(PluginError) -> LoadedExtractor {
        if let ready = loaded[p] { return ready }
        let plugin = runner.plugins[p]
        // A call reads sentences for a slice of time, then each sentence still has the whole limit.
        var limits = runner.limits
        limits.timeSeconds = limits.timeSeconds.map { $0 + ExtractorDriver.slice }
        let options = LuaOptions(profile: .sandbox, limits: limits, modulePath: runner.modulePath, output: { line in
            FileHandle.standardError.write(Data("\(plugin.name): \(line)\n".utf8))
        })
        do {
            let state = try LuaState(options: options)
            let environment = try state.makeEnvironment()
            try DossierAPI.install(into: environment, state: state, corpus: SharedCorpus(Corpus(entities: [])),
                                   report: ReportCollector(title: plugin.name))
            let results = try state.load(file: plugin.file.path, environment: environment).call()
            guard case .table(let table)? = results.first, case .function = try table.get("extract") else {
                throw PluginError(.manifest, "\(plugin.displayPath): an extractor returns { ..., kind = \"extractor\", extract = function(sentence, candidates) ... end }")
            }
            let ready = try Self.driven(state, extract: try table.get("extract"))
            loaded[p] = ready
            return ready
        } catch let error as PluginError {
            throw error
        } catch let error as LuaError {
            throw PluginError(error)
        } catch {
            throw PluginError(.lua, "\(plugin.displayPath): \(error)")
        }
    }

    /// The plugin's `extract` with the driver that feeds it sentences, loaded in the plugin's state (in a sandbox
    /// environment of its own, out of the plugin's reach).
    private static func driven(_ state: LuaState, extract: LuaValue) throws -> LoadedExtractor {
        let feed = ExtractorFeed()
        let next = state.function { arguments in
            guard let pass = feed.pass, let (sentence, list) = pass.advance() else { return 0 }
            arguments.push(LuaObject(sentence))
            arguments.push(LuaObject(list))
            return 2
        }
        let chunk = try state.load(string: ExtractorDriver.source, name: "=extractor driver", environment: try state.makeEnvironment())
        guard case .function(let driver)? = try chunk.call().first else {
            throw PluginError(.lua, "the extractor driver did not load")
        }
        return LoadedExtractor(state: state, extract: extract, driver: driver, nextSentence: next, feed: feed)
    }

    /// A failure between sentences (the plugin's state could not be loaded again): the rest of the document keeps
    /// its candidates without this plugin's changes.
    static func failure(_ plugin: ExtractorPlugin, _ document: ReviewedDocument, _ index: Int, _ error: Error) -> Diagnostic {
        let reason = (error as? LuaError)?.message ?? (error as? PluginError)?.message ?? "\(error)"
        return Diagnostic(file: document.path, line: document.line(ofSentence: min(index, max(document.sentenceCount - 1, 0))), severity: .warning,
                          message: "extractor '\(plugin.name)' failed from sentence \(index + 1) on: \(reason); those sentences keep their candidates without this plugin's changes")
    }

    /// A failed sentence: the plugin, the article (file and line) and the sentence.
    static func failure(_ plugin: ExtractorPlugin, _ document: ReviewedDocument, _ index: Int, _ text: String,
                        _ error: Error) -> Diagnostic {
        let excerpt = text.count > 60 ? String(text.prefix(60)) + "..." : text
        let reason = (error as? LuaError)?.message ?? (error as? PluginError)?.message ?? "\(error)"
        return Diagnostic(file: document.path, line: document.line(ofSentence: index), severity: .warning,
                          message: "extractor '\(plugin.name)' failed on sentence \(index + 1) (\"\(excerpt)\"): \(reason); the sentence keeps its candidates without this plugin's changes")
    }
}
