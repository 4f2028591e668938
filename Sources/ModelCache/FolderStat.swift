// The size, time stamp and inode of a corpus listing's files, read with `fstatat` relative to each corpus folder
// kept open: the kernel looks up one name per file instead of every component of its full path (and of a
// symbolic link on the way) again for each of a hundred thousand files. A large listing is read on every core:
// the calls are independent, each file still read once, so nothing is checked less.

import Foundation

struct FolderStat: Sendable {
    private var folders: [(prefix: [UInt8], fd: Int32)] = []
    private var last = 0

    /// Opens `directories` as `CorpusListing` names them (a file's path is the folder's path, "/", its name).
    init(directories: [URL]) {
        for directory in directories {
            let path = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
            let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if fd >= 0 { folders.append((Array(path.utf8), fd)) }
        }
    }

    func close() {
        for folder in folders { Glibc.close(folder.fd) }
    }

    /// The metadata of `path`, or nil when it cannot be read.
    mutating func metadata(of path: String) -> FileIndex.Entry? {
        var st = stat()
        let found = path.withCString { full -> Int32 in
            let length = strlen(full)
            for step in 0..<folders.count {
                let i = (last + step) % folders.count
                let prefix = folders[i].prefix
                guard length > prefix.count, memcmp(full, prefix, prefix.count) == 0, strchr(full + prefix.count, 0x2F) == nil
                else { continue }
                last = i
                return fstatat(folders[i].fd, full + prefix.count, &st, 0)
            }
            return stat(full, &st) // not in one of the folders: by its whole path
        }
        return found == 0 ? FileIndex.Entry(st) : nil
    }

    /// The metadata of each of `paths`, in their order (nil for a file that cannot be read); slices of the
    /// listing are read at once on the cores there are, when there are enough files to be worth it.
    /// (`filesPerSlice`: the fewest files read on several threads, for tests.)
    /// `each` is called with every file's position and metadata as soon as it is read, from the slice's thread.
    func metadata(ofEach paths: [String], cores: Int = ProcessInfo.processInfo.activeProcessorCount,
                  filesPerSlice: Int = Self.filesPerSlice,
                  each: (@Sendable (Int, FileIndex.Entry?) -> Void)? = nil) -> [FileIndex.Entry?] {
        let slices = paths.count < filesPerSlice ? 1 : max(1, min(cores * 4, paths.count / max(1, filesPerSlice / 4)))
        let results = MetadataSlots(count: paths.count)
        let slice: @Sendable (Int) -> Void = { k in
            var own = self // each slice its own guess of the folder
            for i in stride(from: k * paths.count / slices, to: (k + 1) * paths.count / slices, by: 1) {
                let metadata = own.metadata(of: paths[i])
                results.set(i, metadata)
                each?(i, metadata)
            }
        }
        if slices == 1 { slice(0) } else { DispatchQueue.concurrentPerform(iterations: slices, execute: slice) }
        return results.take()
    }

    /// Below this many files, one thread (a thread's start costs more than a few thousand `fstatat`).
    static let filesPerSlice = 4096
}

/// One slot per file, each written by one slice alone.
private final class MetadataSlots: @unchecked Sendable {
    private var slots: UnsafeMutableBufferPointer<FileIndex.Entry?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    func set(_ index: Int, _ entry: FileIndex.Entry?) { slots[index] = entry }

    func take() -> [FileIndex.Entry?] { Array(slots) }

    deinit { slots.deallocate() }
}
