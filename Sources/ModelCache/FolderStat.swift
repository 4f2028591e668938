// The size, time stamp and inode of a corpus listing's files, read with `fstatat` relative to each corpus folder
// kept open: the kernel looks up one name per file instead of every component of its full path (and of a
// symbolic link on the way) again for each of a hundred thousand files.

import Foundation

struct FolderStat {
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
}
