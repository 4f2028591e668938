// `--out FILE`: a report written whole or not at all where that can be promised, and never by replacing
// something that is not a regular file. A new path or a regular file is written to a temporary file
// beside it, then renamed over it. A device, a FIFO or a symlink is written in place, as a shell's `>`
// would (`--out /dev/null` leaves the device alone; a symlink keeps pointing where it did). A folder, or
// a symlink to nothing, is refused. Every error is a message naming the file.
import Foundation
import TerminalText

struct OutputFileError: Error, CustomStringConvertible {
    var description: String
}

enum OutputFile {
    static func write(_ data: Data, to path: String) throws(OutputFileError) {
        var info = stat()
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else { throw failure(path, String(cString: strerror(errno))) }
            return try writeAtomically(data, to: path)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            try writeAtomically(data, to: path)
        case S_IFDIR:
            throw failure(path, "it is a folder")
        case S_IFLNK:
            var target = stat()
            guard stat(path, &target) == 0 else { throw failure(path, "it is a symlink to a missing file") }
            guard target.st_mode & S_IFMT != S_IFDIR else { throw failure(path, "it is a symlink to a folder") }
            try writeInPlace(data, to: path)
        default:
            try writeInPlace(data, to: path)
        }
    }

    /// A temporary file in the same folder, written whole, then renamed over `path`.
    private static func writeAtomically(_ data: Data, to path: String) throws(OutputFileError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).dossier-\(getpid()).tmp").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(path, String(cString: strerror(errno))) }
        if let problem = writeAll(data, to: fd) ?? (close(fd) == 0 ? nil : String(cString: strerror(errno))) {
            unlink(temporary)
            throw failure(path, problem)
        }
        guard rename(temporary, path) == 0 else {
            let problem = String(cString: strerror(errno))
            unlink(temporary)
            throw failure(path, problem)
        }
    }

    /// Opens what is there (following a symlink) and writes to it.
    private static func writeInPlace(_ data: Data, to path: String) throws(OutputFileError) {
        let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, String(cString: strerror(errno))) }
        if let problem = writeAll(data, to: fd) {
            close(fd)
            throw failure(path, problem)
        }
        guard close(fd) == 0 else { throw failure(path, String(cString: strerror(errno))) }
    }

    /// Writes every byte; returns the error's text, or nil.
    static func writeAll(_ data: Data, to fd: Int32) -> String? {
        data.withUnsafeBytes { raw -> String? in
            var done = 0
            while done < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return String(cString: strerror(n < 0 ? errno : EIO)) }
                done += n
            }
            return nil
        }
    }

    private static func failure(_ path: String, _ problem: String) -> OutputFileError {
        OutputFileError(description: "cannot write \(TerminalText.escaped(path)): \(problem)")
    }
}
