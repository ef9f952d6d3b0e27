import ArgumentParser
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import SyncCore
import CentralCore
import CentralSQLite
import UnixSignals

extension SyncServerCommand {
    /// `serve`: runs the HTTP server until SIGINT or SIGTERM, then shuts down gracefully.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "启动同步服务器 / Start the sync server.",
            discussion: """
                首次启动时打印一次性的引导令牌（仅显示一次），它只用于为首个省级管理员 admin 设置密码（POST /v1/auth/password 或 admin user passwd admin）；管理接口用登录得到的会话令牌。给出 --tls-cert 与 --tls-key 时只提供 HTTPS。
                收到 SIGINT 或 SIGTERM 时完成正在处理的请求后退出。日志级别 / log level: 环境变量 LOG_LEVEL（默认 info）。
                The first start prints a one-time bootstrap token, once: it only sets the first password of the province admin `admin` (POST /v1/auth/password, or admin user passwd admin); the admin routes take the session token a login returns. With --tls-cert and --tls-key it serves HTTPS only.
                On SIGINT or SIGTERM, finishes the requests in flight and exits. Log level: env LOG_LEVEL (default info).
                """
        )

        @Option(help: "中心数据库文件 / central database file")
        var db = "./data/central.sqlite"

        @Option(help: "监听地址 / address to listen on")
        var host = "127.0.0.1"

        @Option(help: "端口；0 表示任选空闲端口 / port; 0 picks a free one")
        var port = 8080

        @Flag(help: "添加两个海口演示批发市场及其经营户，并为每个市场打印注册码 / add two demo Haikou wholesale markets with their operators and print an enrollment code for each")
        var demo = false

        @Option(help: "请求体上限（字节）/ largest request body, in bytes")
        var maxBodyBytes = 4_194_304

        @Option(help: "每次推送的记录上限 / most entries per push")
        var maxEntries = 1_000

        @Option(help: "记录等待其批次进场登记多久后标记为孤立记录（秒）/ seconds an event may wait for its batch before it is flagged as an orphan")
        var orphanTimeout: Int64 = 24 * 3600

        @Option(help: "业务时间早于收到时间多少天即标记为异常 / days a business time may lie in the past before it is flagged")
        var pastWindowDays: Int64 = 30

        @Option(help: "写入之外的只读连接数（查询、拉取、导出不必等待推送）；0 表示都在写入线程上 / read-only connections beside the writer (pulls, lookups and exports never wait for a push); 0 serves reads on the writer")
        var readers = CentralReaders.defaultCount

        @Option(help: "公开查询接口（/v1/trace、/t）每个客户端地址每分钟的请求上限 / requests per minute one client address may make to the public trace routes")
        var publicRateLimit = 120

        @Option(help: "每个客户端地址每小时可提交的消费者投诉表单数 / complaint forms one client address may post an hour")
        var complaintRateLimit = ComplaintLimits().perClientPerHour

        @Option(help: "每个追溯码每个业务日（UTC+8）最多收到的投诉数 / most complaints one trace code may get in a business day (UTC+8)")
        var complaintsPerCode = ComplaintLimits().perCodePerDay

        @Option(help: "每个客户端地址每分钟的密码校验上限（登录与改密码；每个用户名另限每分钟 10 次）/ password checks per minute one client address may make (login and password change; each name is also limited to 10 a minute)")
        var loginRateLimit = 30

        @Option(help: "同时打开的连接上限，超出的连接排队等待 / most connections open at once; more wait in the backlog")
        var maxConnections = 1_000

        @Option(help: "新连接须在多少秒内发完第一个请求的请求头 / seconds a new connection has to send its first request's headers")
        var headerTimeout = 10

        @Option(help: "请求体须在请求头之后多少秒内收完 / seconds a request body has to arrive whole after its headers")
        var bodyTimeout = 60

        @Option(help: "空闲连接多少秒后关闭（读取请求时两次收到数据的最长间隔）/ seconds an idle connection stays open (and the longest gap while a request is read)")
        var idleTimeout = 60

        @Option(help: "TLS 证书链 PEM 文件（与 --tls-key 一起使用，启用 HTTPS）/ PEM file with the TLS certificate chain (with --tls-key, serves HTTPS)")
        var tlsCert: String?

        @Option(help: "TLS 私钥 PEM 文件 / PEM file with the TLS private key")
        var tlsKey: String?

        @Option(help: "定时备份的目录（与 --backup-every 一起使用）/ directory for scheduled backups (with --backup-every)")
        var backupDir: String?

        @Option(help: "定时备份的间隔，如 30m、6h、1d / how often to back up, e.g. 30m, 6h, 1d")
        var backupEvery: String?

        @Option(help: "审计记录保留天数，至少 180（启动时及每天清理更早的记录）/ days audit records are kept, at least 180 (older ones are purged at start and daily)")
        var auditRetentionDays = CentralStore.defaultAuditRetentionDays

        @Option(help: "个人信息加密密钥文件（base64 的 32 字节；默认读环境变量 TRACESYNC_DATA_KEY，否则用数据库旁的 .key 文件）/ data key file for personal data (base64 of 32 bytes; default: TRACESYNC_DATA_KEY, else the .key file beside the database)")
        var dataKeyFile: String?

        func validate() throws {
            guard (tlsCert == nil) == (tlsKey == nil) else {
                throw ValidationError("--tls-cert 与 --tls-key 须同时给出 / give both --tls-cert and --tls-key, or neither")
            }
            guard (0...65_535).contains(port) else {
                throw ValidationError("端口应在 0 到 65535 之间 / --port must be from 0 to 65535")
            }
            guard (0...16).contains(readers) else {
                throw ValidationError("--readers 应在 0 到 16 之间 / --readers must be from 0 to 16")
            }
            guard (backupDir == nil) == (backupEvery == nil) else {
                throw ValidationError("--backup-dir 与 --backup-every 须同时给出 / give both --backup-dir and --backup-every, or neither")
            }
            if let backupEvery {
                do { _ = try BackupInterval.parse(backupEvery) } catch let refusal as TraceSyncError { throw ValidationError(refusal) }
            }
            guard auditRetentionDays >= CentralStore.minimumAuditRetentionDays else {
                throw ValidationError(CentralStore.retentionTooShort(auditRetentionDays))
            }
            guard complaintRateLimit > 0, complaintsPerCode > 0 else {
                throw ValidationError("投诉上限应大于 0 / --complaint-rate-limit and --complaints-per-code must be greater than 0")
            }
            guard publicRateLimit > 0 else {
                throw ValidationError("公开查询上限应大于 0 / --public-rate-limit must be greater than 0")
            }
            guard loginRateLimit > 0, maxConnections > 0, headerTimeout > 0, bodyTimeout > 0, idleTimeout > 0 else {
                throw ValidationError("登录上限、连接上限和各超时应大于 0 / --login-rate-limit, --max-connections, --header-timeout, --body-timeout and --idle-timeout must be greater than 0")
            }
            guard maxBodyBytes > 0, maxEntries > 0, orphanTimeout >= 0, pastWindowDays > 0 else {
                throw ValidationError("上限应大于 0，孤立超时不能为负 / --max-body-bytes, --max-entries and --past-window-days must be greater than 0, --orphan-timeout at least 0")
            }
        }

        func run() async throws {
            var configuration = ServerConfiguration(
                databasePath: db, host: host, port: port, maxBodyBytes: maxBodyBytes, maxEntries: maxEntries,
                publicRateLimit: publicRateLimit,
                logLevel: ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info,
                bootstrapAdminToken: true
            )
            configuration.orphanTimeoutSeconds = orphanTimeout
            configuration.readers = readers
            configuration.loginRateLimitPerAddress = loginRateLimit
            configuration.complaintLimits.perClientPerHour = complaintRateLimit
            configuration.complaintLimits.perCodePerDay = complaintsPerCode
            configuration.connectionLimits = RequestReadLimits(
                headerTimeout: .seconds(Int64(headerTimeout)), bodyTimeout: .seconds(Int64(bodyTimeout)),
                idleTimeout: .seconds(Int64(idleTimeout)), maxConnections: maxConnections
            )
            configuration.pastWindowDays = pastWindowDays
            configuration.auditRetentionDays = auditRetentionDays
            if let backupDir, let backupEvery {
                configuration.backupSchedule = BackupSchedule(directory: backupDir, intervalSeconds: try BackupInterval.parse(backupEvery))
            }
            do {
                if let tlsCert, let tlsKey {
                    configuration.tls = try TLSFiles(certificatePath: tlsCert, keyPath: tlsKey).configuration()
                }
                let dataKey = try DataKey.resolve(databasePath: db, keyFile: dataKeyFile)
                configuration.dataKey = dataKey
                if demo {
                    let store = try CentralStore(path: db, dataKey: dataKey)
                    configuration.demoEnrollments = try DemoMarkets.seed(into: store, now: BusinessTime.now())
                }
                let app = try await buildApplication(configuration)
                let services = ServiceGroup(configuration: .init(
                    services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: app.logger
                ))
                try await services.run()
                app.logger.info("sync-server stopped")
            } catch {
                throw commandFailure(error)
            }
        }
    }
}
