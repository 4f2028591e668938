// One report, run in the current process: the plugin in a fresh host and Lua state, its report rendered
// in every format and written under temporary names. Whoever runs the batch renames them into place
// (or removes them), so a report that is killed half way leaves nothing under a report's name. A worker
// process runs exactly this and sends the outcome back to the batch.

import CorpusModel
import Foundation
import LuaBridge
import PluginHost
import Reports
import ScriptingAPI

/// What running one report produced: its files waiting under temporary names, or why it failed.
struct ReportOutcome: Sendable, Codable {
    /// A rendered file, written under `pending.temporary`.
    struct File: Sendable, Codable {
        var record: BatchFileRecord
        var pending: OutputDirectory.Pending
    }

    var files: [File] = []
    var failure: BatchFailure?
    /// Ctrl-C stopped it.
    var interrupted = false
    var title: String?
    var pluginVersion: String?
    var params: [String: String]?
    var generatedAt: String?

    static func failed(_ failure: BatchFailure, interrupted: Bool = false) -> ReportOutcome {
        ReportOutcome(failure: failure, interrupted: interrupted)
    }
}

/// What a report needs to run, wherever it runs.
struct ReportTask: Sendable, Codable {
    var name: String
    var pluginPath: String
    var pluginOrigin: String
    var params: [String: String]
    var formats: [String]
    var output: String

    init(job: BatchJob, output: URL) {
        name = job.name
        pluginPath = job.file.url.path
        pluginOrigin = job.file.origin.rawValue
        params = job.params
        formats = job.formats.map(\.rawValue)
        self.output = output.path
    }

    var file: PluginFile {
        PluginFile(url: URL(fileURLWithPath: pluginPath), origin: PluginOrigin(rawValue: pluginOrigin) ?? .path)
    }
}

enum ReportExecution {
    /// Runs `task` with `host` over `corpus` and leaves its files pending. Never throws: a failure is in
    /// the outcome, and then nothing is left on disk.
    static func run(_ task: ReportTask, host: PluginHost, corpus: SharedCorpus, started: Date = Date()) -> ReportOutcome {
        let file = task.file
        let run: PluginRun
        do {
            run = try host.run(file, corpus: corpus, params: task.params, generatedAt: started)
        } catch {
            return .failed(failure(error, file: file), interrupted: error.luaError?.kind == .interrupted)
        }
        var rendered: [(name: String, data: Data)] = []
        var records: [BatchFileRecord] = []
        for raw in task.formats {
            guard let format = ReportFormat(rawValue: raw) else { continue }
            // CSV: one file per table (name.csv, name-2.csv, ...).
            let texts = format == .csv ? CSVRenderer.files(of: run.report, base: task.name)
                : [("\(task.name).\(BatchFormats.fileExtension(format))", render(run.report, as: format))]
            for (name, text) in texts {
                let data = Data(text.utf8)
                rendered.append((name, data))
                records.append(BatchFileRecord(format: format.rawValue, path: name, bytes: data.count, hash: ContentHash.of(data)))
            }
        }
        let pending: [OutputDirectory.Pending]
        do {
            pending = try OutputDirectory.writeTemporaries(rendered, in: URL(fileURLWithPath: task.output, isDirectory: true))
        } catch {
            return .failed(BatchFailure(kind: "io", message: error.message, file: nil, line: nil, traceback: nil))
        }
        var outcome = ReportOutcome()
        outcome.files = zip(records, pending).map { ReportOutcome.File(record: $0, pending: $1) }
        outcome.title = run.report.title
        outcome.pluginVersion = run.manifest?.version
        outcome.params = run.params.isEmpty && run.manifest == nil ? nil : run.params.mapValues(\.description)
        outcome.generatedAt = run.report.provenance?.generatedAt ?? Timestamp.now(started)
        return outcome
    }

    /// A plugin error as the manifest records it.
    static func failure(_ error: PluginError, file: PluginFile) -> BatchFailure {
        let kind: String
        if let lua = error.luaError { kind = lua.kind.rawValue } else {
            switch error.kind {
            case .notFound: kind = "notFound"
            case .manifest: kind = "manifest"
            case .params: kind = "params"
            case .lua: kind = "lua"
            case .io: kind = "io"
            }
        }
        return BatchFailure(kind: kind, message: error.message, file: error.luaError?.chunk ?? file.displayPath,
                            line: error.luaError?.line, traceback: error.luaError?.traceback)
    }
}
