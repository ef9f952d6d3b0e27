import ArgumentParser
import Foundation
import SyncCore
import CentralCore
import CentralSQLite

/// Options every `admin` command shares: the central database, worked on directly (the server may be running).
struct AdminOptions: ParsableArguments {
    @Option(help: "中心数据库文件 / central database file")
    var db = "./data/central.sqlite"

    @Option(help: "个人信息加密密钥文件（默认读环境变量 TRACESYNC_DATA_KEY，否则用数据库旁的 .key 文件）/ data key file (default: TRACESYNC_DATA_KEY, else the .key file beside the database)")
    var dataKeyFile: String?

    /// Opens the store and runs `body`; a refusal is printed in both languages and ends with exit code 1.
    /// - Parameter creating: whether a missing database may be created; otherwise a missing file is refused, so a
    ///   mistyped `--db` does not quietly start an empty database.
    func withStore(creating: Bool = false, _ body: (CentralStore) throws -> Void) throws {
        do {
            guard creating || FileManager.default.fileExists(atPath: db) else {
                throw TraceSyncError(
                    .databaseMissing, field: "db",
                    zh: "数据库 \(db) 不存在：请检查 --db，或先用 sync-server serve 或 admin node add 创建。",
                    en: "the database \(db) does not exist: check --db, or create it with sync-server serve or admin node add."
                )
            }
            try body(try CentralStore(path: db, dataKey: DataKey.resolve(databasePath: db, keyFile: dataKeyFile)))
        } catch {
            throw commandFailure(error)
        }
    }
}

extension AdminOptions {
    /// Opens the store and runs `change` in one transaction with its audit record (`CommandAudit`); a refusal rolls
    /// the change back, is recorded as a failure and is printed as `withStore` does.
    func withAuditedStore(
        action: String, target: String?, creating: Bool = false, _ change: (CentralStore) throws -> Void
    ) throws {
        try withStore(creating: creating) { store in
            try CommandAudit.recording(store, action: action, target: target) { try change(store) }
        }
    }
}

/// Prints `value` as pretty, key-sorted JSON for scripts.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
