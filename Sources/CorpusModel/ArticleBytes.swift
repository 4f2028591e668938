import Foundation

/// A file's size, modification time and inode, as `fstat` gives them on the descriptor its bytes are read from:
/// the model cache remembers an article's hash under them (its files index), so that a cold build, which reads
/// every article anyway, needs no `stat` of each before it.
public struct FileStamp: Equatable, Sendable {
    public var size: Int64
    public var seconds: Int64
    public var nanoseconds: Int64
    public var inode: UInt64

    public init(size: Int64, seconds: Int64, nanoseconds: Int64, inode: UInt64) {
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
        self.inode = inode
    }

    public init(_ st: stat) {
        self.init(size: Int64(st.st_size), seconds: Int64(st.st_mtim.tv_sec), nanoseconds: Int64(st.st_mtim.tv_nsec),
                  inode: UInt64(st.st_ino))
    }
}

/// An article's bytes with the stamp of the file they were read from, taken before they are read (as a `stat`
/// before the read would take it: a change during the read shows in the next command's stamp).
public enum ArticleBytes {
    /// Nil when the file cannot be opened or read (the caller reports it as a plain read does).
    public static func read(_ path: String) -> (data: Data, stamp: FileStamp)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: max(Int(st.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count))) }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return nil }
            if n == 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
        return (Data(bytes), FileStamp(st))
    }
}
