// Where a command finds what it works on: the bundled resources (beside the binary, DOSSIER_HOME or the
// checkout), the workspace's dossier.yaml (searched upward from the working directory), then the options.
import CorpusModel
import Foundation
import Workspace

enum DossierPaths {
    private static let resolved = Result { try ResourceHome.locate() }
    private static let foundWorkspace: Result<Workspace?, Error> = Result {
        try Workspace.find().map { try Workspace.load($0) }
    }

    /// The resource folder; an error says where it looked.
    static func home() throws -> ResourceHome { try resolved.get() }

    /// The workspace in force, if any (a broken dossier.yaml is an error for every command that reads it).
    static func workspace() throws -> Workspace? { try foundWorkspace.get() }

    /// The bundled Plugins/ folder, which must exist.
    static func bundledPlugins() throws -> URL {
        let home = try home()
        return try home.require(home.plugins, "the bundled plugins")
    }

    /// `require`'s search path for a plain script: the bundled Plugins/lib, then each folder of `$DOSSIER_PLUGINS`.
    static func moduleSearchPath(extra: [String] = []) throws -> [String] {
        var folders = [try bundledPlugins().appendingPathComponent("lib").path]
        folders += extra
        if let list = ProcessEnvironment.value("DOSSIER_PLUGINS") {
            folders += list.split(separator: ":").map(String.init)
        }
        return folders.flatMap { ["\($0)/?.lua", "\($0)/?/init.lua"] }
    }

    /// Folders given on the command line, else the workspace's (resolved against its folder), else `fallback`.
    static func folders(option: [String], workspace key: KeyPath<Workspace, [String]>, fallback: () throws -> [URL]) throws -> [URL] {
        if !option.isEmpty { return option.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL } }
        if let workspace = try workspace(), !workspace[keyPath: key].isEmpty {
            return workspace[keyPath: key].map(workspace.resolve)
        }
        return try fallback()
    }
}
