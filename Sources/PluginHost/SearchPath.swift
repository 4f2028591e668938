// The plugin search path and discovery: which folders hold plugins, in which order, and which file a
// name stands for. A plugin is `NAME.lua` directly in a plugin folder; `lib/` folders (and any other
// sub-folder, such as `tests/`) hold modules and fixtures, never plugins.

import CorpusModel
import Foundation
import ScriptingAPI
#if canImport(Glibc)
import Glibc
#endif

/// Where a plugin folder comes from, in search order.
public enum PluginOrigin: String, Sendable, Equatable, Comparable {
    /// The bundled `Plugins/` folder.
    case bundled
    /// A `--plugins DIR` option.
    case option
    /// A folder of the `DOSSIER_PLUGINS` path list.
    case environment
    /// A file given by path (`dossier run my/report.lua`).
    case path

    private var rank: Int {
        switch self {
        case .bundled: 0
        case .option: 1
        case .environment: 2
        case .path: 3
        }
    }

    public static func < (a: PluginOrigin, b: PluginOrigin) -> Bool { a.rank < b.rank }
}

/// One folder of the search path.
public struct PluginDirectory: Sendable, Equatable {
    public var url: URL
    public var origin: PluginOrigin

    public init(url: URL, origin: PluginOrigin) {
        self.url = url.standardizedFileURL
        self.origin = origin
    }

    /// The folder's `lib/` sub-folder, where its shared modules live.
    public var library: URL { url.appendingPathComponent("lib", isDirectory: true) }
}

/// The folders searched for plugins, in order: the bundled `Plugins/`, then each `--plugins DIR`, then
/// each folder of `DOSSIER_PLUGINS` (a `:`-separated list). The first folder that holds `NAME.lua`
/// wins; a later file of the same name is shadowed, as on a shell's `PATH`.
public struct PluginSearchPath: Sendable, Equatable {
    public var directories: [PluginDirectory]

    public init(directories: [PluginDirectory]) {
        var seen = Set<String>()
        self.directories = directories.filter { seen.insert($0.url.path).inserted }
    }

    /// The standard path: `bundled` (when given), then `extra` (from `--plugins`), then the folders of
    /// `DOSSIER_PLUGINS` in `environment` (nil: the process's).
    public init(bundled: URL?, extra: [String] = [], environment: [String: String]? = nil) {
        var directories: [PluginDirectory] = []
        if let bundled { directories.append(PluginDirectory(url: bundled, origin: .bundled)) }
        for folder in extra where !folder.isEmpty {
            directories.append(PluginDirectory(url: URL(fileURLWithPath: folder, isDirectory: true), origin: .option))
        }
        if let list = ProcessEnvironment.value("DOSSIER_PLUGINS", in: environment) {
            for folder in list.split(separator: ":", omittingEmptySubsequences: true) {
                directories.append(PluginDirectory(url: URL(fileURLWithPath: String(folder), isDirectory: true),
                                                   origin: .environment))
            }
        }
        self.init(directories: directories)
    }

    /// `require`'s search path (`package.path` templates): every folder's `lib/` first, in search order,
    /// then the plugin folders themselves, then `extra` folders (a plugin given by path adds its own).
    public func modulePath(adding extra: [URL] = []) -> [String] {
        var folders: [String] = []
        var seen = Set<String>()
        func add(_ url: URL) {
            let path = url.standardizedFileURL.path
            if seen.insert(path).inserted { folders.append(path) }
        }
        for directory in directories { add(directory.library) }
        for url in extra { add(url.appendingPathComponent("lib", isDirectory: true)) }
        for directory in directories { add(directory.url) }
        for url in extra { add(url) }
        return folders.flatMap { ["\($0)/?.lua", "\($0)/?/init.lua"] }
    }
}

/// A plugin file found on the search path (or given by path).
public struct PluginFile: Sendable, Hashable {
    /// The file name without `.lua`: the name the plugin is selected by.
    public var name: String
    public var url: URL
    public var origin: PluginOrigin

    public init(url: URL, origin: PluginOrigin) {
        self.url = url.standardizedFileURL
        self.origin = origin
        name = self.url.deletingPathExtension().lastPathComponent
    }

    /// The folder holding the file.
    public var directory: URL { url.deletingLastPathComponent() }

    /// The path as the user would type it from the working directory (as Lua names the chunk).
    public var displayPath: String { PluginFile.displayPath(url.path) }

    static func displayPath(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    public static func == (a: PluginFile, b: PluginFile) -> Bool { a.url.path == b.url.path }
    public func hash(into hasher: inout Hasher) { hasher.combine(url.path) }
}

/// The plugins found on a search path: one file per name, in search order then by name.
public struct PluginCatalog: Sendable {
    public let searchPath: PluginSearchPath
    /// The plugins in effect, sorted by name.
    public let plugins: [PluginFile]
    /// Files hidden by an earlier file of the same name, with the file that hides each.
    public let shadowed: [(file: PluginFile, by: PluginFile)]

    /// Lists `*.lua` directly in each folder of `searchPath` (sub-folders such as `lib/` and `tests/`
    /// are not searched). Missing folders are skipped.
    public init(searchPath: PluginSearchPath) {
        self.searchPath = searchPath
        var byName: [String: PluginFile] = [:]
        var shadowed: [(file: PluginFile, by: PluginFile)] = []
        let fileManager = FileManager.default
        for directory in searchPath.directories {
            // A `lib/` folder holds modules even when named on the path itself.
            if directory.url.lastPathComponent == "lib" { continue }
            guard let names = try? fileManager.contentsOfDirectory(atPath: directory.url.path) else { continue }
            for name in names.sorted() where name.hasSuffix(".lua") && !name.hasPrefix(".") {
                let url = directory.url.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                    continue
                }
                let file = PluginFile(url: url, origin: directory.origin)
                if let first = byName[file.name] {
                    shadowed.append((file, first))
                } else {
                    byName[file.name] = file
                }
            }
        }
        plugins = byName.values.sorted { $0.name < $1.name }
        self.shadowed = shadowed
    }

    /// The plugin named `name`, if any.
    public func plugin(named name: String) -> PluginFile? { plugins.first { $0.name == name } }

    /// The plugin `NAME.lua` of the first folder of `searchPath` that holds it as the catalog lists it (a regular
    /// file, or a link to one, in a readable folder other than a `lib/`), without listing the folders: what
    /// `PluginCatalog(searchPath:).plugin(named:)` finds when this finds one. Nil when none is found this way
    /// (the catalog, which compares names as Strings, may still find one).
    public static func plugin(named name: String, in searchPath: PluginSearchPath) -> PluginFile? {
        guard !name.isEmpty, !name.hasPrefix("."), !name.contains("/") else { return nil }
        for directory in searchPath.directories where directory.url.lastPathComponent != "lib" {
            let folder = directory.url.path
            guard access(folder, R_OK) == 0 else { continue }
            var st = stat()
            let path = (folder.hasSuffix("/") ? folder : folder + "/") + name + ".lua"
            guard stat(path, &st) == 0 else { continue }
            guard st.st_mode & S_IFMT != S_IFDIR else { continue }
            return PluginFile(url: directory.url.appendingPathComponent(name + ".lua"), origin: directory.origin)
        }
        return nil
    }

    /// The files `file` hides (later files of the same name).
    public func filesShadowed(by file: PluginFile) -> [PluginFile] {
        shadowed.filter { $0.by == file }.map(\.file)
    }

    /// Names close to `name`, for "did you mean" hints.
    public func suggestion(for name: String) -> String? {
        Suggestion.closest(to: name, among: plugins.map(\.name))
    }
}

/// How plugins are selected on the command line: `NAME`, a glob (`visit-*`, `*-pairs`, `[a-c]*`) or
/// `category:NAME`.
public enum PluginSelector: Sendable, Equatable, CustomStringConvertible {
    case name(String)
    case glob(String)
    case category(String)

    public init(_ text: String) {
        if text.hasPrefix("category:") {
            self = .category(String(text.dropFirst("category:".count)))
        } else if text.contains(where: { "*?[".contains($0) }) {
            self = .glob(text)
        } else {
            self = .name(text)
        }
    }

    public var description: String {
        switch self {
        case .name(let name): name
        case .glob(let pattern): pattern
        case .category(let category): "category:\(category)"
        }
    }

    /// Whether the plugin `name` with `categories` is selected.
    public func matches(name: String, categories: [String]) -> Bool {
        switch self {
        case .name(let wanted): return name == wanted
        case .glob(let pattern): return fnmatch(pattern, name, 0) == 0
        case .category(let category): return categories.contains(category)
        }
    }
}
