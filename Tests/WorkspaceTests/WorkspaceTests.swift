import Foundation
import Testing
@testable import Workspace

@Suite("dossier.yaml: reading, checking, finding")
struct WorkspaceTests {
    let file = URL(fileURLWithPath: "/projects/news/dossier.yaml")

    @Test func pathsAreRelativeToTheFile() throws {
        let workspace = try Workspace.parse("corpus: [articles, /data/more]\nplugins: my-plugins\ncache: ../cache\n", file: file)
        #expect(workspace.corpus.map { workspace.resolve($0).path } == ["/projects/news/articles", "/data/more"])
        #expect(workspace.plugins == ["my-plugins"])
        #expect(workspace.cacheFolder.path == "/projects/cache")
    }

    @Test func anEmptyFileIsEveryDefault() throws {
        let workspace = try Workspace.parse("# nothing yet\n", file: file)
        #expect(workspace.corpus.isEmpty)
        #expect(workspace.cacheFolder.path == "/projects/news/.dossier-cache")
    }

    @Test func mistakesNameTheLineAndColumnWithAHint() {
        #expect(throws: WorkspaceError(problems: [
            "/projects/news/dossier.yaml:1:1: unknown key 'corpsu' (did you mean 'corpus'?); a workspace has corpus, plugins, gazetteer, overlays, corrections, cache, formats, extractors",
            "/projects/news/dossier.yaml:2:10: unknown format 'mdd' (did you mean 'md'?); formats are text, md, csv, json, html",
            "/projects/news/dossier.yaml:3:12: 'plugins' items are non-empty text",
        ])) {
            try Workspace.parse("corpsu: x\nformats: [mdd]\nplugins: [ {a: 1} ]\n", file: file)
        }
    }

    @Test func malformedYAMLIsOneLineWithItsPlace() {
        do {
            _ = try Workspace.parse("corpus: [a, b\n", file: file)
            Issue.record("accepted malformed YAML")
        } catch let error as WorkspaceError {
            #expect(error.problems.count == 1)
            #expect(error.problems[0].hasPrefix("/projects/news/dossier.yaml:2:"), "\(error)")
            #expect(error.problems[0].contains("malformed YAML"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func theTemplateReadsBackAsWritten() throws {
        let text = Workspace.template(corpus: ["articles", "more articles"], plugins: ["p"], cache: nil)
        let workspace = try Workspace.parse(text, file: file)
        #expect(workspace.corpus == ["articles", "more articles"])
        #expect(workspace.plugins == ["p"])
        #expect(workspace.cache == nil && workspace.gazetteer.isEmpty && workspace.formats.isEmpty)
    }

    @Test func theNearestFileAboveIsFound() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ws-find-\(UUID().uuidString.prefix(8))")
        let deep = root.appendingPathComponent("a/b/c", isDirectory: true)
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(Workspace.find(from: deep, environment: [:]) == nil || !Workspace.find(from: deep, environment: [:])!.path.hasPrefix(root.path))
        try "corpus: x\n".write(to: root.appendingPathComponent("a/dossier.yaml"), atomically: true, encoding: .utf8)
        #expect(Workspace.find(from: deep, environment: [:])?.path == root.appendingPathComponent("a/dossier.yaml").path)
        #expect(Workspace.find(from: deep, environment: ["DOSSIER_NO_WORKSPACE": "1"]) == nil)
    }

    @Test func resourcesAreFoundBesideAnInstalledBinary() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("ws-prefix-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: prefix) }
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("share/dossier/Plugins"), withIntermediateDirectories: true)
        let binary = prefix.appendingPathComponent("bin/dossier")
        let home = try ResourceHome.locate(executable: binary, environment: [:])
        #expect(home.origin == .installed)
        #expect(home.plugins.path == prefix.appendingPathComponent("share/dossier/Plugins").path)
        #expect(throws: ResourceError.self) { try ResourceHome.locate(executable: binary, environment: ["DOSSIER_HOME": ""]) }
        #expect(throws: ResourceError.self) { try home.require(home.lexicon, "the lexicon") }
    }
}
