import Foundation
internal import Crypto
public import SyncCore

/// The AES-256 key that personal data (operators' ID card and phone numbers) is encrypted under in the central store.
///
/// Resolved, in order, from the environment variable `TRACESYNC_DATA_KEY` (base64 of 32 bytes), a key file given
/// with `--data-key-file`, or the file `<database path>.key` beside the database, created with mode 0600 on first
/// use. A store on `:memory:` gets a random key. The key itself is never logged or printed.
public struct DataKey: Sendable {
    /// The environment variable that holds a base64 key.
    public static let environmentVariable = "TRACESYNC_DATA_KEY"

    /// The key's 32 bytes.
    private let bytes: [UInt8]

    /// The key for AES-GCM.
    var key: SymmetricKey { SymmetricKey(data: bytes) }

    /// A key from its base64 text (32 bytes once decoded).
    /// - Parameter origin: where the text came from, named in the refusal of a malformed key.
    public init(base64: String, origin: String) throws {
        guard let bytes = Data(base64Encoded: base64.trimmingCharacters(in: .whitespacesAndNewlines)),
              bytes.count == 32
        else {
            throw TraceSyncError(
                .badDataKey, field: origin,
                zh: "\(origin) 中的数据密钥无效：应为 32 字节密钥的 base64 文本（可用 openssl rand -base64 32 生成）。",
                en: "the data key in \(origin) is not valid: it must be the base64 text of 32 bytes (e.g. from openssl rand -base64 32)."
            )
        }
        self.bytes = Array(bytes)
    }

    /// A new random key.
    public static func random() -> DataKey {
        DataKey(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// The key's base64 text, to write into a key file.
    var base64: String { Data(bytes).base64EncodedString() }

    /// The key for the store at `databasePath`: from the environment, else `keyFile`, else the file beside the
    /// database, else random for `:memory:`. The file beside the database is made only with a new database: an
    /// existing database whose key is missing is refused, never given a new key that could not read it.
    /// - Parameter environment: the variables to look in; nil for this process's.
    public static func resolve(
        databasePath: String, keyFile: String? = nil,
        environment: [String: String]? = nil
    ) throws -> DataKey {
        let environment = environment ?? ProcessInfo.processInfo.environment
        if let text = environment[environmentVariable], !text.isEmpty {
            return try DataKey(base64: text, origin: environmentVariable)
        }
        if let keyFile { return try read(keyFile) }
        if databasePath == ":memory:" { return random() }
        let besideDatabase = databasePath + ".key"
        if FileManager.default.fileExists(atPath: besideDatabase) { return try read(besideDatabase) }
        guard !FileManager.default.fileExists(atPath: databasePath) else { throw missing(databasePath) }
        return try create(besideDatabase)
    }

    private static func missing(_ databasePath: String) -> TraceSyncError {
        TraceSyncError(
            .dataKeyMissing, field: "data-key-file",
            zh: "找不到数据库 \(databasePath) 的数据密钥：请设置 \(environmentVariable)、用 --data-key-file 指定密钥文件，或把另行保管的密钥放回 \(databasePath).key。不会为已有数据库新建密钥。",
            en: "no data key found for the database \(databasePath): set \(environmentVariable), give --data-key-file, or put the key kept apart back as \(databasePath).key. An existing database is never given a new key."
        )
    }

    private static func read(_ path: String) throws -> DataKey {
        guard let text = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) }) else {
            throw TraceSyncError(
                .dataKeyUnreadable, field: "data-key-file",
                zh: "无法读取数据密钥文件 \(path)：请检查路径和权限（文件应只对服务器用户可读，权限 0600）。",
                en: "cannot read the data key file \(path): check the path and its permissions (readable by the server's user only, mode 0600)."
            )
        }
        return try DataKey(base64: text, origin: path)
    }

    /// Writes a new random key to `path`, readable and writable by the owner only; if another process made the
    /// file first, reads theirs.
    private static func create(_ path: String) throws -> DataKey {
        let key = random()
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true
        )
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { return try read(path) }
            throw TraceSyncError(
                .dataKeyUnwritable, field: "data-key-file",
                zh: "无法创建数据密钥文件 \(path)：请检查目录权限，或用环境变量 \(environmentVariable) 提供密钥。",
                en: "cannot create the data key file \(path): check the directory's permissions, or give the key in \(environmentVariable)."
            )
        }
        defer { close(descriptor) }
        let bytes = Array((key.base64 + "\n").utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count, fsync(descriptor) == 0 else {
            unlink(path)
            throw TraceSyncError(
                .dataKeyUnwritable, field: "data-key-file",
                zh: "写入数据密钥文件 \(path) 失败：请检查磁盘空间。",
                en: "writing the data key file \(path) failed: check the free disk space."
            )
        }
        return key
    }
}
