public import SyncCore

/// The refusals of backup and restore, each naming the file at fault and what to do.
public enum BackupError {
    /// The file or directory a backup or restore needs could not be read or written.
    package static func fileSystem(operation: String, path: String, reason: String) -> TraceSyncError {
        TraceSyncError(.backupIo, field: nil,
                       zh: "文件操作 \(operation) 失败（\(path)）：\(reason)。请检查路径、权限与磁盘空间。",
                       en: "could not \(operation) \(path): \(reason). Check the path, permissions and free space.")
    }

    /// The restore target exists already; a restore never overwrites.
    package static func destinationExists(_ path: String) -> TraceSyncError {
        TraceSyncError(.restoreTargetExists, field: "to",
                       zh: "\(path) 已存在：恢复不会覆盖已有文件，请用 --to 指定一个新文件。",
                       en: "\(path) already exists: a restore never overwrites a file; give --to a new file.")
    }

    /// The store to back up does not exist.
    package static func sourceMissing(_ path: String) -> TraceSyncError {
        TraceSyncError(.databaseMissing, field: "db",
                       zh: "数据库 \(path) 不存在：请检查 --db。",
                       en: "the database \(path) does not exist: check --db.")
    }

    /// The backup directory holds no complete backup.
    static func noBackups(_ directory: String) -> TraceSyncError {
        TraceSyncError(.noBackups, field: "from",
                       zh: "\(directory) 中没有完整的备份（backup-NNNNNN-*.json）：请检查 --from。",
                       en: "\(directory) holds no complete backup (backup-NNNNNN-*.json): check --from.")
    }

    /// Every backup in the directory is newer than the time asked for.
    static func noBackupThatOld(until: String, oldest: String) -> TraceSyncError {
        TraceSyncError(.noBackupBefore, field: "until",
                       zh: "没有 \(until) 或更早的备份：最早的备份是 \(oldest)。请给出更晚的 --until。",
                       en: "no backup was taken at or before \(until): the oldest is from \(oldest). Give a later --until.")
    }

    /// A manifest cannot be read or is of an unknown format.
    static func manifestUnreadable(_ name: String) -> TraceSyncError {
        TraceSyncError(.backupManifestUnreadable, field: nil,
                       zh: "备份清单 \(name) 无法读取或格式未知：该备份已损坏，请改用其他备份。",
                       en: "the backup manifest \(name) cannot be read or has an unknown format: the backup is damaged; use another.")
    }

    /// An incremental names a previous backup that is not in the directory.
    static func linkMissing(_ name: String, previous: String) -> TraceSyncError {
        TraceSyncError(.backupLinkMissing, field: nil,
                       zh: "备份链断开：\(name) 的前一个备份 \(previous) 不存在。请找回该文件，或恢复到更早的时间点。",
                       en: "the backup chain is broken: \(previous), the backup before \(name), is missing. Bring it back, or restore to an earlier time.")
    }

    /// The previous manifest is not the one an incremental was chained to.
    static func linkAltered(_ name: String, previous: String) -> TraceSyncError {
        TraceSyncError(.backupLinkAltered, field: nil,
                       zh: "备份链被改动：\(previous) 与 \(name) 记录的哈希不符。该备份不可信，请恢复到更早的时间点。",
                       en: "the backup chain was altered: \(previous) does not match the hash \(name) recorded for it. It cannot be trusted; restore to an earlier time.")
    }

    /// A pages file is missing, or its content does not match its manifest.
    package static func pagesAltered(_ name: String, pagesFile: String) -> TraceSyncError {
        TraceSyncError(.backupPagesAltered, field: nil,
                       zh: "备份 \(name) 的数据文件 \(pagesFile) 缺失或与清单不符：该备份已损坏或被改动，请恢复到更早的时间点。",
                       en: "\(pagesFile), the data of backup \(name), is missing or does not match its manifest: the backup is damaged or altered; restore to an earlier time.")
    }

    /// A manifest names a file outside its backup directory, or a symbolic link.
    static func pathOutside(_ name: String, path: String) -> TraceSyncError {
        TraceSyncError(.backupPathOutside, field: nil,
                       zh: "备份清单 \(name) 指向的 \(path) 不是备份目录中的文件（含路径或为符号链接）：清单被改动，该备份不可信，请改用其他备份。",
                       en: "the backup manifest \(name) names \(path), which is not a file of the backup directory (it has a path part or is a symbolic link): the manifest was altered and cannot be trusted; use another backup.")
    }

    /// The rebuilt store differs from the snapshot the last manifest describes.
    package static func rebuildMismatch(_ name: String, page: Int) -> TraceSyncError {
        TraceSyncError(.backupRebuildMismatch, field: nil,
                       zh: "按备份链重建的数据库第 \(page) 页与 \(name) 记录的不符：备份链不一致，请恢复到更早的时间点。",
                       en: "page \(page) of the store rebuilt from the chain differs from what \(name) recorded: the chain is inconsistent; restore to an earlier time.")
    }

    /// The previous backup is unusable as the base of an incremental.
    package static func previousUnusable(_ name: String) -> TraceSyncError {
        TraceSyncError(.backupPreviousUnusable, field: nil,
                       zh: "上一个备份 \(name) 无法读取，不能在其上做增量备份：请用 --full 做一次完整备份。",
                       en: "the last backup \(name) cannot be read, so no incremental can build on it: take a full backup with --full.")
    }
}
