import Foundation
import Testing

/// `dossier init`, `dossier status`, and every command taking its folders from dossier.yaml.
@Suite("the workspace: dossier init, status, and dossier.yaml used by every command")
struct WorkspaceCommandTests {
    static let clean = ["DOSSIER_PLUGINS": "", "DOSSIER_WORKSPACE": "", "DOSSIER_NO_WORKSPACE": "", "DOSSIER_NO_CACHE": ""]

    /// A folder holding a corpus of one article (the sample's Hanoi Times article) and a plugin folder.
    static func project() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-ws-\(UUID().uuidString.prefix(8))")
        let corpus = folder.appendingPathComponent("articles", isDirectory: true)
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("my-plugins/deep/er"), withIntermediateDirectories: true)
        let article = "2025-10-09-hanoitimes-to-lam-state-visit-dprk.txt"
        try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent("Data/corpus/\(article)"),
                                         to: corpus.appendingPathComponent(article))
        try "return { name = 'probe', title = 'Probe', version = '1.0.0', run = function(ctx) print(#ctx.corpus.documents()) end }\n"
            .write(to: folder.appendingPathComponent("my-plugins/probe.lua"), atomically: true, encoding: .utf8)
        return folder
    }

    func dossier(_ arguments: [String], in folder: URL, input: String? = nil) throws -> CommandRunner.Result {
        try CommandRunner.run(arguments, input: input, environment: Self.clean, directory: folder)
    }

    @Test func initWritesAWorkspaceThatCommandsFindFromBelow() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let made = try dossier(["init", "--corpus", "articles", "--plugins", "my-plugins"], in: project)
        #expect(made.status == 0, "\(made.stderr)")
        let text = try String(contentsOf: project.appendingPathComponent("dossier.yaml"), encoding: .utf8)
        #expect(text.contains("corpus:\n  - articles\n"), "\(text)")

        // Run from a sub-folder: the workspace is found upward, and its corpus and plugins are used.
        let below = project.appendingPathComponent("my-plugins/deep/er")
        let status = try dossier(["status"], in: below)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains(project.appendingPathComponent("dossier.yaml").path))
        #expect(status.stdout.contains(project.appendingPathComponent("articles").path + " (1 article)"), "\(status.stdout)")
        #expect(status.stdout.contains(project.appendingPathComponent(".dossier-cache").path), "\(status.stdout)")
        let info = try dossier(["info"], in: below)
        #expect(info.stdout == status.stdout)

        let run = try dossier(["run", "probe"], in: below)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("1\n"), "\(run.stdout)")
        let documents = try dossier(["export", "documents", "--format", "csv"], in: below)
        #expect(documents.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2, "\(documents.stdout)")

        // An option wins over the workspace.
        let sample = try dossier(["export", "documents", "--format", "csv", "--corpus", CommandRunner.repository.appendingPathComponent("Data/corpus").path],
                                 in: below)
        #expect(sample.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 6)

        // A second init refuses to overwrite.
        let again = try dossier(["init"], in: project)
        #expect(again.status == 1)
        #expect(again.stderr.contains("exists already"))
    }

    @Test func unknownKeysAreRefusedWithTheLineAndASuggestion() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        try "corpus: articles\nplugns: [my-plugins]\nformats: [md, htm]\n"
            .write(to: project.appendingPathComponent("dossier.yaml"), atomically: true, encoding: .utf8)
        let result = try dossier(["list"], in: project)
        #expect(result.status == 64)
        let file = project.appendingPathComponent("dossier.yaml").path
        #expect(result.stderr.contains("\(file):2:1: unknown key 'plugns' (did you mean 'plugins'?)"), "\(result.stderr)")
        #expect(result.stderr.contains("\(file):3:10: unknown format 'htm' (did you mean 'html'?)"), "\(result.stderr)")
    }

    @Test func batchManifestsCarryEveryFolderTheyNeed() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try dossier(["init", "--corpus", "articles", "--plugins", "my-plugins"], in: project).status == 0)
        let batch = try dossier(["batch", "--select", "probe", "--formats", "md"], in: project)
        #expect(batch.status == 0, "\(batch.stdout)\n\(batch.stderr)")
        let manifest = try String(contentsOf: project.appendingPathComponent("reports/manifest.json"), encoding: .utf8)
        let corpus = project.appendingPathComponent("articles").path
        #expect(manifest.contains("--corpus \(corpus)"), "\(manifest)")
        #expect(manifest.contains("--plugins \(project.appendingPathComponent("my-plugins").path)"), "\(manifest)")
        #expect(manifest.contains("--gazetteer \(CommandRunner.repository.appendingPathComponent("Data/gazetteer").path)"), "\(manifest)")
    }

    @Test func theWorkspacesCorrectionsApplyWithThoseOfTheCommandLine() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        try "corpus: articles\ncorrections: [decisions/mine.yaml]\n"
            .write(to: project.appendingPathComponent("dossier.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: project.appendingPathComponent("decisions"), withIntermediateDirectories: true)
        try "- {alias: Comrade To, entity: to-lam}\n".write(to: project.appendingPathComponent("decisions/mine.yaml"), atomically: true, encoding: .utf8)
        try "- {alias: Party chief To, entity: to-lam}\n".write(to: project.appendingPathComponent("extra.yaml"), atomically: true, encoding: .utf8)
        let result = try dossier(["export", "entities", "--format", "jsonl", "--corrections", "extra.yaml"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").first { $0.contains("\"id\":\"to-lam\"") })
        #expect(line.contains("Comrade To") && line.contains("Party chief To"), "\(line)")
        try "- {alias: [x], entity: to-lam}\n".write(to: project.appendingPathComponent("decisions/mine.yaml"), atomically: true, encoding: .utf8)
        let refused = try dossier(["export", "entities"], in: project)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("decisions/mine.yaml:1:11: error: 'alias' must be a single value"), "\(refused.stderr)")
    }
}
