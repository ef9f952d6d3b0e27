import Foundation
import CentralCore

/// When admin sessions were last used, kept in memory so a request's session check reads the store on a reader and
/// never waits for the writer: the writer records a session's use at most once a minute
/// (`AdminSessionPolicy.touchInterval`), batched, after the request answered.
///
/// A check takes the later of the stored last use and the one kept here, so within a server run the 30-minute idle
/// limit is exact; only after a restart can the stored time be up to a minute early (see `StoredAdminSession`).
final class AdminSessionTouches: @unchecked Sendable {
    // @unchecked Sendable: every property is only read or written with `lock` held.
    private let lock = NSLock()
    /// The last use of each session this server saw, by token hash.
    private var lastUse: [String: Int64] = [:]
    /// The last use of each session the writer has recorded or been asked to record, by token hash.
    private var recorded: [String: Int64] = [:]
    /// Uses waiting for the writer, by token hash.
    private var pending: [String: Int64] = [:]

    /// The last use of the session with this token hash that this server saw, or nil.
    func lastUse(of tokenHash: String) -> Int64? {
        lock.lock()
        defer { lock.unlock() }
        return lastUse[tokenHash]
    }

    /// Keeps that the session was used at `time`, when the store last recorded its use at `stored`; true when the
    /// use is now waiting for the writer and nothing else was, so the caller has the writer record it (later uses
    /// join that record until it drains them).
    func touch(_ tokenHash: String, at time: Int64, stored: Int64) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        lastUse[tokenHash] = max(lastUse[tokenHash] ?? time, time)
        let known = max(stored, recorded[tokenHash] ?? stored)
        guard time - known >= AdminSessionPolicy.touchInterval else { return false }
        let first = pending.isEmpty
        pending[tokenHash] = time
        recorded[tokenHash] = time
        return first
    }

    /// Forgets a session that ended.
    func forget(_ tokenHash: String) {
        lock.lock()
        defer { lock.unlock() }
        lastUse[tokenHash] = nil
        recorded[tokenHash] = nil
        pending[tokenHash] = nil
    }

    /// The uses waiting, which are then no longer kept as waiting; sessions unused for longer than a session lives
    /// are forgotten, so the memory held stays that of the sessions in use.
    func drain(now: Int64) -> [String: Int64] {
        lock.lock()
        defer { lock.unlock() }
        let drained = pending
        pending = [:]
        let cutoff = now - AdminSessionPolicy.lifetime
        lastUse = lastUse.filter { $0.value >= cutoff }
        recorded = recorded.filter { $0.value >= cutoff }
        return drained
    }
}
