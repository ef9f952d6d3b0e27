import SyncCore
import CentralCore
import CentralSQLite

/// How often the server takes a scheduled backup, as an operator types it: `30m`, `6h`, `1d` (or `90s`).
enum BackupInterval {
    /// The interval in seconds.
    /// - Throws: `TraceSyncError` `bad_backup_interval` for text it cannot read or an interval that is not positive.
    static func parse(_ text: String) throws -> Int64 {
        guard let count = Int64(text.dropLast()), count > 0, let unit = text.last, let seconds = unitSeconds[unit],
              count <= Int64.max / 1_000_000_000 / seconds
        else {
            throw TraceSyncError(.badBackupInterval, field: "backup-every",
                                 zh: "备份间隔「\(text)」无效：请写成正整数加单位，如 30m（分钟）、6h（小时）、1d（天）或 90s（秒）。",
                                 en: "backup interval \"\(text)\" is not valid: write a positive whole number and a unit, such as 30m (minutes), 6h (hours), 1d (days) or 90s (seconds).")
        }
        return count * seconds
    }

    private static let unitSeconds: [Character: Int64] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
}
