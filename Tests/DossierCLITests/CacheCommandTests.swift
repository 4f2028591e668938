import Foundation
import Testing

/// The model cache from the command line: index in shards, merge, and every command reading through the cache.
@Suite("dossier index --shard, merge, and the cache")
struct CacheCommandTests {
    static let corpora = ["--corpus", "Data/corpus", "--corpus", "Data/testcorpus"]

    @Test func fourShardsThenMergeExportExactlyWhatOneBuildExports() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-shards-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: cache) }
        let env = ["DOSSIER_NO_CACHE": "", "DOSSIER_WORKSPACE": ""]
        var exports: [String] = []
        for table in ["visits", "events", "documents", "entities"] {
            let plain = try CommandRunner.run(["export", table, "--no-cache", "--quiet"] + Self.corpora, environment: env)
            #expect(plain.status == 0, "\(plain.stderr)")
            exports.append(plain.stdout)
        }
        for k in 1...4 {
            let shard = try CommandRunner.run(["index", "--shard", "\(k)/4", "--cache", cache.path, "--quiet"] + Self.corpora, environment: env)
            #expect(shard.status == 0, "\(shard.stderr)")
            #expect(shard.stdout.hasPrefix("shard \(k)/4: "), "\(shard.stdout)")
        }
        let merge = try CommandRunner.run(["merge", "--cache", cache.path, "--quiet"] + Self.corpora, environment: env)
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(merge.stdout.contains("35 analyses taken from the cache, 0 articles analysed"), "\(merge.stdout)")
        for (i, table) in ["visits", "events", "documents", "entities"].enumerated() {
            let cached = try CommandRunner.run(["export", table, "--cache", cache.path, "--quiet"] + Self.corpora, environment: env)
            #expect(cached.stdout == exports[i], "\(table)")
        }
        let bad = try CommandRunner.run(["index", "--shard", "5/4", "--cache", cache.path], environment: env)
        #expect(bad.status == 64)
    }

    /// After an article is edited, one added and one removed, the rebuild (which analyses the two new texts and
    /// takes the other analyses and texts from the cache) exports byte for byte what a cold build exports, with
    /// the cache and without it, table by table and format by format.
    @Test func aRebuildAfterEditsExportsExactlyWhatAColdBuildExports() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-edits-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: root) }
        let folders = ["Data/corpus", "Data/testcorpus"].map { (CommandRunner.repository.appendingPathComponent($0), root.appendingPathComponent($0)) }
        for (from, to) in folders {
            try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: from, to: to)
        }
        let corpora = folders.flatMap { ["--corpus", $0.1.path] }
        let env = ["DOSSIER_NO_CACHE": "", "DOSSIER_WORKSPACE": ""]
        let cache = root.appendingPathComponent("cache"), cold = root.appendingPathComponent("cold-cache")
        let first = try CommandRunner.run(["merge", "--cache", cache.path, "--quiet"] + corpora, environment: env)
        #expect(first.stdout.contains("0 analyses taken from the cache, 35 articles analysed"), "\(first.stdout) \(first.stderr)")

        let testcorpus = folders[1].1
        let edited = testcorpus.appendingPathComponent("2023-09-11-hanoi-biden-state-visit-vietnam.txt")
        try (String(contentsOf: edited, encoding: .utf8)
            + "\nPrime Minister Pham Minh Chinh will pay an official visit to Japan next month, the ministry said.\n")
            .write(to: edited, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: testcorpus.appendingPathComponent("2023-08-25-moscow-putin-to-skip-g20-new-delhi.txt"))
        try "TOKYO, March 3, 2024 — Japanese Prime Minister Fumio Kishida arrived in Canberra on Sunday for talks.\n"
            .write(to: testcorpus.appendingPathComponent("2024-03-03-tokyo-kishida-canberra.txt"), atomically: true, encoding: .utf8)
        let rebuilt = try CommandRunner.run(["merge", "--cache", cache.path, "--quiet"] + corpora, environment: env)
        #expect(rebuilt.stdout.contains("33 analyses taken from the cache, 2 articles analysed"), "\(rebuilt.stdout) \(rebuilt.stderr)")

        for table in ["visits", "events", "documents", "entities", "mentions"] {
            for format in ["csv", "jsonl"] {
                let command = ["export", table, "--format", format, "--quiet"] + corpora
                let incremental = try CommandRunner.run(command + ["--cache", cache.path], environment: env)
                let coldBuild = try CommandRunner.run(command + ["--cache", cold.path], environment: env)
                let plain = try CommandRunner.run(command + ["--no-cache"], environment: env)
                #expect(incremental.status == 0 && !incremental.stdout.isEmpty, "\(incremental.stderr)")
                #expect(incremental.stdout == coldBuild.stdout, "\(table) \(format): the incremental model against a cold build's")
                #expect(incremental.stdout == plain.stdout, "\(table) \(format): against a build without the cache")
            }
        }
    }

    @Test func anUnusableCacheFolderIsOneLineAndTheBuildGoesOn() throws {
        let result = try CommandRunner.run(["export", "documents", "--format", "csv", "--cache", "/dev/null/cache"],
                                           environment: ["DOSSIER_NO_CACHE": "", "DOSSIER_WORKSPACE": ""])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 6)
        let notes = result.stderr.split(separator: "\n").filter { $0.contains("model cache") }
        #expect(notes.count == 1 && notes[0].contains("/dev/null/cache") && notes[0].contains("building without it"), "\(result.stderr)")
    }

    @Test func aDamagedTextFoundWhenFirstReadIsOneLineAndTheNextCommandRebuilds() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-late-damage-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: cache) }
        let env = ["DOSSIER_NO_CACHE": "", "DOSSIER_WORKSPACE": ""]
        // The mentions' export reads each mention's sentence from the texts.
        let command = ["export", "mentions", "--format", "csv", "--cache", cache.path] + Self.corpora
        let built = try CommandRunner.run(command, environment: env)
        #expect(built.status == 0, "\(built.stderr)")
        let models = cache.appendingPathComponent("models")
        let name = try #require(FileManager.default.contentsOfDirectory(atPath: models.path).first { $0.hasSuffix(".model") })
        let model = models.appendingPathComponent(name)
        // A byte of the texts (they follow the 64-byte header): the load does not read them, the export does.
        var bytes = try Data(contentsOf: model)
        bytes[100] ^= 0x40
        try bytes.write(to: model)
        let damaged = try CommandRunner.run(command, environment: env)
        #expect(damaged.status == 1)
        let notes = damaged.stderr.split(separator: "\n").filter { $0.contains("model cache") }
        #expect(notes.count == 1 && notes[0].contains("\(name) is damaged (texts block 0 checksum mismatch)"), "\(damaged.stderr)")
        #expect(!FileManager.default.fileExists(atPath: model.path), "the damaged model is removed")
        let rebuilt = try CommandRunner.run(command, environment: env)
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(rebuilt.stdout == built.stdout)
    }
}
