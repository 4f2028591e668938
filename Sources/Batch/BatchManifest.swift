// DIR/manifest.json: what a batch made, so that each report can be reproduced and the next run can
// tell what is up to date. Written atomically at the end of every run.

import Foundation

/// How a report of a batch ended.
public enum BatchStatus: String, Sendable, Codable, Equatable {
    /// Run now; its files are written.
    case ok
    /// Failed (error, time or memory limit, write error); it has no files.
    case failed
    /// Not run: corpus, plugin and parameters unchanged since the run that made its files.
    case upToDate = "up-to-date"
    /// Not run: the batch stopped first (`--fail-fast`, Ctrl-C).
    case notRun = "not-run"
    /// Left out by `--select`; its record is the one of an earlier run.
    case notSelected = "not-selected"

    /// Whether the report's files are there to read.
    public var hasFiles: Bool { self == .ok || self == .upToDate }
}

/// One file of a report.
public struct BatchFileRecord: Sendable, Codable, Equatable {
    public var format: String
    /// Relative to the output folder.
    public var path: String
    public var bytes: Int
    public var hash: String
}

/// A report's error: the plugin file and line, and Lua's message and traceback.
public struct BatchFailure: Sendable, Codable, Equatable {
    /// `lua`, `manifest`, `params`, `io`, `notFound`, or for Lua errors `runtime`, `syntax`,
    /// `timeLimit`, `memoryLimit`, `interrupted`.
    public var kind: String
    /// The whole message, `file:line: message`.
    public var message: String
    public var file: String?
    public var line: Int?
    public var traceback: String?
}

/// One report in the manifest.
public struct BatchRecord: Sendable, Codable, Equatable {
    public var name: String
    public var title: String
    public var plugin: String
    public var pluginFile: String
    public var pluginVersion: String?
    /// The plugin file's content hash, and one over the Lua modules it may `require`.
    public var pluginHash: String?
    public var libraryHash: String?
    /// The parameters it ran with, defaults applied (or as given, when they could not be resolved).
    public var params: [String: String]
    public var corpusHash: String
    public var status: BatchStatus
    /// Wall time of the run, rendering and writing, in seconds (of the run that made the files).
    public var seconds: Double
    /// CPU time of the thread that ran it, in seconds: with `seconds`, tells waiting for a core (a busy
    /// machine) from work.
    public var cpuSeconds: Double?
    public var generatedAt: String?
    public var formats: [String]
    public var files: [BatchFileRecord]
    public var error: BatchFailure?
    /// A `dossier run` command line that makes the same report.
    public var command: String
}

/// The whole manifest.
public struct BatchManifest: Sendable, Codable, Equatable {
    public struct CorpusInfo: Sendable, Codable, Equatable {
        public var path: String
        public var hash: String
        public var documents: Int
        public var visits: Int
    }

    public struct Counts: Sendable, Codable, Equatable {
        public var ok = 0
        public var failed = 0
        public var upToDate = 0
        public var notRun = 0
        public var notSelected = 0

        public init() {}

        public var total: Int { ok + failed + upToDate + notRun + notSelected }

        mutating func add(_ status: BatchStatus) {
            switch status {
            case .ok: ok += 1
            case .failed: failed += 1
            case .upToDate: upToDate += 1
            case .notRun: notRun += 1
            case .notSelected: notSelected += 1
            }
        }
    }

    /// The manifest's format version.
    public var format = 1
    public var dossierVersion: String
    public var generatedAt: String
    public var plan: String?
    public var jobs: Int
    public var corpus: CorpusInfo
    /// Seconds for the whole command, and for the reports alone.
    public var seconds: Double
    public var reportSeconds: Double
    /// CPU seconds of the reports run now, summed over their threads.
    public var reportCPUSeconds: Double?
    public var counts: Counts
    public var reports: [BatchRecord]

    public static let fileName = "manifest.json"

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    public static func decode(_ data: Data) throws -> BatchManifest {
        let decoder = JSONDecoder()
        return try decoder.decode(BatchManifest.self, from: data)
    }

    /// The manifest of the last run in `directory`, if there is a readable one.
    public static func previous(in directory: URL) -> BatchManifest? {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent(fileName)) else { return nil }
        return try? decode(data)
    }
}

enum Timestamp {
    static func now(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
