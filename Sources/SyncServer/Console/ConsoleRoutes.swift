import Hummingbird
import SyncCore
import CentralCore
import CentralSQLite

/// Where the console's pages are routed, under `/console`. Every page sits behind `ConsoleErrorMiddleware` (errors
/// as bilingual HTML pages); every page but sign-in and the first password also behind `ConsoleAuthMiddleware`
/// (session cookie, CSRF check on every POST). A new page: a `RouteCollection<SyncRequestContext>` added to
/// `signedIn` below, and a link in `ConsoleNavigation.extraLinks`.
enum ConsoleRoutes {
    /// Adds the console to `router`.
    /// - Parameters:
    ///   - limiter: the login rate limit the API's login uses too.
    ///   - secure: whether the server runs TLS, so cookies get `Secure`.
    static func add(to router: Router<SyncRequestContext>, service: CentralService, limiter: LoginRateLimiter, secure: Bool) {
        let console = router.group("/console").add(middleware: ConsoleErrorMiddleware())
        console.addRoutes(ConsoleSignInController(service: service, limiter: limiter, secure: secure).endpoints)
        let signedIn = console.group().add(middleware: ConsoleAuthMiddleware(service: service))
        signedIn.addRoutes(ConsoleSessionController(service: service, secure: secure).endpoints)
        signedIn.addRoutes(ConsoleOverviewController(service: service).endpoints)
        signedIn.addRoutes(ConsoleConflictsController(service: service).endpoints)
        signedIn.addRoutes(ConsoleDevicesController(service: service, secure: secure).endpoints)
        signedIn.addRoutes(ConsoleOperatorsController(service: service).endpoints)
        signedIn.addRoutes(ConsoleRecallController(service: service).endpoints)
        signedIn.addRoutes(ConsoleUsersController(service: service).endpoints)
        signedIn.addRoutes(ConsoleAuditController(service: service).endpoints)
        signedIn.addRoutes(ConsoleStatsController(service: service).endpoints)
        signedIn.addRoutes(ConsoleComplaintsController(service: service).endpoints)
        signedIn.addRoutes(ConsoleCreditController(service: service).endpoints)
        signedIn.addRoutes(ConsoleFindingsController(service: service).endpoints)
        signedIn.addRoutes(ConsoleEquipmentController(service: service).endpoints)
    }
}
