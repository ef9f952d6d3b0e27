public import Foundation
public import SyncCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing files so that a crash leaves either the whole new file or nothing: write to a temporary name in the same
/// directory, flush it to disk, rename it into place, then flush the directory entry. Every file is created readable
/// and writable by its owner only (0600): backups and restored stores hold the whole store.
package enum DurableFiles {
    /// The mode of every file written: owner read and write only.
    static let fileMode: mode_t = 0o600
    /// The mode of a backup directory made here: owner only.
    package static let directoryMode = 0o700

    /// Creates the new file `url` with mode 0600 (the umask can only narrow it) holding `data`.
    package static func createPrivate(_ url: URL, contents data: Data = Data()) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, fileMode)
        guard descriptor >= 0 else { throw failure("create", url.path) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: data)
            try handle.close()
        } catch {
            throw BackupError.fileSystem(operation: "write", path: url.path, reason: error.localizedDescription)
        }
    }

    /// A temporary name in `directory` for a file that will become `name`; hidden, so listings skip it.
    package static func temporaryURL(in directory: URL, for name: String) -> URL {
        directory.appendingPathComponent(".\(name).tmp-\(UUID().uuidString)")
    }

    /// Writes `data` to `url` atomically and durably.
    package static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = temporaryURL(in: directory, for: url.lastPathComponent)
        do {
            try createPrivate(temporary, contents: data)
            try publish(temporary, as: url)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Flushes `temporary` to disk, renames it to `url` (replacing any file there) and flushes the directory.
    package static func publish(_ temporary: URL, as url: URL) throws {
        try sync(temporary.path)
        guard rename(temporary.path, url.path) == 0 else { throw failure("rename", url.path) }
        try sync(url.deletingLastPathComponent().path)
    }

    /// Flushes `temporary` to disk and links it as `url`, refusing if `url` exists (no check-then-write race), then
    /// removes the temporary name and flushes the directory.
    package static func publishNew(_ temporary: URL, as url: URL) throws {
        try sync(temporary.path)
        guard link(temporary.path, url.path) == 0 else {
            if errno == EEXIST { throw BackupError.destinationExists(url.path) }
            throw failure("link", url.path)
        }
        unlink(temporary.path)
        try sync(url.deletingLastPathComponent().path)
    }

    /// `fsync` of a file or directory.
    static func sync(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure("open", path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure("fsync", path) }
    }

    private static func failure(_ operation: String, _ path: String) -> TraceSyncError {
        BackupError.fileSystem(operation: operation, path: path, reason: String(cString: strerror(errno)))
    }
}
