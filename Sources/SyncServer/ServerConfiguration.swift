import Logging
import NIOSSL
import SyncCore
import CentralCore
import CentralSQLite

/// Everything `buildApplication(_:)` needs to know: where the store is, where to listen, and the request limits.
struct ServerConfiguration: Sendable {
    /// The central SQLite database; created, migrated and seeded on first start.
    var databasePath: String
    /// The address to listen on.
    var host: String = "127.0.0.1"
    /// The port to listen on; 0 lets the system pick a free one, announced once the server runs.
    var port: Int = 8080
    /// The largest request body accepted, in bytes.
    var maxBodyBytes: Int = 4_194_304
    /// Timeouts and the connection cap; its `maxBodyBytes` is set from `maxBodyBytes` above.
    var connectionLimits = RequestReadLimits()
    /// The most journal entries one push may carry.
    var maxEntries: Int = 1_000
    /// How long an event may wait for its batch's receipt before it is flagged as an orphan.
    var orphanTimeoutSeconds: Int64 = 24 * 3600
    /// How old a business time may be before it is flagged as implausible.
    var pastWindowDays: Int64 = 30
    /// Read-only connections beside the writer (`CentralReaders`); 0 serves reads on the writer.
    var readers = CentralReaders.defaultCount
    /// Requests per minute one client address may make to the public trace routes (`/v1/trace/…`, `/t/…`).
    var publicRateLimit: Int = 120
    /// The public rate limit's clock in seconds; nil is the monotonic clock. Tests freeze it, so a slow machine
    /// cannot refill a bucket between two requests.
    var publicRateLimitClock: (@Sendable () -> Double)?
    /// Password checks per minute one client address may make (`POST /v1/auth/login`, `/v1/auth/password`).
    var loginRateLimitPerAddress: Int = 30
    /// Password checks per minute of one name, whether or not it is a user's.
    var loginRateLimitPerName: Int = 10
    /// The login rate limit's clock in seconds; nil is the monotonic clock. Tests freeze it.
    var loginRateLimitClock: (@Sendable () -> Double)?
    /// The abuse limits of the shoppers' complaint form (per client an hour, per code a day, form size).
    var complaintLimits = ComplaintLimits()
    /// TLS for HTTPS (`serve --tls-cert --tls-key`); nil serves plain HTTP, for loopback or behind a TLS proxy.
    var tls: TLSConfiguration?
    /// How much the server logs.
    var logLevel: Logger.Level = .info
    /// Enrollment codes issued for demo markets, announced with the address once the server runs.
    var demoEnrollments: [DemoEnrollment] = []
    /// Whether to make the bootstrap admin token once the server listens, if the store has none, and print it once
    /// (`serve` does).
    var bootstrapAdminToken = false
    /// Scheduled backups of the store (`serve --backup-dir --backup-every`); nil takes none.
    var backupSchedule: BackupSchedule?
    /// The key personal data is encrypted under; nil finds it as `DataKey.resolve(databasePath:)` does.
    var dataKey: DataKey?
    /// How many days audit records are kept before the daily purge removes them (at least 180).
    var auditRetentionDays = CentralStore.defaultAuditRetentionDays
}
