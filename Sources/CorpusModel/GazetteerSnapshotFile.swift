import Foundation

/// A gazetteer snapshot opened for reading: mapped while the snapshot is read, then only its descriptor kept, for the
/// name index read on first use (`PendingNameIndex`).
///
/// The mapping is not kept: a file truncated in place while mapped ends the process with SIGBUS at the next read of a
/// lost page. Snapshots are replaced by renaming (the descriptor keeps the replaced file's bytes), so only an outside
/// actor truncates one; the name index, read later with `pread`, then reads short and is refused in one line.
final class GazetteerSnapshotFile: @unchecked Sendable {
    let path: String
    private let descriptor: Int32
    let size: Int

    init?(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0 else { close(fd); return nil }
        self.path = path
        descriptor = fd
        size = Int(st.st_size)
    }

    deinit { close(descriptor) }

    /// `body` over the whole file, mapped for the call only; nil when it cannot be mapped.
    func withMappedBytes<R>(_ body: (UnsafeRawBufferPointer) -> R?) -> R? {
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else { return nil }
        defer { munmap(mapped, size) }
        return body(UnsafeRawBufferPointer(start: mapped, count: size))
    }

    /// The bytes of `range`, read (not mapped); nil when the file no longer holds them.
    func bytes(_ range: Range<Int>) -> [UInt8]? {
        guard range.lowerBound >= 0 else { return nil }
        var out = [UInt8](repeating: 0, count: range.count)
        var done = 0
        let complete = out.withUnsafeMutableBytes { buffer -> Bool in
            while done < range.count {
                let n = pread(descriptor, buffer.baseAddress! + done, range.count - done, off_t(range.lowerBound + done))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        return complete ? out : nil
    }
}
