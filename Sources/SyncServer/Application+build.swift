import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import SyncCore
import CentralCore
import CentralSQLite

/// Builds the sync server: the store, the router and the application that serves it.
func buildApplication(_ configuration: ServerConfiguration) async throws -> some ApplicationProtocol {
    let logger = {
        var logger = Logger(label: "sync-server")
        logger.logLevel = configuration.logLevel
        return logger
    }()
    let service = try CentralService(
        path: configuration.databasePath, orphanTimeout: configuration.orphanTimeoutSeconds * 1000,
        pastWindow: configuration.pastWindowDays * 86_400_000, dataKey: configuration.dataKey,
        readers: configuration.readers
    )
    let router = try buildRouter(configuration, service: service)
    let limits = {
        var limits = configuration.connectionLimits
        limits.maxBodyBytes = configuration.maxBodyBytes
        return limits
    }()
    let http1 = HTTP1Channel.Configuration(
        additionalChannelHandlers: [RequestReadLimitsHandler(limits: limits, logger: logger)],
        idleTimeout: limits.idleTimeout
    )
    var app = Application(
        router: router,
        server: try configuration.tls.map { try .tls(.http1(configuration: http1), tlsConfiguration: $0) }
            ?? .http1(configuration: http1),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: "sync-server",
            availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections, logger: logger)
        ),
        onServerRunning: { channel in
            let adminToken = configuration.bootstrapAdminToken ? await bootstrapAdminToken(service, logger: logger) : nil
            announce(configuration, port: channel.localAddress?.port ?? configuration.port, adminToken: adminToken)
        },
        logger: logger
    )
    app.addServices(AuditRetentionService(service: service, retentionDays: configuration.auditRetentionDays, logger: logger))
    app.addServices(AuditHeadService(service: service, logger: logger))
    app.addServices(SupervisionCheckService(service: service, logger: logger))
    if let schedule = configuration.backupSchedule {
        app.addServices(ScheduledBackupService(
            databasePath: configuration.databasePath, directory: URL(fileURLWithPath: schedule.directory),
            interval: schedule.intervalSeconds, logger: logger
        ))
    }
    app.beforeServerStarts {
        let check = try await service.integrityCheck(quick: true)
        guard check == "ok" else {
            throw TraceSyncError(.databaseCorrupt, field: nil,
                                 zh: "中心数据库未通过完整性检查（\(check)）：服务器未启动，请从备份恢复数据库。",
                                 en: "the central database failed its integrity check (\(check)): the server did not start; restore the database from a backup.")
        }
        logger.info("database quick check ok", metadata: ["db": "\(configuration.databasePath)"])
    }
    return app
}

/// The routes and middleware; middleware wraps every route, the outermost first.
func buildRouter(_ configuration: ServerConfiguration, service: CentralService) throws -> Router<SyncRequestContext> {
    let router = Router(context: SyncRequestContext.self)
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: AccessLogMiddleware())
    router.add(middleware: AuditMiddleware(service: service))
    router.add(middleware: ErrorMiddleware())
    let body = JSONBody(maxBytes: configuration.maxBodyBytes)
    router.addRoutes(HealthController { await service.health() }.endpoints, atPath: "/healthz")
    router.addRoutes(try OpenAPIController().endpoints, atPath: "/openapi.json")
    router.addRoutes(DeviceController(service: service, body: body).endpoints, atPath: "/v1/devices")
    let loginLimiter = LoginRateLimiter(
        perAddress: configuration.loginRateLimitPerAddress, perName: configuration.loginRateLimitPerName,
        now: configuration.loginRateLimitClock
    )
    router.addRoutes(AuthController(service: service, body: body, limiter: loginLimiter).endpoints, atPath: "/v1/auth")
    router.addRoutes(
        SyncController(service: service, body: body, maxEntries: configuration.maxEntries).endpoints,
        atPath: "/v1/sync"
    )
    let limiter = PublicRateLimiter(perMinute: configuration.publicRateLimit, now: configuration.publicRateLimitClock)
    router.group("/v1/trace")
        .add(middleware: PublicRateLimitMiddleware(limiter: limiter, html: false))
        .addRoutes(PublicTraceController(service: service).endpoints)
    router.group("/t")
        .add(middleware: PublicRateLimitMiddleware(limiter: limiter, html: true))
        .addRoutes(TracePageController(service: service).endpoints)
        .addRoutes(ComplaintPageController(
            service: service, limits: configuration.complaintLimits,
            limiter: ComplaintRateLimiter(perHour: configuration.complaintLimits.perClientPerHour)
        ).endpoints)
    router.group("/v1/admin")
        .add(middleware: AdminAuthMiddleware(service: service))
        .addRoutes(AdminConflictController(service: service, body: body).endpoints, atPath: "conflicts")
        .addRoutes(AdminUserController(service: service, body: body).endpoints, atPath: "users")
        .addRoutes(AdminAuditController(service: service).endpoints, atPath: "audit")
        .addRoutes(AdminDeviceController(service: service).endpoints, atPath: "devices")
        .addRoutes(AdminOperatorController(service: service).endpoints, atPath: "operators")
        .addRoutes(AdminTraceController(service: service).endpoints)
        .addRoutes(AdminHoldController(service: service, body: body).endpoints)
        .addRoutes(AdminFindingsController(service: service, body: body).endpoints, atPath: "findings")
        .addRoutes(AdminComplaintController(service: service, body: body).endpoints, atPath: "complaints")
        .addRoutes(AdminEquipmentController(service: service).endpoints, atPath: "equipment")
        .addRoutes(AdminCreditController(service: service, body: body).endpoints, atPath: "credit")
        .addRoutes(AdminCreditController(service: service, body: body).operatorEndpoints, atPath: "operators")
    router.group("/v1/export")
        .add(middleware: AdminAuthMiddleware(service: service))
        .addRoutes(ExportController(service: service).endpoints)
        .addRoutes(AdminFindingsController(service: service, body: body).exportEndpoints)
    ConsoleRoutes.add(to: router, service: service, limiter: loginLimiter, secure: configuration.tls != nil)
    router.add(middleware: MethodNotAllowedMiddleware(routes: router.routes.map { ($0.path, $0.method) }))
    return router
}

/// Makes the bootstrap admin token if the store has none yet. It is made only once the server listens, so a start
/// that fails (a port in use) never makes a token that nobody saw. A failure is logged, never the token.
private func bootstrapAdminToken(_ service: CentralService, logger: Logger) async -> String? {
    do {
        return try await service.ensureBootstrapAdminToken()
    } catch {
        logger.error("could not make the bootstrap admin token", metadata: ["error": "\(String(reflecting: error))"])
        return nil
    }
}

/// Prints where the server listens (the bound port when 0 was asked for), the demo enrollment codes and a new admin
/// token, then flushes: scripts and tests wait for the first line. The token goes to standard output only, not the log.
private func announce(_ configuration: ServerConfiguration, port: Int, adminToken: String?) {
    let base = "\(configuration.tls == nil ? "http" : "https")://\(configuration.host):\(port)"
    var lines = ["sync-server 正在监听 / listening on \(base)", "管理控制台 / admins' console: \(base)/console"]
    for demo in configuration.demoEnrollments {
        lines.append("演示市场 / demo market \(demo.node.code) \(demo.node.name)")
        lines.append("  注册码 / enrollment code: \(demo.code)（有效期至 / expires \(BusinessTime.display(demo.expiresAt)) UTC+8）")
        lines.append("  设备注册 / enroll a device: field enroll \(base) \(demo.code)")
    }
    if let adminToken {
        lines.append("引导令牌（仅显示一次，只用于设置首个省级管理员 admin 的密码）/ bootstrap token (shown once, only for setting the first password of the province admin `admin`): \(adminToken)")
        lines.append("  在浏览器中设置密码 / set the password in the browser: \(base)/console/password")
        lines.append("  或用 API 设置 / or with the API:")
        lines.append("  POST \(base)/v1/auth/password {\"bootstrapToken\": \"<令牌 token>\", \"newPassword\": \"<新密码 new password>\"}")
        lines.append("  然后登录 / then log in: POST \(base)/v1/auth/login {\"name\": \"admin\", \"password\": \"…\"}")
    }
    FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
}
