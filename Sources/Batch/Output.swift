// The output folder: checked before anything runs, and written only by rename. A report's files are
// all written to temporary files first (hidden, in the same folder), then renamed into place one after
// another, so a report that fails, or a batch that is killed, never leaves a partial file under a
// report's name.

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The output folder cannot be used, or a file cannot be written.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

enum OutputDirectory {
    /// The marker in temporary file names: `.NAME.md.batch-PID-N.tmp`.
    static let temporaryMarker = ".batch-"

    /// Creates the folder when missing and proves it writable by creating and removing a file in it.
    static func prepare(_ url: URL) throws(OutputError) {
        let path = url.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw OutputError("cannot write reports to \(path): it is a file, not a folder")
            }
        } else {
            // Each missing folder made in turn, so the message names the one that failed and why.
            var partial = path.hasPrefix("/") ? "" : "."
            for component in path.split(separator: "/") {
                partial += "/" + component
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: partial, isDirectory: &isFolder) {
                    guard isFolder.boolValue else {
                        throw OutputError("cannot create the output folder \(path): \(partial.hasPrefix("./") ? String(partial.dropFirst(2)) : partial) is a file, not a folder")
                    }
                    continue
                }
                if mkdir(partial, 0o755) != 0 && errno != EEXIST {
                    throw OutputError("cannot create the output folder \(path): \(String(cString: strerror(errno)))")
                }
            }
        }
        let probe = url.appendingPathComponent(".batch-probe-\(getpid())").path
        let fd = open(probe, O_CREAT | O_EXCL | O_WRONLY, 0o644)
        guard fd >= 0 else {
            throw OutputError("cannot write to the output folder \(path): \(String(cString: strerror(errno)))")
        }
        close(fd)
        unlink(probe)
    }

    /// Removes temporary files a killed run left behind.
    static func removeLeftovers(in url: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") && name.contains(temporaryMarker) {
            unlink(url.appendingPathComponent(name).path)
        }
    }

    nonisolated(unsafe) private static var counter = 0
    private static let counterLock = NSLock()

    private static func temporaryName(for name: String) -> String {
        counterLock.lock()
        counter += 1
        let n = counter
        counterLock.unlock()
        return ".\(name)\(temporaryMarker)\(getpid())-\(n).tmp"
    }

    /// Writes `files` (name and content) into `directory`: every temporary file first, then the renames.
    /// On any failure every temporary file is removed and nothing is renamed.
    static func writeAtomically(_ files: [(name: String, data: Data)], in directory: URL) throws(OutputError) {
        try commit(try writeTemporaries(files, in: directory))
    }

    /// A file written under its temporary name, waiting to be renamed to its final path.
    struct Pending: Sendable, Codable {
        var temporary: String
        var final: String
    }

    /// Writes each file whole under a hidden temporary name beside its final path. On any failure the
    /// temporaries already written are removed.
    static func writeTemporaries(_ files: [(name: String, data: Data)], in directory: URL) throws(OutputError) -> [Pending] {
        var temporaries: [Pending] = []
        for file in files {
            let final = directory.appendingPathComponent(file.name).path
            let temporary = directory.appendingPathComponent(temporaryName(for: file.name)).path
            let fd = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                let message = String(cString: strerror(errno))
                discard(temporaries)
                throw OutputError("cannot write \(final): \(message)")
            }
            temporaries.append(Pending(temporary: temporary, final: final))
            let ok = file.data.withUnsafeBytes { raw -> Bool in
                var offset = 0
                while offset < raw.count {
                    let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    offset += n
                }
                return true
            }
            let writeError = errno
            if close(fd) != 0 || !ok {
                let message = String(cString: strerror(ok ? errno : writeError))
                discard(temporaries)
                throw OutputError("cannot write \(final): \(message)")
            }
        }
        return temporaries
    }

    /// Renames every pending file into place, in order. On a failure the rest are removed.
    static func commit(_ temporaries: [Pending]) throws(OutputError) {
        for (index, entry) in temporaries.enumerated() where rename(entry.temporary, entry.final) != 0 {
            let message = String(cString: strerror(errno))
            discard(Array(temporaries[index...]))
            throw OutputError("cannot write \(entry.final): \(message)")
        }
    }

    /// Removes temporaries that will not be renamed.
    static func discard(_ temporaries: [Pending]) {
        for entry in temporaries { unlink(entry.temporary) }
    }

    /// Removes the temporaries a worker process left when it was killed or crashed (their names carry
    /// its process id).
    static func removeTemporaries(ofProcess pid: Int32, in url: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return }
        let marker = "\(temporaryMarker)\(pid)-"
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") && name.contains(marker) {
            unlink(url.appendingPathComponent(name).path)
        }
    }
}
