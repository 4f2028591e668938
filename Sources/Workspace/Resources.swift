// Where Dossier's bundled resources are: the plugins and their lib, the gazetteer, the lexicon, the model
// weights and the sample corpus. An installed binary finds them beside itself (PREFIX/bin/dossier and
// PREFIX/share/dossier/), a checkout's build finds the checkout (the folder above .build/ that holds Plugins/),
// and DOSSIER_HOME overrides both. Never the working directory: a user's folder is not a resource folder.

import CorpusModel
import Foundation

/// A resource that could not be found, with every place that was looked at.
public struct ResourceError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The folder holding `Plugins/` and `Data/`, and how it was found.
public struct ResourceHome: Sendable, Equatable {
    public enum Origin: String, Sendable { case environment = "DOSSIER_HOME", installed = "installed", checkout = "checkout" }

    public var url: URL
    public var origin: Origin

    public init(url: URL, origin: Origin) {
        self.url = url.standardizedFileURL
        self.origin = origin
    }

    /// `share/dossier` relative to the `bin/` folder an installed binary sits in.
    public static let installedRelativePath = "../share/dossier"

    /// Finds the home: `DOSSIER_HOME` when set, else `bin/../share/dossier` beside the executable, else the
    /// nearest folder above the executable that holds `Plugins/` (a checkout's `.build/debug/dossier`).
    public static func locate(executable: URL = ResourceHome.executable,
                              environment: [String: String]? = nil) throws -> ResourceHome {
        var looked: [String] = []
        if let home = ProcessEnvironment.value("DOSSIER_HOME", in: environment) {
            guard !home.isEmpty else {
                throw ResourceError("DOSSIER_HOME is set but empty: unset it, or set it to the folder that holds Plugins/ and Data/")
            }
            let url = URL(fileURLWithPath: home, isDirectory: true)
            guard isDirectory(url.appendingPathComponent("Plugins")) else {
                throw ResourceError("DOSSIER_HOME=\(home): no Plugins/ folder there (it should hold Plugins/ and Data/)")
            }
            return ResourceHome(url: url, origin: .environment)
        }
        let binFolder = executable.deletingLastPathComponent()
        let installed = binFolder.appendingPathComponent(installedRelativePath, isDirectory: true).standardizedFileURL
        if isDirectory(installed.appendingPathComponent("Plugins")) { return ResourceHome(url: installed, origin: .installed) }
        looked.append(installed.path)
        var candidate = binFolder
        for _ in 0..<6 {
            if isDirectory(candidate.appendingPathComponent("Plugins")) { return ResourceHome(url: candidate, origin: .checkout) }
            looked.append(candidate.path)
            if candidate.path == "/" { break }
            candidate.deleteLastPathComponent()
        }
        throw ResourceError("""
            cannot find Dossier's resources (Plugins/ and Data/): looked in \(looked.joined(separator: ", ")); \
            install with 'make install' or set DOSSIER_HOME to the folder that holds them
            """)
    }

    /// The running executable, symbolic links resolved (`/proc/self/exe` on Linux; `argv[0]` elsewhere).
    public static var executable: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    }

    /// True when `url` is an existing folder.
    public static func isFolder(_ url: URL) -> Bool { isDirectory(url) }

    static func isDirectory(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }

    // MARK: The resources

    public var plugins: URL { url.appendingPathComponent("Plugins", isDirectory: true) }
    public var pluginLibrary: URL { plugins.appendingPathComponent("lib", isDirectory: true) }
    public var gazetteer: URL { url.appendingPathComponent("Data/gazetteer", isDirectory: true) }
    public var sampleCorpus: URL { url.appendingPathComponent("Data/corpus", isDirectory: true) }
    /// The lexicon's word lists and rules, when this installation has them.
    public var lexicon: URL { url.appendingPathComponent("Data/lexicon", isDirectory: true) }
    /// Model weights, when this installation has them.
    public var model: URL { url.appendingPathComponent("Data/model", isDirectory: true) }

    /// A resource folder that must exist, or an error naming where it was looked for.
    public func require(_ folder: URL, _ what: String) throws -> URL {
        guard Self.isDirectory(folder) else {
            throw ResourceError("\(what) not found: looked in \(folder.path) (Dossier's resources, found \(originText))")
        }
        return folder
    }

    /// How the home was found, for messages and `dossier status`.
    public var originText: String {
        switch origin {
        case .environment: "through DOSSIER_HOME"
        case .installed: "beside the installed binary"
        case .checkout: "in the checkout the binary was built in"
        }
    }
}
