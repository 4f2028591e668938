// `dossier init` and `dossier status`: the workspace (dossier.yaml) and what a command would use.
import ArgumentParser
import Foundation
import Workspace

extension Dossier {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Write a dossier.yaml here: the workspace every command below this folder uses.",
            discussion: """
            The file names the corpus folders, plugin folders, gazetteer and its overlays, corrections, the \
            model cache folder and the default report formats; options not given are written commented out. \
            Commands find it by searching upward from the working directory, as git does; an option given on \
            the command line wins over it. An existing dossier.yaml is never overwritten.
            """)

        @Option(help: ArgumentHelp("A corpus folder; repeat for several.", valueName: "dir"))
        var corpus: [String] = []

        @Option(help: ArgumentHelp("A plugin folder; repeat for several.", valueName: "dir"))
        var plugins: [String] = []

        @Option(help: ArgumentHelp("The model cache folder (default: .dossier-cache here).", valueName: "dir"))
        var cache: String?

        @Option(help: ArgumentHelp("The folder to write dossier.yaml in.", valueName: "dir"))
        var dir: String = "."

        func run() throws {
            let folder = URL(fileURLWithPath: dir, isDirectory: true).standardizedFileURL
            let file = folder.appendingPathComponent(Workspace.fileName)
            if FileManager.default.fileExists(atPath: file.path) {
                standardError("\(file.path) exists already; edit it, or remove it first")
                throw ExitCode(ExitStatus.failure)
            }
            // Paths are written relative to the file's folder, as the user would write them there.
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
            func relative(_ path: String) -> String {
                let absolute = URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL.path
                let base = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
                return absolute.hasPrefix(base) ? String(absolute.dropFirst(base.count)) : absolute
            }
            for path in corpus + plugins {
                var isDirectory: ObjCBool = false
                if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) || !isDirectory.boolValue {
                    standardError("warning: \(path) is not a folder (yet)")
                }
            }
            let text = Workspace.template(corpus: corpus.map(relative), plugins: plugins.map(relative), cache: cache.map(relative))
            do {
                _ = try Workspace.parse(text, file: file) // what init writes, status reads back
                try Data(text.utf8).write(to: file, options: .withoutOverwriting)
            } catch {
                standardError("cannot write \(file.path): \(error)")
                throw ExitCode(ExitStatus.failure)
            }
            print("wrote \(file.path)")
            print("next: dossier status")
        }
    }
}

extension Dossier {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Show what the workspace resolves to: the resources, corpus, plugins, gazetteer, cache and formats.")

        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var pluginPath: PluginPathOptions

        func run() throws {
            var rows: [[String]] = []
            let home = try DossierPaths.home()
            rows.append(["resources:", "\(home.url.path) (\(home.originText))"])
            if let workspace = try DossierPaths.workspace() {
                rows.append(["workspace:", workspace.file.path])
            } else {
                rows.append(["workspace:", "none (no \(Workspace.fileName) here or above; 'dossier init' writes one)"])
            }
            for folder in try corpusOptions.corpusFolders() {
                rows.append(["corpus:", "\(folder.path) (\(Self.describeFolder(folder)))"])
            }
            for directory in try pluginPath.searchPath().directories {
                rows.append(["plugins:", "\(directory.url.path) (\(directory.origin.rawValue)\(ResourceHome.isFolder(directory.url) ? "" : ", missing"))"])
            }
            for folder in try corpusOptions.gazetteerFolders() {
                rows.append(["gazetteer:", folder.path + (ResourceHome.isFolder(folder) ? "" : " (missing)")])
            }
            let lexicon = try corpusOptions.lexiconLayers()
            for folder in [lexicon.base] + lexicon.overlays {
                rows.append(["lexicon:", folder.path + (ResourceHome.isFolder(folder) ? "" : " (missing)")])
            }
            if ResourceHome.isFolder(home.model) { rows.append(["model:", home.model.path]) }
            if let workspace = try DossierPaths.workspace() {
                for file in workspace.corrections { rows.append(["corrections:", workspace.resolve(file).path]) }
                if !workspace.formats.isEmpty { rows.append(["formats:", workspace.formats.joined(separator: ", ")]) }
            }
            rows.append(["cache:", try corpusOptions.cacheFolder()?.path ?? "off"])
            print(Terminal.align(rows))
        }

        static func describeFolder(_ folder: URL) -> String {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return "missing" }
            let n = names.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.count
            return "\(n) article\(n == 1 ? "" : "s")"
        }
    }
}
