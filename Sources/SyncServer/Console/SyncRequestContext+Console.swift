import SyncCore
import CentralCore
import CentralSQLite

extension SyncRequestContext {
    /// The console session; a route behind `ConsoleAuthMiddleware` always has one.
    /// - Throws: `TraceSyncError` `unauthorized` without one.
    func requireConsole() throws -> ConsoleSession {
        guard let console else { throw ConsoleAuthMiddleware.signInAgain }
        return console
    }
}
