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
